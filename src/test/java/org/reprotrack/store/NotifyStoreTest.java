package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.CurrentStatus;

/** The notification log, its routing to webhooks and the outbox's claims, on H2 and on PostgreSQL alike. */
class NotifyStoreTest extends OnBothDatabases {

    private static final Instant NOW = DashboardFixtures.T0.plusSeconds(86_400 * 3);
    private static final List<NotifyStore.Route> ROUTES = List.of(new NotifyStore.Route("all", "*"),
            new NotifyStore.Route("chairs", "chairs"), new NotifyStore.Route("lab", "lab"));
    private static final NotifyStore.Payloads BODY = (e, papers, r) -> r.webhook() + ":" + e.kind() + ":"
            + papers.stream().map(NotifyStore.EventPaper::id).toList();

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void status_changes_become_events_once_routed_to_the_webhooks_of_their_collections(String kind) {
        try (Database db = open(kind)) {
            DataSource ds = db.dataSource();
            DashboardFixtures.fill(ds);
            CollectionStore collections = new CollectionStore(ds);
            long chairs = collections.add("chairs", "t", List.of("2101.00001"), false, NOW).collectionId();
            collections.add("lab", "t", List.of("2102.00002"), false, NOW);
            NotifyStore store = new NotifyStore(ds);

            NotifyStore.ScanResult baseline = store.scan(NOW, List.of(), ROUTES, BODY);
            assertTrue(baseline.baseline());
            assertEquals(List.of(), baseline.events(), "beta was dead before reprotrack announced anything");

            sql(ds, "UPDATE repo SET status = 'FAILING' WHERE repo_key = 'github.com/lab/alpha'");
            assertEquals(List.of(), store.scan(NOW, List.of(), ROUTES, BODY).events(), "FAILING is not yet dead");
            sql(ds, "UPDATE repo SET status = 'NOT_FOUND', status_since = TIMESTAMP WITH TIME ZONE '2026-01-13 00:00:00+00'"
                    + " WHERE repo_key = 'github.com/lab/alpha'");
            sql(ds, "UPDATE repo SET status = 'OK' WHERE repo_key = 'github.com/lab/beta'");
            NotifyStore.ScanResult r = store.scan(NOW, List.of(), ROUTES, BODY);
            assertEquals(List.of("github.com/lab/alpha newly_dead FAILING", "github.com/lab/beta recovered NOT_FOUND"),
                    r.events().stream().map(e -> e.repoKey() + " " + e.kind() + " " + e.previousStatus()).sorted().toList());
            NotifyEvent dead = r.events().stream().filter(e -> e.kind().equals(NotifyEvent.NEWLY_DEAD)).findFirst().orElseThrow();
            assertEquals(Instant.parse("2026-01-13T00:00:00Z"), dead.occurredAt());
            assertEquals(4, r.enqueued(), "all gets both, chairs gets alpha, lab gets beta");

            assertEquals(List.of(), new NotifyStore(ds).scan(NOW, List.of(), ROUTES, BODY).events(), "never announced twice");
            assertEquals(List.of(dead.id()), store.events(chairs, 50).stream().map(NotifyEvent::id).toList());
            assertEquals(2, store.events(null, 50).size());
            assertEquals(Map.of(new AbstractMap.SimpleImmutableEntry<>("all", "pending"), 2,
                    new AbstractMap.SimpleImmutableEntry<>("chairs", "pending"), 1,
                    new AbstractMap.SimpleImmutableEntry<>("lab", "pending"), 1), store.outboxCounts());
            List<NotifyStore.Delivery> chairsDelivery = store.claimDue(NOW, 10, 60).stream().filter(d -> d.webhook().equals("chairs")).toList();
            assertEquals(List.of("chairs:newly_dead:[2101.00001, hep-th/9901001]"), chairsDelivery.stream().map(NotifyStore.Delivery::payload).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void broken_promises_are_announced_once_to_the_collections_of_their_paper(String kind) {
        try (Database db = open(kind)) {
            DataSource ds = db.dataSource();
            DashboardFixtures.fill(ds);
            new CollectionStore(ds).add("chairs", "t", List.of("2104.00004"), false, NOW);
            NotifyStore store = new NotifyStore(ds);
            store.scan(NOW, List.of(), ROUTES, BODY);
            BrokenPromise promise = new BrokenPromise("2104.00004", "github.com/lab/gamma", "EMPTY", Instant.parse("2022-04-05T00:00:00Z"), 1400);
            NotifyStore.ScanResult r = store.scan(NOW, List.of(promise), ROUTES, BODY);
            assertEquals(1, r.events().size());
            NotifyEvent e = r.events().get(0);
            assertEquals(NotifyEvent.PROMISE_NOT_KEPT, e.kind());
            assertEquals("2104.00004", e.paperId());
            assertEquals(2, r.enqueued(), "all and chairs");
            assertEquals(List.of(), store.scan(NOW, List.of(promise), ROUTES, BODY).events());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_claimed_delivery_is_held_for_its_lease_and_a_recorded_one_is_never_claimed_again(String kind) {
        try (Database db = open(kind)) {
            DataSource ds = db.dataSource();
            DashboardFixtures.fill(ds);
            NotifyStore store = new NotifyStore(ds);
            store.scan(NOW, List.of(), ROUTES, BODY);
            sql(ds, "UPDATE repo SET status = 'BLOCKED' WHERE repo_key = 'github.com/lab/alpha'");
            store.scan(NOW, List.of(), List.of(new NotifyStore.Route("all", "*")), BODY);

            List<NotifyStore.Delivery> first = store.claimDue(NOW, 10, 60);
            assertEquals(1, first.size());
            assertEquals(List.of(), store.claimDue(NOW.plusSeconds(59), 10, 60), "held by the first claimer");
            List<NotifyStore.Delivery> again = store.claimDue(NOW.plusSeconds(60), 10, 60);
            assertEquals(first, again, "its claimer died: the lease ran out");
            store.attempted(again.get(0).id(), NOW.plusSeconds(61), false, 503, "HTTP 503", NOW.plusSeconds(120));
            assertEquals(List.of(), store.claimDue(NOW.plusSeconds(119), 10, 60), "not before its next attempt");
            NotifyStore.Delivery retry = store.claimDue(NOW.plusSeconds(120), 10, 60).get(0);
            assertEquals(1, retry.attempts());
            store.attempted(retry.id(), NOW.plusSeconds(121), true, 200, null, null);
            assertEquals(List.of(), store.claimDue(NOW.plusSeconds(30L * 86_400), 10, 60));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOT_FOUND", "BLOCKED", "REPLACED"})
    void into_dead_is_newly_dead_and_out_of_dead_is_recovered(String dead) {
        CurrentStatus d = CurrentStatus.valueOf(dead);
        assertEquals(NotifyEvent.NEWLY_DEAD, NotifyStore.kind(CurrentStatus.OK, d));
        assertEquals(NotifyEvent.NEWLY_DEAD, NotifyStore.kind(CurrentStatus.PENDING, d));
        assertEquals(NotifyEvent.NEWLY_DEAD, NotifyStore.kind(CurrentStatus.FAILING, d));
        assertEquals(NotifyEvent.RECOVERED, NotifyStore.kind(d, CurrentStatus.OK));
        assertEquals(NotifyEvent.RECOVERED, NotifyStore.kind(d, CurrentStatus.EMPTY));
        assertNull(NotifyStore.kind(d, CurrentStatus.FAILING));
        assertNull(NotifyStore.kind(d, CurrentStatus.NOT_FOUND == d ? CurrentStatus.BLOCKED : CurrentStatus.NOT_FOUND), "dead to dead");
        assertNull(NotifyStore.kind(CurrentStatus.OK, CurrentStatus.FAILING));
        assertNull(NotifyStore.kind(CurrentStatus.FAILING, CurrentStatus.OK), "never announced dead, so not announced back");
    }
}
