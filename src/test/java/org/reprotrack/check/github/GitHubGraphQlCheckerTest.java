package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.github.Fixtures.file;
import static org.reprotrack.check.github.Fixtures.json;
import static org.reprotrack.check.github.GraphQlAnswers.allFound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

class GitHubGraphQlCheckerTest extends GitHubTestBase {
    private final GraphQlAnswers graphQl = new GraphQlAnswers(routes, clock);

    private GitHubChecker githubWithGraphQl() {
        GitHubChecker github = github();
        server.setDispatcher(graphQl);
        return github;
    }

    private static List<KnownState> repos(int n) {
        List<KnownState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(fresh("owner" + i + "/repo-" + i));
        }
        return out;
    }

    private List<Integer> querySizes() {
        return graphQl.payloads.stream().map(GraphQlAnswers::size).toList();
    }

    @Test
    void twoHundredFiftyRepositoriesTakeExactlyThreeQueries() {
        graphQl.then(GraphQlAnswers::allFound);
        List<KnownState> states = repos(250);

        List<CheckResult> results = githubWithGraphQl().check(states);

        assertEquals(List.of(100, 100, 50), querySizes());
        assertEquals(3, server.getRequestCount());
        assertEquals(250, results.size());
        for (int i = 0; i < 250; i++) {
            assertEquals(states.get(i).ref(), results.get(i).ref(), "input order kept");
            assertEquals(RepoStatus.OK, results.get(i).status());
        }
        RepoMetadata m = results.get(0).metadata();
        assertEquals(12, m.stars());
        assertEquals(4, m.openIssues());
        assertEquals("Apache-2.0", m.license());
        assertEquals("main", m.defaultBranch());
        assertEquals(List.of("deep-learning"), m.topics());
        assertNull(m.homepage());
        assertEquals(1000L, results.get(0).hostId());
    }

    @Test
    void namesTravelAsVariablesNeverInTheQueryText() throws Exception {
        graphQl.then(GraphQlAnswers::allFound);

        githubWithGraphQl().check(List.of(fresh("we\"ird/name\") { x }")));

        JsonNode payload = graphQl.payloads.get(0);
        String query = payload.get("query").asText();
        assertFalse(query.contains("we\"ird"), query);
        assertTrue(query.contains("r0: repository(owner: $o0, name: $n0)"), query);
        assertTrue(query.contains("rateLimit { cost remaining resetAt }"), query);
        assertEquals("we\"ird", payload.get("variables").get("o0").asText());
        assertEquals("name\") { x }", payload.get("variables").get("n0").asText());
        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("POST", sent.getMethod());
        assertEquals("Bearer " + TOKEN, sent.getHeaders().get("Authorization"));
        assertEquals("2022-11-28", sent.getHeaders().get("X-GitHub-Api-Version"));
    }

    @Test
    void nullAliasesAreMappedByPathAndConfirmedOverRest() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-partial-not-found.json")));
        routes.on("/repos/example-owner/taken-down", file(451, "dmca-451.json"))
                .on("/repos/example-owner/deleted-repo", file(404, "not-found-404.json"));

        List<CheckResult> results = githubWithGraphQl().check(List.of(
                fresh("octokit-fixture-org/hello-world"),
                fresh("example-owner/taken-down"),
                fresh("example-owner/deleted-repo")));

        assertEquals(RepoStatus.OK, results.get(0).status());
        assertEquals(103703892L, results.get(0).hostId());
        assertEquals(List.of("fixtures", "hello", "hello-world"), results.get(0).metadata().topics());
        assertEquals(RepoStatus.BLOCKED, results.get(1).status());
        assertEquals("dmca", results.get(1).blockReason());
        assertEquals(RepoStatus.NOT_FOUND, results.get(2).status());
        assertEquals(List.of("/repos/example-owner/taken-down", "/repos/example-owner/deleted-repo"),
                routes.targets, "one REST call per null alias, none for the found one");
    }

    @Test
    void forbiddenAliasOfADmcaTakedownIsBlockedWithTheReasonRestGives() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-forbidden-blocked.json")));
        routes.on("/repos/example-owner/taken-down", file(451, "dmca-451.json"));

        CheckResult result = githubWithGraphQl().check(List.of(fresh("example-owner/taken-down"))).get(0);

        assertEquals(RepoStatus.BLOCKED, result.status());
        assertEquals("dmca", result.blockReason());
        assertEquals(451, result.httpStatus());
        assertTrue(result.detail().contains("Repository access blocked (dmca, since 2021-04-22T17:53:56Z)"), result.detail());
        assertTrue(result.detail().endsWith("GraphQL said FORBIDDEN: Repository access blocked"), result.detail());
        assertEquals(List.of("/repos/example-owner/taken-down"), routes.targets, "one REST request for the blocked alias");
    }

    @Test
    void mixedBatchGivesEachAliasItsVerdictAndAsksRestOnlyForTheNullOnes() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-mixed-blocked.json")));
        routes.on("/repos/example-owner/deleted-repo", file(404, "not-found-404.json"))
                .on("/repos/example-owner/taken-down", file(451, "dmca-451.json"))
                .on("/repos/example-owner/tos-disabled", file(403, "tos-403.json"))
                .on("/repos/example-owner/flaky", json(503, "{\"message\":\"Service Unavailable\"}"));

        List<CheckResult> results = githubWithGraphQl().check(List.of(
                fresh("octokit-fixture-org/hello-world"),
                fresh("example-owner/deleted-repo"),
                fresh("example-owner/taken-down"),
                fresh("example-owner/tos-disabled"),
                fresh("example-owner/flaky")));

        assertEquals(RepoStatus.OK, results.get(0).status());
        assertEquals(RepoStatus.NOT_FOUND, results.get(1).status());
        assertFalse(results.get(1).detail().contains("GraphQL said"), "a clean NOT_FOUND is confirmed as before");
        assertEquals(RepoStatus.BLOCKED, results.get(2).status());
        assertEquals("dmca", results.get(2).blockReason());
        assertEquals(RepoStatus.BLOCKED, results.get(3).status());
        assertEquals("tos", results.get(3).blockReason());
        assertEquals(403, results.get(3).httpStatus());
        assertTrue(results.get(3).detail().contains("GraphQL said FORBIDDEN"), results.get(3).detail());
        assertEquals(RepoStatus.UNKNOWN, results.get(4).status(), "a transient REST answer is never a verdict");
        assertFalse(results.get(4).status().dead());
        assertTrue(results.get(4).detail().contains("GraphQL said FORBIDDEN: Repository access blocked"),
                results.get(4).detail());
        assertEquals(1, graphQl.payloads.size());
        assertEquals(List.of("/repos/example-owner/deleted-repo", "/repos/example-owner/taken-down",
                "/repos/example-owner/tos-disabled"), routes.targets.stream().distinct().limit(3).toList());
        assertFalse(routes.targets.contains("/repos/octokit-fixture-org/hello-world"), "no REST for a found alias");
    }

    @Test
    void forbiddenAliasWithAnUnavailableBlockIsBlockedWithThatReason() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-forbidden-blocked.json")));
        routes.on("/repos/example-owner/gone-quiet", file(403, "unavailable-403.json"));

        CheckResult result = githubWithGraphQl().check(List.of(fresh("example-owner/gone-quiet"))).get(0);

        assertEquals(RepoStatus.BLOCKED, result.status());
        assertEquals("unavailable", result.blockReason());
    }

    @Test
    void forbiddenAliasWhereRestSaysForbiddenWithoutABlockStaysUnknown() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-forbidden-blocked.json")));
        routes.on("/repos/example-owner/sso-only", json(403,
                "{\"message\":\"Resource protected by organization SAML enforcement.\"}"));

        CheckResult result = githubWithGraphQl().check(List.of(fresh("example-owner/sso-only"))).get(0);

        assertEquals(RepoStatus.UNKNOWN, result.status(), "no block object: a configuration problem, not a verdict");
        assertTrue(result.detail().startsWith("forbidden: Resource protected"), result.detail());
        assertTrue(result.detail().contains("GraphQL said FORBIDDEN"), result.detail());
    }

    @Test
    void renamedRepositoryIsMovedWhenNameWithOwnerDiffers() {
        graphQl.then(p -> {
            ObjectNode data = GraphQlAnswers.MAPPER.createObjectNode();
            data.set("r0", GraphQlAnswers.repo(42, "new-owner/new-name"));
            data.set("r1", GraphQlAnswers.repo(43, "case/only"));
            return GraphQlAnswers.answer(data);
        });
        KnownState renamed = new KnownState(new RepoRef(CodeHost.GITHUB, "old-owner/old-name"), null, 42L, null,
                RepoStatus.OK);

        List<CheckResult> results = githubWithGraphQl().check(List.of(renamed, fresh("Case/Only")));

        assertEquals(RepoStatus.MOVED, results.get(0).status());
        assertEquals("new-owner/new-name", results.get(0).movedTo());
        assertEquals(42L, results.get(0).hostId());
        assertEquals(RepoStatus.OK, results.get(1).status(), "a difference of case is no move");
        assertNull(results.get(1).movedTo());
    }

    @Test
    void eachFlagOfTheBatchAnswerGivesItsVerdict() {
        graphQl.then(p -> {
            ObjectNode data = GraphQlAnswers.MAPPER.createObjectNode();
            data.set("r0", GraphQlAnswers.repo(8, "same/name"));
            data.set("r1", GraphQlAnswers.repo(9, "dis/abled").put("isDisabled", true));
            data.set("r2", GraphQlAnswers.repo(10, "emp/ty").put("isEmpty", true));
            data.set("r3", GraphQlAnswers.repo(11, "arch/ived").put("isArchived", true));
            data.set("r4", GraphQlAnswers.repo(12, "other/name").put("isArchived", false));
            return GraphQlAnswers.answer(data);
        });
        KnownState reused = new KnownState(new RepoRef(CodeHost.GITHUB, "same/name"), null, 7L, null, RepoStatus.OK);
        KnownState renamedAway = new KnownState(new RepoRef(CodeHost.GITHUB, "old/name"), null, 5L, null,
                RepoStatus.OK);

        List<CheckResult> results = githubWithGraphQl().check(List.of(
                reused, fresh("dis/abled"), fresh("emp/ty"), fresh("arch/ived"), renamedAway));

        assertEquals(RepoStatus.REPLACED, results.get(0).status());
        assertEquals(8L, results.get(0).hostId());
        assertEquals(RepoStatus.BLOCKED, results.get(1).status());
        assertEquals("disabled", results.get(1).blockReason());
        assertEquals(RepoStatus.EMPTY, results.get(2).status());
        assertEquals(RepoStatus.ARCHIVED, results.get(3).status());
        assertEquals(RepoStatus.REPLACED, results.get(4).status(), "the old name leads to another repository");
    }

    @Test
    void rateLimitedErrorWaitsForTheResetThenRetries() {
        Instant reset = START.plusSeconds(300);
        graphQl.then(
                p -> json(200, Fixtures.read("graphql-rate-limited-2022.json"))
                        .addHeader("x-ratelimit-remaining", "0")
                        .addHeader("x-ratelimit-reset", epoch(reset))
                        .addHeader("x-ratelimit-resource", "graphql"),
                GraphQlAnswers::allFound);

        List<CheckResult> results = githubWithGraphQl().check(repos(3));

        assertTrue(results.stream().allMatch(r -> r.status() == RepoStatus.OK), results.toString());
        assertEquals(2, graphQl.payloads.size());
        assertFalse(graphQl.arrivals.get(1).isBefore(reset), graphQl.arrivals.toString());
        assertEquals(List.of(Duration.ofSeconds(301)), sleeper.sleeps);
        assertEquals(List.of("graphql budget spent until 2026-01-10T10:05:01Z"), waits);
    }

    @Test
    void newerRateLimitSpellingWithoutHeadersWaitsAMinuteThenRetries() {
        graphQl.then(p -> json(200, Fixtures.read("graphql-rate-limit-2026.json")), GraphQlAnswers::allFound);

        List<CheckResult> results = githubWithGraphQl().check(repos(2));

        assertEquals(RepoStatus.OK, results.get(1).status());
        assertEquals(List.of(Duration.ofSeconds(61)), sleeper.sleeps);
    }

    @Test
    void badGatewayHalvesTheBatch() {
        graphQl.then(p -> json(502, Fixtures.read("graphql-502.json")), GraphQlAnswers::allFound);

        List<CheckResult> results = githubWithGraphQl().check(repos(4));

        assertEquals(List.of(4, 2, 2), querySizes());
        assertTrue(results.stream().allMatch(r -> r.status() == RepoStatus.OK), results.toString());
        assertEquals("owner3/repo-3", results.get(3).ref().path());
    }

    @Test
    void resourceLimitsExceededHalvesTheBatch() {
        graphQl.then(p -> json(200, "{\"data\":null,\"errors\":[{\"type\":\"RESOURCE_LIMITS_EXCEEDED\","
                + "\"message\":\"Resource limits for this query exceeded.\"}]}"), GraphQlAnswers::allFound);

        List<CheckResult> results = githubWithGraphQl().check(repos(5));

        assertEquals(List.of(5, 2, 3), querySizes());
        assertTrue(results.stream().allMatch(r -> r.status() == RepoStatus.OK), results.toString());
    }

    @Test
    void aBatchThatKeepsFailingIsUnknownForItsMembers() {
        graphQl.then(p -> json(502, Fixtures.read("graphql-502.json")));

        List<CheckResult> results = githubWithGraphQl().check(repos(2));

        assertEquals(List.of(2, 1, 1), querySizes());
        assertTrue(results.stream().allMatch(r -> r.status() == RepoStatus.UNKNOWN
                && "HTTP 502".equals(r.detail())), results.toString());
    }

    @Test
    void answerWithoutDataIsUnknownForTheBatch() {
        graphQl.then(p -> json(200, "{\"data\":\"null\",\"errors\":[{\"message\":\"Something went wrong\"}]}"));

        List<CheckResult> results = githubWithGraphQl().check(repos(2));

        assertEquals(1, graphQl.payloads.size());
        assertTrue(results.stream().allMatch(r -> r.status() == RepoStatus.UNKNOWN), results.toString());
        assertTrue(results.get(0).detail().contains("Something went wrong"), results.get(0).detail());
    }

    @Test
    void badCredentialsOnGraphQlStopTheAudit() {
        graphQl.then(p -> json(401, "{\"message\":\"Bad credentials\"}"));

        BadCredentialsException e = assertThrows(BadCredentialsException.class,
                () -> githubWithGraphQl().check(repos(2)));
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void withoutATokenTheFacadeChecksOverRestKeepingInputOrder() {
        List<KnownState> states = repos(9);
        for (int i = 0; i < 9; i++) {
            routes.on("/repos/owner" + i + "/repo-" + i, i % 2 == 0
                    ? file(404, "not-found-404.json")
                    : file(451, "dmca-451.json"));
        }
        GitHubChecker github = github(settings(null));
        server.setDispatcher(graphQl);

        List<CheckResult> results = github.check(states);

        assertTrue(graphQl.payloads.isEmpty(), "no GraphQL without a token");
        for (int i = 0; i < 9; i++) {
            assertEquals(states.get(i).ref(), results.get(i).ref());
            assertEquals(i % 2 == 0 ? RepoStatus.NOT_FOUND : RepoStatus.BLOCKED, results.get(i).status());
        }
        assertTrue(github.graphQl().isEmpty());
    }

    @Test
    void graphQlSwitchedOffMeansRestEvenWithAToken() {
        routes.on("/repos/owner0/repo-0", file(404, "not-found-404.json"));
        GitHubChecker github = github(settings(TOKEN).withGraphQl(false, 100));
        server.setDispatcher(graphQl);

        assertEquals(RepoStatus.NOT_FOUND, github.check(repos(1)).get(0).status());
        assertTrue(graphQl.payloads.isEmpty());
    }

    @Test
    void badCredentialsOverRestStopTheWholeRun() {
        routes.on("/repos/owner0/repo-0", json(401, "{\"message\":\"Bad credentials\"}"));
        for (int i = 1; i < 6; i++) {
            routes.on("/repos/owner" + i + "/repo-" + i, file(404, "not-found-404.json"));
        }
        GitHubChecker github = github(settings(TOKEN).withGraphQl(false, 100));

        assertThrows(BadCredentialsException.class, () -> github.check(repos(6)));
    }
}
