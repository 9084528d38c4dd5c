package org.reprotrack.check.signals;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/** Helpers the item rules share. */
final class Rules {
    private Rules() {
    }

    /** The shallowest, then first by path, file that passes {@code rule}: deterministic evidence. */
    static Optional<TreeFile> first(FileTree tree, Predicate<TreeFile> rule) {
        return tree.files().stream().filter(rule)
                .min(Comparator.comparingInt(TreeFile::depth).thenComparing(TreeFile::path));
    }
}
