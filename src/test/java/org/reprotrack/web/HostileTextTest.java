package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Titles, abstracts, comments, authors, link URLs, repository descriptions and topics are
 * untrusted: whatever they hold reaches the page only escaped.
 */
class HostileTextTest {

    private static final List<String> NEVER = List.of("<script", "</textarea>", "<img src=x", "<svg onload", "<b>comments</b>",
            "href=\"javascript:", "<img onerror");

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
    @ValueSource(strings = {"/", "/papers", "/papers?q=%3Cscript%3E", "/papers?q=fixture", "/papers/2101.00001", "/papers/hep-th/9901001",
            "/repos/github.com/lab/alpha", "/repos/github.com/lab/beta", "/audits", "/papers/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "/papers?status=%3Cscript%3E", "/badge/2101.00001.svg"})
    void hostile_text_is_never_rendered_as_markup(String path) {
        String body = server.get(path).body();
        for (String bad : NEVER) {
            assertFalse(body.contains(bad), path + " contains " + bad + ":\n" + body);
        }
    }

    @Test
    void hostile_text_is_shown_escaped_not_dropped() {
        String paper = server.get("/papers/2101.00001").body();
        assertTrue(paper.contains("Fixture &lt;script&gt;alert(\"title\")&lt;/script&gt; &amp; \"quotes\" 'single'"), paper);
        assertTrue(paper.contains("&lt;/textarea&gt;&lt;script&gt;"), paper);
        assertTrue(paper.contains("O'Brien &lt;img src=x onerror=alert(1)&gt;"), paper);
        String repo = server.get("/repos/github.com/lab/alpha").body();
        assertTrue(repo.contains("&lt;script&gt;alert('description')&lt;/script&gt;"), repo);
        assertTrue(repo.contains("&lt;svg onload=alert(1)&gt;"), repo);
    }

    @Test
    void a_javascript_url_from_a_paper_is_never_a_link() {
        String paper = server.get("/papers/2101.00001").body();
        assertTrue(paper.contains("href=\"#\""), paper);
    }

    @Test
    void hostile_search_text_is_refilled_escaped() {
        String body = server.get("/papers?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertTrue(body.contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), body);
    }

    @Test
    void json_api_carries_hostile_text_as_json_strings_under_nosniff() {
        var r = server.get("/api/v1/papers/2101.00001");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(r.body().contains("<script>alert(\\\"title\\\")</script>"), r.body());
    }
}
