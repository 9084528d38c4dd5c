package org.reprotrack.check.signals;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything one signals fetch learned about a repository, and what it was based on.
 *
 * @param checklist the five items with their evidence
 * @param placeholder the placeholder verdict
 * @param partial the tree was truncated: present items are real, absent ones unproven
 * @param files how many files the tree listed
 * @param readmeFound GitHub found a README
 * @param licence the SPDX id, {@code none} when GitHub found no licence, null when unknown
 * @param createdAt the repository's creation time
 * @param basedOnPushedAt the repository's {@code pushed_at} at the fetch: unchanged means no refetch
 * @param basedOnEtag the repository answer's ETag at the fetch
 * @param treeEtag the tree answer's ETag, for a conditional refetch
 * @param readmeEtag the README answer's ETag, for a conditional refetch
 * @param fetchedAt when the tree and README were read (or confirmed unchanged)
 * @param firstNonPlaceholderAt the first fetch that found code, kept across fetches
 * @param seenAsPlaceholder an earlier fetch found no code, so {@code firstNonPlaceholderAt} brackets the
 *     moment code arrived; false means code was already there at our first look
 */
public record RepoSignals(
        Checklist checklist,
        Placeholder placeholder,
        boolean partial,
        int files,
        boolean readmeFound,
        @Nullable String licence,
        @Nullable Instant createdAt,
        @Nullable Instant basedOnPushedAt,
        @Nullable String basedOnEtag,
        @Nullable String treeEtag,
        @Nullable String readmeEtag,
        Instant fetchedAt,
        @Nullable Instant firstNonPlaceholderAt,
        boolean seenAsPlaceholder) {

    public RepoSignals {
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(placeholder, "placeholder");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    public int score() {
        return checklist.score();
    }
}
