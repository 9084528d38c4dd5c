package org.reprotrack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Issue 4, resumable audits: {@code reprotrack audit} in a real child JVM on an H2 file database
 * is killed with SIGKILL in the middle of a run; a second start joins the same run, takes over the
 * dead process's claims once their lease has run out, and finishes it. No recorded check is lost
 * and no repository is checked twice in the run.
 *
 * <p>The second start waits out the lease (10 s, the least allowed) rather than taking over its
 * own node's claims at once: another live process on the same node name (the CLI beside
 * {@code reprotrack run} on one host) cannot be told apart from a dead one, and taking its claims
 * would check them twice.
 */
class AuditResumesAfterSigkillTest {

    private static final int REPOS = 150;
    /** REST requests in flight at once (github.rest_concurrency): asked but maybe not recorded at a kill. */
    private static final int IN_FLIGHT = 4;
    private static final String NODE = "node-a";

    @TempDir
    Path dir;

    private final SlowGitHub github = new SlowGitHub(Duration.ofMillis(120));
    private ChildJvm first;
    private ChildJvm second;

    @AfterEach
    void cleanUp() {
        for (ChildJvm child : new ChildJvm[] {first, second}) {
            if (child != null) {
                child.close();
            }
        }
        github.close();
    }

    @Test
    @Timeout(120)
    void aKilledAuditIsFinishedByTheNextStartWithEveryRepositoryCheckedOnce() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reprotrack");
        try (Database db = Database.open(url, "sa", "", 4)) {
            Seed.githubRepos(db, dir, REPOS);
        }
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_DATABASE_URL", url);
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", "test-token"); // a token lifts the 60-a-run cap; GraphQL off keeps REST
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_CLUSTER_NODE_NAME", NODE);
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "10");

        first = ChildJvm.start("audit-1", dir, env, "audit", "--all");
        Poll.until(Duration.ofSeconds(60), "the first audit to get well into its run",
                () -> github.total() >= 40 || !first.isAlive(), first::output);
        assertTrue(first.isAlive(), "the first audit ended before it could be killed:\n" + first.output());
        first.kill();
        long recorded;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            recorded = Seed.count(c, "SELECT COUNT(*) FROM check_result");
            assertEquals(recorded, Seed.count(c, "SELECT COUNT(*) FROM audit_item WHERE state = 'done'"),
                    "a check and its item's done mark are one transaction");
        }
        int seenBeforeKill = github.total();
        assertTrue(seenBeforeKill < REPOS, "killed in the middle, not at the end: " + seenBeforeKill);
        // Each of the 4 REST threads asks, then records, then asks again: at a kill at most 4 answers
        // are unrecorded. More means committed checks were lost with the process.
        assertTrue(seenBeforeKill - recorded <= IN_FLIGHT, seenBeforeKill + " repositories asked but only " + recorded
                + " checks survived the kill: committed checks were lost");

        second = ChildJvm.start("audit-2", dir, env, "audit", "--all");
        int exit = second.awaitExit(Duration.ofSeconds(90));
        assertEquals(0, exit, second.output());
        assertTrue(second.output().contains("joined audit run"), "the second start joins the killed run:\n" + second.output());

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<List<Object>> runs = Seed.rows(c, "SELECT id, state, planned, checked FROM audit_run ORDER BY id");
            assertEquals(1, runs.size(), "one audit run, resumed rather than started over: " + runs);
            long runId = ((Number) runs.get(0).get(0)).longValue();
            assertEquals("finished", runs.get(0).get(1), runs.toString());
            assertEquals(REPOS, ((Number) runs.get(0).get(2)).intValue(), runs.toString());
            assertEquals(REPOS, ((Number) runs.get(0).get(3)).intValue(), "checked counts every recorded check once: " + runs);

            Map<String, Long> checks = Seed.checksPerRepo(c, runId);
            assertEquals(REPOS, checks.size());
            checks.forEach((repo, n) -> assertEquals(1L, n, repo + " has " + n + " checks in the run"));
            assertEquals(REPOS, Seed.count(c, "SELECT COUNT(*) FROM check_result"));
            assertEquals(REPOS, Seed.count(c, "SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'done'", runId));
            assertEquals(0, Seed.count(c, "SELECT COUNT(*) FROM repo WHERE last_checked IS NULL"));
        }

        // Only what the dead process had claimed and not recorded is asked again.
        Map<String, Integer> asked = github.perRepo();
        assertEquals(REPOS, asked.size(), "every repository was asked");
        int again = github.total() - REPOS;
        System.out.printf("killed after %d requests, %d checks recorded; %d repositories asked again%n", seenBeforeKill,
                recorded, again);
        assertTrue(again <= IN_FLIGHT, again + " repositories asked twice: more than were in flight at the kill " + asked);
        asked.forEach((repo, n) -> assertTrue(n <= 2, repo + " asked " + n + " times"));
    }
}
