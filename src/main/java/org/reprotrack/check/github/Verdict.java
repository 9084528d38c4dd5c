package org.reprotrack.check.github;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoStatus;

/**
 * The verdict for a repository GitHub did show us, shared by REST and GraphQL so both say the same
 * thing about the same facts. The order of the checks is the precedence.
 */
final class Verdict {
    private Verdict() {
    }

    /** The facts one answer gave about an existing repository. */
    record Observed(
            String askedName,
            @Nullable String currentName,
            @Nullable Long id,
            @Nullable Long knownId,
            boolean archived,
            boolean disabled,
            boolean privateRepo,
            boolean empty) {
    }

    static RepoStatus of(Observed o) {
        if (o.knownId() != null && o.id() != null && !o.knownId().equals(o.id())) {
            // Another repository answers to the name we stored: ours is not at this link any more.
            return RepoStatus.REPLACED;
        }
        if (o.disabled()) {
            return RepoStatus.BLOCKED;
        }
        if (o.privateRepo()) {
            // Visible to this token only: for the paper's readers it is as gone as a deleted one.
            return RepoStatus.NOT_FOUND;
        }
        if (o.empty()) {
            // Before MOVED: a renamed repository without commits still has no code to reach.
            return RepoStatus.EMPTY;
        }
        if (renamed(o.askedName(), o.currentName())) {
            return RepoStatus.MOVED;
        }
        return o.archived() ? RepoStatus.ARCHIVED : RepoStatus.OK;
    }

    /** Owner and name are case-insensitive on GitHub; only a different spelling beyond case is a move. */
    static boolean renamed(String asked, @Nullable String current) {
        return current != null && !current.toLowerCase(Locale.ROOT).equals(asked.toLowerCase(Locale.ROOT));
    }
}
