package org.reprotrack.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * One paper in the list: its status computed now from its links, and its code links.
 *
 * @param checklistScore the best checklist score (0 to 5) of its code repositories; null when none has signals yet
 * @param placeholder one of its code repositories is a placeholder (no code: signals or status PLACEHOLDER)
 */
public record PaperListRow(String id, @Nullable String title, @Nullable Instant published, PaperStatus status,
        List<CodeLinkRow> codeLinks, @Nullable Instant lastChecked, @Nullable Integer checklistScore, boolean placeholder) {
    public PaperListRow {
        codeLinks = List.copyOf(codeLinks);
    }
}
