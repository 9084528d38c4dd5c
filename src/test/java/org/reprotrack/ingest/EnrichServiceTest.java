package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.paper.Paper;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperRow;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.PaperWriter;
import org.reprotrack.store.TestDatabases;

class EnrichServiceTest {

    private final MockWebServer server = new MockWebServer();
    private final Database db = TestDatabases.memory();
    private final PaperStore store = new PaperStore(db.dataSource(), Clock.systemUTC());
    private final List<Duration> sleeps = new ArrayList<>();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = EnrichServiceTest.class.getResourceAsStream("/arxiv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void ingest(String... ids) {
        LinkExtractor extractor = new LinkExtractor();
        try (PaperWriter w = store.openWriter("list.txt", p -> extractor.extract(p.abstractText(), p.comments()))) {
            for (String id : ids) {
                w.write(Paper.ofText(id, 1, "An abstract.", null));
            }
            w.commit();
        }
    }

    /** A client whose clock stands still, so every request after the first must wait the full interval. */
    private EnrichService service(int batchSize) {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        ArxivClient client = new ArxivClient(http, server.url("/api/query").toString(),
                new Throttle(Duration.ofSeconds(3), frozen, sleeps::add));
        return new EnrichService(store, client, batchSize, 2);
    }

    private List<PaperRow> papers() {
        List<PaperRow> rows = new ArrayList<>();
        store.forEachPaper(rows::add);
        return rows;
    }

    @Test
    void titlesAuthorsAndDatesAreFilledFromTheApi() throws Exception {
        ingest("2108.08728", "2108.08839");
        server.enqueue(new MockResponse.Builder().body(fixture("two-papers.atom.xml")).build());

        EnrichService.EnrichReport report = service(100).enrich(0, line -> { });

        assertEquals(2, report.enriched());
        RecordedRequest request = server.takeRequest();
        assertEquals("2108.08728,2108.08839", request.getUrl().queryParameter("id_list"));
        assertEquals("2", request.getUrl().queryParameter("max_results"));
        assertTrue(request.getHeaders().get("User-Agent").startsWith("reprotrack/"));
        PaperRow cal = papers().get(0);
        assertEquals("Counterfactual Attention Learning for Fine-Grained Visual Categorization and Re-identification", cal.title());
        assertEquals("Yongming Rao, Jiwen Lu", cal.authors());
        assertEquals(Instant.parse("2021-08-19T15:10:39Z"), cal.published());
    }

    @Test
    void idsGoInBatchesOfAtMostTheBatchSizeOneIntervalApart() throws Exception {
        ingest("2101.00001", "2101.00002", "2101.00003", "2101.00004", "2101.00005");
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>").build());
        }

        EnrichService.EnrichReport report = service(2).enrich(0, line -> { });

        assertEquals(3, server.getRequestCount());
        assertEquals("2101.00001,2101.00002", server.takeRequest().getUrl().queryParameter("id_list"));
        assertEquals("2101.00003,2101.00004", server.takeRequest().getUrl().queryParameter("id_list"));
        assertEquals("2101.00005", server.takeRequest().getUrl().queryParameter("id_list"));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), sleeps, "no two requests within 3 s");
        assertEquals(5, report.unknownToArxiv());
    }

    @Test
    void aFailedBatchLeavesItsPapersAsTheyWereForTheNextRun() throws Exception {
        ingest("2108.08728", "2108.08839");
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());

        EnrichService.EnrichReport first = service(100).enrich(0, line -> { });
        assertEquals(1, first.failedBatches());
        assertNull(papers().get(0).title());

        server.enqueue(new MockResponse.Builder().body(fixture("two-papers.atom.xml")).build());
        EnrichService.EnrichReport second = service(100).enrich(0, line -> { });
        assertEquals(2, second.enriched(), "the failed batch is asked again");
    }

    @Test
    void aTruncatedFeedIsAFailedBatchNotAnEmptyAnswer() throws Exception {
        ingest("2108.08728");
        server.enqueue(new MockResponse.Builder().body(fixture("truncated.atom.xml")).build());

        EnrichService.EnrichReport report = service(100).enrich(0, line -> { });

        assertEquals(1, report.failedBatches());
        assertEquals(0, report.unknownToArxiv(), "no attempt is counted against the paper");
        assertEquals(List.of("2108.08728"), store.idsToEnrich("", 10, 1));
    }

    @Test
    void aServerThatNeverAnswersStopsTheRunAfterThreeBatches() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add(String.format("2101.%05d", i));
        }
        ingest(ids.toArray(String[]::new));
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        List<String> progress = new ArrayList<>();

        EnrichService.EnrichReport report = service(2).enrich(0, progress::add);

        assertEquals(3, server.getRequestCount());
        assertEquals(3, report.failedBatches());
        assertTrue(progress.get(progress.size() - 1).startsWith("stopping"), progress.toString());
        server.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void limitCapsThePapersAsked() throws Exception {
        ingest("2101.00001", "2101.00002", "2101.00003");
        server.enqueue(new MockResponse.Builder().body("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>").build());

        EnrichService.EnrichReport report = service(100).enrich(2, line -> { });

        assertEquals(2, report.asked());
        assertEquals("2101.00001,2101.00002", server.takeRequest().getUrl().queryParameter("id_list"));
    }
}
