package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One repository as listed by {@code reprotrack repos}. */
public record RepoRow(
        String repoKey,
        String status,
        @Nullable Integer httpStatus,
        @Nullable String movedTo,
        @Nullable String blockReason,
        @Nullable Instant lastChecked,
        @Nullable Instant nextCheck,
        @Nullable Instant firstSeenDead,
        @Nullable Instant lastAlive,
        @Nullable Integer stars,
        @Nullable Instant pushedAt,
        @Nullable Boolean archived,
        int papers,
        @Nullable String detail) {
}
