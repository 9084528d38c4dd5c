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
        int exit = Cli.run(all.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));
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
}
