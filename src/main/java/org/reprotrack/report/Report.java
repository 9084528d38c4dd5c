package org.reprotrack.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.store.StuckRepoStore;

/**
 * A dead-link report, ready to render: rows sorted by kind, paper and position in the paper.
 *
 * @param since the --since filter: only links dead since that day (UTC)
 * @param statusFilter the --status filter
 * @param previousReportAt when the report compared with was made; null for the first report
 * @param promisesNotKept papers whose promised code never came, by paper then repository; not filtered
 * @param withoutVerdict repositories checked 3 times or more in a row without a verdict, for a person
 *     to look at (issue 12); not filtered
 * @param vulnerable live repositories with no Software Heritage snapshot or one older than their last push (issue 16); not filtered
 */
public record Report(
        Instant generatedAt,
        @Nullable LocalDate since,
        @Nullable CurrentStatus statusFilter,
        @Nullable Instant previousReportAt,
        List<ReportRow> rows,
        List<PromiseNotKept> promisesNotKept,
        List<StuckRepoStore.StuckRepo> withoutVerdict,
        List<org.reprotrack.store.VulnerableRepo> vulnerable) {

    public Report {
        rows = List.copyOf(rows);
        promisesNotKept = List.copyOf(promisesNotKept);
        withoutVerdict = List.copyOf(withoutVerdict);
        vulnerable = List.copyOf(vulnerable);
    }

    /** A report without the repositories stuck without a verdict or the vulnerable ones. */
    public Report(Instant generatedAt, @Nullable LocalDate since, @Nullable CurrentStatus statusFilter,
            @Nullable Instant previousReportAt, List<ReportRow> rows, List<PromiseNotKept> promisesNotKept) {
        this(generatedAt, since, statusFilter, previousReportAt, rows, promisesNotKept, List.of(), List.of());
    }

    /** This report with the repositories stuck without a verdict. */
    public Report withoutVerdict(List<StuckRepoStore.StuckRepo> stuck) {
        return new Report(generatedAt, since, statusFilter, previousReportAt, rows, promisesNotKept, stuck, vulnerable);
    }

    /** The same report listing these vulnerable repositories. */
    public Report withVulnerable(List<org.reprotrack.store.VulnerableRepo> repos) {
        return new Report(generatedAt, since, statusFilter, previousReportAt, rows, promisesNotKept, withoutVerdict, repos);
    }

    /** A report without promises not kept. */
    public Report(Instant generatedAt, @Nullable LocalDate since, @Nullable CurrentStatus statusFilter,
            @Nullable Instant previousReportAt, List<ReportRow> rows) {
        this(generatedAt, since, statusFilter, previousReportAt, rows, List.of());
    }

    /** The rows of one kind, in report order. */
    public List<ReportRow> rows(RowKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }

    /** Rows not in the previous report. */
    public List<ReportRow> newlyDead() {
        return rows.stream().filter(ReportRow::newlyDead).toList();
    }

    /** How many rows of a kind. */
    public long count(RowKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).count();
    }
}
