package org.reprotrack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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
 * Issue 13, point 4: two nodes with the same token share one small budget (30 requests per 4 s
 * window, GitHub's headers telling the remaining count and the reset). Each node alone would
 * spend the rest of a window while the other does too; sharing the last known budget per token
 * fingerprint through the database, they wait together for the reset instead: not one request
 * beyond the budget (a 403 rate limit), and the audit still finishes.
 */
class SharedBudgetIT {

    private static final int REPOS = 150;
    private static final int BUDGET = 30;
    private static final Duration WINDOW = Duration.ofSeconds(4);

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
    void twoNodesOnOneTokenNeverExceedItsBudget() throws Exception {
        SlowGitHub github = new SlowGitHub(Duration.ofMillis(40), BUDGET, WINDOW);
        cluster = new ClusterNodes(dir, github);
        cluster.seed(REPOS);
        cluster.start(env -> { }, "a", "b");
        cluster.makeDue();

        Poll.until(Duration.ofSeconds(150), "the audit under a small shared budget to finish", () -> {
            try {
                return cluster.runFinished();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, cluster::outputs);
        long runId = cluster.theRun();
        Map<Long, Integer> windows = github.perWindow();
        System.out.printf("requests per %d s window (budget %d): %s; violations %d; split %s%n", WINDOW.toSeconds(), BUDGET,
                windows.values(), github.violations(), cluster.doneByNode(runId));
        assertEquals(0, github.violations(), "requests beyond the budget, per window: " + windows + "\n" + cluster.outputs());
        assertEquals(REPOS, cluster.count("SELECT checked FROM audit_run WHERE id = ?", runId));
        Seed.checksPerRepo(cluster.db(), runId).forEach((repo, n) -> assertEquals(1L, n, repo + ": " + n + " checks in the run"));
        assertEquals(2, cluster.doneByNode(runId).size(), "both nodes spent the budget: " + cluster.doneByNode(runId));
        assertTrue(windows.size() >= REPOS / BUDGET, "the audit needed several windows: " + windows);

        // the budget is shared under the token's fingerprint, never the token
        List<List<Object>> shared = cluster.rows("SELECT token_fingerprint, resource, remaining FROM rate_budget");
        assertEquals(1, shared.size(), shared.toString());
        assertEquals("core", shared.get(0).get(1));
        assertFalse(shared.toString().contains(ClusterNodes.TOKEN), shared.toString());
        assertEquals(16, ((String) shared.get(0).get(0)).length(), "a fingerprint: " + shared);
    }
}
