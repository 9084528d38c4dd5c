package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;

/** {@code reprotrack report} end to end on a temporary H2 file, Software Heritage played by a local server. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @StartStop
    public final MockWebServer swh = new MockWebServer();

    private String dbUrl;
    private Path config;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + dbUrl);
        all.add("--config=" + config);
        int exit = Cli.run(all.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws IOException {
        dbUrl = "jdbc:h2:file:" + dir.resolve("data/reprotrack");
        config = dir.resolve("reprotrack.yml");
        Files.writeString(config, """
                report:
                  output_dir: "%s"
                archives:
                  software_heritage_url: "%s"
                  timeout_seconds: 2
                """.formatted(dir.resolve("reports").toString().replace("\\", "/"), swh.url("/")));
        swh.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().contains("FixtureNet")) {
                    return new MockResponse.Builder().code(200)
                            .body("{\"date\":\"2025-03-14T10:21:52+00:00\",\"status\":\"full\",\"snapshot\":\"1a88\"}").build();
                }
                return new MockResponse.Builder().code(404).body("{}").build();
            }
        });
    }

    /** Ingests the listing fixture and marks its repositories as an audit would have. */
    private void deadRepositories() throws IOException, SQLException {
        Path listing = dir.resolve("listing.txt");
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/cli/listing.txt")) {
            Files.copy(in, listing);
        }
        assertEquals(0, run("ingest", listing.toString()).exit());
        try (Database db = Database.open(dbUrl, "sa", "", 2); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate("""
                    UPDATE repo SET status = 'NOT_FOUND', http_status = 404, first_seen_dead = TIMESTAMP WITH TIME ZONE '2025-12-01 08:00:00+00',
                           last_alive = TIMESTAMP WITH TIME ZONE '2025-11-01 08:00:00+00', stars = 42
                    WHERE repo_key = 'github.com/example-lab/fixturenet'""");
            st.executeUpdate("""
                    UPDATE repo SET status = 'NOT_FOUND', http_status = 404, first_seen_dead = TIMESTAMP WITH TIME ZONE '2025-12-01 08:00:00+00'
                    WHERE repo_key = 'github.com/example-lab/second'""");
        }
    }

    @Test
    void reportWritesEveryFormatWithDatedAndLatestNamesAndShowsTheArchivedCopy() throws Exception {
        deadRepositories();

        Run report = run("report", "--format", "all");

        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().startsWith("Report 1: 1 dead, 1 never released, 0 failing (code links)"), report.out());
        Path reports = dir.resolve("reports");
        for (String ext : List.of("csv", "json", "md", "html")) {
            assertTrue(Files.isRegularFile(reports.resolve("dead-links-latest." + ext)), ext);
            assertEquals(2, Files.list(reports).filter(p -> p.getFileName().toString().endsWith("." + ext)).count(), ext);
        }
        String md = Files.readString(reports.resolve("dead-links-latest.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2108.08728 |"), md);
        assertTrue(md.contains("archived, last visit 2025-03-14"), md);
        assertTrue(md.contains("[Wayback](<https://web.archive.org/web/https://github.com/Example-Lab/FixtureNet>)"), md);
        JsonNode json = new ObjectMapper().readTree(reports.resolve("dead-links-latest.json").toFile());
        assertEquals(2, json.get("rows").size());
        assertEquals("never_released", json.get("rows").get(1).get("kind").asText(), "promised and never seen alive");
        assertEquals(1, swh.getRequestCount(), "never-released repositories are not looked up");
    }

    @Test
    void secondReportSaysWhatChangedAndDefaultsToMarkdown() throws Exception {
        deadRepositories();
        assertEquals(0, run("report").exit());
        try (Database db = Database.open(dbUrl, "sa", "", 2); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE repo SET status = 'OK' WHERE repo_key = 'github.com/example-lab/fixturenet'");
        }

        Run second = run("report");

        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("since the previous report: 0 newly dead, 1 recovered"), second.out());
        assertEquals(2, Files.list(dir.resolve("reports")).filter(p -> p.toString().endsWith(".md")).count(),
                "the same day's dated file is replaced, latest too");
        String md = Files.readString(dir.resolve("reports/dead-links-latest.md"));
        assertTrue(md.contains("## Recovered since the previous report (1)"), md);
    }

    @Test
    void badFormatStatusOrDateIsAUsageError() {
        assertEquals(2, run("report", "--format", "xml").exit());
        assertEquals(2, run("report", "--status", "OK").exit());
        assertEquals(2, run("report", "--since", "2026-13-01").exit());
        Run help = run("report", "--help");
        assertTrue(help.out().contains("Usage: reprotrack report"), help.out());
    }
}
