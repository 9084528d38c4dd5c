package org.reprotrack.check.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;

class GitLabCheckerTest extends HostsTestBase {

    private CheckResult check(String path) {
        RepoChecker gitlab = checkers().forHost(CodeHost.GITLAB).orElseThrow();
        return gitlab.check(fresh(CodeHost.GITLAB, path));
    }

    @Test
    void subgroupPathIsSentAsOneEncodedSegment() throws Exception {
        server.enqueue(file(200, "gitlab-project.json"));

        check("group/sub/project");

        assertEquals("/api/v4/projects/group%2Fsub%2Fproject", taken().getTarget());
    }

    @Test
    void publicProjectIsOkWithItsMetadata() {
        server.enqueue(file(200, "gitlab-project.json"));

        CheckResult r = check("group/sub/project");

        assertEquals(RepoStatus.OK, r.status());
        assertEquals(200, r.httpStatus());
        assertEquals("https://gitlab.com/group/sub/project", r.detail());
        assertEquals(4242L, r.hostId());
        assertNotNull(r.metadata());
        assertEquals(12, r.metadata().stars());
        assertEquals(3, r.metadata().forks());
        assertEquals(1, r.metadata().openIssues());
        assertEquals("main", r.metadata().defaultBranch());
        assertEquals(Instant.parse("2024-05-06T07:08:09Z"), r.metadata().pushedAt());
        assertEquals(Instant.parse("2021-03-04T10:11:12.345Z"), r.metadata().createdAt());
        assertEquals("Code for the paper", r.metadata().description());
        assertEquals(List.of("nlp", "ml"), r.metadata().topics());
    }

    @Test
    void archivedProjectIsArchived() {
        server.enqueue(file(200, "gitlab-archived.json"));

        assertEquals(RepoStatus.ARCHIVED, check("group/sub/project").status());
    }

    @Test
    void projectWithoutCommitsIsEmpty() {
        server.enqueue(file(200, "gitlab-empty.json"));

        assertEquals(RepoStatus.EMPTY, check("group/sub/project").status());
    }

    @Test
    void missingOrPrivateProjectIsNotFoundWithGitLabsMessage() {
        server.enqueue(file(404, "gitlab-404.json"));

        CheckResult r = check("group/gone");

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals("404 Project Not Found", r.detail());
    }

    @Test
    void forbiddenIsUnknownNotDead() {
        server.enqueue(json(403, "{\"message\":\"403 Forbidden\"}"));

        CheckResult r = check("group/project");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(403, r.httpStatus());
        assertTrue(r.detail().startsWith("forbidden"));
    }

    @Test
    void renamedProjectIsFollowedByIdAndReportedMoved() throws Exception {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/api/v4/projects/4242").build());
        server.enqueue(file(200, "gitlab-project.json"));

        CheckResult r = check("group/old-name");

        assertEquals(RepoStatus.MOVED, r.status());
        assertEquals("group/sub/project", r.movedTo());
        taken();
        assertEquals("/api/v4/projects/4242", taken().getTarget());
    }

    @Test
    void serverErrorsAreRetriedThenUnknown() {
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(status(500));

        CheckResult r = check("group/project");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(500, r.httpStatus());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.size(), "backoff between attempts, through the fake sleeper");
    }

    @Test
    void serverErrorThenSuccessGivesTheVerdict() {
        server.enqueue(status(502));
        server.enqueue(file(200, "gitlab-project.json"));

        assertEquals(RepoStatus.OK, check("group/sub/project").status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void malformedJsonIsRetriedThenUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"id\": 1, \"archived\": "));
        }

        CheckResult r = check("group/project");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().contains("malformed JSON"), r.detail());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void readTimeoutIsRetriedThenUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(1, TimeUnit.SECONDS).build());
        }
        HostsSettings shortRead = settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(200));

        CheckResult r = checkers(shortRead).forHost(CodeHost.GITLAB).orElseThrow()
                .check(fresh(CodeHost.GITLAB, "group/project"));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals("read timeout", r.detail());
        assertNull(r.httpStatus());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void tooManyRequestsWaitsRetryAfterThenAnswers() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(file(200, "gitlab-project.json"));

        CheckResult r = check("group/sub/project");

        assertEquals(RepoStatus.OK, r.status());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    }

    @Test
    void spentBudgetHoldsTheNextRequestUntilReset() {
        long reset = START.getEpochSecond() + 30;
        server.enqueue(new MockResponse.Builder().code(200).addHeader("RateLimit-Remaining", "0")
                .addHeader("RateLimit-Reset", Long.toString(reset)).body(read("gitlab-project.json")).build());
        server.enqueue(file(200, "gitlab-project.json"));
        RepoChecker gitlab = checkers().forHost(CodeHost.GITLAB).orElseThrow();

        gitlab.check(fresh(CodeHost.GITLAB, "group/sub/project"));
        assertEquals(List.of(), sleeps);
        gitlab.check(fresh(CodeHost.GITLAB, "group/sub/project"));

        assertEquals(List.of(Duration.ofSeconds(30)), sleeps);
    }

    @Test
    void sendsOurUserAgentAndAsksForJson() throws Exception {
        server.enqueue(file(200, "gitlab-project.json"));

        check("group/sub/project");

        RecordedRequest sent = taken();
        assertEquals(HostsSettings.USER_AGENT, sent.getHeaders().get("User-Agent"));
        assertEquals("application/json", sent.getHeaders().get("Accept"));
    }
}
