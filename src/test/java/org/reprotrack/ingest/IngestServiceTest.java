package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.LinkRow;
import org.reprotrack.store.PaperRow;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.TestDatabases;

/** Ingest of whole files and folders: bad input is reported with file, line and reason, and loses nothing else. */
class IngestServiceTest {

    @TempDir
    Path dir;

    private final Database db = TestDatabases.memory();
    private final PaperStore store = new PaperStore(db.dataSource(), Clock.systemUTC());
    private final IngestService service = new IngestService(store, new LinkExtractor());

    @AfterEach
    void close() {
        db.close();
    }

    private Path copy(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = IngestServiceTest.class.getResourceAsStream("/ingest/" + resource)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private Map<String, FileResult> byName(IngestReport report) {
        return report.files().stream().collect(Collectors.toMap(r -> Path.of(r.file()).getFileName().toString(), Function.identity()));
    }

    private List<String> paperIds() {
        List<String> ids = new ArrayList<>();
        store.forEachPaper(p -> ids.add(p.id()));
        return ids;
    }

    @Test
    void aFolderOfMixedFilesIsReadFileByFileWithEachFormatDetected() throws IOException {
        copy("listing.txt", "in/a-listing.txt");
        copy("metadata.jsonl", "in/b-metadata.jsonl");
        copy("feed.xml", "in/c-feed.xml");
        copy("urls.csv", "in/d-urls.csv");

        IngestReport report = service.ingest(List.of(dir.resolve("in")), InputFormat.AUTO, IngestListener.SILENT);

        Map<String, FileResult> files = byName(report);
        assertEquals(InputFormat.LISTING, files.get("a-listing.txt").format());
        assertEquals(InputFormat.JSONL, files.get("b-metadata.jsonl").format());
        assertEquals(InputFormat.ATOM, files.get("c-feed.xml").format());
        assertEquals(InputFormat.URLS, files.get("d-urls.csv").format());
        assertEquals(0, report.filesFailed());
        assertTrue(report.papersRead() > 0);
    }

    @Test
    void everyKindOfBadFileIsReportedAndTheGoodFilesOfTheRunAreKept() throws IOException {
        copy("listing.txt", "in/good-listing.txt");
        Files.write(dir.resolve("in/empty.txt"), new byte[0]);
        Files.write(dir.resolve("in/garbage.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, (byte) 0xff});
        copy("feed-truncated.xml", "in/truncated.xml");
        copy("metadata-bad.jsonl", "in/some-bad-lines.jsonl");
        copy("listing-no-ids.txt", "in/no-ids.txt");
        copy("urls-bad.csv", "in/bad-rows.csv");
        byte[] invalidUtf8 = "Bad bytes \u00ff here: github.com/example/x\nComments\narXiv:2301.00001Next abstract.\nMore\narXiv:2301.00002"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("in/latin1.txt"), invalidUtf8);

        IngestReport report = service.ingest(List.of(dir.resolve("in")), InputFormat.AUTO, IngestListener.SILENT);
        Map<String, FileResult> files = byName(report);

        assertTrue(files.get("good-listing.txt").ok());
        assertEquals("empty file", files.get("empty.txt").failure());
        assertTrue(files.get("garbage.bin").failure().contains("binary"), files.get("garbage.bin").failure());
        FileResult truncated = files.get("truncated.xml");
        assertFalse(truncated.ok());
        assertTrue(truncated.failure().endsWith("(nothing from this file was kept)"), truncated.failure());
        FileResult badLines = files.get("some-bad-lines.jsonl");
        assertTrue(badLines.ok(), "bad records do not fail their file");
        assertEquals("line 2", badLines.skipped().get(0).toString().substring(0, 6));
        assertTrue(files.get("no-ids.txt").skippedCount() > 0);
        assertTrue(files.get("bad-rows.csv").skippedCount() >= 5, files.get("bad-rows.csv").skipped().toString());
        FileResult latin1 = files.get("latin1.txt");
        assertTrue(latin1.skipped().get(0).toString().startsWith("line 1: "), latin1.skipped().toString());
        assertTrue(latin1.skipped().get(0).reason().toLowerCase().contains("utf-8"), latin1.skipped().toString());

        List<String> ids = paperIds();
        assertTrue(ids.contains("2108.08728"), "the good listing is kept");
        assertTrue(ids.contains("2401.00001"), "the good JSON line is kept");
        assertTrue(ids.contains("2108.08839"), "the good URL row is kept");
        assertTrue(ids.contains("2301.00002"), "the record after the bad bytes is kept");
        assertEquals(3, report.filesFailed(), "empty, binary and truncated files failed; the others were kept");
    }

    @Test
    void aFileThatBreaksHalfWayLeavesNoPaperBehind() throws IOException {
        StringBuilder feed = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        for (int i = 1; i <= 1200; i++) {
            feed.append("<entry><id>http://arxiv.org/abs/2301.").append(String.format("%05d", i))
                    .append("v1</id><title>T</title><summary>github.com/o/r").append(i).append("</summary></entry>");
        }
        feed.append("<entry><id>http://arxiv.org/abs/2301.99999v1</id><title>cut"); // the connection dropped here
        Files.writeString(dir.resolve("big.xml"), feed);

        IngestReport report = service.ingest(List.of(dir.resolve("big.xml")), InputFormat.AUTO, IngestListener.SILENT);

        assertEquals(1, report.filesFailed());
        assertEquals(List.of(), paperIds(), "1,200 papers were written in chunks, and all were rolled back");
        List<LinkRow> links = new ArrayList<>();
        store.forEachLink(links::add);
        assertEquals(List.of(), links);
    }

    @Test
    void aChangedAbstractUpdatesThePaperAndItsLinks() throws IOException {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "Code at https://github.com/a/old.\narXiv:2301.00001\n");
        service.ingest(List.of(file), InputFormat.AUTO, IngestListener.SILENT);
        Files.writeString(file, "Code moved to https://github.com/a/new.\narXiv:2301.00001v2\n");

        IngestReport again = service.ingest(List.of(file), InputFormat.AUTO, IngestListener.SILENT);

        assertEquals(1, again.papersUpdated());
        List<LinkRow> links = new ArrayList<>();
        store.forEachLink(links::add);
        assertEquals(List.of("github.com/a/new"), links.stream().map(LinkRow::repoKey).toList());
        List<PaperRow> papers = new ArrayList<>();
        store.forEachPaper(papers::add);
        assertEquals(2, papers.get(0).version());
    }

    @Test
    void aForcedFormatThatDoesNotFitSaysSoPerRecord() throws IOException {
        Path file = copy("listing.txt", "listing.txt");
        IngestReport report = service.ingest(List.of(file), InputFormat.JSONL, IngestListener.SILENT);
        FileResult result = report.files().get(0);
        assertNotNull(result.counts());
        assertEquals(0, report.papersRead());
        assertTrue(result.skippedCount() > 0);
        assertNull(result.failure());
    }

    private static String feed(long total, String... ids) {
        StringBuilder sb = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">")
                .append("<opensearch:totalResults>").append(total).append("</opensearch:totalResults>");
        for (String id : ids) {
            sb.append("<entry><id>http://arxiv.org/abs/").append(id).append("v1</id><title>Paper ").append(id)
                    .append("</title><summary>Code: https://github.com/lab/p").append(id.replace(".", "")).append("</summary>")
                    .append("<published>2025-08-01T00:00:00Z</published></entry>");
        }
        return sb.append("</feed>").toString();
    }

    @Test
    void anArxivQuerySourceIsReadPageByPageAsOneTransaction() throws Exception {
        try (mockwebserver3.MockWebServer arxiv = new mockwebserver3.MockWebServer()) {
            arxiv.enqueue(new mockwebserver3.MockResponse.Builder().body(feed(201, "2508.00001", "2508.00002")).build());
            arxiv.enqueue(new mockwebserver3.MockResponse.Builder().body(feed(201, "2508.00003")).build());
            arxiv.start();
            ArxivClient client = new ArxivClient(new okhttp3.OkHttpClient(), arxiv.url("/api/query").toString(),
                    new Throttle(java.time.Duration.ZERO, Clock.systemUTC(), d -> { }));

            IngestReport report = service.ingestSources(List.of("arxiv:cat:cs.CV AND submittedDate:[202508010000 TO 202508072359]"),
                    InputFormat.AUTO, client, IngestListener.SILENT);

            assertEquals(0, report.filesFailed());
            assertEquals(3, report.papersNew());
            assertEquals(3, report.codeLinks());
            mockwebserver3.RecordedRequest first = arxiv.takeRequest();
            assertEquals("cat:cs.CV AND submittedDate:[202508010000 TO 202508072359]", first.getUrl().queryParameter("search_query"));
            assertEquals("0", first.getUrl().queryParameter("start"));
            assertEquals("200", arxiv.takeRequest().getUrl().queryParameter("start"));
            assertEquals(List.of("2508.00001", "2508.00002", "2508.00003"), paperIds());
        }
    }

    @Test
    void anArxivQueryThatFailsMidwayKeepsNothingAndSaysItIsReadAgain() throws Exception {
        try (mockwebserver3.MockWebServer arxiv = new mockwebserver3.MockWebServer()) {
            arxiv.enqueue(new mockwebserver3.MockResponse.Builder().body(feed(400, "2508.00001")).build());
            arxiv.enqueue(new mockwebserver3.MockResponse.Builder().code(503).build());
            arxiv.start();
            ArxivClient client = new ArxivClient(new okhttp3.OkHttpClient(), arxiv.url("/api/query").toString(),
                    new Throttle(java.time.Duration.ZERO, Clock.systemUTC(), d -> { }));

            IngestReport report = service.ingestSources(List.of("arxiv:cat:cs.CV"), InputFormat.AUTO, client, IngestListener.SILENT);

            assertEquals(1, report.filesFailed());
            assertTrue(report.files().get(0).failure().contains("read again on the next run"), report.files().get(0).failure());
            assertEquals(List.of(), paperIds());
        }
    }
}
