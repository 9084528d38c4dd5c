package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Issue 12: a repository GitHub keeps answering without a verdict (here a 403 without a block,
 * as SSO enforcement gives) is listed after the 3rd such check by {@code status} and in the
 * report's "Without a verdict" section, with its reason, and never gets a dead verdict for it.
 */
class StuckWithoutVerdictTest {

    private static final String SSO = "Resource protected by organization SAML enforcement.";

    @TempDir
    Path dir;

    @StartStop
    public final MockWebServer github = new MockWebServer();

    private String dbUrl;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + dbUrl);
        int exit = Cli.run(all.toArray(String[]::new), Map.of("REPROTRACK_DASHBOARD_SEARCH_INDEX", dir.resolve("search").toString()),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        dbUrl = "jdbc:h2:file:" + dir.resolve("data/reprotrack");
        github.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse.Builder answer = new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .addHeader("x-ratelimit-limit", "60").addHeader("x-ratelimit-remaining", "55")
                        .addHeader("x-ratelimit-reset", "4102444800").addHeader("x-ratelimit-resource", "core");
                if (request.getUrl().encodedPath().equals("/repos/lab/sso-only")) {
                    return answer.code(403).body("{\"message\":\"" + SSO + "\"}").build();
                }
                return answer.code(200).body("{\"id\": 42, \"full_name\": \"lab/fine\", \"size\": 100, \"private\": false,"
                        + " \"archived\": false, \"disabled\": false}").build();
            }
        });
        Path list = dir.resolve("urls.csv");
        Files.writeString(list, "paper_id,url\n2101.00001,https://github.com/lab/sso-only\n2101.00002,https://github.com/lab/fine\n",
                StandardCharsets.UTF_8);
        assertEquals(0, run("ingest", list.toString()).exit());
    }

    private void audit() {
        Run audit = run("audit", "--all", "--github-api", github.url("/").toString());
        assertEquals(0, audit.exit(), audit.err());
    }

    @Test
    void afterThreeChecksWithoutAVerdictStatusAndTheReportListItWithItsReason() throws Exception {
        audit();
        audit();
        Run status = run("status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("Without a verdict (checked 3 times or more in a row, no verdict): 0"), status.out());

        audit();
        status = run("status");
        assertTrue(status.out().contains("Without a verdict (checked 3 times or more in a row, no verdict): 1"), status.out());
        String line = status.out().lines().filter(l -> l.contains("github.com/lab/sso-only")).findFirst().orElseThrow();
        assertTrue(line.contains("PENDING  3 checks since"), line);
        assertTrue(line.endsWith("forbidden: " + SSO), line);
        assertFalse(status.out().contains("github.com/lab/fine"), "a repository with a verdict is not listed");

        Path out = dir.resolve("reports");
        Run report = run("report", "--format", "md,json", "--out", out.toString());
        assertEquals(0, report.exit(), report.err());
        String md = Files.readString(out.resolve("dead-links-latest.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Without a verdict (1)"), md);
        assertTrue(md.contains("| [github.com/lab/sso-only](<https://github.com/lab/sso-only>) | PENDING | 3 |"), md);
        assertTrue(md.contains("forbidden: " + SSO), md);
        assertTrue(md.contains("## Dead (0)"), "no dead verdict came of it: " + md);
        JsonNode json = new ObjectMapper().readTree(out.resolve("dead-links-latest.json").toFile());
        assertEquals(1, json.get("counts").get("without_verdict").asInt());
        JsonNode stuck = json.get("without_verdict").get(0);
        assertEquals("github.com/lab/sso-only", stuck.get("repo_key").asText());
        assertEquals(3, stuck.get("checks_without_verdict").asInt());
        assertEquals("forbidden: " + SSO, stuck.get("last_reason").asText());
        assertEquals(0, json.get("rows").size());
    }
}
