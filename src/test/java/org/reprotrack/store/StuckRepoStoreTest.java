package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * Issue 12: a repository answered 3 times in a row without a verdict is listed with its last
 * reason, keeps its status, and leaves the list at its next verdict; on H2 and PostgreSQL alike,
 * with the count kept by {@link AuditStore#record} and filled from the history by V14.
 */
class StuckRepoStoreTest extends OnBothDatabases {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final String FP = "1111111111111111";
    private static final StatusPolicy POLICY = new StatusPolicy(Duration.ofHours(24), Duration.ofHours(168),
            List.of(Duration.ofHours(1)), Duration.ofHours(720), Duration.ofHours(1));

    private static void repo(Connection c, String path) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO repo (repo_key, host, path, first_seen) VALUES (?, 'GITHUB', ?, ?)")) {
            st.setString(1, "github.com/" + path.toLowerCase(java.util.Locale.ROOT));
            st.setString(2, path);
            st.setObject(3, Timestamp.of(T0).value());
            st.executeUpdate();
        }
    }

    private static void record(AuditStore store, String path, RepoStatus status, Instant at, String detail) {
        DueRepo due = store.select(at.plus(Duration.ofDays(400)), true, 100, FP).stream()
                .filter(r -> r.known().ref().path().equals(path)).findFirst().orElseThrow();
        RepoRef ref = new RepoRef(CodeHost.GITHUB, path);
        CheckResult r = status == RepoStatus.UNKNOWN ? CheckResult.unknown(ref, at, 502, detail)
                : new CheckResult(ref, at, status, 200, detail, null, null, null, 7L, null, null);
        store.record(null, due, r, POLICY.apply(due.state(), due.movedTo(), r), FP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void threeChecksInARowWithoutAVerdictListTheRepositoryWithItsLastReasonUntilAVerdict(String kind) throws Exception {
        try (Database db = open(kind)) {
            try (Connection c = db.dataSource().getConnection()) {
                repo(c, "Lab/Stuck");
                repo(c, "lab/twice");
                repo(c, "lab/fine");
            }
            AuditStore audits = new AuditStore(db.dataSource());
            StuckRepoStore stuck = new StuckRepoStore(db.dataSource());
            for (int i = 0; i < 3; i++) {
                record(audits, "Lab/Stuck", RepoStatus.UNKNOWN, T0.plus(Duration.ofHours(i)), "HTTP 502 #" + i);
            }
            record(audits, "lab/twice", RepoStatus.UNKNOWN, T0, "read timeout");
            record(audits, "lab/twice", RepoStatus.UNKNOWN, T0.plusSeconds(60), "read timeout");
            record(audits, "lab/fine", RepoStatus.UNKNOWN, T0, "read timeout");
            record(audits, "lab/fine", RepoStatus.UNKNOWN, T0.plusSeconds(60), "read timeout");
            record(audits, "lab/fine", RepoStatus.OK, T0.plusSeconds(120), "found");
            record(audits, "lab/fine", RepoStatus.UNKNOWN, T0.plusSeconds(180), "read timeout");

            List<StuckRepoStore.StuckRepo> listed = stuck.list(10);
            assertEquals(1, stuck.count());
            assertEquals(1, listed.size(), listed.toString());
            StuckRepoStore.StuckRepo s = listed.get(0);
            assertEquals("github.com/lab/stuck", s.key());
            assertEquals("https://github.com/Lab/Stuck", s.url());
            assertEquals("PENDING", s.status(), "checks without a verdict never make one");
            assertEquals(3, s.checks());
            assertEquals(T0, s.since());
            assertEquals(T0.plus(Duration.ofHours(2)), s.lastChecked());
            assertEquals("HTTP 502 #2", s.reason());

            record(audits, "Lab/Stuck", RepoStatus.UNKNOWN, T0.plus(Duration.ofHours(3)), "HTTP 502 #3");
            assertEquals(4, stuck.list(10).get(0).checks());
            record(audits, "Lab/Stuck", RepoStatus.BLOCKED, T0.plus(Duration.ofHours(4)), "Repository access blocked");
            assertEquals(0, stuck.count(), "a verdict ends the row of checks without one");
            assertEquals(List.of(), stuck.list(10));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void migrationCountsTheChecksWithoutAVerdictSinceTheLastVerdictFromTheHistory(String kind) throws Exception {
        try (Database db = open(kind)) {
            boolean h2 = db.isH2();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                // back to V13: the columns did not exist, the history did
                st.execute("DROP INDEX repo_unknown_checks");
                st.execute("ALTER TABLE repo DROP COLUMN unknown_since");
                st.execute("ALTER TABLE repo DROP COLUMN unknown_checks");
                st.execute(h2 ? "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '14'"
                        : "DELETE FROM flyway_schema_history WHERE version = '14'");
                repo(c, "lab/old-stuck");
                repo(c, "lab/recovered");
                repo(c, "lab/never");
                check(c, 1, T0, "OK");
                check(c, 1, T0.plusSeconds(10), "UNKNOWN");
                check(c, 1, T0.plusSeconds(20), "UNKNOWN");
                check(c, 1, T0.plusSeconds(30), "UNKNOWN");
                check(c, 2, T0, "UNKNOWN");
                check(c, 2, T0.plusSeconds(10), "UNKNOWN");
                check(c, 2, T0.plusSeconds(20), "UNKNOWN");
                check(c, 2, T0.plusSeconds(30), "NOT_FOUND");
            }
            // V14 again, after the later migrations this database already has
            Flyway.configure().dataSource(db.dataSource()).locations(Database.migrations(h2)).outOfOrder(true).load().migrate();

            try (Connection c = db.dataSource().getConnection()) {
                List<List<Object>> rows = rows(c);
                assertEquals(3, rows.size(), rows.toString());
                assertEquals(List.of("github.com/lab/old-stuck", 3), rows.get(0).subList(0, 2));
                assertEquals(T0.plusSeconds(10), ((java.time.OffsetDateTime) rows.get(0).get(2)).toInstant());
                assertEquals(List.of("github.com/lab/recovered", 0), rows.get(1).subList(0, 2));
                assertEquals(null, rows.get(1).get(2));
                assertEquals(List.of("github.com/lab/never", 0), rows.get(2).subList(0, 2));
            }
            assertEquals(List.of("github.com/lab/old-stuck"),
                    new StuckRepoStore(db.dataSource()).list(10).stream().map(StuckRepoStore.StuckRepo::key).toList());
        }
    }

    private static void check(Connection c, long repoId, Instant at, String status) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO check_result (repo_id, checked_at, status, detail, changed)"
                + " VALUES (?, ?, ?, 'x', FALSE)")) {
            st.setLong(1, repoId);
            st.setObject(2, Timestamp.of(at).value());
            st.setString(3, status);
            st.executeUpdate();
        }
    }

    private static List<List<Object>> rows(Connection c) throws SQLException {
        List<List<Object>> out = new java.util.ArrayList<>();
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT repo_key, unknown_checks, unknown_since FROM repo ORDER BY id")) {
            while (rs.next()) {
                out.add(java.util.Arrays.asList(rs.getString(1), rs.getInt(2), rs.getObject(3, java.time.OffsetDateTime.class)));
            }
        }
        return out;
    }
}
