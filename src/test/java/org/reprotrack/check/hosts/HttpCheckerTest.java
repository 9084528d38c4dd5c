package org.reprotrack.check.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;

class HttpCheckerTest extends HostsTestBase {

    private UrlCheck probe(String path) {
        return checkers().http().check(server.url(path).toString());
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).addHeader("Location", location).build();
    }

    @Test
    void pageAnsweringHeadIsOkWithoutAGet() throws Exception {
        server.enqueue(status(200));

        UrlCheck r = probe("/r/paper-code");

        assertEquals(RepoStatus.OK, r.status());
        assertEquals("HEAD", taken().getMethod());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void headRefusedFallsBackToGet() throws Exception {
        server.enqueue(status(405));
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(100_000)).build());

        UrlCheck r = probe("/page");

        assertEquals(RepoStatus.OK, r.status());
        assertEquals("HEAD", taken().getMethod());
        assertEquals("GET", taken().getMethod());
    }

    @Test
    void headNotImplementedFallsBackToGetWithoutRetrying() {
        server.enqueue(status(501));
        server.enqueue(status(200));

        assertEquals(RepoStatus.OK, probe("/page").status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void redirectsAreFollowedAndTheFinalUrlKept() {
        server.enqueue(redirect("/step2"));
        server.enqueue(redirect("/login?next=/page"));
        server.enqueue(status(200));

        UrlCheck r = probe("/page");

        assertEquals(RepoStatus.OK, r.status());
        assertEquals(2, r.redirects());
        assertEquals(server.url("/login?next=/page").toString(), r.finalUrl());
    }

    @Test
    void moreThanFiveRedirectsIsUnknown() {
        for (int i = 0; i < 7; i++) {
            server.enqueue(redirect("/hop" + i));
        }

        UrlCheck r = probe("/page");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().startsWith("too many redirects"));
        assertEquals(6, server.getRequestCount());
    }

    @Test
    void goneAndMissingPagesAreNotFound() {
        server.enqueue(status(404));
        server.enqueue(status(410));

        assertEquals(RepoStatus.NOT_FOUND, probe("/a").status());
        assertEquals(RepoStatus.NOT_FOUND, probe("/b").status());
    }

    @Test
    void unavailableForLegalReasonsIsBlocked() {
        server.enqueue(status(451));

        assertEquals(RepoStatus.BLOCKED, probe("/a").status());
    }

    @Test
    void forbiddenEvenToGetIsUnknown() {
        server.enqueue(status(403));
        server.enqueue(status(403));

        UrlCheck r = probe("/a");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().startsWith("forbidden"));
    }

    @Test
    void serverErrorsAreRetriedThenUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(502));
        }

        UrlCheck r = probe("/a");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.size());
    }

    @Test
    void notAnHttpUrlIsUnknown() {
        assertEquals(RepoStatus.UNKNOWN, checkers().http().check("ftp://example.org/x").status());
    }

    @Test
    void gistIsCheckedAsItsWebPage() throws Exception {
        server.enqueue(status(404));

        CheckResult r = checkers().forHost(CodeHost.GIST).orElseThrow().check(fresh(CodeHost.GIST, "user/abc123"));

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals("/user/abc123", taken().getTarget());
    }

    @Test
    void sendsOurUserAgent() throws Exception {
        server.enqueue(status(200));

        probe("/a");

        assertEquals(HostsSettings.USER_AGENT, taken().getHeaders().get("User-Agent"));
    }
}
