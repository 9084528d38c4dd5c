package org.reprotrack.check.signals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers "does the tree hold the file the README names?" for README rules. A README path is
 * relative to wherever its instructions {@code cd} to, so it matches a tree path that equals it or
 * ends with {@code /} and it. On a truncated tree an unlisted file may exist, so nothing is ever
 * called missing there (a partial tree is not judged as if it were complete).
 */
final class TreeIndex {
    private final FileTree tree;
    private final Set<String> suffixes = new HashSet<>();

    TreeIndex(FileTree tree) {
        this.tree = tree;
        for (TreeFile f : tree.files()) {
            String p = f.lowerPath();
            suffixes.add(p);
            int slash = p.indexOf('/');
            while (slash >= 0) {
                p = p.substring(slash + 1);
                suffixes.add(p);
                slash = p.indexOf('/');
            }
        }
    }

    /** The file is listed (or the listing is truncated, so it may be). */
    boolean has(String path) {
        if (tree.truncated()) {
            return true;
        }
        String p = path.toLowerCase(Locale.ROOT);
        while (p.startsWith("./") || p.startsWith("../")) {
            p = p.substring(p.indexOf('/') + 1);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (suffixes.contains(p)) {
            return true;
        }
        // The README's layout may differ from the tree's (run from a parent folder, a package
        // prefix): the same file name anywhere in the tree is taken to be that file.
        int slash = p.lastIndexOf('/');
        return slash >= 0 && suffixes.contains(p.substring(slash + 1));
    }

    /** A file of that name is listed (anywhere), whatever truncation says. */
    boolean hasExactly(String name) {
        return suffixes.contains(name.toLowerCase(Locale.ROOT));
    }

    /** One of the candidate paths is there. */
    boolean hasAny(List<String> paths) {
        return paths.stream().anyMatch(this::has);
    }

    /** Every path is there (true for none). */
    boolean hasAll(List<String> paths) {
        return paths.stream().allMatch(this::has);
    }

    FileTree tree() {
        return tree;
    }
}
