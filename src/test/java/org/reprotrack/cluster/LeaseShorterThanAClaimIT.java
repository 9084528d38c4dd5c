package org.reprotrack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.testing.ClusterNodes;
import org.reprotrack.testing.Poll;
import org.reprotrack.testing.Seed;
import org.reprotrack.testing.SlowGitHub;

/**
 * Issue 13, point 2: two nodes with a 10 s lease. GitHub answers fast until the nodes have sized
 * their claims (from that throughput) and most of the run is done, then slows to 4 s an answer,
 * so the claims in hand take well over the lease to check. The lease heartbeat keeps them: no
 * repository is sent to GitHub twice while its node lives (before, 122 of 188 were), and the run
 * finishes.
 */
class LeaseShorterThanAClaimIT {

    private static final int REPOS = 240;
    private static final Duration LEASE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ClusterNodes cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(240)
    void noItemIsSentTwiceWhileItsNodeLivesThoughItsClaimOutlastsTheLease() throws Exception {
        SlowGitHub github = new SlowGitHub(Duration.ofMillis(20));
        github.slowAfter(REPOS - 24, Duration.ofSeconds(4));
        cluster = new ClusterNodes(dir, github);
        cluster.seed(REPOS);
        cluster.start(env -> {
            env.put("REPROTRACK_GITHUB_REST_CONCURRENCY", "2");
            env.put("REPROTRACK_AUDIT_HOST_CONCURRENCY", "2");
        }, "a", "b");
        cluster.makeDue();

        Poll.until(Duration.ofSeconds(120), "GitHub to slow down in the middle of the run",
                () -> github.total() > REPOS - 24, cluster::outputs);
        long runId = cluster.theRun();

        // Watch how long each item stays claimed by one worker: some must outlast the lease.
        Map<String, Long> firstSeen = new HashMap<>();
        long longestHoldMillis = 0;
        while (!cluster.runFinished()) {
            long now = System.currentTimeMillis();
            for (List<Object> row : cluster.rows(
                    "SELECT position, claimed_by FROM audit_item WHERE run_id = ? AND state = 'claimed'", runId)) {
                String key = row.get(0) + "@" + row.get(1);
                long since = firstSeen.computeIfAbsent(key, k -> now);
                longestHoldMillis = Math.max(longestHoldMillis, now - since);
            }
            assertTrue(cluster.node("a").isAlive() && cluster.node("b").isAlive(), cluster.outputs());
            Thread.sleep(200);
            if (now - firstSeen.values().stream().min(Long::compare).orElse(now) > 150_000) {
                throw new AssertionError("the run did not finish\n" + cluster.outputs());
            }
        }

        assertTrue(longestHoldMillis > LEASE.toMillis(), "an item was held " + longestHoldMillis
                + " ms: the test needs claims that outlast the " + LEASE + " lease");
        Map<String, Integer> asked = github.perRepo();
        assertEquals(REPOS, asked.size());
        asked.forEach((repo, n) -> assertEquals(1, n, repo + " was sent to GitHub " + n + " times"));
        Seed.checksPerRepo(cluster.db(), runId).forEach((repo, n) -> assertEquals(1L, n, repo + ": " + n + " checks in the run"));
        System.out.printf("longest hold %d ms with a %d s lease; split %s%n", longestHoldMillis, LEASE.toSeconds(),
                cluster.doneByNode(runId));
    }
}
