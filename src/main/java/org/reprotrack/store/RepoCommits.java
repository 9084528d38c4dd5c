package org.reprotrack.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A repository's commits as the checks saw them (issue 16): its head now, and per paper the
 * commit at publication, whether the code changed since, and whether the history was rewritten.
 *
 * @param head the head commit of the default branch at the last check that gave one (GraphQL checks only)
 * @param headSince the first check that saw this head
 * @param pinned the publication commit of the earliest paper, the one the checks ask about
 * @param pinnedFound whether it still resolved when last asked: false, the history was rewritten; null, never asked
 * @param pinnedCheckedAt when it was last asked about
 * @param pinnedGoneSince the first answer that said it is gone
 * @param papers per paper linking the repository, its commit at publication
 */
public record RepoCommits(@Nullable String head, @Nullable Instant headSince, @Nullable String pinned, @Nullable Boolean pinnedFound,
        @Nullable Instant pinnedCheckedAt, @Nullable Instant pinnedGoneSince, List<PaperCommit> papers) {

    public RepoCommits {
        papers = List.copyOf(papers);
    }

    /**
     * One paper's commit at publication.
     *
     * @param changed the head moved since (null while the head is unknown)
     * @param rewritten the commit no longer resolves: the history was rewritten (null when not known)
     */
    public record PaperCommit(String paperId, String commit, Instant seenAt, @Nullable Boolean changed, @Nullable Boolean rewritten) {
    }

    /** Nothing known: no GraphQL check has given a head commit yet. */
    public boolean empty() {
        return head == null && papers.isEmpty();
    }

    /** The recorded publication commit is gone. */
    public boolean rewritten() {
        return Boolean.FALSE.equals(pinnedFound);
    }
}
