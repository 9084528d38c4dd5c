package org.reprotrack.check;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the store keeps about a repository between checks, and what {@link StatusPolicy} turns
 * into the next state.
 *
 * @param status the status shown
 * @param statusSince when that status began
 * @param firstSeenDead the first dead verdict of the current failing streak
 * @param lastAlive the last check that found code reachable
 * @param failingChecks consecutive dead verdicts in the current streak
 * @param nextCheck when the repository is due again
 */
public record RepoState(
        CurrentStatus status,
        @Nullable Instant statusSince,
        @Nullable Instant firstSeenDead,
        @Nullable Instant lastAlive,
        int failingChecks,
        @Nullable Instant nextCheck) {

    /** A repository never checked. */
    public static final RepoState NEW = new RepoState(CurrentStatus.PENDING, null, null, null, 0, null);
}
