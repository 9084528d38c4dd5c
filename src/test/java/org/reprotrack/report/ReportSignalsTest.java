package org.reprotrack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.signals.ChecklistScorer;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.PlaceholderDetector;
import org.reprotrack.check.signals.RepoSignals;

/** Signals and promises not kept, from the store through the service into every format. */
class ReportSignalsTest extends ReportTestBase {

    private ReportResult write() {
        return service().write(new ReportRequest(List.of(ReportFormat.CSV, ReportFormat.JSON, ReportFormat.MD,
                ReportFormat.HTML), null, null, null));
    }

    private static String file(ReportResult r, String ext) throws IOException {
        Path p = r.files().stream().filter(f -> f.getFileName().toString().equals("dead-links-latest." + ext)).findFirst()
                .orElseThrow();
        return Files.readString(p);
    }

    /** Two promised links to EMPTY repositories, 91 and 89 days after their papers' first versions. */
    private void promises() {
        history.paper("2601.00001", "Kept waiting").published("2601.00001", START.minus(Duration.ofDays(91)))
                .repo("Lab/Soon").link("2601.00001", 0, "https://github.com/Lab/Soon", "Lab/Soon", true)
                .state("Lab/Soon", "EMPTY", START.minus(Duration.ofDays(80)), null, null, 200)
                .paper("2601.00002", "Still in time").published("2601.00002", START.minus(Duration.ofDays(89)))
                .repo("Lab/Later").link("2601.00002", 0, "https://github.com/Lab/Later", "Lab/Later", true)
                .state("Lab/Later", "EMPTY", START.minus(Duration.ofDays(80)), null, null, 200);
    }

    @Test
    void aPromised91DayOldEmptyRepositoryIsAPromiseNotKeptAnd89DaysIsNot() throws IOException {
        promises();

        ReportResult result = write();
        Report r = result.report();

        assertEquals(List.of(new PromiseNotKept("2601.00001", "Kept waiting", "github.com/lab/soon", "EMPTY",
                START.minus(Duration.ofDays(91)), 91)), r.promisesNotKept());
        ReportRow soon = row(r, "github.com/lab/soon");
        ReportRow later = row(r, "github.com/lab/later");
        assertTrue(soon.signals().promiseNotKept());
        assertFalse(later.signals().promiseNotKept(), "89 days: the promise still has time");

        String md = file(result, "md");
        String section = md.substring(md.indexOf("## Promises not kept (1)"));
        assertTrue(section.contains("| 2601.00001 | Kept waiting | github.com/lab/soon | EMPTY | 91 |"), section);
        assertFalse(section.contains("2601.00002"));
        String html = file(result, "html");
        String htmlSection = html.substring(html.indexOf("<h2 id=\"promises-not-kept\">Promises not kept (1)</h2>"));
        assertTrue(htmlSection.contains("<td>2601.00001</td><td>Kept waiting</td><td>github.com/lab/soon</td><td>EMPTY</td><td>91</td>"));
        assertFalse(htmlSection.contains("2601.00002"));
        JsonNode json = new ObjectMapper().readTree(file(result, "json"));
        assertEquals(1, json.get("counts").get("promises_not_kept").asInt());
        JsonNode p = json.get("promises_not_kept").get(0);
        assertEquals("2601.00001", p.get("paper_id").asText());
        assertEquals(91, p.get("days_since_first_version").asInt());
        List<List<String>> csv = ReportFormatsTest.parseCsv(file(result, "csv"));
        int flag = csv.get(0).indexOf("promise_not_kept");
        assertEquals("true", csv.stream().filter(c -> c.get(0).equals("2601.00001")).findFirst().orElseThrow().get(flag));
        assertEquals("false", csv.stream().filter(c -> c.get(0).equals("2601.00002")).findFirst().orElseThrow().get(flag));
    }

    @Test
    void twoDaysLaterBothPromisesAreBrokenInPaperOrder() {
        promises();
        clock.advance(Duration.ofDays(2));

        Report r = write().report();

        assertEquals(List.of("2601.00001", "2601.00002"), r.promisesNotKept().stream().map(PromiseNotKept::paperId).toList());
        assertEquals(List.of(93L, 91L), r.promisesNotKept().stream().map(PromiseNotKept::daysSince).toList());
    }

    @Test
    void rowsCarryTheStoredScorePlaceholderLicenceAndReleaseLag() throws IOException {
        Instant published = Instant.parse("2025-11-01T00:00:00Z");
        history.paper("2601.00003", "Hollow").published("2601.00003", published)
                .repo("Lab/Hollow").link("2601.00003", 0, "https://github.com/Lab/Hollow", "Lab/Hollow", false)
                .state("Lab/Hollow", "PLACEHOLDER", START.minus(Duration.ofDays(5)), null, null, 200)
                .metadata("Lab/Hollow", "{\"license\":\"MIT\",\"created_at\":\"2025-11-13T00:00:00Z\",\"topics\":[]}")
                .paper("2601.00004", "Unchecked").repo("Lab/Gone")
                .link("2601.00004", 0, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .state("Lab/Gone", "NOT_FOUND", START, START, null, 404);
        FileTree tree = FileTree.of(false, "README.md", "requirements.txt");
        String readme = "# Hollow\nCode coming soon.\n";
        signals.save(history.repoId("Lab/Hollow"), new RepoSignals(new ChecklistScorer().score(tree, readme),
                new PlaceholderDetector().detect(tree, readme), false, 2, true, null, null, null, null, null, null, START,
                null, true), "none");

        ReportResult result = write();

        RowSignals hollow = row(result.report(), "github.com/lab/hollow").signals();
        assertEquals(true, hollow.placeholder());
        assertEquals("MIT", hollow.licence());
        assertEquals(12L, hollow.releaseLagDays());
        assertTrue(hollow.checklistScore() >= 0 && hollow.checklistScore() <= 5);
        assertFalse(hollow.promiseNotKept(), "not promised");
        RowSignals gone = row(result.report(), "github.com/lab/gone").signals();
        assertNull(gone.checklistScore(), "never fetched: empty, not 0");
        assertNull(gone.placeholder());
        assertNull(gone.licence());

        JsonNode rows = new ObjectMapper().readTree(file(result, "json")).get("rows");
        JsonNode h = rows.get(1).get("repo_key").asText().equals("github.com/lab/hollow") ? rows.get(1) : rows.get(0);
        assertEquals("github.com/lab/hollow", h.get("repo_key").asText());
        assertEquals(hollow.checklistScore(), h.get("checklist_score").asInt());
        assertTrue(h.get("placeholder").asBoolean());
        assertEquals("MIT", h.get("licence").asText());
        assertEquals(12, h.get("release_lag_days").asInt());
        assertFalse(h.get("promise_not_kept").asBoolean());
        List<List<String>> csv = ReportFormatsTest.parseCsv(file(result, "csv"));
        List<String> header = csv.get(0);
        List<String> g = csv.stream().filter(c -> c.get(0).equals("2601.00004")).findFirst().orElseThrow();
        assertEquals(List.of("", "", "", "", "false"), g.subList(header.indexOf("checklist_score"), header.size()));
        assertTrue(file(result, "md").contains("score " + hollow.checklistScore() + "/5; placeholder yes; licence MIT; release lag 12 d |"));
    }

    private static ReportRow row(Report r, String key) {
        return r.rows().stream().filter(x -> x.repoKey().equals(key)).findFirst().orElseThrow();
    }
}
