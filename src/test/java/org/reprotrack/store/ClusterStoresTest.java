package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, the stores behind several nodes, on H2 and PostgreSQL alike: the shared rate-limit
 * budget (only lowered within a window, whoever writes), the node check-ins, job runs ended only
 * for gone processes, and a failed audit item retried, then given up, without ending the run.
 */
class ClusterStoresTest extends OnBothDatabases {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant RESET = NOW.plusSeconds(3600);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSharedBudgetOnlyFallsWithinAWindowAndStartsOverWithTheNext(String kind) {
        try (Database db = open(kind)) {
            BudgetStore store = new BudgetStore(db.dataSource());
            store.record("fp1", "core", 4000, RESET, NOW);
            store.record("fp1", "core", 4100, RESET, NOW.plusSeconds(1)); // another node's older answer
            store.record("fp1", "core", 3990, RESET, NOW.plusSeconds(2));
            store.record("fp1", "graphql", 4999, RESET, NOW);
            store.record("fp2", "core", 12, RESET, NOW); // another token
            assertEquals(Map.of("core", new BudgetStore.Budget(3990, RESET), "graphql", new BudgetStore.Budget(4999, RESET)),
                    store.read("fp1"));

            store.record("fp1", "core", 5000, RESET.plusSeconds(3600), NOW.plusSeconds(3601)); // the next window
            store.record("fp1", "core", 10, RESET, NOW.plusSeconds(3602)); // a late answer of the old one
            assertEquals(new BudgetStore.Budget(5000, RESET.plusSeconds(3600)), store.read("fp1").get("core"));
            assertEquals(new BudgetStore.Budget(12, RESET), store.read("fp2").get("core"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNodeIsAliveUntilItMissesThreeCheckInsOrSignsOut(String kind) {
        try (Database db = open(kind)) {
            NodeStore nodes = new NodeStore(db.dataSource());
            nodes.checkIn("a-1", "a", NOW, NOW, Duration.ofSeconds(10));
            nodes.checkIn("b-1", "b", NOW, NOW, Duration.ofSeconds(10));
            nodes.checkIn("a-1", "a", NOW, NOW.plusSeconds(20), Duration.ofSeconds(10)); // a checks in again, b does not

            Instant later = NOW.plusSeconds(35);
            assertTrue(nodes.isAlive("a-1", later));
            assertFalse(nodes.isAlive("b-1", later), "b missed three check-ins");
            assertEquals(1, nodes.alive(later));
            nodes.leave("a-1");
            assertEquals(List.of("b-1"), nodes.instances().stream().map(NodeStore.Instance::instance).toList());
            assertEquals(1, nodes.forgetGone(NOW.plus(Duration.ofDays(2))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recoveryEndsOnlyTheJobRunsOfGoneProcesses(String kind) {
        try (Database db = open(kind)) {
            JobRunStore runs = new JobRunStore(db.dataSource());
            long live = runs.start("audit", "a", "a-1", NOW);
            long gone = runs.start("audit", "b", "b-1", NOW);
            long recovering = runs.start("audit", "a", "a-1", NOW.plusSeconds(5));
            assertEquals(1, runs.abandonGone("audit", recovering, List.of("a-1"), "died", NOW.plusSeconds(6)));
            long gone2 = runs.start("ingest", "c", "c-1", NOW);
            assertEquals(1, runs.endRunsOfGone(List.of("a-1"), "gone", NOW.plusSeconds(7)));
            assertEquals(List.of("running", "running", "failed"), List.of(
                    state(db, live), state(db, recovering), state(db, gone)));
            assertEquals("failed", state(db, gone2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedItemIsRetriedThenGivenUpWhileTheRunGoesOn(String kind) throws SQLException {
        try (Database db = open(kind)) {
            try (Connection c = db.dataSource().getConnection()) {
                c.createStatement().executeUpdate("INSERT INTO web_page (url, first_seen) VALUES ('https://x.org/a', CURRENT_TIMESTAMP)");
            }
            AuditWorkStore work = new AuditWorkStore(db.dataSource(), kind.equals("postgresql"));
            long pageId;
            try (Connection c = db.dataSource().getConnection();
                 var rs = c.createStatement().executeQuery("SELECT id FROM web_page")) {
                rs.next();
                pageId = rs.getLong(1);
            }
            AuditWorkStore.RunRef run = work.beginOrJoin("due", "a", NOW, () -> List.of(new AuditWorkStore.Target(null, pageId)));
            assertTrue(work.openRun(NOW).isPresent(), "a run with pending work is open to join");
            for (int attempt = 1; attempt <= 3; attempt++) {
                List<AuditWorkStore.Item> items = work.claim(run.runId(), "a:1", NOW, NOW.plusSeconds(60), 10);
                assertEquals(1, items.size(), "attempt " + attempt + ": the item is back to claim");
                assertEquals(attempt == 3, work.fail(items.get(0), "a:1", 3));
            }
            assertEquals(0, work.remaining(run.runId()), "given up: nothing left to wait for");
            assertTrue(work.running(run.runId()), "the run itself did not fail");
            assertTrue(work.openRun(NOW).isEmpty(), "nothing left to join");
            assertFalse(work.fail(new AuditWorkStore.Item(run.runId(), 0, null, pageId), "b:1", 3),
                    "a worker that does not hold the item changes nothing");
        }
    }

    private static String state(Database db, long jobRunId) {
        try (Connection c = db.dataSource().getConnection();
             var st = c.prepareStatement("SELECT state FROM job_run WHERE id = ?")) {
            st.setLong(1, jobRunId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
