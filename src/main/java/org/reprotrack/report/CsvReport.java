package org.reprotrack.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The report as RFC 4180 CSV with a header row, one record per link; UTF-8 without a byte-order mark. */
final class CsvReport implements ReportRenderer {

    private record Column(String name, Function<ReportRow, @Nullable Object> value) {
    }

    /** The columns, in order; the README lists them. */
    static final List<String> HEADER;
    private static final List<Column> COLUMNS = List.of(
            new Column("paper_id", ReportRow::paperId),
            new Column("title", ReportRow::title),
            new Column("link", ReportRow::link),
            new Column("repo_key", ReportRow::repoKey),
            new Column("kind", r -> r.kind().name().toLowerCase(java.util.Locale.ROOT)),
            new Column("status", ReportRow::status),
            new Column("change", ReportRow::change),
            new Column("previous_status", ReportRow::previousStatus),
            new Column("http_status", ReportRow::httpStatus),
            new Column("block_reason", ReportRow::blockReason),
            new Column("moved_to", ReportRow::movedTo),
            new Column("detail", ReportRow::detail),
            new Column("dead_since", r -> Times.instant(r.deadSince())),
            new Column("last_alive", r -> Times.instant(r.lastAlive())),
            new Column("stars", ReportRow::stars),
            new Column("pushed_at", r -> Times.instant(r.pushedAt())),
            new Column("swh_archived", r -> r.archive().swhArchived()),
            new Column("swh_last_visit", r -> Times.instant(r.archive().swhLastVisit())),
            new Column("swh_url", r -> r.archive().swhUrl()),
            new Column("wayback_url", r -> r.archive().waybackUrl()),
            new Column("wayback_available", r -> r.archive().waybackAvailable()),
            new Column("wayback_capture", r -> r.archive().waybackCapture()),
            new Column("archive_note", r -> r.archive().note()),
            // reproducibility signals (issue 7), appended so existing readers keep their columns
            new Column("checklist_score", r -> r.signals().checklistScore()),
            new Column("placeholder", r -> r.signals().placeholder()),
            new Column("licence", r -> r.signals().licence()),
            new Column("release_lag_days", r -> r.signals().releaseLagDays()),
            new Column("promise_not_kept", r -> r.signals().promiseNotKept()));

    static {
        HEADER = COLUMNS.stream().map(Column::name).toList();
    }

    @Override
    public String render(Report report) {
        StringBuilder sb = new StringBuilder(Csv.record(HEADER));
        for (ReportRow row : report.rows()) {
            List<String> values = new ArrayList<>(COLUMNS.size());
            for (Column c : COLUMNS) {
                values.add(Objects.toString(c.value().apply(row), ""));
            }
            sb.append(Csv.record(values));
        }
        return sb.toString();
    }
}
