package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the audits page lists the repositories checked 3 times or more in a row without a
 * verdict, with the last reason, escaped; two checks are not enough, and nothing is listed when
 * none is stuck.
 */
class AuditsPageWithoutVerdictTest {

    private static final String REASON = "GraphQL said FORBIDDEN: <script>alert('reason')</script>";

    @Test
    void theAuditsPageListsRepositoriesStuckWithoutAVerdictWithTheirLastReason() {
        try (DashboardServer s = new DashboardServer(new AdminActions(() -> { }, () -> { }), null, Optional::empty, ds -> {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE repo SET unknown_checks = 3, unknown_since = TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00',"
                        + " detail = '" + REASON.replace("'", "''") + "' WHERE repo_key = 'github.com/lab/alpha'");
                st.executeUpdate("UPDATE repo SET unknown_checks = 2, detail = 'read timeout' WHERE repo_key = 'github.com/lab/beta'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })) {
            HttpResponse<String> page = s.get("/audits");
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("Without a verdict (1)"), html);
            assertTrue(html.contains("<a href=\"/repos/github.com/lab/alpha\">github.com/lab/alpha</a>"), html);
            assertTrue(html.contains("GraphQL said FORBIDDEN: &lt;script&gt;"), "the reason is shown, escaped: " + html);
            assertFalse(html.contains("<script>alert('reason')"), html);
            assertFalse(html.contains("github.com/lab/beta"), "two checks without a verdict are not listed yet");

            String json = s.get("/api/v1/audits").body();
            assertTrue(json.contains("\"without_verdict\":[{\"key\":\"github.com/lab/alpha\",\"url\":\"https://github.com/lab/alpha\","
                    + "\"status\":\"OK\",\"checks\":3,\"since\":\"2026-01-10T08:00:00Z\""), json);
            assertFalse(json.contains("\"key\":\"github.com/lab/beta\""), "two checks are not enough: " + json);
        }
    }

    @Test
    void withNoRepositoryStuckTheSectionIsNotShown() {
        try (DashboardServer s = DashboardServer.plain()) {
            String html = s.get("/audits").body();
            assertTrue(html.contains("Audit runs"), html);
            assertFalse(html.contains("Without a verdict"), html);
        }
    }
}
