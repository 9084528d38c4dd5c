package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event of the notification log (V18): a repository newly dead or recovered, or a promise not kept.
 *
 * @param kind {@code newly_dead}, {@code recovered} or {@code promise_not_kept}
 * @param paperId the paper, for a promise not kept
 * @param occurredAt when the repository took the status (for a promise: when it was found broken)
 */
public record NotifyEvent(long id, String kind, @Nullable Long repoId, String repoKey, @Nullable String paperId, String status,
        @Nullable String previousStatus, Instant occurredAt, Instant detectedAt) {

    public static final String NEWLY_DEAD = "newly_dead";
    public static final String RECOVERED = "recovered";
    public static final String PROMISE_NOT_KEPT = "promise_not_kept";
}
