package org.reprotrack.report;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A paper whose promised code never came: its promised repository is still EMPTY, PLACEHOLDER or
 * NOT_FOUND (or its signals find no code) more than {@code signals.promise_days} after the
 * paper's first version.
 *
 * @param repoKey the promised repository; null when the paper promised code without giving a code link
 * @param status the repository's current status, or PROMISED_NO_LINK
 * @param published the paper's first version
 * @param daysSince whole days from the first version to the report
 */
public record PromiseNotKept(String paperId, @Nullable String title, @Nullable String repoKey, String status, Instant published,
        long daysSince) {

    /** What the report shows in the repository column when the promise came without a link. */
    static final String NO_LINK = "(no code link)";

    /** The repository as the report shows it. */
    String repository() {
        return repoKey == null ? NO_LINK : repoKey;
    }
}
