package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/** One paper as listed by {@code reprotrack papers}. */
public record PaperRow(
        String id,
        @Nullable Integer version,
        @Nullable String title,
        @Nullable String authors,
        @Nullable Instant published,
        int codeLinks,
        int otherLinks,
        boolean promised,
        String source,
        PaperStatus status) {
}
