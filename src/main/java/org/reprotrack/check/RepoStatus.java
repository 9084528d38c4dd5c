package org.reprotrack.check;

/** The verdict of one check of one repository (status-model.md). */
public enum RepoStatus {
    /** Public repository with code. */
    OK,
    /** Read-only but still there. */
    ARCHIVED,
    /** Renamed or transferred; reachable under a new name. */
    MOVED,
    /** Exists, no commits. */
    EMPTY,
    /** Exists, but holds only README, licence or images, or a README that says the code is coming. */
    PLACEHOLDER,
    /** The name now belongs to another repository (the host's numeric id changed). */
    REPLACED,
    /** Deleted, private, or never existed. */
    NOT_FOUND,
    /** Taken down: DMCA, or disabled by the host. */
    BLOCKED,
    /** No verdict this time (timeout, connection error, 5xx, malformed body, rate limited). */
    UNKNOWN;

    /** The repository's code can be reached (possibly under a new name). */
    public boolean reachable() {
        return switch (this) {
            case OK, ARCHIVED, MOVED -> true;
            case EMPTY, PLACEHOLDER, REPLACED, NOT_FOUND, BLOCKED, UNKNOWN -> false;
        };
    }

    /** A definitive answer that the code is gone from this link. */
    public boolean dead() {
        return switch (this) {
            case NOT_FOUND, BLOCKED, REPLACED -> true;
            case OK, ARCHIVED, MOVED, EMPTY, PLACEHOLDER, UNKNOWN -> false;
        };
    }

    /** The repository exists but holds no code yet. */
    public boolean noCodeYet() {
        return this == EMPTY || this == PLACEHOLDER;
    }

    /** A verdict at all: UNKNOWN never replaces an earlier one. */
    public boolean definitive() {
        return this != UNKNOWN;
    }
}
