package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 4 on the dashboard: a paper that promised code without a link has its own
 * status in the overview count, the status filter, the promise filter, the API and the badge.
 * Over {@link org.reprotrack.store.DashboardFixtures#fill} (no promise there) plus two papers:
 * 2201.00007 promised in 2022 (long past signals.promise_days), 2601.00008 promised days ago.
 */
class PromisedNoLinkDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DashboardServer server;

    @BeforeAll
    static void start() {
        server = new DashboardServer(new AdminActions(() -> { }, () -> { }), null, Optional::empty, PromisedNoLinkDashboardTest::promised);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void promised(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            paper(c, "2201.00007", "Code will be released upon acceptance.", "2022-01-05T00:00:00Z");
            paper(c, "2601.00008", "All code and models will be made available.", "2026-01-08T00:00:00Z");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void paper(Connection c, String id, String abstractText, String published) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO paper (id, version, title, abstract_text, published, source, text_hash, promised, first_seen, last_changed)
                VALUES (?, 1, ?, ?, ?, 'fixture', 1, TRUE, ?, ?)""")) {
            st.setObject(4, java.time.OffsetDateTime.ofInstant(Instant.parse(published), java.time.ZoneOffset.UTC));
            st.setString(1, id);
            st.setString(2, "Promised paper " + id);
            st.setString(3, abstractText);
            st.setObject(5, java.time.OffsetDateTime.ofInstant(Instant.parse(published), java.time.ZoneOffset.UTC));
            st.setObject(6, java.time.OffsetDateTime.ofInstant(Instant.parse(published), java.time.ZoneOffset.UTC));
            st.executeUpdate();
        }
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("papers").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    @Test
    void summaryCountsPromisedPapersWithoutALinkApartFromPapersWithCodeLinks() throws Exception {
        JsonNode summary = json("/api/v1/summary");
        assertEquals(2, summary.path("papers_by_status").path("promised_no_link").asInt());
        assertEquals(7, summary.path("papers").asInt());
        assertEquals(7 - 2 - summary.path("papers_by_status").path("no_code_link").asInt(), summary.path("papers_with_code_links").asInt());
    }

    @Test
    void statusFilterListsThemWithTheirStatus() throws Exception {
        JsonNode page = json("/api/v1/papers?status=promised_no_link&sort=id");
        assertEquals(List.of("2201.00007", "2601.00008"), ids(page));
        page.path("papers").forEach(p -> assertEquals("PROMISED_NO_LINK", p.path("status").asText()));
        assertEquals("PROMISED_NO_LINK", json("/api/v1/papers/2201.00007").path("paper").path("status").asText());
    }

    @Test
    void promiseFilterListsThemOncePastThePromisePeriod() throws Exception {
        assertEquals(List.of("2201.00007"), ids(json("/api/v1/papers?promise_not_kept=true&sort=id")));
    }

    @Test
    void pagesShowTheStatusInWordsWithItsFilterAndCount() {
        HttpResponse<String> overview = server.get("/");
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("href=\"/papers?status=promised_no_link\"><span class=\"n\">2</span> promised, no link"),
                overview.body());
        HttpResponse<String> list = server.get("/papers?status=promised_no_link");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Promised paper 2201.00007") && list.body().contains("Promised paper 2601.00008"), list.body());
        assertTrue(list.body().contains("<option value=\"promised_no_link\" selected"), "the filter offers the status");
    }
}
