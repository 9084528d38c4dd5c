package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One code link whose repository is dead, failing or holds no code, with the repository's
 * evidence, as the report reads it.
 *
 * @param host the repository's CodeHost enum name
 * @param path the repository's path in its first-seen spelling
 * @param status the repository's CurrentStatus name
 */
public record DeadLinkRow(
        String paperId,
        int position,
        @Nullable String title,
        String url,
        boolean promised,
        String repoKey,
        String host,
        String path,
        String status,
        @Nullable Instant statusSince,
        @Nullable Integer httpStatus,
        @Nullable String blockReason,
        @Nullable String movedTo,
        @Nullable String detail,
        @Nullable Instant firstSeenDead,
        @Nullable Instant lastAlive,
        @Nullable Integer stars,
        @Nullable Instant pushedAt) {
}
