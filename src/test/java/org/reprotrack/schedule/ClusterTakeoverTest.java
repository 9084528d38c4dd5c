package org.reprotrack.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;
import org.reprotrack.testing.ChildJvm;
import org.reprotrack.testing.Poll;
import org.reprotrack.testing.PostgresServer;
import org.reprotrack.testing.Seed;
import org.reprotrack.testing.SlowGitHub;

/**
 * Issue 4, clustered mode on a real PostgreSQL: two {@code reprotrack run} nodes (child JVMs,
 * Quartz clustered, check-in every second, an audit cron firing every second).
 * <ol>
 *   <li>With nothing to check, the audit fires again and again: each fire runs on one node only
 *       (no two audit job runs overlap, and Quartz never has two audit executions in flight).</li>
 *   <li>Repositories are ingested; the next audit fire checks them on one node, which is killed
 *       with SIGKILL in the middle. The other node sees it dead, recovers the job
 *       ({@code requestsRecovery}), joins the unfinished audit run and finishes it: every
 *       repository has exactly one check in that run.</li>
 * </ol>
 */
class ClusterTakeoverTest {

    private static final int REPOS = 150;
    /** REST requests in flight at once on the killed node: answers it may have got but not recorded. */
    private static final int IN_FLIGHT = 4;

    @TempDir
    Path dir;

    private PostgresServer postgres;
    private SlowGitHub github;
    private final Map<String, ChildJvm> nodes = new HashMap<>();
    private Connection db;
    private final AtomicInteger maxExecuting = new AtomicInteger();

    @BeforeEach
    void start() {
        postgres = PostgresServer.start();
        github = new SlowGitHub(Duration.ofMillis(120));
    }

    @AfterEach
    void stop() throws SQLException {
        nodes.values().forEach(ChildJvm::close);
        if (db != null) {
            db.close();
        }
        if (github != null) {
            github.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(150)
    void eachFireRunsOnOneNodeAndASurvivorFinishesTheAuditOfAKilledNode() throws Exception {
        // Both nodes start at once on an empty database: concurrent migration and schedule setup.
        for (String node : List.of("a", "b")) {
            nodes.put(node, ChildJvm.start("node-" + node, dir, env(node), "run"));
        }
        for (ChildJvm node : nodes.values()) {
            node.awaitOutput("reprotrack is running on node", Duration.ofSeconds(60));
        }
        db = postgres.connect();

        // 1. Empty audits fire every second; each fire runs once, on one node.
        Poll.until(Duration.ofSeconds(30), "five finished audit job runs", () -> finishedAudits() >= 5 && sampleQuartz(),
                this::outputs);
        List<JobRun> early = auditRuns();
        assertNoOverlap(early);
        assertTrue(maxExecuting.get() <= 1, "Quartz had " + maxExecuting.get() + " audit executions in flight at once");

        // 2. Work arrives; the node auditing it is killed in the middle.
        try (Database seed = Database.open(postgres.jdbcUrl(), "reprotrack", "", 2)) {
            Seed.githubRepos(seed, dir, REPOS);
        }
        Poll.until(Duration.ofSeconds(60), "the audit of the new repositories to be well under way",
                () -> github.total() >= 30 && sampleQuartz(), this::outputs);
        List<List<Object>> running = rows("SELECT id FROM audit_run WHERE state = 'running'");
        assertEquals(1, running.size(), "one running audit run: " + running);
        long runId = ((Number) running.get(0).get(0)).longValue();
        List<List<Object>> workers = rows("SELECT node FROM job_run WHERE job = 'audit' AND state = 'running'");
        assertEquals(1, workers.size(), "one node runs the audit: " + workers + "\n" + outputs());
        String victim = (String) workers.get(0).get(0);
        String survivor = victim.equals("a") ? "b" : "a";
        Instant killedAt = Instant.now();
        nodes.get(victim).kill();
        int askedAtKill = github.total();
        long recordedAtKill = count("SELECT COUNT(*) FROM check_result WHERE audit_run_id = ?", runId);
        assertTrue(recordedAtKill < REPOS, "killed in the middle: " + recordedAtKill + " checks recorded");
        assertTrue(askedAtKill - recordedAtKill <= IN_FLIGHT, askedAtKill + " asked, " + recordedAtKill + " recorded");

        // 3. The survivor recovers the job and finishes the run.
        Poll.until(Duration.ofSeconds(90), "the survivor to finish the killed node's audit run",
                () -> "finished".equals(single("SELECT state FROM audit_run WHERE id = ?", runId)) && sampleQuartz(),
                this::outputs);
        ChildJvm alive = nodes.get(survivor);
        alive.awaitOutput("(recovering a run a dead node left)", Duration.ofSeconds(30));
        assertTrue(alive.output().contains("joined audit run " + runId), alive.output());
        // the audit run is closed a moment before its job run records its end
        Poll.until(Duration.ofSeconds(30), "a finished audit job run on the survivor after the kill",
                () -> auditRuns().stream().anyMatch(r -> r.started().isAfter(killedAt) && r.node().equals(survivor)
                        && "finished".equals(r.state())), this::outputs);
        List<JobRun> after = auditRuns().stream().filter(r -> r.started().isAfter(killedAt)).toList();
        assertTrue(after.stream().noneMatch(r -> r.node().equals(victim)), "the dead node ran nothing more: " + after);
        List<JobRun> victims = auditRuns().stream().filter(r -> r.node().equals(victim) && !r.started().isBefore(
                early.get(early.size() - 1).started())).toList();
        assertTrue(victims.stream().anyMatch(r -> "failed".equals(r.state()) && r.finished() != null),
                "the dead node's job run is ended as failed, not left running: " + victims);
        assertEquals(0, count("SELECT COUNT(*) FROM job_run WHERE state = 'running' AND node = ?", victim));

        Map<String, Long> checks = Seed.checksPerRepo(db, runId);
        assertEquals(REPOS, checks.size());
        checks.forEach((repo, n) -> assertEquals(1L, n, repo + " has " + n + " checks in audit run " + runId));
        assertEquals(REPOS, count("SELECT checked FROM audit_run WHERE id = ?", runId));
        long byVictim = count("SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND claimed_by LIKE ?", runId, victim + ":%");
        long bySurvivor = count("SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND claimed_by LIKE ?", runId, survivor + ":%");
        assertEquals(recordedAtKill, byVictim, "what the dead node recorded stays recorded");
        assertEquals(REPOS - recordedAtKill, bySurvivor);
        Map<String, Integer> asked = github.perRepo();
        assertEquals(REPOS, asked.size());
        assertTrue(github.total() - REPOS <= IN_FLIGHT, "asked again: " + (github.total() - REPOS));
        // the dead node's run has no real end (the survivor ended it when it recovered): leave it out
        assertNoOverlap(auditRuns().stream().filter(r -> !"failed".equals(r.state())).toList());
        assertTrue(maxExecuting.get() <= 1, "Quartz had " + maxExecuting.get() + " audit executions in flight at once");
        System.out.printf("killed node %s after %d checks; node %s recorded %d; audit fires before the kill: %d%n",
                victim, recordedAtKill, survivor, bySurvivor, early.size());
        System.out.println("audit job runs: " + auditRuns());
        System.out.println(outputs());
    }

    private Map<String, String> env(String node) {
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_DATABASE_URL", postgres.jdbcUrl());
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", "test-token");
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_CLUSTER_ENABLED", "true");
        env.put("REPROTRACK_CLUSTER_NODE_NAME", node);
        env.put("REPROTRACK_DASHBOARD_PORT", "0"); // run serves the dashboard: any free port, two nodes on one host
        env.put("REPROTRACK_CLUSTER_CHECKIN_INTERVAL_SECONDS", "1");
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "10");
        env.put("REPROTRACK_DATABASE_POOL_SIZE", "8");
        // run also serves the dashboard: two nodes on one machine cannot both have the default port
        env.put("REPROTRACK_DASHBOARD_PORT", "0");
        env.put("REPROTRACK_SCHEDULES_AUDIT_CRON", "* * * * * ?");
        for (String job : List.of("INGEST", "ENRICH", "REPORT")) {
            env.put("REPROTRACK_SCHEDULES_" + job + "_ENABLED", "false");
        }
        return env;
    }

    /** One audit job execution as job_run has it. */
    private record JobRun(String node, Instant started, Instant finished, String state) {
    }

    private List<JobRun> auditRuns() {
        List<JobRun> out = new ArrayList<>();
        for (List<Object> r : rows("SELECT node, started_at, finished_at, state FROM job_run WHERE job = 'audit' ORDER BY started_at")) {
            out.add(new JobRun((String) r.get(0), instant(r.get(1)), r.get(2) == null ? null : instant(r.get(2)), (String) r.get(3)));
        }
        return out;
    }

    /** No audit job started before the previous one ended: each fire ran on one node, one at a time. */
    private static void assertNoOverlap(List<JobRun> runs) {
        for (int i = 1; i < runs.size(); i++) {
            JobRun before = runs.get(i - 1);
            JobRun next = runs.get(i);
            assertTrue(before.finished() != null && !next.started().isBefore(before.finished()),
                    "audit job runs overlap: " + before + " and " + next + " (all: " + runs + ")");
        }
    }

    private long finishedAudits() {
        return count("SELECT COUNT(*) FROM job_run WHERE job = 'audit' AND state = 'finished'");
    }

    /** Notes how many audit executions Quartz has in flight; always true, so it can ride along a poll. */
    private boolean sampleQuartz() {
        long executing = count("SELECT COUNT(*) FROM qrtz_fired_triggers WHERE job_name = 'audit' AND state = 'EXECUTING'");
        maxExecuting.accumulateAndGet((int) executing, Math::max);
        return true;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }

    private List<List<Object>> rows(String sql, Object... args) {
        try {
            return Seed.rows(db, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).get(0)).longValue();
    }

    private Object single(String sql, Object... args) {
        List<List<Object>> r = rows(sql, args);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    private String outputs() {
        StringBuilder b = new StringBuilder();
        nodes.forEach((name, child) -> b.append("--- node ").append(name).append(" ---\n").append(child.output()));
        return b.toString();
    }
}
