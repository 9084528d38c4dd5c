package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.paper.Paper;

/**
 * Papers that promise code without a link (issue 12, point 4): the flag written at ingest and
 * filled for databases stored before V15, the PROMISED_NO_LINK status in every read, its clock,
 * on H2 and on PostgreSQL alike.
 */
class PromisedNoLinkStoreTest extends OnBothDatabases {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LinkExtractor EXTRACTOR = new LinkExtractor();

    private static Paper paper(String id, String abstractText, int daysOld) {
        return new Paper(id, 1, "Title " + id, abstractText, null, "A. Author", "cs.CV", NOW.minus(Duration.ofDays(daysOld)), null,
                List.of());
    }

    private static void ingest(DataSource ds, Paper... papers) {
        PaperStore store = new PaperStore(ds, Clock.fixed(NOW, ZoneOffset.UTC));
        try (PaperWriter w = store.openWriter("test", p -> EXTRACTOR.extract(p.abstractText(), p.comments()))) {
            for (Paper p : papers) {
                w.write(p);
            }
            w.commit();
        }
    }

    private static Map<String, Boolean> promisedColumn(DataSource ds) throws SQLException {
        Map<String, Boolean> flags = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, promised FROM paper")) {
            while (rs.next()) {
                flags.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return flags;
    }

    private static Map<String, String> statuses(DataSource ds) {
        Map<String, String> statuses = new TreeMap<>();
        new PaperStore(ds, Clock.fixed(NOW, ZoneOffset.UTC)).forEachPaper(p -> statuses.put(p.id(), p.status() + (p.promised() ? " promised" : "")));
        return statuses;
    }

    private static List<String> listed(DashboardStore store, PaperStatus status, boolean promiseNotKept) {
        return store.papers(new PaperQuery(null, status, null, null, null, false, promiseNotKept ? NOW.minus(Duration.ofDays(90)) : null,
                PaperSort.ID, 0, 100)).papers().stream().map(PaperListRow::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void promiseWithoutLinkIsFlaggedAtIngestAndShownEverywhere(String kind) throws SQLException {
        try (Database db = open(kind)) {
            DataSource ds = db.dataSource();
            ingest(ds,
                    paper("2501.00001", "We propose X. Code will be released.", 200),
                    paper("2501.00002", "We propose Y. All code and models will be made available upon acceptance.", 10),
                    paper("2501.00003", "We propose Z. Code is available at this https URL.", 120),
                    paper("2501.00004", "We propose W. It works.", 200),
                    paper("2501.00005", "We propose V. Code will be released at https://github.com/lab/tool.", 200),
                    paper("2501.00006", "Code was released in [12]. See https://lab.github.io/page for videos.", 200));

            assertEquals(Map.of("2501.00001", true, "2501.00002", true, "2501.00003", true, "2501.00004", false,
                    "2501.00005", true, "2501.00006", false), promisedColumn(ds));
            assertEquals(Map.of("2501.00001", "PROMISED_NO_LINK promised", "2501.00002", "PROMISED_NO_LINK promised",
                    "2501.00003", "PROMISED_NO_LINK promised", "2501.00004", "NO_CODE_LINK",
                    "2501.00005", "PENDING promised", "2501.00006", "NO_CODE_LINK"), statuses(ds));

            new ListingStore(ds).refresh();
            Overview overview = new OverviewStore(ds).overview(LocalDate.ofInstant(NOW, ZoneOffset.UTC));
            assertEquals(3, overview.count(PaperStatus.PROMISED_NO_LINK));
            assertEquals(2, overview.count(PaperStatus.NO_CODE_LINK));
            assertEquals(1, overview.papersWithCodeLinks(), "a promise is not a code link");

            DashboardStore dashboard = new DashboardStore(ds);
            assertEquals(List.of("2501.00001", "2501.00002", "2501.00003"), listed(dashboard, PaperStatus.PROMISED_NO_LINK, false));
            assertEquals(List.of("2501.00001", "2501.00003"), listed(dashboard, null, true), "older than promise_days only");
            assertEquals(PaperStatus.PROMISED_NO_LINK, dashboard.paper("2501.00001").orElseThrow().status());
            assertEquals(PaperStatus.PROMISED_NO_LINK, dashboard.papers(List.of("2501.00003"), false).papers().get(0).status());

            assertEquals(List.of(
                    new BrokenPromise("2501.00001", null, "PROMISED_NO_LINK", NOW.minus(Duration.ofDays(200)), 200),
                    new BrokenPromise("2501.00003", null, "PROMISED_NO_LINK", NOW.minus(Duration.ofDays(120)), 120)),
                    new SignalStore(ds).promisesNotKept(NOW, 90));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void changedTextRecomputesTheFlagAndALinkEndsTheNoLinkStatus(String kind) throws SQLException {
        try (Database db = open(kind)) {
            DataSource ds = db.dataSource();
            ingest(ds, paper("2501.00001", "We propose X. Code will be released.", 200),
                    paper("2501.00002", "We propose Y. Code will be released.", 200));
            ingest(ds, paper("2501.00001", "We propose X. Code will be released. It is at https://github.com/lab/one now.", 200),
                    paper("2501.00002", "We propose Y. It works.", 200));

            assertEquals(Map.of("2501.00001", true, "2501.00002", false), promisedColumn(ds));
            assertEquals(Map.of("2501.00001", "PENDING promised", "2501.00002", "NO_CODE_LINK"), statuses(ds));
            assertEquals(List.of(), new SignalStore(ds).promisesNotKept(NOW, 90));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradingADatabaseFillsTheFlagWithoutAReingest(String kind) throws SQLException {
        String url;
        if (kind.equals("h2")) {
            url = "jdbc:h2:mem:promised-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        } else {
            postgres.recreateDatabase();
            url = postgres.jdbcUrl();
        }
        String user = kind.equals("h2") ? "sa" : "reprotrack";
        org.flywaydb.core.Flyway.configure().dataSource(url, user, "").locations(Database.migrations(kind.equals("h2")))
                .target("13").load().migrate(); // a schema before V15 (V13: the last one before this stream)
        try (Connection c = java.sql.DriverManager.getConnection(url, user, "")) {
            stored(c, "2401.00001", "We propose X. Code will be released.");
            stored(c, "2401.00002", "We propose Y. It works.");
            stored(c, "2401.00003", "We propose Z. The code is at the link below.");
            stored(c, "2401.00004", null);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO repo (id, repo_key, host, path, first_seen) VALUES (9, 'github.com/lab/z', 'GITHUB', 'lab/z', "
                        + "TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00')");
                // a link flagged promised by an older extractor whose sentence today's rules would not flag: kept
                st.execute("INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments) VALUES "
                        + "('2401.00003', 0, 'https://github.com/lab/z', 'code', 'github.com', 9, 'soon there', TRUE, FALSE)");
            }
        }
        try (Database db = Database.open(url, user, "", 2)) {
            assertEquals(Map.of("2401.00001", true, "2401.00002", false, "2401.00003", true, "2401.00004", false),
                    promisedColumn(db.dataSource()));
            assertEquals("PROMISED_NO_LINK promised", statuses(db.dataSource()).get("2401.00001"));
        }
    }

    private static void stored(Connection c, String id, String abstractText) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO paper (id, version, abstract_text, published, source, text_hash, first_seen, last_changed)
                VALUES (?, 1, ?, ?, 'old', 1, ?, ?)""")) {
            st.setString(1, id);
            st.setString(2, abstractText);
            st.setObject(3, Timestamp.of(NOW.minus(Duration.ofDays(400))).value());
            st.setObject(4, Timestamp.of(NOW).value());
            st.setObject(5, Timestamp.of(NOW).value());
            st.executeUpdate();
        }
    }

}
