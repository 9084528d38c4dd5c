package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.store.ReportFiles;

/** Issue 6 item 4: the dashboard lists the reports the app wrote and serves only those. */
class DashboardReportsTest {

    private static final String SECRET = "secret outside the report folder";
    private static DashboardServer server;
    private static Path outside;

    @BeforeAll
    static void start() throws IOException {
        server = DashboardServer.plain();
        ReportFiles files = new ReportFiles(server.reportsDir);
        for (String ext : new String[] {"csv", "json", "md", "html"}) {
            files.write(ReportFiles.datedName(LocalDate.parse("2026-01-12"), ext), "report 2026-01-12 ." + ext);
            files.write(ReportFiles.latestName(ext), "latest ." + ext);
        }
        files.write(ReportFiles.datedName(LocalDate.parse("2026-01-05"), "md"), "# older <script>alert(1)</script>");
        outside = Files.createTempFile("reprotrack-secret", ".csv");
        Files.writeString(outside, SECRET);
        Files.writeString(server.reportsDir.resolve("secret.txt"), SECRET);
        Files.writeString(server.reportsDir.resolve("dead-links-2026-01-12.txt"), SECRET);
        // a symbolic link under a report name, planted by someone else: never served
        Files.createSymbolicLink(server.reportsDir.resolve("dead-links-2026-01-11.csv"), outside);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(outside);
    }

    @Test
    void the_reports_page_lists_the_app_s_files_newest_first_by_date_with_a_link_per_format() {
        HttpResponse<String> r = server.get("/reports");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("href=\"/reports\" class=\"active\""), "linked from the nav");
        for (String ext : new String[] {"csv", "json", "md", "html"}) {
            assertTrue(body.contains("href=\"/reports/dead-links-2026-01-12." + ext + "\""), body);
            assertTrue(body.contains("href=\"/reports/dead-links-latest." + ext + "\""), body);
        }
        int latest = body.indexOf("Latest");
        int newer = body.indexOf("2026-01-12");
        int older = body.indexOf("2026-01-05");
        assertTrue(latest > 0 && latest < newer && newer < older, body);
        assertFalse(body.contains("secret.txt") || body.contains("dead-links-2026-01-11") || body.contains(".txt"), body);
        assertTrue(server.get("/").body().contains("<a href=\"/reports\""), "every page links to the reports");
    }

    @Test
    void the_api_lists_the_reports_without_server_paths() {
        HttpResponse<String> r = server.get("/api/v1/reports");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        String body = r.body();
        assertTrue(body.contains("{\"name\":\"dead-links-2026-01-12.csv\",\"date\":\"2026-01-12\",\"latest\":false,\"format\":\"csv\""), body);
        assertTrue(body.contains("\"url\":\"/reports/dead-links-latest.md\""), body);
        assertFalse(body.contains(server.reportsDir.toString()), body);
        assertFalse(body.contains("secret") || body.contains("2026-01-11"), body);
    }

    @ParameterizedTest
    @CsvSource({"csv, text/csv", "json, application/json", "md, text/markdown", "html, text/html"})
    void each_format_is_served_with_its_content_type(String ext, String type) {
        HttpResponse<String> r = server.get("/reports/dead-links-2026-01-12." + ext);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("report 2026-01-12 ." + ext, r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(type), r.headers().map().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals(ext.equals("html"), disposition.startsWith("attachment"), disposition);
        assertTrue(disposition.contains("filename=\"dead-links-2026-01-12." + ext + "\""), disposition);
        assertTrue(r.headers().allValues("Content-Security-Policy").contains("sandbox"), "a report never runs in our origin");
    }

    /**
     * Paths that climb above the server's root or hold a NUL are refused by Jetty itself (400)
     * before any route runs; the point is that they never reach a file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/reports/%2e%2e/%2e%2e/etc/passwd", "/reports/../../etc/passwd", "/reports/dead-links-2026-01-12.csv%00.txt",
            "/reports/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/reports/%2e%2e/%2e%2e/%2e%2e" + "/tmp/reprotrack-secret.csv"})
    void paths_above_the_root_never_reach_a_file(String path) {
        HttpResponse<String> r = server.get(path);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " -> " + r.statusCode());
        assertFalse(r.body().contains(SECRET) || r.body().contains("root:"), r.body());
    }

    @Test
    void the_latest_copy_is_served_too() {
        assertEquals("latest .md", server.get("/reports/dead-links-latest.md").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/secret.txt", "/reports/dead-links-2026-01-12.txt", "/reports/dead-links-2026-01-13.csv",
            "/reports/dead-links-2026-01-11.csv", "/reports/../reports/secret.txt", "/reports/..%2Fsecret.txt",
            "/reports/%2e%2e/secret.txt", "/reports/%2e%2e%2fsecret.txt", "/reports/%2Fetc%2Fpasswd",
            "/reports//etc/passwd", "/reports/./dead-links-2026-01-12.csv%2F..%2Fsecret.txt", "/reports/dead-links-2026-01-12.csv%2F",
            "/reports/DEAD-LINKS-2026-01-12.CSV", "/reports/dead-links-2026-01-12.csv/", "/reports/%2e%2e"})
    void anything_but_a_report_the_app_wrote_is_404(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(404, r.statusCode(), path + " -> " + r.body());
        assertFalse(r.body().contains(SECRET), r.body());
        assertFalse(r.body().contains("root:"), r.body());
    }

    @Test
    void an_empty_or_missing_folder_lists_nothing() throws IOException {
        try (DashboardServer other = DashboardServer.plain()) {
            Files.delete(other.reportsDir);
            HttpResponse<String> r = other.get("/reports");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("No report has been written yet."), r.body());
            assertEquals("{\"reports\":[]}", other.get("/api/v1/reports").body());
            assertEquals(404, other.get("/reports/dead-links-latest.csv").statusCode());
        }
    }
}
