package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Badges, and the admin write routes that exist only with a token. */
class BadgeAndAdminTest {

    @ParameterizedTest
    @CsvSource({"2101.00001, reachable", "2102.00002, gone", "2104.00004, moved", "2103.00003, not released", "9999.99999, unknown"})
    void badge_says_what_became_of_the_code(String id, String message) {
        try (DashboardServer s = DashboardServer.plain()) {
            HttpResponse<String> r = s.get("/badge/" + id + ".svg");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
            assertTrue(r.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), r.body());
            assertTrue(r.body().contains(">code</text>") && r.body().contains(">" + message + "</text>"), r.body());
            assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
        }
    }

    @Test
    void badge_is_revalidated_with_its_etag() {
        try (DashboardServer s = DashboardServer.plain()) {
            HttpResponse<String> first = s.get("/badge/2101.00001.svg");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = s.send(s.request("/badge/2101.00001.svg").header("If-None-Match", etag));
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
        }
    }

    @Test
    void writes_do_not_exist_without_an_admin_token() {
        try (DashboardServer s = DashboardServer.plain()) {
            assertEquals(404, post(s, "/api/v1/audits", "Bearer anything").statusCode());
            assertEquals(404, post(s, "/api/v1/ingests", null).statusCode());
        }
    }

    @Test
    void writes_require_the_admin_token_and_start_the_job_in_the_background() throws InterruptedException {
        CountDownLatch audit = new CountDownLatch(1);
        CountDownLatch ingest = new CountDownLatch(1);
        try (DashboardServer s = new DashboardServer(new AdminActions(audit::countDown, ingest::countDown), "s3cret-token", Optional::empty)) {
            assertEquals(403, post(s, "/api/v1/audits", null).statusCode());
            assertEquals(403, post(s, "/api/v1/audits", "Bearer wrong").statusCode());
            assertEquals(403, post(s, "/api/v1/audits", "s3cret-token").statusCode(), "the Bearer scheme is required");
            assertEquals(1, audit.getCount(), "nothing started without the token");
            HttpResponse<String> ok = post(s, "/api/v1/audits", "Bearer s3cret-token");
            assertEquals(202, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("\"started\":\"audit\""));
            assertTrue(audit.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> r = post(s, "/api/v1/ingests", "Bearer s3cret-token");
                if (r.statusCode() == 202) {
                    break;
                }
                assertEquals(409, r.statusCode(), "only while the audit job is still finishing");
                Thread.sleep(100);
            }
            assertTrue(ingest.await(5, TimeUnit.SECONDS));
            assertEquals(200, s.get("/api/v1/audits").statusCode(), "GET of the audit list stays readable");
        }
    }

    private static HttpResponse<String> post(DashboardServer s, String path, String authorization) {
        HttpRequest.Builder b = s.request(path).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return s.send(b);
    }
}
