package org.reprotrack.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reprotrack.links.Link;
import org.reprotrack.paper.Paper;

/**
 * A paper with the links and text hash of its own text, worked out before it reaches the
 * {@link PaperWriter} (on the thread that reads the file, so this third of an ingest's work runs
 * beside the database writes). The writer uses them when the stored paper it merges with keeps
 * this text, as every new paper does, and works them out again otherwise.
 */
public record PreparedPaper(Paper paper, List<Link> links, long textHash) {

    /** Extracts the paper's links with {@code linker} and hashes its text; safe on any thread if the linker is. */
    public static PreparedPaper of(Paper paper, Function<Paper, List<Link>> linker) {
        return new PreparedPaper(paper, linker.apply(paper),
                TextHash.of(paper.abstractText(), paper.comments(), paper.listedUrls()));
    }

    /** Whether links and hash were worked out from exactly this text. */
    boolean hasText(@Nullable String abstractText, @Nullable String comments, List<String> listed) {
        return Objects.equals(abstractText, paper.abstractText()) && Objects.equals(comments, paper.comments())
                && listed.equals(paper.listedUrls());
    }
}
