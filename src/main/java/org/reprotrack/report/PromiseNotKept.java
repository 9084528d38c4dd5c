package org.reprotrack.report;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A paper whose promised code never came: its promised repository is still EMPTY, PLACEHOLDER or
 * NOT_FOUND (or its signals find no code) more than {@code signals.promise_days} after the
 * paper's first version.
 *
 * @param status the repository's current status
 * @param published the paper's first version
 * @param daysSince whole days from the first version to the report
 */
public record PromiseNotKept(String paperId, @Nullable String title, String repoKey, String status, Instant published,
        long daysSince) {
}
