package org.reprotrack.store;

import java.time.Instant;

/**
 * A paper whose promised code link still shows no code past the promise period.
 *
 * @param paperId the paper
 * @param repoKey the promised repository
 * @param status the repository's status (EMPTY, PLACEHOLDER or NOT_FOUND; OK/ARCHIVED/MOVED when
 *     its signals say placeholder but no audit has recorded that yet)
 * @param published the paper's first version
 * @param daysSince whole days from the first version to now
 */
public record BrokenPromise(String paperId, String repoKey, String status, Instant published, long daysSince) {
}
