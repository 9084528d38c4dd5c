package org.reprotrack.report;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;

/** Why a code link is in a report; each kind is its own section in Markdown and HTML. */
public enum RowKind {
    /** Confirmed gone (NOT_FOUND, BLOCKED, REPLACED across the grace period) after having been seen. */
    DEAD("Dead"),
    /** The code never came: an EMPTY or PLACEHOLDER repository, or a promised one that was never seen alive. */
    NEVER_RELEASED("Never released"),
    /** A dead answer not yet confirmed by a second check: listed apart so a flaky host never reads as a death. */
    FAILING("Failing (not yet confirmed)"),
    /** Listed as dead or never released in the previous report, reachable now. */
    RECOVERED("Recovered since the previous report");

    private final String heading;

    RowKind(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }

    /**
     * The kind of a link to a repository in a reported status, the same rule as a paper's
     * NO_CODE_YET: a promised repository that is missing and was never alive was never released.
     *
     * @return null for statuses a report does not list (reachable or pending)
     */
    public static @Nullable RowKind of(CurrentStatus status, boolean promised, @Nullable Instant lastAlive) {
        return switch (status) {
            case PENDING, OK, ARCHIVED, MOVED -> null;
            case EMPTY, PLACEHOLDER -> NEVER_RELEASED;
            case FAILING -> FAILING;
            case REPLACED, NOT_FOUND, BLOCKED -> promised && lastAlive == null ? NEVER_RELEASED : DEAD;
        };
    }

    /** Whether archives are asked about repositories of this kind (a repository that never held code has no copy to find). */
    public boolean askArchives() {
        return this == DEAD || this == FAILING;
    }
}
