package org.reprotrack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Issue 13, point 2: three nodes share a scheduled audit run; one is killed with SIGKILL in the
 * middle. The two others finish the run within the lease plus a minute; the only repositories
 * asked twice are those the dead node held (claimed, not recorded) when it died; the dead node's
 * job run is ended as failed, the live nodes' are not.
 */
class NodeKilledMidRunIT {

    private static final int REPOS = 600;
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
    void theOthersFinishTheRunOfAKilledNodeAskingAgainOnlyWhatItHeld() throws Exception {
        cluster = new ClusterNodes(dir, new SlowGitHub(Duration.ofMillis(60)));
        cluster.seed(REPOS);
        cluster.start(env -> { }, "a", "b", "c");
        cluster.makeDue();

        Poll.until(Duration.ofSeconds(120), "all three nodes to record checks in the run", () -> {
            try {
                return cluster.count("SELECT COUNT(*) FROM audit_run WHERE planned > 0") == 1
                        && cluster.doneByNode(cluster.theRun()).size() == 3
                        && cluster.count("SELECT COUNT(*) FROM check_result") >= REPOS / 4;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, cluster::outputs);
        long runId = cluster.theRun();
        cluster.node("b").kill();
        Instant killedAt = Instant.now();
        int askedAtKill = cluster.github().total();
        long heldByVictim = cluster.count(
                "SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'claimed' AND claimed_by LIKE 'b:%'", runId);
        long recordedAtKill = cluster.count("SELECT COUNT(*) FROM check_result WHERE audit_run_id = ?", runId);
        assertTrue(recordedAtKill < REPOS, "killed in the middle: " + recordedAtKill + " checks recorded");

        Poll.until(LEASE.plusMinutes(1), "the survivors to finish the run", this::finished, cluster::outputs);
        Duration took = Duration.between(killedAt, Instant.now());

        Seed.checksPerRepo(cluster.db(), runId).forEach((repo, n) -> assertEquals(1L, n, repo + ": " + n + " checks in the run"));
        assertEquals(REPOS, cluster.count("SELECT checked FROM audit_run WHERE id = ?", runId));
        Map<String, Integer> asked = cluster.github().perRepo();
        assertEquals(REPOS, asked.size());
        long askedAgain = asked.values().stream().filter(n -> n > 1).count();
        assertTrue(askedAgain <= heldByVictim, askedAgain + " repositories asked twice; the dead node held " + heldByVictim);
        // the dead node's job run ends as failed once it is seen gone; the live nodes' runs never do
        Poll.until(Duration.ofSeconds(30), "the dead node's job runs to be ended", () -> {
            try {
                return cluster.count("SELECT COUNT(*) FROM job_run WHERE node = 'b' AND state = 'running'") == 0;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, cluster::outputs);
        List<List<Object>> failedLive = cluster.rows("SELECT node, message FROM job_run WHERE state = 'failed' AND node <> 'b'");
        assertTrue(failedLive.isEmpty(), "a live node's job run was ended as failed: " + failedLive);
        assertTrue(cluster.node("a").isAlive() && cluster.node("c").isAlive());
        System.out.printf("killed b after %d of %d recorded (%d asked, %d held); the run ended %d s later; asked twice: %d; split %s%n",
                recordedAtKill, REPOS, askedAtKill, heldByVictim, took.toSeconds(), askedAgain, cluster.doneByNode(runId));
    }

    private boolean finished() {
        try {
            return cluster.runFinished();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
