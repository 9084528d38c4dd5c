package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One check of a repository from the append-only history; {@code status} is the verdict (a RepoStatus name). */
public record HistoryRow(Instant checkedAt, String status, @Nullable Integer httpStatus, String detail,
        @Nullable String movedTo, boolean changed) {
}
