package org.reprotrack.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkKind;
import org.reprotrack.links.PaperPromises;
import org.reprotrack.paper.Paper;

/**
 * A paper with the links and text hash of its own text, worked out before it reaches the
 * {@link PaperWriter} (on the thread that reads the file, so this third of an ingest's work runs
 * beside the database writes). The writer uses them when the stored paper it merges with keeps
 * this text, as every new paper does, and works them out again otherwise.
 */
public record PreparedPaper(Paper paper, List<Link> links, long textHash, boolean promised) {

    private static final PaperPromises PROMISES = new PaperPromises();

    /**
     * Extracts the paper's links with {@code linker}, hashes its text and works out whether it
     * promises code ({@link #promised(Paper, List)}); safe on any thread if the linker is.
     */
    public static PreparedPaper of(Paper paper, Function<Paper, List<Link>> linker) {
        List<Link> links = linker.apply(paper);
        return new PreparedPaper(paper, links, TextHash.of(paper.abstractText(), paper.comments(), paper.listedUrls()),
                promised(paper, links));
    }

    /**
     * Whether a paper promises code, models or data (paper.promised, V15): one of its code links is
     * promised, or a sentence of its abstract or comments promises, with or without a link.
     */
    static boolean promised(Paper paper, List<Link> links) {
        for (Link l : links) {
            if (l.kind() == LinkKind.CODE && l.promised()) {
                return true;
            }
        }
        return PROMISES.promised(paper.abstractText(), paper.comments());
    }

    /** Whether links and hash were worked out from exactly this text. */
    boolean hasText(@Nullable String abstractText, @Nullable String comments, List<String> listed) {
        return Objects.equals(abstractText, paper.abstractText()) && Objects.equals(comments, paper.comments())
                && listed.equals(paper.listedUrls());
    }
}
