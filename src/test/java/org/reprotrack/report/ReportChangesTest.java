package org.reprotrack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CurrentStatus;

/** Which links a report lists, and what it calls newly dead and recovered, over hand-built histories. */
class ReportChangesTest extends ReportTestBase {

    static final Instant DAY1 = Instant.parse("2025-12-01T08:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-01-05T08:00:00Z");

    private ReportResult report() {
        return service().write(new ReportRequest(List.of(ReportFormat.JSON), null, null, null));
    }

    private static List<String> keys(Report r, RowKind kind) {
        return r.rows(kind).stream().map(ReportRow::repoKey).toList();
    }

    @Test
    void firstReportListsDeadLinksWithEvidenceAndComparesWithNothing() {
        history.paper("2101.00001", "Gone net").repo("Lab/Gone").link("2101.00001", 0, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .state("Lab/Gone", "BLOCKED", DAY1, DAY1, Instant.parse("2025-11-01T00:00:00Z"), 451)
                .evidence("Lab/Gone", "dmca", null, 42, Instant.parse("2025-10-01T00:00:00Z"));

        Report r = report().report();

        assertNull(r.previousReportAt());
        ReportRow row = r.rows().get(0);
        assertEquals(RowKind.DEAD, row.kind());
        assertEquals("github.com/lab/gone", row.repoKey());
        assertEquals("HTTP 451; blocked: dmca", row.evidence());
        assertEquals(DAY1, row.deadSince());
        assertEquals(42, row.stars());
        assertFalse(row.newlyDead(), "nothing to compare with in the first report");
        assertEquals("", row.change());
    }

    @Test
    void repositoryThatDiesBetweenReportsIsNewlyDeadAndOneThatComesBackIsRecovered() {
        history.paper("2101.00001", "A").paper("2101.00002", "B")
                .repo("Lab/Old").repo("Lab/New")
                .link("2101.00001", 0, "https://github.com/Lab/Old", "Lab/Old", false)
                .link("2101.00002", 0, "https://github.com/Lab/New", "Lab/New", false)
                .state("Lab/Old", "NOT_FOUND", DAY1, DAY1, null, 404)
                .state("Lab/New", "OK", DAY1, null, DAY1, 200);
        report();

        history.state("Lab/Old", "OK", DAY2, null, DAY2, 200)
                .state("Lab/New", "NOT_FOUND", DAY2, DAY2, DAY1, 404);
        clock.advance(Duration.ofDays(7));
        Report second = report().report();

        assertEquals(START, second.previousReportAt());
        assertEquals(List.of("github.com/lab/new"), second.newlyDead().stream().map(ReportRow::repoKey).toList());
        assertEquals(List.of("github.com/lab/old"), keys(second, RowKind.RECOVERED));
        ReportRow recovered = second.rows(RowKind.RECOVERED).get(0);
        assertEquals("OK", recovered.status());
        assertEquals("NOT_FOUND", recovered.previousStatus());
        assertEquals("recovered", recovered.change());
        assertEquals("new", second.rows(RowKind.DEAD).get(0).change());
    }

    @Test
    void stillDeadRepositoryIsNotNewlyDeadInTheNextReport() {
        history.paper("2101.00001", "A").repo("Lab/Gone").link("2101.00001", 0, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .state("Lab/Gone", "NOT_FOUND", DAY1, DAY1, null, 404);
        report();
        clock.advance(Duration.ofDays(1));

        Report second = report().report();

        assertEquals(List.of("github.com/lab/gone"), keys(second, RowKind.DEAD));
        assertTrue(second.newlyDead().isEmpty());
    }

    @Test
    void failingRepositoryIsListedApartAndNeitherNewlyDeadNorRecoveredWhenItAnswersAgain() {
        history.paper("2101.00001", "A").repo("Lab/Flaky").link("2101.00001", 0, "https://github.com/Lab/Flaky", "Lab/Flaky", false)
                .state("Lab/Flaky", "OK", DAY1, null, DAY1, 200);
        report();
        history.state("Lab/Flaky", "FAILING", DAY2, DAY2, DAY1, 404);
        clock.advance(Duration.ofDays(1));
        Report failing = report().report();
        history.state("Lab/Flaky", "OK", DAY2, null, DAY2, 200);
        clock.advance(Duration.ofDays(1));
        Report back = report().report();

        assertEquals(List.of("github.com/lab/flaky"), keys(failing, RowKind.FAILING));
        assertTrue(failing.newlyDead().isEmpty(), "an unconfirmed failure is not a death");
        assertTrue(back.rows().isEmpty(), "nothing recovered: it was never reported dead");
    }

    @Test
    void promisedRepositoryNeverSeenAliveAndEmptyRepositoryAreNeverReleased() {
        history.paper("2101.00001", "Promise").paper("2101.00002", "Empty").paper("2101.00003", "Died")
                .repo("Lab/Promised").repo("Lab/Empty").repo("Lab/Died")
                .link("2101.00001", 0, "https://github.com/Lab/Promised", "Lab/Promised", true)
                .link("2101.00002", 0, "https://github.com/Lab/Empty", "Lab/Empty", false)
                .link("2101.00003", 0, "https://github.com/Lab/Died", "Lab/Died", true)
                .state("Lab/Promised", "NOT_FOUND", DAY1, DAY1, null, 404)
                .state("Lab/Empty", "EMPTY", DAY2, null, DAY2, 409)
                .state("Lab/Died", "NOT_FOUND", DAY2, DAY2, DAY1, 404);

        Report r = report().report();

        assertEquals(List.of("github.com/lab/promised", "github.com/lab/empty"), keys(r, RowKind.NEVER_RELEASED));
        assertEquals(DAY2, r.rows(RowKind.NEVER_RELEASED).get(1).deadSince(), "empty since its status began");
        assertEquals(List.of("github.com/lab/died"), keys(r, RowKind.DEAD), "promised, but it was alive once");
        assertEquals(1, archives.getRequestCount(), "only the dead repository is looked up in the archive");
    }

    @Test
    void sinceKeepsOnlyLinksDeadOnOrAfterThatDay() {
        history.paper("2101.00001", "A").repo("Lab/Early").repo("Lab/Late")
                .link("2101.00001", 0, "https://github.com/Lab/Early", "Lab/Early", false)
                .link("2101.00001", 1, "https://github.com/Lab/Late", "Lab/Late", false)
                .state("Lab/Early", "NOT_FOUND", DAY1, DAY1, null, 404)
                .state("Lab/Late", "NOT_FOUND", DAY2, DAY2, null, 404);

        Report r = service().write(new ReportRequest(List.of(ReportFormat.MD), null, LocalDate.parse("2026-01-05"), null)).report();

        assertEquals(List.of("github.com/lab/late"), keys(r, RowKind.DEAD));
    }

    @Test
    void statusFilterNarrowsTheFileButTheNextReportComparesTheWholeSet() {
        history.paper("2101.00001", "A").repo("Lab/Blocked").repo("Lab/Missing")
                .link("2101.00001", 0, "https://github.com/Lab/Blocked", "Lab/Blocked", false)
                .link("2101.00001", 1, "https://github.com/Lab/Missing", "Lab/Missing", false)
                .state("Lab/Blocked", "BLOCKED", DAY1, DAY1, null, 451)
                .state("Lab/Missing", "NOT_FOUND", DAY1, DAY1, null, 404);

        Report blocked = service().write(new ReportRequest(List.of(ReportFormat.CSV), null, null, CurrentStatus.BLOCKED)).report();
        clock.advance(Duration.ofDays(1));
        Report all = report().report();

        assertEquals(List.of("github.com/lab/blocked"), keys(blocked, RowKind.DEAD));
        assertEquals(2, all.rows(RowKind.DEAD).size());
        assertTrue(all.newlyDead().isEmpty(), "the filtered report still recorded the missing repository");
    }

    @Test
    void rowsAreSortedByKindThenPaperThenPositionAndOneRepositoryIsAskedAboutOnce() {
        history.paper("2101.00002", "B").paper("2101.00001", "A").repo("Lab/Gone").repo("Lab/Empty")
                .link("2101.00002", 0, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .link("2101.00001", 1, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .link("2101.00001", 0, "https://github.com/Lab/Empty", "Lab/Empty", false)
                .state("Lab/Gone", "NOT_FOUND", DAY1, DAY1, null, 404)
                .state("Lab/Empty", "PLACEHOLDER", DAY1, null, DAY1, 200);

        Report r = report().report();

        assertEquals(List.of("2101.00001/1", "2101.00002/0", "2101.00001/0"),
                r.rows().stream().map(x -> x.paperId() + "/" + x.position()).toList());
        assertEquals(1, archives.getRequestCount());
    }

    @Test
    void scheduledRequestWritesTheConfiguredFormatsIntoTheDefaultFolder() {
        ReportResult r = service().write(ReportRequest.scheduled(List.of("html", "md")));

        assertEquals(List.of("dead-links-2026-01-10.md", "dead-links-latest.md", "dead-links-2026-01-10.html", "dead-links-latest.html"),
                r.files().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(4, service().files().list().size(), "the dashboard sees what the job wrote");
    }
}
