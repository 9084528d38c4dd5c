package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprotrack.notify.Notifier;
import org.reprotrack.ops.Metrics;
import org.reprotrack.ops.Readiness;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.DashboardFixtures;
import org.reprotrack.store.Database;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.NotifyStore;
import org.reprotrack.store.OpsStore;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.TestDatabases;

/**
 * The collection pages, {@code ?collection=}, the Atom feeds (parsed with Rome) with conditional
 * GET, and {@code /metrics}, {@code /healthz}, {@code /readyz}, over HTTP on a random port.
 */
class CollectionAndOpsRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean SCHEDULER = new AtomicBoolean(true);
    private static Database db;
    private static Dashboard dashboard;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() {
        db = TestDatabases.memory();
        DataSource ds = db.dataSource();
        DashboardFixtures.fill(ds);
        new ListingStore(ds).refresh();
        CollectionStore collections = new CollectionStore(ds);
        collections.add("chairs", "test", List.of("2101.00001", "2103.00003", "2405.01234"), false, DashboardServer.CLOCK.instant());
        collections.add("empty-one", "test", List.of("2405.01234"), false, DashboardServer.CLOCK.instant());
        // events: a baseline, then alpha (papers of "chairs") dies and beta (not in it) recovers
        var settings = new org.reprotrack.config.Settings.Notifications("https://tracker.example.org", 60, 3, List.of());
        NotifyStore notify = new NotifyStore(ds);
        Notifier notifier = new Notifier(notify, new SignalStore(ds), 90, settings,
                new org.reprotrack.notify.WebhookDelivery(notify, List.of(), k -> null, new okhttp3.OkHttpClient(), 3,
                        DashboardServer.CLOCK, org.reprotrack.notify.DeliveryListener.NONE), DashboardServer.CLOCK);
        notifier.pass();
        sql(ds, "UPDATE repo SET status = 'NOT_FOUND' WHERE repo_key = 'github.com/lab/alpha'");
        sql(ds, "UPDATE repo SET status = 'OK' WHERE repo_key = 'github.com/lab/beta'");
        notifier.pass();
        Path reports = DashboardServer.tempDir();
        dashboard = DashboardServer.dashboard(ds, reports, new AdminActions(() -> { }, () -> { }), null, Optional::empty)
                .publicUrl("https://tracker.example.org/")
                .operations(new Metrics(new OpsStore(ds), DashboardServer.CLOCK),
                        new Readiness(new OpsStore(ds), () -> 0, () -> Optional.of(SCHEDULER.get())));
        port = dashboard.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        dashboard.stop();
        db.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @Test
    void the_collections_page_lists_each_collection_with_its_feed() {
        HttpResponse<String> r = get("/collections");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<a href=\"/collections/chairs\">chairs</a>"), r.body());
        assertTrue(r.body().contains("/collections/chairs/feed.atom"));
    }

    @Test
    void a_collection_page_shows_its_overview_and_only_its_papers_escaped() {
        HttpResponse<String> r = get("/collections/chairs");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("3 papers, 2 of them ingested"), body);
        assertTrue(body.contains("/papers/2101.00001") && body.contains("/papers/2103.00003"));
        assertFalse(body.contains("/papers/2102.00002"), "not a paper of the collection");
        assertFalse(body.contains("<script>alert(\"title\")"), "the hostile title is escaped");
        assertTrue(body.contains("&lt;script&gt;"));
        HttpResponse<String> filtered = get("/collections/chairs?status=no_code_link");
        assertTrue(filtered.body().contains("/papers/2103.00003"));
        assertFalse(filtered.body().contains("/papers/2101.00001\""));
        assertEquals(200, get("/collections/empty-one").statusCode());
    }

    @Test
    void unknown_or_malformed_collections_are_404_and_400() {
        assertEquals(404, get("/collections/nobody").statusCode());
        assertEquals(404, get("/api/v1/papers?collection=nobody").statusCode());
        assertEquals(400, get("/api/v1/papers?collection=%3Cscript%3E").statusCode());
        assertEquals(404, get("/collections/nobody/feed.atom").statusCode());
        HttpResponse<String> search = get("/api/v1/papers?collection=chairs&q=graphs");
        assertEquals(400, search.statusCode());
        assertTrue(search.body().contains("not available within a collection"), search.body());
    }

    @Test
    void the_api_lists_take_a_collection() throws Exception {
        JsonNode all = JSON.readTree(get("/api/v1/papers?per_page=100").body());
        assertEquals(5, all.path("papers").size());
        JsonNode scoped = JSON.readTree(get("/api/v1/papers?collection=chairs&sort=id").body());
        assertEquals(List.of("2101.00001", "2103.00003"), scoped.path("papers").findValuesAsText("id"));
        JsonNode list = JSON.readTree(get("/api/v1/collections").body());
        assertEquals(List.of("chairs", "empty-one"), list.path("collections").findValuesAsText("name"));
        JsonNode one = JSON.readTree(get("/api/v1/collections/chairs").body());
        assertEquals(1, one.path("papers_by_status").path("code_gone").asInt(), one.toString());
        assertEquals(1, one.path("repos_by_status").path("NOT_FOUND").asInt(), one.toString());
    }

    @Test
    void the_overall_feed_is_valid_atom_with_stable_tag_ids_and_escaped_titles() throws Exception {
        HttpResponse<String> r = get("/feeds/changes.atom");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
        SyndFeed feed = parse(r.body());
        assertEquals("atom_1.0", feed.getFeedType());
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).getTitle().startsWith("Code back: github.com/lab/beta is OK (was NOT_FOUND)"), entries.get(0).getTitle());
        assertEquals("Code gone: github.com/lab/alpha is NOT_FOUND (was OK)", entries.get(1).getTitle());
        assertTrue(entries.get(1).getUri().matches("tag:reprotrack,2026:[0-9a-f-]{36}/event/\\d+"), entries.get(1).getUri());
        assertEquals("https://tracker.example.org/repos/github.com/lab/alpha", entries.get(1).getLink());
        assertTrue(entries.get(1).getDescription().getValue().contains(DashboardFixtures.SCRIPT_TITLE),
                "the parser reads back the exact untrusted title: " + entries.get(1).getDescription().getValue());
        assertFalse(r.body().contains("<script>"), "escaped in the XML");
        SyndFeed again = parse(get("/feeds/changes.atom").body());
        assertEquals(entries.get(1).getUri(), again.getEntries().get(1).getUri(), "entry ids are stable");
    }

    @Test
    void a_collection_feed_holds_only_its_events() throws Exception {
        SyndFeed feed = parse(get("/collections/chairs/feed.atom").body());
        assertEquals(List.of("Code gone: github.com/lab/alpha is NOT_FOUND (was OK)"),
                feed.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals(0, parse(get("/collections/empty-one/feed.atom").body()).getEntries().size());
    }

    @Test
    void feeds_answer_conditional_gets_with_304() {
        HttpResponse<String> r = get("/feeds/changes.atom");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        String modified = r.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> same = get("/feeds/changes.atom", "If-None-Match", etag);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(304, get("/feeds/changes.atom", "If-Modified-Since", modified).statusCode());
        assertEquals(200, get("/feeds/changes.atom", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, get("/feeds/changes.atom", "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode());
        String chairs = get("/collections/chairs/feed.atom").headers().firstValue("ETag").orElseThrow();
        assertFalse(chairs.equals(etag), "each feed has its own tag");
    }

    @Test
    void metrics_are_in_the_prometheus_format_without_a_token() {
        get("/papers");
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        String body = r.body();
        for (String line : List.of("reprotrack_checks_total{verdict=\"NOT_FOUND\"} 1.0", "reprotrack_checks_total{verdict=\"OK\"} 4.0",
                "reprotrack_repositories{status=\"NOT_FOUND\"} 1.0", "reprotrack_audit_queue_depth ",
                "reprotrack_api_requests_total{api=\"github\"} 7.0", "reprotrack_rate_limit_wait_seconds_total{api=\"github\"} 1.5",
                "reprotrack_github_budget_remaining -1.0", "jvm_memory_used_bytes")) {
            assertTrue(body.contains(line), line + " in\n" + body);
        }
        assertTrue(body.matches("(?s).*reprotrack_http_server_requests_seconds_count\\{method=\"GET\",route=\"/papers\",status=\"200\"} \\d.*"),
                body);
    }

    @Test
    void healthz_is_alive_and_readyz_says_which_check_fails() {
        HttpResponse<String> alive = get("/healthz");
        assertEquals(200, alive.statusCode());
        assertEquals("ok\n", alive.body());
        HttpResponse<String> ready = get("/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("ready\ndatabase: ok\nmigrations: ok\nscheduler: ok\n", ready.body());
        SCHEDULER.set(false);
        try {
            HttpResponse<String> stopped = get("/readyz");
            assertEquals(503, stopped.statusCode());
            assertEquals("not ready\ndatabase: ok\nmigrations: ok\nscheduler: failing\n", stopped.body());
        } finally {
            SCHEDULER.set(true);
        }
    }
}
