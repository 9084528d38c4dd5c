package org.reprotrack.store;

import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A paper whose promised code link still shows no code past the promise period.
 *
 * @param paperId the paper
 * @param repoKey the promised repository; null when the paper promised code without a code link
 * @param status the repository's status (EMPTY, PLACEHOLDER or NOT_FOUND; OK/ARCHIVED/MOVED when
 *     its signals say placeholder but no audit has recorded that yet), or PROMISED_NO_LINK
 * @param published the paper's first version
 * @param daysSince whole days from the first version to now
 */
public record BrokenPromise(String paperId, @Nullable String repoKey, String status, Instant published, long daysSince) {

    /** By paper, then repository; a promise without a link first. */
    public static final Comparator<BrokenPromise> ORDER = Comparator.comparing(BrokenPromise::paperId)
            .thenComparing(BrokenPromise::repoKey, Comparator.nullsFirst(Comparator.naturalOrder()));
}
