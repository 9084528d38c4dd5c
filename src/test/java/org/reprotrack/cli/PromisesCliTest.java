package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, points 3 and 4 end to end through the command line: a space-broken URL is ingested as
 * its repository, a promise without a link shows as PROMISED_NO_LINK in {@code papers --format json}
 * and in the report's "Promises not kept" (the papers are from 2024, long past promise_days).
 */
class PromisesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String dbUrl;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        dbUrl = "jdbc:h2:file:" + dir.resolve("data/reprotrack");
        config = dir.resolve("reprotrack.yml");
        // no repository is dead, so no archive is asked; a closed local port makes sure nothing leaves the machine
        Files.writeString(config, """
                report:
                  output_dir: "%s"
                archives:
                  software_heritage_url: "http://127.0.0.1:9"
                  wayback_url: "http://127.0.0.1:9"
                  timeout_seconds: 1
                """.formatted(dir.resolve("reports").toString().replace("\\", "/")));
        Path jsonl = dir.resolve("promises.jsonl");
        try (InputStream in = PromisesCliTest.class.getResourceAsStream("/cli/promises.jsonl")) {
            Files.copy(in, jsonl);
        }
        assertEquals(0, run("ingest", jsonl.toString()).exit);
    }

    private record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + dbUrl);
        all.add("--config=" + config);
        int exit = Cli.run(all.toArray(String[]::new), Map.of("REPROTRACK_DASHBOARD_SEARCH_INDEX", dir.resolve("search").toString()),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void papersJsonShowsThePromiseAndItsStatus() throws IOException {
        Map<String, String> byId = new TreeMap<>();
        for (JsonNode p : run("papers", "--format", "json").jsonLines()) {
            byId.put(p.get("paper_id").asText(), p.get("status").asText() + " promised=" + p.get("promised").asBoolean());
        }
        assertEquals(Map.of(
                "2401.00001", "PROMISED_NO_LINK promised=true",
                "2401.00002", "PENDING promised=false",
                "2401.00003", "PROMISED_NO_LINK promised=true",
                "2401.00004", "NO_CODE_LINK promised=false"), byId);
    }

    @Test
    void papersTableShowsTheStatusInFull() {
        String table = run("papers").out;
        assertTrue(table.contains("PROMISED_NO_LINK  Promised Net"), table);
    }

    @Test
    void spaceBrokenUrlIsStoredAsItsRepository() throws IOException {
        List<JsonNode> links = run("links", "--format", "json").jsonLines();
        assertEquals(1, links.size());
        assertEquals("github.com/example-lab/spaced-net", links.get(0).get("repo_key").asText());
        assertEquals("https://github.com/example-lab/spaced-net", links.get(0).get("url").asText());
    }

    @Test
    void reportListsPromisesWithoutALinkAsNotKept() throws IOException {
        Run report = run("report", "--format", "all");
        assertEquals(0, report.exit, report.err);
        JsonNode json = JSON.readTree(dir.resolve("reports/dead-links-latest.json").toFile());
        List<String> promised = new ArrayList<>();
        json.path("promises_not_kept").forEach(p -> promised.add(p.path("paper_id").asText() + " " + p.path("status").asText() + " "
                + p.path("repo_key").isNull()));
        assertEquals(List.of("2401.00001 PROMISED_NO_LINK true", "2401.00003 PROMISED_NO_LINK true"), promised);
        String md = Files.readString(dir.resolve("reports/dead-links-latest.md"));
        assertTrue(md.contains("## Promises not kept (2)"), md);
        assertTrue(md.contains("| 2401.00001 | Promised Net | (no code link) | PROMISED_NO_LINK |"), md);
        String html = Files.readString(dir.resolve("reports/dead-links-latest.html"));
        assertTrue(html.contains("<td>2401.00003</td><td>Lost Link Net</td><td>(no code link)</td><td>PROMISED_NO_LINK</td>"), html);
    }
}
