package org.reprotrack.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/** Everything the store knows of one paper, with every link and its current evidence. */
public record PaperDetail(String id, @Nullable Integer version, @Nullable String title, @Nullable String authors,
        @Nullable String abstractText, @Nullable String comments, @Nullable String categories,
        @Nullable Instant published, PaperStatus status, List<CodeLinkRow> links) {
    public PaperDetail {
        links = List.copyOf(links);
    }
}
