package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoMetadata;

/** One repository's current state and latest metadata (as the host last described it: untrusted text). */
public record RepoDetail(long id, String key, String host, String path, String status, @Nullable Instant statusSince,
        @Nullable Instant firstSeen, @Nullable Instant firstSeenDead, @Nullable Instant lastAlive,
        @Nullable Instant lastChecked, @Nullable Instant nextCheck, @Nullable Integer httpStatus,
        @Nullable String detail, @Nullable String blockReason, @Nullable String movedTo,
        @Nullable Integer stars, @Nullable Instant pushedAt, @Nullable Boolean archived,
        @Nullable RepoMetadata metadata) {
}
