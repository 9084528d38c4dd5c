package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.testing.PostgresServer;

/** The ring of each repository's newest checks answers like the full history, on H2 and PostgreSQL. */
class RecentChecksTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final RepoRef REF = new RepoRef(CodeHost.GITHUB, "lab/ring");

    private static PostgresServer postgres;
    private final StatusPolicy policy = new StatusPolicy(Duration.ofHours(24), Duration.ofHours(168),
            List.of(Duration.ofHours(1)), Duration.ofHours(720), Duration.ofHours(1));

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Database open(String kind) {
        if (kind.equals("h2")) {
            return TestDatabases.memory();
        }
        postgres.recreateDatabase();
        return Database.open(postgres.jdbcUrl(), "reprotrack", "", 4);
    }

    /** Adds the repository and records {@code n} checks through the audit store; returns its id. */
    private long recordChecks(Database db, int n) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO repo (repo_key, host, path, first_seen) VALUES ('github.com/lab/ring', 'GITHUB', 'lab/ring', ?)")) {
            st.setObject(1, Timestamp.of(T0).value());
            st.executeUpdate();
        }
        AuditStore store = new AuditStore(db.dataSource());
        for (int i = 0; i < n; i++) {
            DueRepo repo = store.select(T0.plus(Duration.ofDays(400)), true, 10, "none").get(0);
            // days 0, 1, 1, 2, 3, 3, ...: every third check shares its time with the one before, so the id decides
            Instant at = T0.plus(Duration.ofDays(i - i / 3));
            CheckResult r = i % 7 == 3
                    ? new CheckResult(REF, at, RepoStatus.NOT_FOUND, 404, "gone " + i, null, null, null, null, null, null)
                    : new CheckResult(REF, at, RepoStatus.OK, 200, "found " + i, null, null, null, 101L, null, null);
            store.record(null, repo, r, policy.apply(repo.state(), repo.movedTo(), r), "none");
        }
        return store.select(T0, true, 10, "none").get(0).id();
    }

    /** The full history's page, the reference the ring must match. */
    private static List<String> historyPage(Connection c, long repoId, int offset, int limit) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT checked_at, status, http_status, detail, moved_to, changed"
                + " FROM check_result WHERE repo_id = ? ORDER BY checked_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            st.setLong(1, repoId);
            st.setInt(2, offset);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HistoryRow(Timestamp.read(rs, 1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6)).toString());
                }
            }
        }
        return rows;
    }

    private static List<String> strings(List<HistoryRow> rows) {
        return rows.stream().map(HistoryRow::toString).toList();
    }

    private static List<String> ring(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT slot_key, check_id, detail FROM check_recent ORDER BY slot_key")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstPagesComeFromTheRingInTheHistorysOrderAndLaterOnesFromTheHistory(String kind) throws SQLException {
        try (Database db = open(kind); Connection c = db.dataSource().getConnection()) {
            long repo = recordChecks(db, 150);
            DashboardStore dashboard = new DashboardStore(db.dataSource());

            assertNotNull(RecentChecks.page(c, repo, 0, 51), "the repository page's first 51 checks are in the ring");
            assertNotNull(RecentChecks.page(c, repo, 13, 51));
            assertNull(RecentChecks.page(c, repo, 50, 51), "the second page reaches past the newest 64");
            for (int offset : new int[] {0, 1, 13, 50, 63, 64, 100, 149, 150}) {
                assertEquals(historyPage(c, repo, offset, 51), strings(dashboard.history(repo, false, offset, 51)), "offset " + offset);
            }
            assertEquals(64, ring(c).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRepositoryWithFewChecksIsAnsweredWholeFromTheRing(String kind) throws SQLException {
        try (Database db = open(kind); Connection c = db.dataSource().getConnection()) {
            long repo = recordChecks(db, 5);

            assertEquals(historyPage(c, repo, 0, 51), strings(RecentChecks.page(c, repo, 0, 51)));
            assertEquals(historyPage(c, repo, 2, 2), strings(RecentChecks.page(c, repo, 2, 2)));
            assertEquals(List.of(), RecentChecks.page(c, repo, 60, 51), "past the last check: an empty page, not the history");
            assertEquals(List.of(), RecentChecks.page(c, repo + 1, 0, 51), "a repository never checked has no checks");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rebuildingFromTheHistoryGivesTheRingItsChecksWrittenOneByOne(String kind) throws SQLException {
        try (Database db = open(kind); Connection c = db.dataSource().getConnection()) {
            recordChecks(db, 100);
            List<String> appended = ring(c);

            RecentChecks.rebuild(c);

            assertEquals(appended, ring(c));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT checks FROM repo")) {
                rs.next();
                assertEquals(100, rs.getLong(1));
            }
        }
    }
}
