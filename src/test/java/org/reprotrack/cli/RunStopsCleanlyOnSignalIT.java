package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;
import org.reprotrack.testing.ChildJvm;
import org.reprotrack.testing.Poll;
import org.reprotrack.testing.Seed;
import org.reprotrack.testing.SlowGitHub;

/**
 * Issue 12 point 2 for {@code reprotrack run}, the same stop as {@code audit}: SIGTERM while its
 * first-start audit is in the middle stops the audit job at its next checkpoint, records it as
 * stopped with its usage, closes the database (H2 no longer does it from its own hook), and exits
 * 143. Slow (a child JVM): failsafe runs it under {@code mvn verify}.
 */
class RunStopsCleanlyOnSignalIT {

    private static final int REPOS = 150;

    @TempDir
    Path dir;

    private final SlowGitHub github = new SlowGitHub(Duration.ofMillis(150));
    private ChildJvm run;

    @AfterEach
    void cleanUp() {
        if (run != null) {
            run.close();
        }
        github.close();
    }

    @Test
    @Timeout(180)
    void sigtermDuringTheScheduledAuditStopsItRecordsItClosesTheDatabaseAndExits143() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reprotrack");
        try (Database db = Database.open(url, "sa", "", 4)) {
            Seed.githubRepos(db, dir, REPOS);
        }
        Path sources = dir.resolve("none.csv");
        Files.writeString(sources, "paper_id,url\n", StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", "test-token");
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false");
        env.put("REPROTRACK_INGEST_SOURCES", sources.toString()); // the first start ingests this, then audits
        env.put("REPROTRACK_DASHBOARD_PORT", "0");
        env.put("REPROTRACK_DASHBOARD_SEARCH_INDEX", dir.resolve("search").toString());
        env.put("REPROTRACK_SCHEDULES_ENRICH_ENABLED", "false");
        env.put("REPROTRACK_SCHEDULES_REPORT_ENABLED", "false");

        run = ChildJvm.start("run", dir, env, "--db", url, "run");
        Poll.until(Duration.ofSeconds(120), "the first-start audit to get into its run",
                () -> github.total() >= 30 || !run.isAlive(), run::output);
        assertTrue(run.isAlive(), run.output());
        run.terminate();
        int exit = run.awaitExit(Duration.ofSeconds(90));
        String output = run.output();

        assertEquals(143, exit, output);
        assertTrue(output.contains("stopping: waiting for running jobs to reach a checkpoint"), output);
        assertTrue(output.contains("stopped cleanly"), output);
        assertFalse(output.contains("already closed"), output);
        assertFalse(output.contains("Exception"), output);
        int served = github.total();
        assertTrue(served < REPOS, "stopped in the middle: " + served);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<Object> job = Seed.rows(c, "SELECT state FROM job_run WHERE job = 'audit' ORDER BY id DESC").get(0);
            assertEquals("stopped", job.get(0), "the audit job is recorded as stopped");
            long runId = Seed.count(c, "SELECT MAX(id) FROM audit_run");
            assertEquals(served, Seed.count(c, "SELECT requests FROM audit_run WHERE id = ?", runId), "its usage is recorded");
            assertEquals(served, Seed.count(c, "SELECT COUNT(*) FROM check_result WHERE audit_run_id = ?", runId),
                    "every answer served is recorded");
            assertEquals(0, Seed.count(c, "SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'claimed'", runId),
                    "held work is given back");
        }
    }
}
