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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;

/** {@code reprotrack collection} and {@code report --collection} end to end on a temporary H2 file. */
class CollectionCommandTest {

    @TempDir
    Path dir;

    @StartStop
    public final MockWebServer arxiv = new MockWebServer();

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

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = CollectionCommandTest.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @BeforeEach
    void setUp() throws IOException, SQLException {
        dbUrl = "jdbc:h2:file:" + dir.resolve("data/reprotrack");
        config = dir.resolve("reprotrack.yml");
        // no archive is reachable: lookups fail fast with a note, which these tests do not look at
        Files.writeString(config, """
                report:
                  output_dir: "%s"
                archives:
                  software_heritage_url: "http://127.0.0.1:9"
                  timeout_seconds: 1
                arxiv:
                  min_interval_seconds: 0
                """.formatted(dir.resolve("reports").toString().replace("\\", "/")));
        assertEquals(0, run("ingest", resource("/cli/listing.txt").toString()).exit());
        try (Database db = Database.open(dbUrl, "sa", "", 2); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE repo SET status = 'NOT_FOUND', http_status = 404,"
                    + " first_seen_dead = TIMESTAMP WITH TIME ZONE '2025-12-01 08:00:00+00' WHERE repo_key LIKE 'github.com/example-lab/%'");
        }
    }

    @Test
    void a_list_of_accepted_papers_becomes_a_collection_and_what_names_no_paper_is_reported() throws IOException {
        Run add = run("collection", "add", "chairs", resource("/collections/chairs.txt").toString());
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().startsWith("Collection chairs created: 2 papers read, 2 added, 0 already in it"), add.out());
        assertTrue(add.out().contains("2 entries name no paper and were not added:"), add.out());
        assertTrue(add.out().contains("line 3: 10.1145/3292500.3330701 (DOI not known to the store"), add.out());
        assertTrue(add.out().contains("line 4: not a paper (not an arXiv id, arXiv URL or DOI)"), add.out());
        assertTrue(add.out().contains("1 papers are not ingested yet (2405.01234)"), add.out());

        Run again = run("collection", "add", "chairs", resource("/collections/ids.txt").toString());
        assertTrue(again.out().startsWith("Collection chairs updated: 3 papers read, 3 added, 0 already in it"), again.out());

        Run list = run("collection", "list", "--format", "csv");
        assertEquals(0, list.exit());
        assertTrue(list.out().startsWith("name,papers,tracked,priority,updated,source"), list.out());
        assertTrue(list.out().contains("chairs,5,1,false,"), list.out());
    }

    @Test
    void a_chairs_report_is_one_command_and_holds_only_the_collections_papers() throws IOException {
        assertEquals(0, run("collection", "add", "chairs", resource("/collections/chairs.txt").toString()).exit());

        Run report = run("report", "--collection", "chairs", "--format", "json,md");

        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().startsWith("Report of collection chairs (2 papers): 1 dead, 0 never released, 0 failing"), report.out());
        Path folder = dir.resolve("reports/collections/chairs");
        JsonNode json = new ObjectMapper().readTree(folder.resolve("dead-links-latest.json").toFile());
        assertEquals(1, json.get("rows").size());
        assertEquals("2108.08728", json.get("rows").get(0).get("paper_id").asText(), json.toString());
        assertTrue(Files.isRegularFile(folder.resolve("dead-links-latest.md")));
        assertFalse(Files.exists(dir.resolve("reports/dead-links-latest.json")), "the whole-store report is untouched");

        Run whole = run("report");
        assertTrue(whole.out().startsWith("Report 1: 1 dead, 1 never released"), "a collection's report is not recorded as a report: " + whole.out());
        assertEquals(1, run("report", "--collection", "nobody").exit());
    }

    @Test
    void a_collection_is_made_from_the_dashboards_filters_or_an_arxiv_query() throws Exception {
        Run filter = run("collection", "add", "gone", "--filter", "/papers?status=code_gone&sort=id&page=3");
        assertEquals(0, filter.exit(), filter.err());
        assertTrue(filter.out().startsWith("Collection gone created: 1 papers read, 1 added"), filter.out());
        Run bad = run("collection", "add", "gone", "--filter", "q=graphs");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("cannot be made from a text search"), bad.err());

        try (InputStream in = CollectionCommandTest.class.getResourceAsStream("/arxiv/two-papers.atom.xml")) {
            arxiv.enqueue(new MockResponse.Builder().body(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).build());
        }
        Run query = run("collection", "add", "workshop", "--arxiv-query", "cat:cs.CV AND all:fixture", "--arxiv-api",
                arxiv.url("/api/query").toString());
        assertEquals(0, query.exit(), query.err());
        assertTrue(query.out().contains("arXiv query: 2 of 2 papers read"), query.out());
        assertTrue(query.out().contains("Collection workshop created: 2 papers read, 2 added"), query.out());
        assertEquals("cat:cs.CV AND all:fixture", arxiv.takeRequest().getUrl().queryParameter("search_query"));
    }

    @Test
    void priority_remove_and_bad_input_say_what_to_do() throws IOException {
        assertEquals(0, run("collection", "add", "chairs", resource("/collections/chairs.txt").toString()).exit());
        Run on = run("collection", "priority", "chairs", "--on");
        assertEquals(0, on.exit(), on.err());
        assertTrue(run("collection", "list", "--format", "csv").out().contains("chairs,2,1,true,"));
        Run removed = run("collection", "remove", "chairs");
        assertEquals(0, removed.exit());
        Run missing = run("collection", "remove", "chairs");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("there is no collection named 'chairs' (see reprotrack collection list)"), missing.err());
        Run badName = run("collection", "add", "Bad Name", resource("/collections/ids.txt").toString());
        assertEquals(1, badName.exit());
        assertTrue(badName.err().contains("a collection name is 1 to 64 lower-case letters"), badName.err());
        assertEquals(2, run("collection", "add", "chairs").exit(), "no source");
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "title\nnothing here\n");
        Run none = run("collection", "add", "chairs", junk.toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("none of the 1 entries names a paper; first: line 2 'nothing here'"), none.err());
        assertEquals(1, run("collection", "add", "chairs", dir.resolve("missing.txt").toString()).exit());
    }
}
