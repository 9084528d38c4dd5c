package org.reprotrack.report;

import java.util.List;
import java.util.Objects;

/**
 * The report as GitHub-flavoured Markdown: a summary a chair can paste into an e-mail, then one
 * table per section (newly dead, recovered, dead, never released, failing), then the promises not
 * kept.
 */
final class MarkdownReport implements ReportRenderer {

    static final List<String> HEADER = List.of("Paper", "Title", "Link", "Repository", "Status", "Evidence",
            "Dead since", "Last alive", "Stars", "Last push", "Software Heritage", "Wayback Machine", "Note", "Signals");

    /** The columns of the "Promises not kept" table, Markdown and HTML. */
    static final List<String> PROMISE_HEADER = List.of("Paper", "Title", "Repository", "Status", "Days since first version");
    static final String PROMISES_HEADING = "Promises not kept";

    @Override
    public String render(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Dead code links, ").append(Times.day(report.generatedAt())).append("\n\n");
        sb.append("Generated ").append(Times.instant(report.generatedAt())).append(" by reprotrack. ");
        sb.append(ReportSummary.of(report)).append("\n\n");
        String filters = ReportSummary.filters(report);
        if (!filters.isEmpty()) {
            sb.append(Markdown.cell(filters)).append("\n\n");
        }
        if (report.previousReportAt() != null) {
            section(sb, "Newly dead since the previous report", report.newlyDead());
        }
        for (RowKind kind : List.of(RowKind.RECOVERED, RowKind.DEAD, RowKind.NEVER_RELEASED, RowKind.FAILING)) {
            if (kind == RowKind.RECOVERED && report.previousReportAt() == null) {
                continue;
            }
            section(sb, kind.heading(), report.rows(kind));
        }
        promises(sb, report.promisesNotKept());
        WithoutVerdictSection.markdown(sb, report.withoutVerdict());
        vulnerable(sb, report.vulnerable());
        return sb.toString();
    }

    static final String VULNERABLE_HEADING = "Vulnerable: live, without a recent Software Heritage copy";
    static final String VULNERABLE_TEXT = "Live repositories that Software Heritage holds no snapshot of, or only one older than their "
            + "last push (asked by `reprotrack preserve`), with their save request and the SWHID to cite once archived.";
    static final List<String> VULNERABLE_HEADER = List.of("Repository", "Last push", "Last snapshot", "Save request", "SWHID");

    static List<String> vulnerableCells(org.reprotrack.store.VulnerableRepo v) {
        var save = v.save();
        return List.of(v.key(), Times.day(v.pushedAt()), v.snapshotAt() == null ? "none" : Times.day(v.snapshotAt()),
                save == null ? "not sent" : save.requestStatus() + (save.taskStatus() == null ? "" : ", " + save.taskStatus()),
                save == null || save.snapshotSwhid() == null ? "" : save.snapshotSwhid());
    }

    private static void vulnerable(StringBuilder sb, List<org.reprotrack.store.VulnerableRepo> repos) {
        sb.append("## ").append(VULNERABLE_HEADING).append(" (").append(repos.size()).append(")\n\n");
        sb.append(VULNERABLE_TEXT).append("\n\n");
        if (repos.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        sb.append(line(VULNERABLE_HEADER));
        sb.append(line(VULNERABLE_HEADER.stream().map(h -> "---").toList()));
        for (var v : repos) {
            sb.append(line(vulnerableCells(v).stream().map(Markdown::cell).toList()));
        }
        sb.append('\n');
    }

    private static void promises(StringBuilder sb, List<PromiseNotKept> promises) {
        sb.append("## ").append(PROMISES_HEADING).append(" (").append(promises.size()).append(")\n\n");
        sb.append(Markdown.cell(ReportSummary.promises())).append("\n\n");
        if (promises.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        sb.append(line(PROMISE_HEADER));
        sb.append(line(PROMISE_HEADER.stream().map(h -> "---").toList()));
        for (PromiseNotKept p : promises) {
            sb.append(line(List.of(
                    Markdown.cell(p.paperId()),
                    Markdown.cell(Objects.toString(p.title(), "")),
                    Markdown.cell(p.repository()),
                    Markdown.cell(p.status()),
                    Long.toString(p.daysSince()))));
        }
        sb.append('\n');
    }

    private static void section(StringBuilder sb, String heading, List<ReportRow> rows) {
        sb.append("## ").append(heading).append(" (").append(rows.size()).append(")\n\n");
        if (rows.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        sb.append(line(HEADER));
        sb.append(line(HEADER.stream().map(h -> "---").toList()));
        for (ReportRow r : rows) {
            ArchiveCopies a = r.archive();
            String swh = Markdown.cell(ArchiveText.softwareHeritage(a));
            if (a.swhUrl() != null) {
                swh += " " + Markdown.link("browse", a.swhUrl());
            }
            String wayback = Markdown.link("Wayback", a.waybackUrl());
            String found = ArchiveText.wayback(a);
            if (!found.isEmpty()) {
                wayback += " " + Markdown.cell(found);
            }
            String status = r.status() + (r.newlyDead() ? " (new)" : "")
                    + (r.previousStatus() != null ? " (was " + r.previousStatus() + ")" : "");
            sb.append(line(List.of(
                    Markdown.cell(r.paperId()),
                    Markdown.cell(Objects.toString(r.title(), "")),
                    Markdown.url(r.link()),
                    Markdown.cell(r.repoKey()),
                    Markdown.cell(status),
                    Markdown.cell(r.evidence()),
                    Times.day(r.deadSince()),
                    Times.day(r.lastAlive()),
                    r.stars() == null ? "" : r.stars().toString(),
                    Times.day(r.pushedAt()),
                    swh,
                    wayback,
                    Markdown.cell(a.note()),
                    Markdown.cell(r.signals().text()))));
        }
        sb.append('\n');
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
