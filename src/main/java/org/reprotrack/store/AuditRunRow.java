package org.reprotrack.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One audit run with its figures; counts are checks per verdict, the lists come from its summary. */
public record AuditRunRow(long id, Instant startedAt, @Nullable Instant finishedAt, String state, String mode,
        int planned, int checked, long requests, long waitMs, Map<String, Integer> counts,
        List<String> newlyDead, List<String> recovered, Map<String, String> moved) {
    public AuditRunRow {
        counts = Map.copyOf(counts);
        newlyDead = List.copyOf(newlyDead);
        recovered = List.copyOf(recovered);
        moved = Map.copyOf(moved);
    }

    /** How long the run took, or null while it runs. */
    public java.time.@Nullable Duration duration() {
        return finishedAt == null ? null : java.time.Duration.between(startedAt, finishedAt);
    }
}
