package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Software Heritage save request as last followed.
 *
 * @param swhId SWH's request id (null when refused before one was given)
 * @param requestStatus accepted, pending or rejected
 * @param taskStatus not created, not yet scheduled, scheduled, running, succeeded or failed
 * @param snapshotSwhid the snapshot's SWHID once archived: the identifier to cite
 */
public record SaveRequest(long id, long repoId, String originUrl, @Nullable Long swhId, Instant requestedAt, String requestStatus,
        @Nullable String taskStatus, @Nullable Instant visitDate, @Nullable String snapshotSwhid, @Nullable String note,
        @Nullable Instant followedAt, boolean done) {
}
