package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live repository with no Software Heritage snapshot, or one older than its last push.
 *
 * @param snapshotAt the last snapshot's visit date, null when there is none
 * @param pushedAt the repository's last push, as its host last said
 * @param save the newest save request sent for it, if any
 */
public record VulnerableRepo(long id, String key, String status, String originUrl, Instant askedAt, @Nullable Instant snapshotAt,
        @Nullable Instant pushedAt, @Nullable SaveRequest save) {
}
