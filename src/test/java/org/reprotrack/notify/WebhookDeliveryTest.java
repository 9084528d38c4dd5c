package org.reprotrack.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.config.Settings;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.DashboardFixtures;
import org.reprotrack.store.Database;
import org.reprotrack.store.NotifyStore;
import org.reprotrack.store.SignalStore;
import org.reprotrack.testing.TestClock;

/**
 * Webhooks against a local receiver: signed JSON, one idempotency key per delivery, retried with
 * backoff while the receiver is down, and neither lost nor repeated across a restart (the outbox
 * is in the database file, reopened by a new process's objects).
 */
class WebhookDeliveryTest {

    private static final String SECRET = "s3cr3t-value-never-stored";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer receiver = new MockWebServer();
    private final TestClock clock = new TestClock(DashboardFixtures.T0.plus(Duration.ofDays(3)));
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    private final List<String> outcomes = new ArrayList<>();
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void start() throws Exception {
        receiver.start();
        db = open();
        DashboardFixtures.fill(db.dataSource());
        new CollectionStore(db.dataSource()).add("chairs", "test", List.of("2101.00001", "hep-th/9901001"), false, clock.instant());
    }

    @AfterEach
    void stop() {
        receiver.close();
        if (db != null) {
            db.close();
        }
    }

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("store"), "sa", "", 4);
    }

    private Settings.Notifications settings(String format, String collection) {
        return new Settings.Notifications("https://tracker.example.org/", 60, 5,
                List.of(new Settings.Webhook("chairs-hook", collection, receiver.url("/hook").toString(), "CHAIRS_SECRET", format)));
    }

    private Notifier notifier(Settings.Notifications settings, Map<String, String> env) {
        NotifyStore store = new NotifyStore(db.dataSource());
        WebhookDelivery delivery = new WebhookDelivery(store, settings.webhooks(), env::get, http, settings.maxAttempts(), clock,
                (webhook, outcome) -> outcomes.add(webhook + " " + outcome));
        return new Notifier(store, new SignalStore(db.dataSource()), 90, settings, delivery, clock);
    }

    private Notifier notifier() {
        return notifier(settings("json", "chairs"), Map.of("CHAIRS_SECRET", SECRET));
    }

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** alpha (linked by 2101.00001 and hep-th/9901001, both in "chairs") is confirmed dead. */
    private void alphaDies() {
        sql(db.dataSource(), "UPDATE repo SET status = 'NOT_FOUND', status_since = TIMESTAMP WITH TIME ZONE '2026-01-12 09:00:00+00'"
                + " WHERE repo_key = 'github.com/lab/alpha'");
    }

    private List<Map<String, Object>> outbox() {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT idempotency_key, state, attempts, last_status, last_error, payload FROM webhook_outbox ORDER BY id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(Map.of("key", rs.getString(1), "state", rs.getString(2), "attempts", rs.getInt(3),
                        "error", String.valueOf(rs.getString(5)), "payload", rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(r != null, "the receiver got no request");
        return r;
    }

    @Test
    void a_newly_dead_repository_of_the_collection_is_one_signed_json_post_with_an_idempotency_key() throws Exception {
        Notifier notifier = notifier();
        assertTrue(notifier.pass().scan().baseline(), "the first pass only records the statuses (beta was dead before)");
        assertEquals(0, receiver.getRequestCount());
        receiver.enqueue(new MockResponse.Builder().code(204).build());

        alphaDies();
        Notifier.Result r = notifier.pass();

        assertEquals(1, r.scan().events().size());
        assertEquals(1, r.delivery().delivered());
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        String body = request.getBody().utf8();
        String key = request.getHeaders().get("Idempotency-Key");
        assertEquals(r.scan().events().get(0).id() + "-chairs-hook", key);
        assertEquals(key, request.getHeaders().get("X-Reprotrack-Delivery"));
        assertEquals("newly_dead", request.getHeaders().get("X-Reprotrack-Event"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        String signature = request.getHeaders().get(Signature.HEADER);
        assertTrue(Signature.verify(SECRET, request.getBody().toByteArray(), signature), signature);
        assertFalse(Signature.verify("another secret", request.getBody().toByteArray(), signature));
        JsonNode json = JSON.readTree(body);
        assertEquals("newly_dead", json.path("event").asText());
        assertEquals("github.com/lab/alpha", json.path("repository").asText());
        assertEquals("NOT_FOUND", json.path("status").asText());
        assertEquals("OK", json.path("previous_status").asText());
        assertEquals("chairs", json.path("collection").asText());
        assertEquals("2026-01-12T09:00:00Z", json.path("occurred_at").asText());
        assertEquals("https://tracker.example.org/repos/github.com/lab/alpha", json.path("dashboard_url").asText());
        assertEquals(List.of("2101.00001", "hep-th/9901001"), json.path("papers").findValuesAsText("id"));
        assertEquals(DashboardFixtures.SCRIPT_TITLE, json.path("papers").get(0).path("title").asText(), "JSON escaping keeps the text");
        assertFalse(body.contains(SECRET));

        Notifier.Result again = notifier.pass();
        assertEquals(0, again.scan().events().size(), "an event is announced once");
        assertEquals(1, receiver.getRequestCount(), "a delivered delivery is not sent again");
        assertEquals("delivered", outbox().get(0).get("state"));
        assertEquals(List.of("chairs-hook delivered"), outcomes);
    }

    @Test
    void a_receiver_down_for_a_while_gets_the_same_delivery_after_backoff() throws Exception {
        Notifier notifier = notifier();
        notifier.pass();
        receiver.enqueue(new MockResponse.Builder().code(503).build());
        receiver.enqueue(new MockResponse.Builder().code(502).build());
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        alphaDies();

        assertEquals(1, notifier.pass().delivery().retried());
        assertEquals(1, receiver.getRequestCount());
        assertEquals(0, notifier.pass().delivery().retried(), "nothing is due before the backoff");
        assertEquals(1, receiver.getRequestCount());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, notifier.pass().delivery().retried(), "second attempt after 30 s");
        clock.advance(Duration.ofSeconds(59));
        notifier.pass();
        assertEquals(2, receiver.getRequestCount(), "the third waits 60 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, notifier.pass().delivery().delivered());

        RecordedRequest first = take();
        RecordedRequest second = take();
        RecordedRequest third = take();
        for (RecordedRequest r : List.of(second, third)) {
            assertEquals(first.getHeaders().get("Idempotency-Key"), r.getHeaders().get("Idempotency-Key"));
            assertEquals(first.getBody(), r.getBody(), "every attempt sends the same bytes");
            assertEquals(first.getHeaders().get(Signature.HEADER), r.getHeaders().get(Signature.HEADER));
        }
        Map<String, Object> row = outbox().get(0);
        assertEquals("delivered", row.get("state"));
        assertEquals(3, row.get("attempts"));
        assertEquals(List.of("chairs-hook retry", "chairs-hook retry", "chairs-hook delivered"), outcomes);
    }

    @Test
    void a_restart_between_enqueue_and_delivery_loses_nothing_and_repeats_nothing() throws Exception {
        notifier().pass();
        alphaDies();
        // the events and the outbox row are written, then the process stops before sending
        NotifyStore.ScanResult scan = new NotifyStore(db.dataSource()).scan(clock.instant(), List.of(),
                List.of(new NotifyStore.Route("chairs-hook", "chairs")), (e, papers, route) -> "{\"event_id\":" + e.id() + "}");
        assertEquals(1, scan.enqueued());
        db.close();
        assertEquals(0, receiver.getRequestCount());

        db = open();
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        Notifier.Result r = notifier().pass();
        assertEquals(0, r.scan().events().size(), "the restarted process does not record the event again");
        assertEquals(1, r.delivery().delivered());
        assertEquals("{\"event_id\":" + scan.events().get(0).id() + "}", take().getBody().utf8());
        db.close();

        db = open();
        Notifier.Result later = notifier().pass();
        assertEquals(0, later.delivery().delivered() + later.delivery().retried());
        assertEquals(1, receiver.getRequestCount(), "a delivered delivery is not repeated after a restart");
    }

    @Test
    void a_process_killed_while_sending_leaves_the_delivery_to_be_sent_again_after_its_lease() throws Exception {
        notifier().pass();
        alphaDies();
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        new NotifyStore(db.dataSource()).scan(clock.instant(), List.of(), List.of(new NotifyStore.Route("chairs-hook", "chairs")),
                (e, papers, route) -> "{}");
        // claimed (the POST may have gone out) and then the process died: no outcome recorded
        assertEquals(1, new NotifyStore(db.dataSource()).claimDue(clock.instant(), 10, 120).size());
        db.close();

        db = open();
        assertEquals(0, notifier().pass().delivery().delivered(), "another node does not send it while the lease holds");
        clock.advance(Duration.ofSeconds(121));
        assertEquals(1, notifier().pass().delivery().delivered(), "at least once: sent again after the lease, same key");
        assertEquals("delivered", outbox().get(0).get("state"));
    }

    @Test
    void without_its_secret_nothing_is_sent_and_the_error_names_the_variable_never_a_secret() throws Exception {
        Notifier unset = notifier(settings("json", "chairs"), Map.of());
        unset.pass();
        alphaDies();
        assertEquals(1, unset.pass().delivery().retried());
        assertEquals(0, receiver.getRequestCount());
        Map<String, Object> row = outbox().get(0);
        assertEquals("pending", row.get("state"));
        assertTrue(row.get("error").toString().contains("CHAIRS_SECRET"), row.toString());

        receiver.enqueue(new MockResponse.Builder().code(200).build());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, notifier().pass().delivery().delivered(), "set later, the secret is read at delivery time");
        for (Map<String, Object> r : outbox()) {
            assertFalse(r.values().stream().anyMatch(v -> String.valueOf(v).contains(SECRET)), "no secret in the database");
        }
    }

    @Test
    void a_slack_body_is_a_text_message_with_slack_escaping() throws Exception {
        Notifier notifier = notifier(settings("slack", "*"), Map.of("CHAIRS_SECRET", SECRET));
        notifier.pass();
        receiver.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        alphaDies();
        notifier.pass();
        RecordedRequest request = take();
        JsonNode json = JSON.readTree(request.getBody().utf8());
        assertEquals(1, json.size(), "only text: " + json);
        String text = json.path("text").asText();
        assertTrue(text.startsWith("Code gone: github.com/lab/alpha is NOT_FOUND (was OK) <https://tracker.example.org/repos/github.com/lab/alpha|details>"),
                text);
        assertTrue(text.contains("&lt;script&gt;alert(\"title\")&lt;/script&gt; &amp;"), text);
        assertFalse(text.contains("<script>"));
        assertTrue(Signature.verify(SECRET, request.getBody().toByteArray(), request.getHeaders().get(Signature.HEADER)));
    }

    @Test
    void gone_receivers_and_exhausted_attempts_are_given_up_and_other_collections_get_nothing() throws Exception {
        Notifier notifier = notifier(settings("json", "chairs"), Map.of("CHAIRS_SECRET", SECRET));
        notifier.pass();
        receiver.enqueue(new MockResponse.Builder().code(410).build());
        alphaDies();
        assertEquals(1, notifier.pass().delivery().failed(), "410 Gone: the receiver is gone for good");
        assertEquals("failed", outbox().get(0).get("state"));

        // beta (2102.00002) recovers: not a paper of "chairs", so that webhook gets nothing
        sql(db.dataSource(), "UPDATE repo SET status = 'OK' WHERE repo_key = 'github.com/lab/beta'");
        Notifier.Result r = notifier.pass();
        assertEquals(List.of("recovered"), r.scan().events().stream().map(e -> e.kind()).toList());
        assertEquals(0, r.scan().enqueued());

        // five attempts (notifications.max_attempts) against a receiver that never answers 2xx
        for (int i = 0; i < 5; i++) {
            receiver.enqueue(new MockResponse.Builder().code(500).build());
        }
        sql(db.dataSource(), "UPDATE repo SET status = 'OK' WHERE repo_key = 'github.com/lab/alpha'");
        notifier.pass();
        for (int attempt = 1; attempt < 5; attempt++) {
            clock.advance(WebhookDelivery.backoff(attempt));
            notifier.pass();
        }
        Map<String, Object> row = outbox().get(1);
        assertEquals("failed", row.get("state"));
        assertEquals(5, row.get("attempts"));
        assertEquals(6, receiver.getRequestCount());
    }

    @Test
    void backoff_doubles_from_30_seconds_up_to_6_hours() {
        assertEquals(Duration.ofSeconds(30), WebhookDelivery.backoff(1));
        assertEquals(Duration.ofSeconds(60), WebhookDelivery.backoff(2));
        assertEquals(Duration.ofMinutes(8), WebhookDelivery.backoff(5));
        assertEquals(Duration.ofHours(6), WebhookDelivery.backoff(12));
        assertEquals(Duration.ofHours(6), WebhookDelivery.backoff(60));
    }
}
