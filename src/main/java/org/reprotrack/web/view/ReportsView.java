package org.reprotrack.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.store.ReportFile;

/** The reports page: the report files grouped by date, newest first, the {@code latest} copies first. */
public record ReportsView(List<Group> groups) {
    public ReportsView {
        groups = List.copyOf(groups);
    }

    /** One date's report, a file per format. */
    public record Group(String label, List<ReportFile> files) {
        public Group {
            files = List.copyOf(files);
        }
    }

    /** Groups files listed newest first (as {@code ReportFiles.list()} gives them). */
    public static ReportsView of(List<ReportFile> files) {
        Map<String, List<ReportFile>> byDate = new LinkedHashMap<>();
        for (ReportFile f : files) {
            byDate.computeIfAbsent(f.date() == null ? "Latest" : f.date().toString(), k -> new ArrayList<>()).add(f);
        }
        List<Group> groups = new ArrayList<>();
        byDate.forEach((label, list) -> groups.add(new Group(label, list)));
        return new ReportsView(groups);
    }

    /** How a format is named on the page. */
    public static String format(String extension) {
        return switch (extension) {
            case "csv" -> "CSV";
            case "json" -> "JSON";
            case "md" -> "Markdown";
            case "html" -> "HTML (download)";
            default -> extension;
        };
    }
}
