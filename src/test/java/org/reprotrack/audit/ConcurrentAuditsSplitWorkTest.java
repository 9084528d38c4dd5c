package org.reprotrack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.App;
import org.reprotrack.check.Sleeper;
import org.reprotrack.config.Settings;
import org.reprotrack.config.SettingsLoader;
import org.reprotrack.store.Database;
import org.reprotrack.testing.PostgresServer;
import org.reprotrack.testing.Seed;
import org.reprotrack.testing.SlowGitHub;

/**
 * Issue 4, clustered mode: two audits started at the same moment on two "nodes" (each its own
 * connection pool and node name, as two processes would have) against one real PostgreSQL join
 * one run and split its work list through {@code FOR UPDATE SKIP LOCKED} claims: every repository
 * is checked exactly once, by one of them.
 */
class ConcurrentAuditsSplitWorkTest {

    private static final int REPOS = 200;

    @TempDir
    Path dir;

    private PostgresServer postgres;
    private SlowGitHub github;
    private final java.util.List<Database> databases = new java.util.ArrayList<>();
    private ExecutorService pool;

    @BeforeEach
    void start() {
        postgres = PostgresServer.start();
        github = new SlowGitHub(Duration.ofMillis(40));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        databases.forEach(Database::close);
        if (github != null) {
            github.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(120)
    void twoAuditsStartedAtOnceShareOneRunAndCheckEveryRepositoryOnce() throws Exception {
        Database seed = open();
        Seed.githubRepos(seed, dir, REPOS);

        AuditService a = service(open(), "node-a");
        AuditService b = service(open(), "node-b");
        CyclicBarrier together = new CyclicBarrier(2);
        pool = Executors.newFixedThreadPool(2);
        Future<AuditSummary> fa = pool.submit(() -> {
            together.await();
            return a.run(new AuditService.Request(false, 0), AuditListener.SILENT);
        });
        Future<AuditSummary> fb = pool.submit(() -> {
            together.await();
            return b.run(new AuditService.Request(false, 0), AuditListener.SILENT);
        });
        AuditSummary sa = fa.get(90, TimeUnit.SECONDS);
        AuditSummary sb = fb.get(90, TimeUnit.SECONDS);

        assertEquals(sa.runId(), sb.runId(), "the second start joined the first's run");
        assertEquals(REPOS, sa.checked() + sb.checked(), "a: " + sa.checked() + ", b: " + sb.checked());
        assertTrue(sa.checked() > 0 && sb.checked() > 0, "both nodes did part of the work: a " + sa.checked()
                + ", b " + sb.checked());
        try (Connection c = postgres.connect()) {
            List<List<Object>> runs = Seed.rows(c, "SELECT id, state, planned, checked FROM audit_run");
            assertEquals(1, runs.size(), "one run: " + runs);
            assertEquals("finished", runs.get(0).get(1), runs.toString());
            assertEquals(REPOS, ((Number) runs.get(0).get(3)).intValue(), runs.toString());
            long runId = ((Number) runs.get(0).get(0)).longValue();
            Seed.checksPerRepo(c, runId).forEach((repo, n) -> assertEquals(1L, n, repo + " has " + n + " checks in the run"));
            Map<String, Long> byNode = new HashMap<>();
            for (List<Object> row : Seed.rows(c, "SELECT claimed_by, state FROM audit_item WHERE run_id = ?", runId)) {
                assertEquals("done", row.get(1));
                byNode.merge(((String) row.get(0)).split(":")[0], 1L, Long::sum);
            }
            assertEquals(Map.of("node-a", (long) sa.checked(), "node-b", (long) sb.checked()), byNode);
        }
        Map<String, Integer> asked = github.perRepo();
        assertEquals(REPOS, asked.size());
        asked.forEach((repo, n) -> assertEquals(1, n, repo + " was asked " + n + " times"));
        System.out.printf("node-a checked %d, node-b %d%n", sa.checked(), sb.checked());
    }

    private Database open() {
        Database db = Database.open(postgres.jdbcUrl(), "reprotrack", "", 6);
        databases.add(db);
        return db;
    }

    private AuditService service(Database db, String node) {
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_DATABASE_URL", postgres.jdbcUrl());
        env.put("REPROTRACK_CLUSTER_ENABLED", "true");
        env.put("REPROTRACK_CLUSTER_NODE_NAME", node);
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "30");
        Settings settings = new SettingsLoader().load(null, env);
        return App.auditService(settings, db, Clock.systemUTC(), Sleeper.SYSTEM, Map.of("GITHUB_TOKEN", "test-token"));
    }
}
