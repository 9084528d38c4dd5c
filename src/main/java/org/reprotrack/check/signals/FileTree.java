package org.reprotrack.check.signals;

import java.util.Comparator;
import java.util.List;

/**
 * The files of a repository at the head of its default branch.
 *
 * @param files every blob the host listed, sorted by path (so evidence is deterministic)
 * @param truncated the host cut the listing short (GitHub: more than 100,000 entries or 7 MB);
 *     what is listed is real, but an absent file may just not have been listed
 */
public record FileTree(List<TreeFile> files, boolean truncated) {

    public FileTree {
        files = files.stream().sorted(Comparator.comparing(TreeFile::path)).toList();
    }

    public static FileTree of(boolean truncated, String... paths) {
        return new FileTree(java.util.Arrays.stream(paths).map(p -> new TreeFile(p, -1)).toList(), truncated);
    }
}
