package org.reprotrack.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One code link in a report.
 *
 * @param link the URL as written in the paper
 * @param status the repository's current status (CurrentStatus name)
 * @param previousStatus its status in the previous report, for recovered rows
 * @param deadSince when it was first seen dead (for EMPTY and PLACEHOLDER: since when it has been so)
 * @param newlyDead not in the previous report (false for the first report: nothing to compare with)
 * @param signals the repository's reproducibility signals and whether this paper's promise of it is not kept
 */
public record ReportRow(
        String paperId,
        int position,
        @Nullable String title,
        String link,
        String repoKey,
        RowKind kind,
        String status,
        @Nullable String previousStatus,
        @Nullable Integer httpStatus,
        @Nullable String blockReason,
        @Nullable String movedTo,
        @Nullable String detail,
        @Nullable Instant deadSince,
        @Nullable Instant lastAlive,
        @Nullable Integer stars,
        @Nullable Instant pushedAt,
        boolean newlyDead,
        ArchiveCopies archive,
        RowSignals signals) {

    /** {@code new}, {@code recovered} or empty: the change since the previous report. */
    public String change() {
        if (kind == RowKind.RECOVERED) {
            return "recovered";
        }
        return newlyDead ? "new" : "";
    }

    /** The evidence in one line: {@code HTTP 451; blocked: dmca; moved to github.com/a/b}. */
    public String evidence() {
        List<String> parts = new ArrayList<>();
        if (httpStatus != null) {
            parts.add("HTTP " + httpStatus);
        }
        if (blockReason != null && !blockReason.isBlank()) {
            parts.add("blocked: " + blockReason);
        }
        if (movedTo != null && !movedTo.isBlank()) {
            parts.add("moved to " + movedTo);
        }
        return String.join("; ", parts);
    }

    /** A copy of this row with its archived copies. */
    public ReportRow withArchive(ArchiveCopies copies) {
        return new ReportRow(paperId, position, title, link, repoKey, kind, status, previousStatus, httpStatus, blockReason,
                movedTo, detail, deadSince, lastAlive, stars, pushedAt, newlyDead, copies, signals);
    }
}
