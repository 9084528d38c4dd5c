package org.reprotrack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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
 * Issue 13, point 1: three {@code reprotrack run} nodes on one PostgreSQL, the audit cron firing
 * every second on whichever node Quartz picks. When the repositories become due, the next fire
 * opens one run and the other nodes join it within seconds: one run, every node does at least a
 * quarter of it, and no repository is asked twice.
 */
class ScheduledAuditSharedByAllNodesIT {

    private static final int REPOS = 900;

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
    void everyNodeWorksOnTheScheduledAuditRunAndTheSplitIsFair() throws Exception {
        cluster = new ClusterNodes(dir, new SlowGitHub(Duration.ofMillis(40)));
        cluster.seed(REPOS);
        cluster.start(env -> { }, "a", "b", "c");
        cluster.makeDue();

        Poll.until(Duration.ofSeconds(150), "the scheduled audit run of the due repositories to finish",
                () -> finished(), cluster::outputs);
        long runId = cluster.theRun();
        Map<String, Long> byNode = cluster.doneByNode(runId);
        System.out.println("audit run " + runId + " split: " + byNode);
        assertEquals(REPOS, byNode.values().stream().mapToLong(Long::longValue).sum(), byNode.toString());
        for (String node : new String[] {"a", "b", "c"}) {
            long share = byNode.getOrDefault(node, 0L);
            assertTrue(share >= REPOS / 4, "node " + node + " did " + share + " of " + REPOS + " (split " + byNode + ")\n"
                    + cluster.outputs());
        }
        assertEquals(REPOS, cluster.count("SELECT checked FROM audit_run WHERE id = ?", runId));
        Seed.checksPerRepo(cluster.db(), runId).forEach((repo, n) -> assertEquals(1L, n, repo + ": " + n + " checks in the run"));
        Map<String, Integer> asked = cluster.github().perRepo();
        assertEquals(REPOS, asked.size());
        asked.forEach((repo, n) -> assertEquals(1, n, repo + " was asked " + n + " times"));
        // every node says it joined the run it did not open (the opener's log says nothing of joining)
        long joined = java.util.stream.Stream.of("a", "b", "c")
                .filter(n -> cluster.node(n).output().contains("joined audit run " + runId)).count();
        assertTrue(joined >= 2, "at least two nodes joined run " + runId + "\n" + cluster.outputs());
    }

    private boolean finished() {
        try {
            return cluster.runFinished();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
