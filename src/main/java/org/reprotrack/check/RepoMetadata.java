package org.reprotrack.check;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the host told us about a repository at one check. Every field may be unknown for a host that does not say.
 *
 * @param headCommit the commit id at the head of the default branch (GitHub GraphQL; REST checks leave it unknown)
 * @param askedCommit the recorded publication commit this check asked about ({@code object(oid:)}), if any
 * @param askedCommitFound whether {@code askedCommit} still resolves: false means the history was rewritten
 */
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
        @Nullable String homepage,
        @Nullable String headCommit,
        @Nullable String askedCommit,
        @Nullable Boolean askedCommitFound) {

    public RepoMetadata {
        topics = List.copyOf(topics);
    }

    /** Metadata without commit ids (hosts and APIs that do not give them). */
    public RepoMetadata(@Nullable Integer stars, @Nullable Integer forks, @Nullable Integer openIssues, @Nullable Boolean archived,
            @Nullable Boolean disabled, @Nullable Boolean fork, @Nullable String language, @Nullable String license,
            @Nullable String defaultBranch, @Nullable Instant createdAt, @Nullable Instant pushedAt, @Nullable Instant updatedAt,
            @Nullable String description, List<String> topics, @Nullable String homepage) {
        this(stars, forks, openIssues, archived, disabled, fork, language, license, defaultBranch, createdAt, pushedAt, updatedAt,
                description, topics, homepage, null, null, null);
    }

    /** The same metadata with the answer about a recorded commit. */
    public RepoMetadata withAskedCommit(String commit, boolean found) {
        return new RepoMetadata(stars, forks, openIssues, archived, disabled, fork, language, license, defaultBranch, createdAt,
                pushedAt, updatedAt, description, topics, homepage, headCommit, commit, found);
    }
}
