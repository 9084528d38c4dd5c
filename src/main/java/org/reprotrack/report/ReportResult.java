package org.reprotrack.report;

import java.nio.file.Path;
import java.util.List;

/** A written report: its id in {@code report_run}, the files (dated, then latest, per format) and the content. */
public record ReportResult(long reportId, List<Path> files, Report report) {
    public ReportResult {
        files = List.copyOf(files);
    }
}
