package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.github.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.PlaceholderDetector;
import org.reprotrack.check.signals.TreeFile;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.signals.SignalBudget;

/**
 * The batched signals fetch against recorded-shape GraphQL and REST answers
 * ({@code src/test/resources/github/signals/}).
 */
class GitHubSignalsTest extends GitHubTestBase {

    private final GraphQlAnswers graphQl = new GraphQlAnswers(routes, clock);

    private GitHubChecker checker() {
        GitHubChecker c = github();
        server.setDispatcher(graphQl);
        return c;
    }

    private static List<RepoRef> refs(String... paths) {
        return java.util.Arrays.stream(paths).map(p -> new RepoRef(CodeHost.GITHUB, p)).toList();
    }

    private static List<String> paths(FileTree tree) {
        return tree.files().stream().map(TreeFile::path).toList();
    }

    private List<Integer> querySizes() {
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode p : graphQl.payloads) {
            sizes.add(aliases(p));
        }
        return sizes;
    }

    private static int aliases(JsonNode payload) {
        int n = 0;
        while (payload.get("variables").has("o" + n)) {
            n++;
        }
        return n;
    }

    /** Every alias answered with the same recorded repository. */
    private static MockResponse.Builder everyAliasSmall(JsonNode payload) {
        try {
            JsonNode repo = GraphQlAnswers.MAPPER.readTree(Fixtures.read("signals/repo-small.json"));
            ObjectNode root = GraphQlAnswers.MAPPER.createObjectNode();
            ObjectNode data = root.putObject("data");
            for (int i = 0; i < aliases(payload); i++) {
                data.set("r" + i, repo);
            }
            return json(200, GraphQlAnswers.MAPPER.writeValueAsString(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean asks(JsonNode payload, String path) {
        for (int i = 0; i < aliases(payload); i++) {
            if ((GraphQlAnswers.owner(payload, i) + "/" + GraphQlAnswers.name(payload, i)).equals(path)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void oneQueryReadsNestedTreesAndReadmesOfManyRepositoriesAndFollowUpsAreShared() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(200, Fixtures.read("signals/batch-depth2.json")),
                p -> json(200, Fixtures.read("signals/objects-subtrees.json")),
                p -> json(200, Fixtures.read("signals/objects-readme.json")));

        List<RepoContents> got = c.signals(new SignalsLimits(50, 2, 3, 40, 20))
                .fetch(refs("lab/widgets", "lab/solver", "lab/no-readme", "lab/hollow", "lab/deleted"), GitHubSignals.Admission.ALWAYS);

        assertEquals(3, graphQl.payloads.size(), "one batch, one round for deeper folders, one for an unusual README");
        assertEquals(List.of(5, 2, 1), querySizes());
        String query = graphQl.payloads.get(0).get("query").asText();
        assertTrue(query.contains("tree: object(expression: \"HEAD:\") { ...Level1 }"), query);
        assertTrue(query.contains("fragment Level2 on Tree { entries { name type size } }"), query);
        assertEquals("HEAD:.github/workflows", graphQl.payloads.get(1).get("variables").get("e0").asText());
        assertEquals("HEAD:models/layers", graphQl.payloads.get(1).get("variables").get("e1").asText());
        assertEquals("HEAD:ReadMe.markdown", graphQl.payloads.get(2).get("variables").get("e0").asText());

        RepoContents widgets = got.get(0);
        assertEquals(RepoContents.Outcome.FOUND, widgets.outcome());
        assertEquals(List.of(".github/workflows/ci.yml", "LICENSE", "README.md", "models/__init__.py",
                "models/layers/attention.py", "models/layers/cuda/kernel.cu", "models/resnet.py", "requirements.txt",
                "train.py"), paths(widgets.tree()), "the submodule is not a file; deeper folders are walked");
        assertFalse(widgets.tree().truncated());
        assertTrue(widgets.readme().startsWith("# Widgets"));
        assertEquals("9c1f0e7a4b3d2c1e0f9a8b7c6d5e4f3a2b1c0d9e", widgets.headOid());

        assertEquals(RepoContents.Outcome.FOUND, got.get(1).outcome());
        assertTrue(got.get(1).readme().contains("python main.py --train"), "README under an unusual name, asked by it");

        assertEquals(RepoContents.Outcome.FOUND, got.get(2).outcome());
        assertNull(got.get(2).readme(), "no README: none, not a failure");
        assertEquals(List.of("LICENSE", "solver.py"), paths(got.get(2).tree()));

        assertEquals(RepoContents.Outcome.EMPTY_REPOSITORY, got.get(3).outcome());
        assertEquals(RepoContents.Outcome.MISSING, got.get(4).outcome());
        assertEquals(0, routes.targets.size(), "no REST request");
    }

    @Test
    void aRepositoryWhoseDeeperFoldersGetNoAnswerFailsForThisRunRatherThanBeingStoredPartial() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(200, Fixtures.read("signals/batch-depth2.json")),
                p -> json(502, Fixtures.read("graphql-502.json")));

        List<RepoContents> got = c.signals(new SignalsLimits(50, 2, 3, 40, 20))
                .fetch(refs("lab/widgets", "lab/solver", "lab/no-readme", "lab/hollow", "lab/deleted"), GitHubSignals.Admission.ALWAYS);

        assertEquals(RepoContents.Outcome.FAILED, got.get(0).outcome(), "its signals stay stale: the next run asks again");
        assertTrue(got.get(0).reason().contains("HTTP 502"), got.get(0).reason());
        assertEquals(RepoContents.Outcome.FOUND, got.get(2).outcome(), "the others are not held back");
    }

    @Test
    void aBatchGitHubStopsIsSplitAndRetriedUntilEveryRepositoryIsAnswered() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(502, Fixtures.read("graphql-502.json")),
                p -> json(200, Fixtures.read("signals/timeout-200.json")),
                GitHubSignalsTest::everyAliasSmall);

        List<RepoContents> got = c.signals(new SignalsLimits(4, 2, 3, 40, 20))
                .fetch(refs("a/one", "a/two", "a/three", "a/four"), GitHubSignals.Admission.ALWAYS);

        assertEquals(List.of(4, 2, 1, 1, 2), querySizes(), "502 halves; a timeout in errors halves again");
        assertEquals(4, got.size());
        assertTrue(got.stream().allMatch(r -> r.outcome() == RepoContents.Outcome.FOUND), got.toString());
        assertEquals(List.of("README.md", "src/model.py"), paths(got.get(3).tree()));
    }

    @Test
    void aRepositoryThatTimesOutAloneFailsForThisRunAndNoOtherIsDropped() {
        GitHubChecker c = checker();
        graphQl.then(p -> asks(p, "a/slow") ? json(502, Fixtures.read("graphql-502.json")) : everyAliasSmall(p));

        List<RepoContents> got = c.signals(new SignalsLimits(4, 2, 3, 40, 20))
                .fetch(refs("a/one", "a/slow", "a/three", "a/four"), GitHubSignals.Admission.ALWAYS);

        assertEquals(List.of(4, 2, 1, 1, 2), querySizes());
        assertEquals(RepoContents.Outcome.FAILED, got.get(1).outcome());
        assertEquals("HTTP 502", got.get(1).reason());
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(RepoContents.Outcome.FOUND, got.get(i).outcome(), "repository " + i);
        }
    }

    @Test
    void resourceLimitsExceededSplitsTheBatch() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(200, Fixtures.read("signals/resource-limits.json")), GitHubSignalsTest::everyAliasSmall);

        List<RepoContents> got = c.signals(new SignalsLimits(50, 2, 3, 40, 20))
                .fetch(refs("a/one", "a/two"), GitHubSignals.Admission.ALWAYS);

        assertEquals(List.of(2, 1, 1), querySizes());
        assertTrue(got.stream().allMatch(r -> r.outcome() == RepoContents.Outcome.FOUND), got.toString());
    }

    @Test
    void aTreeTooLargeForGraphQlIsReadOverRestAndATruncatedListingIsCompletedFolderByFolder() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(200, Fixtures.read("signals/huge-depth1.json")));
        String root = "/repos/lab/huge/git/trees/9c1f0e7a4b3d2c1e0f9a8b7c6d5e4f3a2b1c0d9e";
        routes.on(root + "?recursive=1", Fixtures.file(200, "signals/rest-tree-truncated.json"))
                .on(root, Fixtures.file(200, "signals/rest-tree-root-flat.json"))
                .on("/repos/lab/huge/git/trees/t-data?recursive=1", Fixtures.file(200, "signals/rest-tree-data.json"))
                .on("/repos/lab/huge/git/trees/t-src?recursive=1", Fixtures.file(200, "signals/rest-tree-src.json"));

        // No GraphQL follow-up rounds: the two unlisted folders go to REST at once.
        RepoContents huge = c.signals(new SignalsLimits(50, 1, 0, 40, 10)).fetch(refs("lab/huge"),
                GitHubSignals.Admission.ALWAYS).get(0);

        assertEquals(List.of(root + "?recursive=1", root, "/repos/lab/huge/git/trees/t-data?recursive=1",
                "/repos/lab/huge/git/trees/t-src?recursive=1"), routes.targets);
        assertEquals(RepoContents.Outcome.FOUND, huge.outcome());
        assertEquals(List.of("README.md", "data/000001.jpg", "data/000002.jpg", "src/nets/unet.py", "src/train.py"),
                paths(huge.tree()));
        assertFalse(huge.tree().truncated(), "completed by walking its folders");
    }

    @Test
    void aTruncatedTreeStillIncompleteAtTheBoundIsPartialAndNeverCalledAPlaceholder() {
        GitHubChecker c = checker();
        graphQl.then(p -> json(200, Fixtures.read("signals/huge-depth1.json")));
        String root = "/repos/lab/huge/git/trees/9c1f0e7a4b3d2c1e0f9a8b7c6d5e4f3a2b1c0d9e";
        routes.on(root + "?recursive=1", Fixtures.file(200, "signals/rest-tree-truncated.json"))
                .on(root, Fixtures.file(200, "signals/rest-tree-root-flat.json"));

        RepoContents huge = c.signals(new SignalsLimits(50, 1, 0, 40, 2)).fetch(refs("lab/huge"),
                GitHubSignals.Admission.ALWAYS).get(0);

        assertEquals(2, routes.targets.size(), "at most two listings");
        assertTrue(huge.tree().truncated(), "src was never listed: partial");
        assertEquals(List.of("README.md", "data/000001.jpg"), paths(huge.tree()), "what was listed is kept");
        assertFalse(new PlaceholderDetector().detect(huge.tree(), huge.readme()).placeholder(),
                "a README and images, but the tree is partial: code may be in what was not listed");
    }

    @Test
    void whatTheBudgetRefusesIsDeferredNotFailed() {
        GitHubChecker c = checker();
        graphQl.then(GitHubSignalsTest::everyAliasSmall);
        AtomicInteger allowed = new AtomicInteger(1);

        List<RepoContents> got = c.signals(new SignalsLimits(2, 2, 3, 40, 20))
                .fetch(refs("a/one", "a/two", "a/three", "a/four"), resource -> allowed.getAndDecrement() > 0);

        assertEquals(List.of(2), querySizes());
        assertEquals(List.of(RepoContents.Outcome.FOUND, RepoContents.Outcome.FOUND, RepoContents.Outcome.DEFERRED,
                RepoContents.Outcome.DEFERRED), got.stream().map(RepoContents::outcome).toList());
    }

    /** A window of 10 points with 1 left: the signals keep 1 (10 %) and wait for the reset instead. */
    private MockResponse.Builder lowBudget(JsonNode payload) {
        return everyAliasSmall(payload).addHeader("x-ratelimit-limit", "10").addHeader("x-ratelimit-remaining", "1")
                .addHeader("x-ratelimit-reset", epoch(START.plusSeconds(15))).addHeader("x-ratelimit-resource", "graphql");
    }

    @Test
    void theBudgetPausesForTheWindowToResetRatherThanSpendTheReserve() {
        GitHubChecker c = checker();
        graphQl.then(this::lowBudget, GitHubSignalsTest::everyAliasSmall);
        SignalBudget budget = new SignalBudget(c, 0.1, Duration.ofSeconds(60), clock, sleeper, RateLimitListener.NONE,
                () -> false);

        List<RepoContents> got = c.signals(new SignalsLimits(1, 2, 3, 40, 20)).fetch(refs("a/one", "a/two"), budget);

        assertEquals(List.of(Duration.ofSeconds(16)), sleeper.sleeps, "until the reset, plus a second of margin");
        assertEquals(List.of(START, START.plusSeconds(16)), graphQl.arrivals);
        assertEquals(1, budget.pauses());
        assertTrue(got.stream().allMatch(r -> r.outcome() == RepoContents.Outcome.FOUND));
    }

    @Test
    void aResetTooFarAwayLeavesTheRestForTheNextRun() {
        GitHubChecker c = checker();
        graphQl.then(this::lowBudget);
        SignalBudget budget = new SignalBudget(c, 0.1, Duration.ofSeconds(5), clock, sleeper, RateLimitListener.NONE,
                () -> false);

        List<RepoContents> got = c.signals(new SignalsLimits(1, 2, 3, 40, 20)).fetch(refs("a/one", "a/two"), budget);

        assertEquals(1, graphQl.payloads.size());
        assertTrue(sleeper.sleeps.isEmpty(), "no wait: the next run reads it");
        assertTrue(budget.refused());
        assertEquals(RepoContents.Outcome.FOUND, got.get(0).outcome());
        assertEquals(RepoContents.Outcome.DEFERRED, got.get(1).outcome());
        assertNotNull(got.get(0).tree());
    }
}
