package org.reprotrack.check;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the host told us about a repository at one check. Every field may be unknown for a host that does not say. */
public record RepoMetadata(
        @Nullable Integer stars,
        @Nullable Integer forks,
        @Nullable Integer openIssues,
        @Nullable Boolean archived,
        @Nullable Boolean disabled,
        @Nullable Boolean fork,
        @Nullable String language,
        @Nullable String license,
        @Nullable String defaultBranch,
        @Nullable Instant createdAt,
        @Nullable Instant pushedAt,
        @Nullable Instant updatedAt,
        @Nullable String description,
        List<String> topics,
        @Nullable String homepage) {

    public RepoMetadata {
        topics = List.copyOf(topics);
    }
}
