package org.reprotrack.check.signals;

import java.util.Locale;
import java.util.Objects;

/**
 * One file (a git blob) of a repository's tree.
 *
 * @param path the path from the repository root, {@code /}-separated
 * @param size the size in bytes, or -1 when the host did not say
 */
public record TreeFile(String path, long size) {

    public TreeFile {
        Objects.requireNonNull(path, "path");
    }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The last path segment in lower case. */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The whole path in lower case. */
    public String lowerPath() {
        return path.toLowerCase(Locale.ROOT);
    }

    /** The extension in lower case without the dot, or empty. */
    public String extension() {
        String n = lowerName();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1);
    }

    /** How deep the file sits: 0 at the root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
