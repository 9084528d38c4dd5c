package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on a temporary H2 file. */
class CliTest {

    @TempDir
    Path dir;

    private String dbUrl;

    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(mapper.readTree(line));
                }
            }
            return nodes;
        }
    }

    @BeforeEach
    void database() {
        dbUrl = "jdbc:h2:file:" + dir.resolve("data/reprotrack");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + dbUrl);
        int exit = Cli.run(all.toArray(String[]::new), Map.of("REPROTRACK_DASHBOARD_SEARCH_INDEX", dir.resolve("search").toString()), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path fixture(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = CliTest.class.getResourceAsStream("/cli/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    void ingestPrintsASummaryAndLinksListsEveryLinkAsJson() throws IOException {
        Run ingest = run("ingest", fixture("listing.txt").toString());
        assertEquals(0, ingest.exit(), ingest.err());
        assertTrue(ingest.out().contains("(listing): 3 papers read: 3 new, 0 updated, 0 unchanged; code links 2, other links 0"), ingest.out());

        Run links = run("links", "--format", "json");
        assertEquals(0, links.exit());
        List<JsonNode> rows = links.jsonLines();
        assertEquals(2, rows.size());
        JsonNode first = rows.get(0);
        assertEquals("2108.08728", first.get("paper_id").asText());
        assertEquals("https://github.com/Example-Lab/FixtureNet", first.get("url").asText());
        assertEquals("code", first.get("kind").asText());
        assertEquals("github.com", first.get("host").asText());
        assertEquals("github.com/example-lab/fixturenet", first.get("repo_key").asText());
        assertFalse(first.get("promised").asBoolean());
        assertEquals("2108.08839", rows.get(1).get("paper_id").asText(), "the text after the id belongs to the next paper");
        assertTrue(rows.get(1).get("promised").asBoolean());
    }

    @Test
    void reingestingTheSameFileChangesNothing() throws IOException {
        Path listing = fixture("listing.txt");
        run("ingest", listing.toString());
        Run again = run("ingest", listing.toString());
        assertTrue(again.out().contains("3 papers read: 0 new, 0 updated, 3 unchanged"), again.out());
    }

    @Test
    void papersAreListedInEveryFormat() throws IOException {
        run("ingest", fixture("listing.txt").toString(), fixture("papers.jsonl").toString());

        List<JsonNode> json = run("papers", "--format", "json").jsonLines();
        assertEquals(List.of("2108.07794", "2108.08728", "2108.08839"), json.stream().map(n -> n.get("paper_id").asText()).toList());
        assertEquals("Fixture Net", json.get(1).get("title").asText());
        assertEquals(1, json.get(1).get("code_links").asInt());

        String csv = run("papers", "--format", "csv").out();
        assertTrue(csv.startsWith("paper_id,version,status,title,published,code_links,other_links,promised,authors\r\n"), csv);
        assertTrue(csv.contains("\"A. Author, B. Author\""), "fields with commas are quoted: " + csv);

        String table = run("papers").out();
        assertTrue(table.startsWith("PAPER_ID"), table);
        assertTrue(table.contains("Fixture Net"), table);
    }

    @Test
    void aBadRecordIsReportedWithFileAndLineAndTheRestIsKept() throws IOException {
        Path jsonl = fixture("papers.jsonl");
        Run ingest = run("ingest", jsonl.toString());
        assertEquals(0, ingest.exit(), "a skipped record does not fail the run");
        assertTrue(ingest.out().contains(jsonl + ": skipped line 2: "), ingest.out());
        assertTrue(ingest.out().contains("1 papers read: 1 new"), ingest.out());
    }

    @Test
    void aMissingPathFailsWithAMessageAndTheOtherFilesAreKept() throws IOException {
        Run ingest = run("ingest", dir.resolve("nope.txt").toString(), fixture("listing.txt").toString());
        assertEquals(1, ingest.exit());
        assertTrue(ingest.out().contains("nope.txt: FAILED: not found"), ingest.out());
        assertEquals(3, run("papers", "--format", "json").jsonLines().size());
        assertFalse(ingest.err().contains("Exception"), "no stack trace: " + ingest.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run bad = run("papers", "--format", "yaml");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--format"), bad.err());
        assertEquals(2, run("no-such-command").exit());
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        for (String command : List.of("ingest", "enrich", "papers", "links")) {
            Run help = run(command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().contains("Usage: reprotrack " + command), help.out());
        }
        Run top = run("--help");
        assertTrue(top.out().contains("Exit codes"), top.out());
    }

    @Test
    void serveOnATakenPortSaysSoInOneLineAndExitsOne() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run run = run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exit(), run.err());
            assertEquals("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is already in use (stop the other process or pass --port)", run.err().strip());
        }
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        Run run = run("serve", "--port", "70000");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--port must be between 0 and 65535"), run.err());
    }

    @Test
    void anInvalidConfigIsOneLineNamingFileAndKey() throws IOException {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, "dashboard:\n  port: -1\n");
        Run run = run("--config", config.toString(), "papers");
        assertEquals(1, run.exit());
        assertEquals("error: " + config + ": key 'dashboard.port' must be between 0 and 65535", run.err().strip());
    }

    @Test
    void aDatabaseUrlOfAnotherKindIsRefusedClearly() {
        StringWriter err = new StringWriter();
        int exit = Cli.run(new String[] {"papers", "--db", "jdbc:mysql://localhost/x"}, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("error: unsupported database URL"), err.toString());
    }

    @Test
    void auditChecksTheRepositoriesAndReposAndPapersShowTheirStatus() throws Exception {
        run("ingest", fixture("listing.txt").toString());
        String repoJson;
        try (InputStream in = CliTest.class.getResourceAsStream("/cli/repo-fixturenet.json")) {
            repoJson = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String body = repoJson;
        try (mockwebserver3.MockWebServer github = new mockwebserver3.MockWebServer()) {
            github.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    mockwebserver3.MockResponse.Builder answer = new mockwebserver3.MockResponse.Builder()
                            .addHeader("x-ratelimit-limit", "60").addHeader("x-ratelimit-remaining", "55")
                            .addHeader("x-ratelimit-reset", "4102444800").addHeader("x-ratelimit-resource", "core");
                    if (path.equalsIgnoreCase("/repos/Example-Lab/FixtureNet")) {
                        return answer.code(200).addHeader("ETag", "\"abc\"").body(body).build();
                    }
                    return answer.code(404).body("{\"message\":\"Not Found\"}").build();
                }
            });
            github.start();

            Run audit = run("audit", "--github-api", github.url("/").toString());

            assertEquals(0, audit.exit(), audit.err());
            assertTrue(audit.out().contains("2 checked"), audit.out());
            assertTrue(audit.out().contains("NOT_FOUND 1, OK 1"), audit.out());
            assertTrue(audit.out().contains("Failing (dead answer, re-checked before it counts): 1"), audit.out());
        }

        List<JsonNode> repos = run("repos", "--format", "json").jsonLines();
        assertEquals(2, repos.size());
        JsonNode ok = repos.get(0);
        assertEquals("github.com/example-lab/fixturenet", ok.get("repo_key").asText());
        assertEquals("OK", ok.get("status").asText());
        assertEquals(200, ok.get("http_status").asInt());
        assertEquals(42, ok.get("stars").asInt());
        assertEquals("2024-02-01T10:00:00Z", ok.get("pushed_at").asText());
        assertFalse(ok.get("archived").asBoolean());
        for (String field : List.of("moved_to", "last_checked", "first_seen_dead")) {
            assertTrue(ok.has(field), field);
        }
        JsonNode failing = repos.get(1);
        assertEquals("FAILING", failing.get("status").asText(), "one 404 is not yet a death");
        assertEquals(404, failing.get("http_status").asInt());
        assertFalse(failing.get("first_seen_dead").isNull());

        assertEquals(1, run("repos", "--status", "ok", "--format", "json").jsonLines().size());
        List<JsonNode> papers = run("papers", "--format", "json").jsonLines();
        assertEquals(List.of("NO_CODE_LINK", "HAS_CODE", "PENDING"), papers.stream().map(p -> p.get("status").asText()).toList());
    }

    @Test
    void auditScopeFlagsAreExclusive() {
        assertEquals(2, run("audit", "--all", "--due").exit());
    }

    @Test
    void auditChecksOtherLinksWithPlainHttp() throws Exception {
        try (mockwebserver3.MockWebServer web = new mockwebserver3.MockWebServer()) {
            web.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    if (path.equals("/project.html")) {
                        return new mockwebserver3.MockResponse.Builder().code(200).body("<html>project</html>").build();
                    }
                    if (path.equals("/gone.html")) {
                        return new mockwebserver3.MockResponse.Builder().code(410).build();
                    }
                    return new mockwebserver3.MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
                }
            });
            web.start();
            Path list = dir.resolve("urls.csv");
            Files.writeString(list, "paper_id,url\n2101.00001," + web.url("/project.html") + "\n2101.00002," + web.url("/gone.html") + "\n");
            run("ingest", list.toString());

            Run audit = run("audit", "--github-api", web.url("/").toString());

            assertEquals(0, audit.exit(), audit.err());
            assertTrue(audit.out().contains("Other links (plain HTTP): NOT_FOUND 1, OK 1"), audit.out());
            assertEquals(List.of("OK", "FAILING"), run("links", "--format", "json").jsonLines().stream()
                    .map(l -> l.get("status").asText()).toList());
            assertTrue(web.getRequestCount() >= 2);
        }
    }
}
