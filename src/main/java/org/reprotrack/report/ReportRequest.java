package org.reprotrack.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;

/**
 * What to write.
 *
 * @param formats at least one, each written once
 * @param outDir the folder; null for {@code report.output_dir}
 * @param since only links dead since this day (UTC) or later
 * @param status only links whose repository has this status (one a report lists)
 */
public record ReportRequest(List<ReportFormat> formats, @Nullable Path outDir, @Nullable LocalDate since,
        @Nullable CurrentStatus status) {

    public ReportRequest {
        formats = List.copyOf(new java.util.TreeSet<>(formats));
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one report format");
        }
        if (status != null && (status.reachable() || status == CurrentStatus.PENDING)) {
            throw new IllegalArgumentException("a report lists NOT_FOUND, BLOCKED, REPLACED, FAILING, EMPTY and PLACEHOLDER,"
                    + " not " + status);
        }
    }

    /** The request of the scheduled report job: the formats named by {@code report.formats}, no filters, the configured folder. */
    public static ReportRequest scheduled(List<String> formatNames) {
        return new ReportRequest(formatNames.stream().map(ReportFormat::of).toList(), null, null, null);
    }
}
