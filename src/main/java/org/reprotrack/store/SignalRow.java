package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.Checklist;

/**
 * A repository's signals as listed ({@code reprotrack repos}, dashboard, reports).
 *
 * @param repoKey the repository key
 * @param checklist the items with evidence; null until signals were fetched
 * @param placeholder the last fetch found no code; null until fetched
 * @param partial the last fetch saw a truncated tree
 * @param licence SPDX id, {@code none}, or null when unknown (from the last check's metadata)
 * @param releaseLagDays days from the earliest linking paper's first version to the repository's creation
 * @param codeLagDays days from that paper to the first fetch that found code
 * @param lastActivity the repository's {@code pushed_at}
 * @param fetchedAt when signals were last fetched
 */
public record SignalRow(
        String repoKey,
        @Nullable Checklist checklist,
        @Nullable Boolean placeholder,
        @Nullable Boolean partial,
        @Nullable String licence,
        @Nullable Long releaseLagDays,
        @Nullable Long codeLagDays,
        @Nullable Instant lastActivity,
        @Nullable Instant fetchedAt) {

    public @Nullable Integer score() {
        return checklist == null ? null : checklist.score();
    }
}
