package org.reprotrack.report;

import java.util.ArrayList;
import java.util.List;

/** The summary sentences shared by the Markdown and HTML reports. */
final class ReportSummary {
    private ReportSummary() {
    }

    /** Counts per kind and what changed since the previous report. */
    static String of(Report report) {
        String counts = "Dead: " + report.count(RowKind.DEAD) + "; never released: " + report.count(RowKind.NEVER_RELEASED)
                + "; failing, not yet confirmed: " + report.count(RowKind.FAILING) + " (code links).";
        if (report.previousReportAt() == null) {
            return counts + " This is the first report: there is nothing to compare with.";
        }
        return counts + " Since the previous report (" + Times.instant(report.previousReportAt()) + "): "
                + report.newlyDead().size() + " newly dead, " + report.count(RowKind.RECOVERED) + " recovered.";
    }

    /** What the "Promises not kept" section lists. */
    static String promises() {
        return "Papers that promised code whose repository is still EMPTY, PLACEHOLDER or NOT_FOUND (or holds no code),"
                + " or that promised code, models or data without any code link (PROMISED_NO_LINK),"
                + " more than signals.promise_days after the paper's first version; the filters do not apply.";
    }

    /** The filters in words, empty when none. */
    static String filters(Report report) {
        List<String> parts = new ArrayList<>();
        if (report.since() != null) {
            parts.add("dead since " + report.since() + " or later");
        }
        if (report.statusFilter() != null) {
            parts.add("status " + report.statusFilter().name());
        }
        return parts.isEmpty() ? "" : "Only links " + String.join(", ", parts) + ".";
    }
}
