package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.store.BrokenPromise;
import org.reprotrack.store.SignalStore;

/**
 * Issue 7 item 5: checklist scores, placeholders and unkept promises on the pages and in the API,
 * over the fixtures of {@link org.reprotrack.store.DashboardFixtures#signals}: alpha scores 3 (papers
 * 2101.00001 and hep-th/9901001), gamma is a placeholder promised by 2104.00004, beta has no signals.
 */
class DashboardSignalsTest {

    private static final List<String> NEVER = List.of("<script", "<img src=x", "<img onerror", "<b>reason</b>");
    private static DashboardServer server;

    @BeforeAll
    static void start() {
        server = DashboardServer.withSignals();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> ids(String apiPath) {
        HttpResponse<String> r = server.get(apiPath);
        assertEquals(200, r.statusCode(), r.body());
        return java.util.regex.Pattern.compile("\\{\"id\":\"([^\"]+)\"").matcher(r.body()).results().map(m -> m.group(1)).toList();
    }

    @Test
    void the_filters_select_papers_in_the_query() {
        assertEquals(List.of("2101.00001", "hep-th/9901001"), ids("/api/v1/papers?score=3&sort=id"));
        assertEquals(List.of(), ids("/api/v1/papers?score=4"));
        assertEquals(List.of("2101.00001", "2104.00004", "hep-th/9901001"), ids("/api/v1/papers?score=0&sort=id"),
                "score 0 keeps papers whose repositories have signals, not those without");
        assertEquals(List.of("2104.00004"), ids("/api/v1/papers?placeholder=true"));
        assertEquals(List.of("2104.00004"), ids("/api/v1/papers?promise_not_kept=1"));
        assertEquals(List.of(), ids("/api/v1/papers?promise_not_kept=true&score=1"), "filters combine");
        assertEquals(5, ids("/api/v1/papers?placeholder=false&promise_not_kept=0").size(), "false is no filter");
        assertEquals(List.of("2101.00001"), ids("/api/v1/papers?score=3&year=2021"));
        assertEquals(List.of("hep-th/9901001"), ids("/api/v1/papers?score=1&sort=id&per_page=1&page=2"), "paginated after filtering");
    }

    @Test
    void the_promise_filter_answers_the_papers_of_promises_not_kept() {
        List<String> broken = new SignalStore(server.db.dataSource())
                .promisesNotKept(DashboardServer.CLOCK.instant(), DashboardServer.PROMISE_DAYS).stream()
                .map(BrokenPromise::paperId).distinct().toList();
        assertEquals(broken, ids("/api/v1/papers?promise_not_kept=true&sort=id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"score=6", "score=-1", "score=three", "placeholder=maybe", "promise_not_kept=2"})
    void unusable_filters_are_400_naming_the_parameter(String query) {
        HttpResponse<String> r = server.get("/api/v1/papers?" + query);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains(query.substring(0, query.indexOf('='))), r.body());
        assertEquals(400, server.get("/papers?" + query).statusCode());
    }

    @Test
    void the_paper_list_shows_each_paper_s_best_score_and_placeholder_flag() {
        String api = server.get("/api/v1/papers?sort=id").body();
        assertTrue(api.contains("\"checklist_score\":3,\"placeholder\":false"), api);
        assertTrue(api.contains("\"checklist_score\":0,\"placeholder\":true"), api);
        assertTrue(java.util.regex.Pattern.compile("\"id\":\"2102\\.00002\"[^{]*\\{[^]]*\\],\"last_checked\":\"[^\"]+\",\"checklist_score\":null,\"placeholder\":false")
                .matcher(api).find(), "beta has no signals: " + api);
        String page = server.get("/papers?sort=id").body();
        assertTrue(page.contains("<td class=\"score\">3/5</td>"), page);
        assertTrue(page.contains("<td class=\"score\">0/5 <span class=\"badge placeholder\">placeholder</span></td>"), page);
        String filtered = server.get("/papers?score=3&placeholder=true&promise_not_kept=true").body();
        assertTrue(filtered.contains("<option value=\"3\" selected>at least 3/5</option>"), filtered);
        assertTrue(filtered.contains("name=\"placeholder\" value=\"true\" checked"), filtered);
        assertTrue(filtered.contains("name=\"promise_not_kept\" value=\"true\" checked"), filtered);
    }

    @Test
    void the_paper_page_shows_the_items_with_their_evidence_escaped() {
        String page = server.get("/papers/2101.00001").body();
        assertTrue(page.contains("<strong>3/5</strong>"), page);
        assertTrue(page.contains("Training code</td><td>yes</td><td><code>README:L4: &lt;script&gt;alert('evidence')&lt;/script&gt; python train.py</code>"),
                page);
        assertTrue(page.contains("Pre-trained models</td><td>no</td>"), page);
        assertTrue(page.contains("<dt>Licence</dt><dd>mit</dd>"), page);
        String repo = server.get("/repos/github.com/lab/alpha").body();
        assertTrue(repo.contains("<strong>3/5</strong>") && repo.contains("&lt;script&gt;alert('evidence')&lt;/script&gt;"), repo);
        String gamma = server.get("/papers/2104.00004").body();
        assertTrue(gamma.contains("placeholder: no code"), gamma);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/papers", "/papers?placeholder=true", "/papers/2101.00001", "/papers/2104.00004", "/papers/hep-th/9901001",
            "/repos/github.com/lab/alpha", "/repos/github.com/lab/gamma", "/repos/github.com/lab/beta"})
    void hostile_evidence_is_never_markup(String path) {
        String body = server.get(path).body();
        for (String bad : NEVER) {
            assertFalse(body.contains(bad), path + " contains " + bad);
        }
    }

    @Test
    void the_overview_charts_papers_by_best_score() {
        String page = server.get("/").body();
        assertTrue(page.contains("Papers by best checklist score"), page);
        assertTrue(page.contains("<title>score 3 of 5: 2 papers</title>"), page);
        assertTrue(page.contains("<title>score 0 of 5: 1 papers</title>"), page);
        assertTrue(page.contains("<title>score 5 of 5: 0 papers</title>"), page);
        assertTrue(page.contains("href=\"/papers?score=3\""), page);
    }

    @Test
    void the_api_gives_each_repository_s_signals() {
        String paper = server.get("/api/v1/papers/2101.00001").body();
        assertTrue(paper.contains("\"signals\":{\"checklist_score\":3,\"items\":{\"dependencies\":{\"present\":true,\"evidence\":\"requirements.txt\"},"
                + "\"training_code\":{\"present\":true,\"evidence\":\"README:L4: <script>alert('evidence')</script> python train.py\"}"), paper);
        assertTrue(paper.contains("\"pretrained_models\":{\"present\":false,\"evidence\":null}"), paper);
        assertTrue(paper.contains("\"placeholder\":false,\"partial_tree\":false,\"licence\":\"mit\""), paper);
        String repo = server.get("/api/v1/repos/github.com/lab/gamma").body();
        assertTrue(repo.contains("\"signals\":{\"checklist_score\":0,"), repo);
        assertTrue(repo.contains("\"placeholder\":true"), repo);
        String beta = server.get("/api/v1/repos/github.com/lab/beta").body();
        assertTrue(beta.contains("\"signals\":{\"checklist_score\":null,\"items\":null,\"placeholder\":null"), beta);
        assertTrue(server.get("/api/v1/papers/2101.00001").headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }
}
