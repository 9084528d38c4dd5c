package org.reprotrack.check.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;

/** Bitbucket, Codeberg (Gitea) and Gitee: owner/repo hosts with small JSON differences. */
class ForgeCheckersTest extends HostsTestBase {

    private CheckResult check(CodeHost host, String path) {
        return checkers().forHost(host).orElseThrow().check(fresh(host, path));
    }

    @Test
    void bitbucketRepositoryIsOkWithItsMetadata() throws Exception {
        server.enqueue(file(200, "bitbucket-repo.json"));

        CheckResult r = check(CodeHost.BITBUCKET, "owner/repo");

        assertEquals("/2.0/repositories/owner/repo", taken().getTarget());
        assertEquals(RepoStatus.OK, r.status());
        assertEquals("https://bitbucket.org/owner/repo", r.detail());
        assertNotNull(r.metadata());
        assertEquals("master", r.metadata().defaultBranch());
        assertEquals("python", r.metadata().language());
        assertEquals(Instant.parse("2023-06-07T08:09:10.111213Z"), r.metadata().updatedAt());
        assertEquals(Instant.parse("2019-01-02T03:04:05.678901Z"), r.metadata().createdAt());
    }

    @Test
    void bitbucketMissingRepositoryIsNotFoundWithItsErrorMessage() {
        server.enqueue(file(404, "bitbucket-404.json"));

        CheckResult r = check(CodeHost.BITBUCKET, "owner/repo");

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals("Repository owner/repo not found", r.detail());
    }

    @Test
    void bitbucketForbiddenIsUnknown() {
        server.enqueue(json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Access denied\"}}"));

        assertEquals(RepoStatus.UNKNOWN, check(CodeHost.BITBUCKET, "owner/repo").status());
    }

    @Test
    void codebergRepositoryIsOkWithItsMetadata() throws Exception {
        server.enqueue(file(200, "codeberg-repo.json"));

        CheckResult r = check(CodeHost.CODEBERG, "owner/repo");

        assertEquals("/api/v1/repos/owner/repo", taken().getTarget());
        assertEquals(RepoStatus.OK, r.status());
        assertEquals(8, r.metadata().stars());
        assertEquals(2, r.metadata().forks());
        assertEquals("Rust", r.metadata().language());
        assertEquals(Instant.parse("2022-01-01T09:00:00Z"), r.metadata().createdAt());
        assertEquals(99L, r.hostId());
    }

    @Test
    void codebergArchivedAndEmptyRepositoriesSaySo() {
        server.enqueue(file(200, "codeberg-archived.json"));
        server.enqueue(file(200, "codeberg-empty.json"));

        assertEquals(RepoStatus.ARCHIVED, check(CodeHost.CODEBERG, "owner/repo").status());
        assertEquals(RepoStatus.EMPTY, check(CodeHost.CODEBERG, "owner/repo").status());
    }

    @Test
    void codebergMissingRepositoryIsNotFound() {
        server.enqueue(json(404, "{\"errors\":[],\"message\":\"The target couldn't be found.\"}"));

        assertEquals(RepoStatus.NOT_FOUND, check(CodeHost.CODEBERG, "owner/repo").status());
    }

    @Test
    void giteeRepositoryIsOkWithStargazersAndPushDate() throws Exception {
        server.enqueue(file(200, "gitee-repo.json"));

        CheckResult r = check(CodeHost.GITEE, "owner/repo");

        assertEquals("/api/v5/repos/owner/repo", taken().getTarget());
        assertEquals(RepoStatus.OK, r.status());
        assertEquals(40, r.metadata().stars());
        assertEquals(Instant.parse("2024-02-01T02:00:00Z"), r.metadata().pushedAt());
    }

    @Test
    void giteeMissingRepositoryIsNotFound() {
        server.enqueue(file(404, "gitee-404.json"));

        CheckResult r = check(CodeHost.GITEE, "owner/repo");

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals("Not Found Project", r.detail());
    }

    @Test
    void giteeForbiddenIsTreatedAsThrottlingRetriedThenUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(403, "{\"message\":\"Rate Limit Exceeded\"}"));
        }

        CheckResult r = check(CodeHost.GITEE, "owner/repo");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(3, server.getRequestCount());
        assertTrue(r.detail().contains("Rate Limit Exceeded"), r.detail());
    }

    @Test
    void gitHubIsNotServedHere() {
        assertTrue(checkers().forHost(CodeHost.GITHUB).isEmpty());
    }
}
