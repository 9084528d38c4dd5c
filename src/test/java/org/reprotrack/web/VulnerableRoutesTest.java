package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprotrack.store.ArchiveStore;

/** /vulnerable and its API: alpha archived before its last push and saved since, gamma never archived, beta dead. */
class VulnerableRoutesTest {

    static DashboardServer server;

    @BeforeAll
    static void start() {
        server = new DashboardServer(new AdminActions(() -> { }, () -> { }), null, Optional::empty, ds -> {
            ArchiveStore a = new ArchiveStore(ds);
            a.saveAnswer(1, "https://github.com/lab/alpha", Instant.parse("2026-01-10T00:00:00Z"), true, Instant.parse("2020-01-01T00:00:00Z"));
            a.saveAnswer(3, "https://github.com/lab/gamma-new", Instant.parse("2026-01-10T00:00:00Z"), false, null);
            a.saveAnswer(2, "https://github.com/lab/beta", Instant.parse("2026-01-10T00:00:00Z"), false, null);
            long id = a.addSave(1, "https://github.com/lab/alpha", 42L, Instant.parse("2026-01-11T00:00:00Z"), "accepted", "succeeded",
                    null, true);
            a.updateSave(id, "accepted", "succeeded", Instant.parse("2026-01-11T02:00:00Z"), "swh:1:snp:<b>0123</b>", null,
                    Instant.parse("2026-01-11T03:00:00Z"), true);
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("UPDATE repo SET pushed_at = TIMESTAMP WITH TIME ZONE '2021-01-01 00:00:00+00' WHERE id = 1");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOverviewCountsThemAndThePageListsTheLiveOnesWithTheirSwhid() {
        assertTrue(server.get("/").body().contains("<span class=\"n\">2</span> vulnerable"), "alpha and gamma; beta is dead");
        String html = server.get("/vulnerable").body();
        assertTrue(html.contains("github.com/lab/alpha") && html.contains("github.com/lab/gamma"));
        assertFalse(html.contains("github.com/lab/beta"), "a dead repository is not vulnerable: it is gone");
        assertTrue(html.contains("<code>swh:1:snp:&lt;b&gt;0123&lt;/b&gt;</code>"), "the SWHID is shown, escaped");
    }

    @Test
    void theApiPagesThem() throws Exception {
        JsonNode j = new ObjectMapper().readTree(server.get("/api/v1/vulnerable?per_page=1").body());
        assertEquals(1, j.get("repos").size());
        assertEquals("github.com/lab/alpha", j.get("repos").get(0).get("key").asText());
        assertEquals("succeeded", j.get("repos").get(0).get("save").get("task_status").asText());
        assertFalse(j.get("next").isNull());
    }
}
