package org.reprotrack.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/** One paper in the list: its status computed now from its links, and its code links. */
public record PaperListRow(String id, @Nullable String title, @Nullable Instant published, PaperStatus status,
        List<CodeLinkRow> codeLinks, @Nullable Instant lastChecked) {
    public PaperListRow {
        codeLinks = List.copyOf(codeLinks);
    }
}
