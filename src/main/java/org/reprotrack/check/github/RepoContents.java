package org.reprotrack.check.github;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.FileTree;

/**
 * What the batched signals fetch learned of one repository's head.
 *
 * @param outcome what came of it
 * @param tree the files at HEAD for {@link Outcome#FOUND}; {@code truncated} when the tree could
 *     not be listed completely within the bounds (then it is partial, never complete)
 * @param readme the README's text, null when the repository has none
 * @param headOid the HEAD commit, when known
 * @param reason why it failed or was deferred; empty otherwise
 */
public record RepoContents(Outcome outcome, @Nullable FileTree tree, @Nullable String readme, @Nullable String headOid,
        String reason) {

    /** The closed set of results. */
    public enum Outcome {
        /** Tree (maybe partial) and README (maybe none) read. */
        FOUND,
        /** The repository has no commits. */
        EMPTY_REPOSITORY,
        /** GitHub could not resolve the repository (gone, renamed away, private). */
        MISSING,
        /** No usable answer after splitting and retrying; left for the next run. */
        FAILED,
        /** Not asked: the budget the verdicts left was spent, or a stop was requested. */
        DEFERRED
    }

    public RepoContents {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome == Outcome.FOUND) {
            Objects.requireNonNull(tree, "a FOUND answer carries its tree");
        }
    }

    static RepoContents of(Outcome outcome, String reason) {
        return new RepoContents(outcome, null, null, null, reason);
    }
}
