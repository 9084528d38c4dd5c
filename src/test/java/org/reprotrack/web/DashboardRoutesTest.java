package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every route over HTTP on a random port: status codes, content types, headers. */
class DashboardRoutesTest {

    private static DashboardServer server;

    @BeforeAll
    static void start() {
        server = DashboardServer.plain();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/papers", "/papers?q=graphs&status=code_gone&host=github.com&year=2021&sort=-published&page=1",
            "/papers/2101.00001", "/papers/hep-th/9901001", "/repos/github.com/lab/alpha", "/repos/github.com/lab/gamma?page=1", "/audits"})
    void GET_of_a_page_answers_html_with_security_headers(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertSecurityHeaders(r);
        assertTrue(r.body().strip().startsWith("<!DOCTYPE html>"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/summary", "/api/v1/papers", "/api/v1/papers?status=has_code&per_page=1&page=2",
            "/api/v1/papers/2101.00001", "/api/v1/papers/hep-th/9901001", "/api/v1/repos/github.com/lab/alpha", "/api/v1/audits"})
    void GET_of_an_api_route_answers_json(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertSecurityHeaders(r);
        assertTrue(r.body().startsWith("{"));
    }

    @Test
    void stylesheet_is_served_from_our_own_origin() {
        HttpResponse<String> r = server.get("/static/app.css");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    }

    @Test
    void HEAD_of_a_page_answers_like_GET_without_body() {
        HttpResponse<String> r = server.send(server.request("/papers").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void paper_filters_are_applied_in_the_query() {
        String gone = server.get("/api/v1/papers?status=code_gone").body();
        assertTrue(gone.contains("2102.00002") && !gone.contains("2101.00001"), gone);
        String y2022 = server.get("/api/v1/papers?year=2022").body();
        assertTrue(y2022.contains("2103.00003") && y2022.contains("2104.00004") && !y2022.contains("2101.00001"), y2022);
        String byRepo = server.get("/api/v1/papers?q=lab/gamma").body();
        assertTrue(byRepo.contains("2104.00004") && !byRepo.contains("2102.00002"), byRepo);
        String byTitle = server.get("/api/v1/papers?q=GRAPHS").body();
        assertTrue(byTitle.contains("2102.00002") && !byTitle.contains("2104.00004"), byTitle);
        String wildcard = server.get("/api/v1/papers?q=100%25").body();
        assertTrue(wildcard.contains("2103.00003") && !wildcard.contains("2102.00002"), wildcard);
        String host = server.get("/api/v1/papers?host=gitlab.com").body();
        assertTrue(host.contains("\"papers\":[]"), host);
    }

    @Test
    void pages_link_to_the_next_page_only_when_there_is_one() {
        String first = server.get("/api/v1/papers?per_page=2&sort=id").body();
        assertTrue(first.contains("\"next\":\"/api/v1/papers?per_page=2&sort=id&page=2\""), first);
        String last = server.get("/api/v1/papers?per_page=2&sort=id&page=3").body();
        assertTrue(last.contains("\"next\":null") && last.contains("hep-th/9901001"), last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/papers?page=0", "/papers?page=abc", "/papers?per_page=1000", "/papers?status=bogus", "/papers?year=19",
            "/papers?sort=title;drop", "/papers?host=%3Cscript%3E", "/repos/github.com/lab/alpha?page=-1", "/audits?page=x"})
    void bad_query_parameters_answer_400_with_a_message(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("must be"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertSecurityHeaders(r);
    }

    @Test
    void bad_api_parameters_answer_400_in_json() {
        HttpResponse<String> r = server.get("/api/v1/papers?per_page=0");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"per_page must be a whole number from 1 to 100\""), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/papers/9999.99999", "/repos/github.com/no/such", "/badge/2101.00001.png", "/static/other.css"})
    void unknown_paths_answer_a_404_page(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("404"));
        assertSecurityHeaders(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v1/papers/9999.99999", "/api/v1/repos/github.com/no/such"})
    void unknown_api_paths_answer_404_in_json(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE /papers", "PUT /api/v1/papers", "POST /papers", "PATCH /", "OPTIONS /api/v1/summary", "POST /badge/2101.00001.svg"})
    void other_methods_answer_405(String call) {
        String[] parts = call.split(" ");
        HttpResponse<String> r = server.send(server.request(parts[1]).method(parts[0], HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, r.statusCode(), r.body());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
        assertSecurityHeaders(r);
    }

    @Test
    void overview_shows_counts_charts_changes_and_no_schedule() {
        String body = server.get("/").body();
        assertTrue(body.contains("<svg class=\"chart\""), body);
        assertTrue(body.contains("<circle class=\"pt\""), body);
        assertTrue(body.contains("github.com/lab/beta"), "newly dead since the last audit");
        assertTrue(body.contains("not scheduled"));
        assertTrue(body.contains("code gone"));
    }

    @Test
    void overview_shows_the_next_audit_when_the_scheduler_knows_it() {
        try (DashboardServer s = new DashboardServer(new AdminActions(() -> { }, () -> { }), null,
                () -> Optional.of(Instant.parse("2026-01-14T03:00:00Z")))) {
            assertTrue(s.get("/").body().contains("2026-01-14 03:00 UTC"));
        }
    }

    @Test
    void summary_replays_the_daily_share_from_the_history() {
        String body = server.get("/api/v1/summary").body();
        // day 1: 3 repositories reachable for 4 papers; day 3: beta is gone, 3 of 4 papers keep code
        assertTrue(body.contains("{\"day\":\"2026-01-10\",\"checked_papers\":4,\"reachable_papers\":4}"), body);
        assertTrue(body.contains("{\"day\":\"2026-01-12\",\"checked_papers\":4,\"reachable_papers\":3}"), body);
        assertTrue(body.contains("{\"day\":\"2026-01-13\",\"checked_papers\":4,\"reachable_papers\":3}"), body);
        assertTrue(body.contains("\"code_gone\":1"), body);
    }

    @Test
    void a_taken_port_fails_with_a_clear_message_and_leaves_nothing_running() {
        try (DashboardServer other = DashboardServer.plain()) {
            Dashboard second = DashboardServer.dashboard(other.db.dataSource(), other.reportsDir, new AdminActions(() -> { }, () -> { }),
                    null, Optional::empty);
            DashboardStartException e = assertThrows(DashboardStartException.class, () -> second.start("127.0.0.1", server.port));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
            assertEquals(200, server.get("/").statusCode(), "the first server still answers");
            second.stop();
        }
    }

    @Test
    void a_failing_store_gives_a_500_page_without_a_stack_trace() {
        server.db.close();
        try {
            for (String path : List.of("/papers", "/api/v1/papers")) {
                HttpResponse<String> r = server.get(path);
                assertEquals(500, r.statusCode());
                assertFalse(r.body().contains("Exception"), r.body());
                assertFalse(r.body().contains("at org."), r.body());
                assertSecurityHeaders(r);
            }
        } finally {
            stop();
            start();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /% HTTP/1.1", "GET /..%2f..%2fetc/passwd HTTP/1.1", "GET /papers/%zz HTTP/1.1"})
    void requests_jetty_refuses_itself_answer_400_with_the_security_headers_and_no_version(String requestLine) throws IOException {
        assertRefusedWithHeaders(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void a_malformed_header_is_refused_with_the_security_headers() throws IOException {
        assertRefusedWithHeaders("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\nConnection: close\r\n\r\n");
    }

    /** Sends bytes no HTTP client would send and checks Jetty's own 400. */
    private static void assertRefusedWithHeaders(String request) throws IOException {
        URI base = URI.create(server.base());
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("\r\nContent-Security-Policy: " + SecurityHeaders.CSP + "\r\n"), answer);
        assertTrue(answer.contains("\r\nX-Content-Type-Options: nosniff\r\n"), answer);
        assertTrue(answer.contains("\r\nX-Frame-Options: DENY\r\n"), answer);
        assertFalse(answer.toLowerCase(java.util.Locale.ROOT).contains("jetty"), "no server name or version: " + answer);
        assertFalse(answer.contains("at org."), answer);
    }

    static void assertSecurityHeaders(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'none'"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("reprotrack", r.headers().firstValue("Server").orElseThrow());
    }
}
