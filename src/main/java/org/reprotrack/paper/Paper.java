package org.reprotrack.paper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One paper as read from a source. Fields a format does not carry are null (listing text has no
 * title), and a null field never erases what the store already knows.
 *
 * @param id the arXiv id without version ({@code 2108.08728}, {@code hep-th/9901001}), or the
 *     paper id given by a URL list
 * @param version the version number if the source names one
 * @param title title, whitespace collapsed
 * @param abstractText the abstract
 * @param comments the comments line
 * @param authors authors as one comma-separated string
 * @param categories space-separated arXiv categories
 * @param published when the first version was submitted
 * @param updated when the newest version was submitted or the record was updated
 * @param listedUrls links given directly (URL lists); empty for the other formats
 */
public record Paper(
        String id,
        @Nullable Integer version,
        @Nullable String title,
        @Nullable String abstractText,
        @Nullable String comments,
        @Nullable String authors,
        @Nullable String categories,
        @Nullable Instant published,
        @Nullable Instant updated,
        List<String> listedUrls) {

    public Paper {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("paper id is blank");
        }
        listedUrls = List.copyOf(listedUrls);
    }

    /** A paper with text only, as the listing format gives it. */
    public static Paper ofText(String id, @Nullable Integer version, @Nullable String abstractText, @Nullable String comments) {
        return new Paper(id, version, null, abstractText, comments, null, null, null, null, List.of());
    }
}
