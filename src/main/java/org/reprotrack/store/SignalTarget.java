package org.reprotrack.store;

import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.links.RepoRef;

/**
 * A reachable GitHub repository whose signals are stale, as the store knows it.
 *
 * @param repoId the repository's row id
 * @param ref the repository as linked
 * @param movedTo the new {@code owner/name} when it moved
 * @param metadata the metadata of the last check (default branch, pushed_at, licence, created_at)
 * @param etag the ETag of the last check's answer (any token: only compared, never sent)
 */
public record SignalTarget(long repoId, RepoRef ref, @Nullable String movedTo, @Nullable RepoMetadata metadata,
        @Nullable String etag) {
}
