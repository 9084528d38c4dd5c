package org.reprotrack.check;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.links.RepoRef;

/**
 * The outcome of one check of one repository, with its evidence. One row of history.
 *
 * @param ref the repository asked about
 * @param checkedAt when the answer arrived
 * @param status the verdict
 * @param httpStatus the decisive HTTP status, if any
 * @param detail the evidence in words: API message, UNKNOWN's reason ("read timeout", "HTTP 502")
 * @param metadata what the host said about the repository, when it said anything
 * @param etag the ETag of the answer, for the next conditional request
 * @param movedTo the new {@code owner/name} for MOVED
 * @param hostId the host's numeric repository id (GitHub), which survives renames
 * @param blockReason the host's block reason for BLOCKED ({@code dmca}, {@code tos}, {@code unavailable})
 * @param requestId the host's request id, for support tickets
 */
public record CheckResult(
        RepoRef ref,
        Instant checkedAt,
        RepoStatus status,
        @Nullable Integer httpStatus,
        String detail,
        @Nullable RepoMetadata metadata,
        @Nullable String etag,
        @Nullable String movedTo,
        @Nullable Long hostId,
        @Nullable String blockReason,
        @Nullable String requestId) {

    public CheckResult {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** An UNKNOWN result: no verdict, with the reason. */
    public static CheckResult unknown(RepoRef ref, Instant at, @Nullable Integer httpStatus, String reason) {
        return new CheckResult(ref, at, RepoStatus.UNKNOWN, httpStatus, reason, null, null, null, null, null, null);
    }
}
