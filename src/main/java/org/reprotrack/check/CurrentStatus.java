package org.reprotrack.check;

/**
 * A repository's status as shown to users, derived from its check history by {@link StatusPolicy}:
 * the last definitive verdict, except that a dead verdict is only {@link #FAILING} until it holds
 * across the grace period, and a repository without any verdict yet is {@link #PENDING}.
 */
public enum CurrentStatus {
    /** Never checked, or only UNKNOWN answers so far. */
    PENDING,
    OK,
    ARCHIVED,
    MOVED,
    EMPTY,
    PLACEHOLDER,
    /** A dead verdict not yet confirmed by a second check a grace period later. */
    FAILING,
    REPLACED,
    NOT_FOUND,
    BLOCKED;

    /** The status a definitive verdict leads to once confirmed. */
    public static CurrentStatus of(RepoStatus verdict) {
        return switch (verdict) {
            case OK -> OK;
            case ARCHIVED -> ARCHIVED;
            case MOVED -> MOVED;
            case EMPTY -> EMPTY;
            case PLACEHOLDER -> PLACEHOLDER;
            case REPLACED -> REPLACED;
            case NOT_FOUND -> NOT_FOUND;
            case BLOCKED -> BLOCKED;
            case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is not a verdict");
        };
    }

    /** Code can be reached through the link (possibly under a new name). */
    public boolean reachable() {
        return this == OK || this == ARCHIVED || this == MOVED;
    }

    /** Confirmed gone. */
    public boolean dead() {
        return this == REPLACED || this == NOT_FOUND || this == BLOCKED;
    }

    /** Exists but holds no code. */
    public boolean noCodeYet() {
        return this == EMPTY || this == PLACEHOLDER;
    }
}
