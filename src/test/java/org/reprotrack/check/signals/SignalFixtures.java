package org.reprotrack.check.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tree and README fixtures under {@code src/test/resources/signals/}: {@code NAME.tree.txt} (one
 * path a line, {@code #} comments, a {@code truncated} line marks a truncated listing) and
 * {@code NAME.README.md}.
 */
public final class SignalFixtures {
    private SignalFixtures() {
    }

    public static String text(String file) {
        try (InputStream in = SignalFixtures.class.getResourceAsStream("/signals/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FileTree tree(String name) {
        List<TreeFile> files = new ArrayList<>();
        boolean truncated = false;
        for (String line : text(name + ".tree.txt").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.equals("truncated")) {
                truncated = true;
            } else {
                files.add(new TreeFile(l, 100));
            }
        }
        return new FileTree(files, truncated);
    }

    public static String readme(String name) {
        return text(name + ".README.md");
    }
}
