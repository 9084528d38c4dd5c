package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.github.Fixtures.file;
import static org.reprotrack.check.github.Fixtures.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

class GitHubRestCheckerTest extends GitHubTestBase {
    private static final String HELLO = "/repos/octokit-fixture-org/hello-world";
    private static final String OLD_NAME = "octokit-fixture-org/tmp-scenario-rename-repository-20220719044033126-ukeod";
    private static final String NEW_NAME = OLD_NAME + "-newname";

    @Test
    void repositoryWithCommitsIsOkEvenThoughItsSizeIsZero() {
        routes.on(HELLO, file(200, "repo-hello-world.json").addHeader("ETag", "\"b6bf7681\""))
                .on(HELLO + "/commits?per_page=1", file(200, "commits-one.json"));

        CheckResult r = github().rest().check(fresh("octokit-fixture-org/hello-world"));

        assertEquals(RepoStatus.OK, r.status());
        assertEquals(200, r.httpStatus());
        assertEquals(103703892L, r.hostId());
        assertEquals("\"b6bf7681\"", r.etag());
        assertEquals("0687:0D5B:29F123D:4E0B9D8:62D6351D", r.requestId());
        assertNull(r.movedTo());
        RepoMetadata m = r.metadata();
        assertEquals(List.of("fixtures", "hello", "hello-world"), m.topics());
        assertEquals("master", m.defaultBranch());
        assertEquals(Instant.parse("2017-09-15T21:43:08Z"), m.createdAt());
        assertEquals(Instant.parse("2017-11-03T20:11:46Z"), m.pushedAt());
        assertEquals(0, m.stars());
        assertEquals(Boolean.FALSE, m.archived());
        assertNull(m.license());
        assertEquals(List.of(HELLO, HELLO + "/commits?per_page=1"), routes.targets);
    }

    @Test
    void archivedRepositoryIsArchivedWithItsMetadataAndNoEmptinessProbe() {
        routes.on(HELLO, file(200, "repo-archived.json"));

        CheckResult r = github().rest().check(fresh("octokit-fixture-org/hello-world"));

        assertEquals(RepoStatus.ARCHIVED, r.status());
        RepoMetadata m = r.metadata();
        assertEquals("MIT", m.license());
        assertEquals(42, m.stars());
        assertEquals(7, m.forks());
        assertEquals(3, m.openIssues());
        assertEquals("Python", m.language());
        assertEquals("https://example.org/paper", m.homepage());
        assertEquals(1, server.getRequestCount(), "size > 0: no /commits probe");
    }

    @Test
    void movedRepositoryIsReportedUnderItsNewNameAndId() throws Exception {
        routes.on("/" + "repos/" + OLD_NAME, file(301, "moved-301.json")
                        .addHeader("Location", "https://api.github.com/repositories/515436299"))
                .on("/repositories/515436299", file(200, "repo-renamed-by-id.json"))
                .on("/repos/" + NEW_NAME + "/commits?per_page=1", file(200, "commits-one.json"));

        CheckResult r = github().rest().check(fresh(OLD_NAME));

        assertEquals(RepoStatus.MOVED, r.status());
        assertEquals(NEW_NAME, r.movedTo());
        assertEquals(515436299L, r.hostId());
        assertEquals(301, r.httpStatus());
        assertEquals(List.of("/repos/" + OLD_NAME, "/repositories/515436299",
                "/repos/" + NEW_NAME + "/commits?per_page=1"), routes.targets,
                "the redirect is followed on our base URL, never to the host in Location");
    }

    @Test
    void endlessRedirectsGiveUnknownAfterTheHopBound() {
        routes.on("/repos/a/b", file(301, "moved-301.json").addHeader("Location", "/repositories/1"))
                .on("/repositories/1", file(301, "moved-301.json").addHeader("Location", "/repositories/1"));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("too many redirects"), r.detail());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void repositoryWithoutCommitsIsEmptyBecauseCommitsAnswers409() {
        routes.on(HELLO, file(200, "repo-hello-world.json"))
                .on(HELLO + "/commits?per_page=1", file(409, "empty-409.json"));

        CheckResult r = github().rest().check(fresh("octokit-fixture-org/hello-world"));

        assertEquals(RepoStatus.EMPTY, r.status());
        assertEquals(103703892L, r.hostId());
    }

    @Test
    void anotherIdUnderTheStoredNameIsReplaced() {
        routes.on(HELLO, file(200, "repo-hello-world.json"));
        KnownState known = new KnownState(new RepoRef(CodeHost.GITHUB, "octokit-fixture-org/hello-world"),
                null, 11L, null, RepoStatus.OK);

        CheckResult r = github().rest().check(known);

        assertEquals(RepoStatus.REPLACED, r.status());
        assertEquals(103703892L, r.hostId());
        assertTrue(r.status().dead());
    }

    @Test
    void missingRepositoryIsNotFound() {
        routes.on("/repos/nonexistent43213/nonexistent23849", file(404, "not-found-404.json"));

        CheckResult r = github().rest().check(fresh("nonexistent43213/nonexistent23849"));

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals(404, r.httpStatus());
        assertEquals("Not Found", r.detail());
        assertEquals(1, server.getRequestCount(), "a 404 is a verdict, not retried");
    }

    @Test
    void dmcaTakedownIsBlockedWithItsReason() {
        routes.on("/repos/a/controller", file(451, "dmca-451.json"));

        CheckResult r = github().rest().check(fresh("a/controller"));

        assertEquals(RepoStatus.BLOCKED, r.status());
        assertEquals(451, r.httpStatus());
        assertEquals("dmca", r.blockReason());
        assertTrue(r.detail().contains("Repository access blocked"), r.detail());
        assertTrue(r.detail().contains("2021-04-22T17:53:56Z"), r.detail());
    }

    @Test
    void termsOfServiceBlockIsBlockedEvenWhenTheBudgetHeaderSaysZero() {
        routes.on("/repos/pokurt/genshin-impact-helper", file(403, "tos-403.json")
                .addHeader("x-ratelimit-remaining", "0")
                .addHeader("x-ratelimit-reset", epoch(START.plusSeconds(3600))));

        CheckResult r = github().rest().check(fresh("pokurt/genshin-impact-helper"));

        assertEquals(RepoStatus.BLOCKED, r.status());
        assertEquals("tos", r.blockReason());
        assertEquals(1, server.getRequestCount(), "a block object is a verdict, not a rate limit");
    }

    @Test
    void unavailableBlockIsBlocked() {
        routes.on("/repos/a/b", file(403, "unavailable-403.json"));

        assertEquals("unavailable", github().rest().check(fresh("a/b")).blockReason());
    }

    @Test
    void forbiddenWithoutBlockIsUnknownNotDead() {
        routes.on("/repos/a/b", json(403, "{\"message\":\"Resource protected by organization SAML enforcement.\"}"));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("SAML"), r.detail());
    }

    @Test
    void serverErrorsAreRetriedTheBoundedNumberOfTimesThenUnknown() {
        routes.on("/repos/a/b", json(502, "{\"message\":\"Server Error\"}"));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(502, r.httpStatus());
        assertTrue(r.detail().startsWith("HTTP 502"), r.detail());
        assertEquals(3, server.getRequestCount(), "one attempt and two retries");
        // Equal jitter with random 0.5: 1 s -> 750 ms, 2 s -> 1500 ms.
        assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), sleeper.sleeps);
    }

    @Test
    void transientFailureThenSuccessGivesTheVerdict() {
        routes.on("/repos/a/b", json(503, "<html>busy</html>"), file(404, "not-found-404.json"));

        assertEquals(RepoStatus.NOT_FOUND, github().rest().check(fresh("a/b")).status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void readTimeoutIsRetriedThenUnknown() {
        routes.on("/repos/a/b", file(200, "repo-hello-world.json").headersDelay(1, TimeUnit.SECONDS));
        GitHubSettings shortTimeouts = settings(TOKEN).withTimeouts(Duration.ofMillis(500), Duration.ofMillis(200));

        CheckResult r = github(shortTimeouts).rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals("read timeout", r.detail());
        assertNull(r.httpStatus());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void malformedJsonIsRetriedThenUnknown() {
        routes.on("/repos/a/b", json(200, "{\"id\": 103703892, \"full_name\": \"a/b\",]"));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("malformed JSON"), r.detail());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void truncatedBodyIsRetriedThenUnknown() {
        String whole = Fixtures.read("repo-hello-world.json");
        routes.on("/repos/a/b", json(200, whole.substring(0, whole.length() / 2)));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("malformed JSON"), r.detail());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void connectionCutMidBodyIsRetriedThenUnknown() {
        routes.on("/repos/a/b", file(200, "repo-hello-world.json")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));

        CheckResult r = github().rest().check(fresh("a/b"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("truncated body"), r.detail());
        assertNull(r.httpStatus());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void storedEtagIsSentAndNotModifiedReusesTheStoredVerdictAndMetadata() throws Exception {
        String etag = "W/\"295ae3430c604f3d10b6eb145fe511b5\"";
        routes.on("/repos/hub4j-test-org/github-api", new MockResponse.Builder().code(304)
                .addHeader("ETag", "\"295ae3430c604f3d10b6eb145fe511b5\"")
                .addHeader("X-RateLimit-Remaining", "4968"));
        RepoMetadata stored = new RepoMetadata(5, 2, 1, true, false, false, "Java", "MIT", "main", null, null, null,
                "GitHub API for Java", List.of("java"), null);
        KnownState known = new KnownState(new RepoRef(CodeHost.GITHUB, "hub4j-test-org/github-api"), etag, 206888201L,
                stored, RepoStatus.ARCHIVED);

        CheckResult r = github().rest().check(known);

        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals(etag, sent.getHeaders().get("If-None-Match"));
        assertEquals(RepoStatus.ARCHIVED, r.status());
        assertEquals(304, r.httpStatus());
        assertEquals(stored, r.metadata());
        assertEquals(206888201L, r.hostId());
        assertEquals("\"295ae3430c604f3d10b6eb145fe511b5\"", r.etag());
    }

    @Test
    void notModifiedWithoutAStoredVerdictIsOk() {
        routes.on("/repos/a/b", new MockResponse.Builder().code(304));
        KnownState known = new KnownState(new RepoRef(CodeHost.GITHUB, "a/b"), "\"x\"", null, null, null);

        assertEquals(RepoStatus.OK, github().rest().check(known).status());
    }

    @Test
    void noIfNoneMatchWithoutAStoredEtag() throws Exception {
        routes.on("/repos/a/b", file(404, "not-found-404.json"));

        github().rest().check(fresh("a/b"));

        assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("If-None-Match"));
    }

    @Test
    void everyRequestCarriesGitHubsHeadersAndTheBearerToken() throws Exception {
        routes.on("/repos/a/b", file(404, "not-found-404.json"));

        github().rest().check(fresh("a/b"));

        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("application/vnd.github+json", sent.getHeaders().get("Accept"));
        assertEquals("2022-11-28", sent.getHeaders().get("X-GitHub-Api-Version"));
        assertEquals("Bearer " + TOKEN, sent.getHeaders().get("Authorization"));
        String ua = sent.getHeaders().get("User-Agent");
        assertTrue(ua != null && ua.matches("reprotrack/\\S+ \\(\\+https://github\\.com/reprotrack\\)"), ua);
    }

    @Test
    void noAuthorizationHeaderWithoutAToken() throws Exception {
        routes.on("/repos/a/b", file(404, "not-found-404.json"));

        github(settings(null)).rest().check(fresh("a/b"));

        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertNull(sent.getHeaders().get("Authorization"));
        assertEquals("2022-11-28", sent.getHeaders().get("X-GitHub-Api-Version"));
    }

    @Test
    void badCredentialsStopTheAuditWithAMessageAboutTheToken() {
        routes.on("/repos/a/b", json(401, "{\"message\":\"Bad credentials\","
                + "\"documentation_url\":\"https://docs.github.com/rest\"}").addHeader("X-GitHub-Request-Id", "AB:CD"));

        BadCredentialsException e = assertThrows(BadCredentialsException.class,
                () -> github().rest().check(fresh("a/b")));

        assertTrue(e.getMessage().contains("token"), e.getMessage());
        assertTrue(e.getMessage().contains("Bad credentials"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals("AB:CD", e.requestId());
        assertEquals(1, server.getRequestCount(), "401 is not retried");
    }

    @Test
    void ownerAndNameAreEncodedAsPathSegments() {
        routes.on("/repos/a/b%3Fx=1", file(404, "not-found-404.json"));

        assertEquals(RepoStatus.NOT_FOUND, github().rest().check(fresh("a/b?x=1")).status());
    }

    @Test
    void aRepositoryOnAnotherHostIsRefused() {
        KnownState gitlab = KnownState.fresh(new RepoRef(CodeHost.GITLAB, "a/b"));

        assertThrows(IllegalArgumentException.class, () -> github().rest().check(gitlab));
    }
}
