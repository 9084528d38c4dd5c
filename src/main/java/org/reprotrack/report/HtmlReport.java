package org.reprotrack.report;

import java.util.List;
import java.util.Objects;

/**
 * The report as one standalone HTML page: inline style, no scripts (a Content-Security-Policy
 * forbids them anyway), every piece of data escaped by {@link Html}.
 */
final class HtmlReport implements ReportRenderer {

    @Override
    public String render(Report report) {
        String day = Times.day(report.generatedAt());
        StringBuilder sb = new StringBuilder();
        sb.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        sb.append("<title>Dead code links, ").append(day).append("</title>\n");
        sb.append("""
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222}
                table{border-collapse:collapse;margin-bottom:2em;font-size:90%}
                th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
                th{background:#f3f3f3}
                .new{font-weight:bold;color:#a00}
                </style>
                </head>
                <body>
                """);
        sb.append("<h1>Dead code links, ").append(day).append("</h1>\n");
        sb.append("<p>Generated ").append(Times.instant(report.generatedAt())).append(" by reprotrack. ")
                .append(Html.text(ReportSummary.of(report))).append("</p>\n");
        String filters = ReportSummary.filters(report);
        if (!filters.isEmpty()) {
            sb.append("<p>").append(Html.text(filters)).append("</p>\n");
        }
        if (report.previousReportAt() != null) {
            section(sb, "newly-dead", "Newly dead since the previous report", report.newlyDead());
        }
        for (RowKind kind : List.of(RowKind.RECOVERED, RowKind.DEAD, RowKind.NEVER_RELEASED, RowKind.FAILING)) {
            if (kind == RowKind.RECOVERED && report.previousReportAt() == null) {
                continue;
            }
            section(sb, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), kind.heading(), report.rows(kind));
        }
        promises(sb, report.promisesNotKept());
        WithoutVerdictSection.html(sb, report.withoutVerdict());
        vulnerable(sb, report.vulnerable());
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, String id, String heading, List<ReportRow> rows) {
        sb.append("<h2 id=\"").append(id).append("\">").append(Html.text(heading)).append(" (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            sb.append("<p>None.</p>\n");
            return;
        }
        sb.append("<table>\n<thead><tr>");
        for (String h : MarkdownReport.HEADER) {
            sb.append("<th>").append(Html.text(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (ReportRow r : rows) {
            ArchiveCopies a = r.archive();
            sb.append("<tr>");
            cell(sb, Html.text(r.paperId()));
            cell(sb, Html.text(Objects.toString(r.title(), "")));
            cell(sb, Html.link(r.link(), r.link()));
            cell(sb, Html.text(r.repoKey()));
            String status = Html.text(r.status());
            if (r.newlyDead()) {
                status += " <span class=\"new\">new</span>";
            }
            if (r.previousStatus() != null) {
                status += " (was " + Html.text(r.previousStatus()) + ")";
            }
            cell(sb, status);
            cell(sb, Html.text(r.evidence()));
            cell(sb, Times.day(r.deadSince()));
            cell(sb, Times.day(r.lastAlive()));
            cell(sb, r.stars() == null ? "" : r.stars().toString());
            cell(sb, Times.day(r.pushedAt()));
            String swh = Html.text(ArchiveText.softwareHeritage(a));
            if (a.swhUrl() != null) {
                swh += " " + Html.link("browse", a.swhUrl());
            }
            cell(sb, swh);
            String wayback = Html.link("Wayback", a.waybackUrl());
            String found = ArchiveText.wayback(a);
            if (!found.isEmpty()) {
                wayback += " " + (a.waybackCapture() != null ? Html.link(found, a.waybackCapture()) : Html.text(found));
            }
            cell(sb, wayback);
            cell(sb, Html.text(a.note()));
            cell(sb, Html.text(r.signals().text()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void promises(StringBuilder sb, List<PromiseNotKept> promises) {
        sb.append("<h2 id=\"promises-not-kept\">").append(Html.text(MarkdownReport.PROMISES_HEADING)).append(" (")
                .append(promises.size()).append(")</h2>\n");
        sb.append("<p>").append(Html.text(ReportSummary.promises())).append("</p>\n");
        if (promises.isEmpty()) {
            sb.append("<p>None.</p>\n");
            return;
        }
        sb.append("<table>\n<thead><tr>");
        for (String h : MarkdownReport.PROMISE_HEADER) {
            sb.append("<th>").append(Html.text(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (PromiseNotKept p : promises) {
            sb.append("<tr>");
            cell(sb, Html.text(p.paperId()));
            cell(sb, Html.text(Objects.toString(p.title(), "")));
            cell(sb, Html.text(p.repository()));
            cell(sb, Html.text(p.status()));
            cell(sb, Long.toString(p.daysSince()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void vulnerable(StringBuilder sb, List<org.reprotrack.store.VulnerableRepo> repos) {
        sb.append("<h2 id=\"vulnerable\">").append(Html.text(MarkdownReport.VULNERABLE_HEADING)).append(" (").append(repos.size())
                .append(")</h2>\n<p>").append(Html.text(MarkdownReport.VULNERABLE_TEXT.replace("`", ""))).append("</p>\n");
        if (repos.isEmpty()) {
            sb.append("<p>None.</p>\n");
            return;
        }
        sb.append("<table>\n<thead><tr>");
        for (String h : MarkdownReport.VULNERABLE_HEADER) {
            sb.append("<th>").append(Html.text(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (var v : repos) {
            sb.append("<tr>");
            MarkdownReport.vulnerableCells(v).forEach(c -> cell(sb, Html.text(c)));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    /** Appends a cell whose content is already escaped. */
    private static void cell(StringBuilder sb, String escaped) {
        sb.append("<td>").append(escaped).append("</td>");
    }
}
