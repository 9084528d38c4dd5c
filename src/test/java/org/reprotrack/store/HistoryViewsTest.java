package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * The newest checks kept per repository (V11) and its changed checks (V13) answer like the
 * full history they are kept beside, on H2 and PostgreSQL.
 */
class HistoryViewsTest extends OnBothDatabases {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final RepoRef REF = new RepoRef(CodeHost.GITHUB, "lab/ring");

    private final StatusPolicy policy = new StatusPolicy(Duration.ofHours(24), Duration.ofHours(168),
            List.of(Duration.ofHours(1)), Duration.ofHours(720), Duration.ofHours(1));

    /**
     * Days 0, 1, 1, 2, 3, 3, ...: every third check shares its time with the one before, so the id
     * decides; with nanoseconds, which the store keeps to the microsecond.
     */
    private static Instant checkTime(int i) {
        int day = i - i / 3;
        return T0.plus(Duration.ofDays(day)).plusNanos(day * 1_234_567L);
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
            Instant at = checkTime(i);
            CheckResult r = i % 7 == 3
                    ? new CheckResult(REF, at, RepoStatus.NOT_FOUND, 404, "gone " + i, null, null, null, null, null, null)
                    : i % 11 == 5 // moved, to a new name every other time
                    ? new CheckResult(REF, at, RepoStatus.MOVED, 301, "moved " + i, null, null, "lab/ring-" + (i / 22), 101L, null, null)
                    : new CheckResult(REF, at, RepoStatus.OK, 200, "found " + i, null, null, null, 101L, null, null);
            store.record(null, repo, r, policy.apply(repo.state(), repo.movedTo(), r), "none");
        }
        return store.select(T0, true, 10, "none").get(0).id();
    }

    /** The full history's page, the reference the kept checks must match. */
    private static List<String> historyPage(Connection c, long repoId, int offset, int limit) throws SQLException {
        return historyPage(c, repoId, "", offset, limit);
    }

    private static List<String> historyPage(Connection c, long repoId, String where, int offset, int limit) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT checked_at, status, http_status, detail, moved_to, changed"
                + " FROM check_result WHERE repo_id = ?" + where
                + " ORDER BY checked_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            st.setLong(1, repoId);
            st.setInt(2, offset);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(HistoryRow.read(rs, 1).toString());
                }
            }
        }
        return rows;
    }

    private static List<String> strings(List<HistoryRow> rows) {
        return rows.stream().map(HistoryRow::toString).toList();
    }

    /** check_recent as stored: repository, count and kept checks. */
    private static List<String> ring(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT repo_id, checks, recent FROM check_recent ORDER BY repo_id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstPagesComeFromTheKeptChecksInTheHistorysOrderAndLaterOnesFromTheHistory(String kind) throws SQLException {
        try (Database db = open(kind); Connection c = db.dataSource().getConnection()) {
            long repo = recordChecks(db, 150);
            DashboardStore dashboard = new DashboardStore(db.dataSource());

            assertNotNull(RecentChecks.page(c, repo, 0, 51), "the repository page's first 51 checks are kept together");
            assertNotNull(RecentChecks.page(c, repo, 13, 51));
            assertNull(RecentChecks.page(c, repo, 50, 51), "the second page reaches past the newest 64");
            for (int offset : new int[] {0, 1, 13, 50, 63, 64, 100, 149, 150}) {
                assertEquals(historyPage(c, repo, offset, 51), strings(dashboard.history(repo, false, offset, 51)), "offset " + offset);
            }
            assertEquals(64, RecentChecks.page(c, repo, 0, 64).size());
            assertEquals(63, ring(c).get(0).split("\\],\\[", -1).length - 1, "64 kept, no more");
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
            long repo = recordChecks(db, 100);
            List<String> appended = ring(c);

            RecentChecks.rebuild(c);

            assertEquals(appended, ring(c));
            assertTrue(appended.get(0).startsWith(repo + " 100 [["), appended.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theTimelineAndTheMovesAreTheHistorysChangedChecks(String kind) throws SQLException {
        try (Database db = open(kind); Connection c = db.dataSource().getConnection()) {
            long repo = recordChecks(db, 120);
            DashboardStore dashboard = new DashboardStore(db.dataSource());

            List<String> changes = historyPage(c, repo, " AND changed = TRUE", 0, 1000);
            assertEquals(changes, strings(dashboard.history(repo, true, 0, 1000)));
            assertEquals(historyPage(c, repo, " AND changed = TRUE", 3, 5), strings(dashboard.history(repo, true, 3, 5)));
            assertEquals(List.of("lab/ring-0", "lab/ring-1", "lab/ring-2", "lab/ring-3", "lab/ring-4"),
                    List.copyOf(dashboard.moves(repo).keySet()), "each new name once, oldest first");
            assertEquals(checkTime(5).truncatedTo(ChronoUnit.MICROS), dashboard.moves(repo).get("lab/ring-0"));

            ChangedChecks.rebuild(c);

            assertEquals(changes, strings(dashboard.history(repo, true, 0, 1000)), "rebuilt from the history, the same");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradingADatabaseWithHistoryFillsTheRecentAndChangedChecks(String kind) throws SQLException {
        String url;
        if (kind.equals("h2")) {
            url = "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        } else {
            postgres.recreateDatabase();
            url = postgres.jdbcUrl();
        }
        String user = kind.equals("h2") ? "sa" : "reprotrack";
        org.flywaydb.core.Flyway.configure().dataSource(url, user, "").locations(Database.migrations(kind.equals("h2")))
                .target("10").load().migrate(); // the schema before V11
        try (Connection c = java.sql.DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO repo (id, repo_key, host, path, first_seen) VALUES (7, 'github.com/lab/old', 'GITHUB', 'lab/old', "
                    + "TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
            for (int day = 1; day <= 70; day++) {
                boolean moved = day == 40;
                st.execute("INSERT INTO check_result (repo_id, checked_at, status, http_status, detail, moved_to, changed) VALUES (7, "
                        + "TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + INTERVAL '" + day + "' DAY, '"
                        + (moved ? "MOVED', 301, 'moved', 'lab/new'" : "OK', 200, 'day " + day + "', NULL") + ", " + (day == 1 || moved) + ")");
            }
        }

        try (Database db = Database.open(url, user, "", 2); Connection c = db.dataSource().getConnection()) {
            DashboardStore dashboard = new DashboardStore(db.dataSource());
            assertNotNull(RecentChecks.page(c, 7, 0, 51));
            List<HistoryRow> first = dashboard.history(7, false, 0, 51);
            assertEquals(51, first.size());
            assertEquals("day 70", first.get(0).detail());
            assertEquals(historyPage(c, 7, 0, 51), strings(first));
            assertEquals(historyPage(c, 7, 60, 51), strings(dashboard.history(7, false, 60, 51)), "older pages from the history");
            assertEquals(List.of("MOVED", "OK"), dashboard.history(7, true, 0, 10).stream().map(HistoryRow::status).toList());
            assertEquals(List.of("lab/new"), List.copyOf(dashboard.moves(7).keySet()));
        }
    }
}
