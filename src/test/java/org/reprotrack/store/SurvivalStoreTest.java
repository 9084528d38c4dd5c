package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.survival.Subject;

/** The survival observations: confirmed deaths replayed from the changed checks, censoring, left-out links. */
class SurvivalStoreTest extends OnBothDatabases {

    static final String T = "TIMESTAMP WITH TIME ZONE ";

    private static void sql(DataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
            ChangedChecks.rebuild(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double days(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toSeconds() / 86_400.0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLinkDiesAtTheStartOfItsFirstConfirmedStreakAndTheOthersAreCensored(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            sql(db.dataSource(),
                    "INSERT INTO paper (id, published, categories, source, text_hash, first_seen, last_changed) VALUES "
                            + "('2201.00005', " + T + "'2022-01-01 00:00:00+00', 'cs.LG stat.ML', 'x', 1, " + T + "'2026-01-01 00:00:00+00', "
                            + T + "'2026-01-01 00:00:00+00'),"
                            + "('2202.00006', NULL, NULL, 'x', 1, " + T + "'2026-01-01 00:00:00+00', " + T + "'2026-01-01 00:00:00+00')",
                    // delta: failing a day after T0, confirmed a day later, recovered the day after: died once, at the streak's start
                    "INSERT INTO repo (id, repo_key, host, path, first_seen, status, last_checked) VALUES "
                            + "(4, 'github.com/lab/delta', 'GITHUB', 'lab/delta', " + T + "'2026-01-01 00:00:00+00', 'OK', " + T + "'2026-01-13 08:00:00+00'),"
                            + "(5, 'github.com/lab/never', 'GITHUB', 'lab/never', " + T + "'2026-01-01 00:00:00+00', 'PENDING', NULL)",
                    "INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments) VALUES "
                            + "('2201.00005', 0, 'https://github.com/lab/delta', 'code', 'github.com', 4, '', TRUE, FALSE),"
                            + "('2201.00005', 1, 'https://github.com/lab/delta/', 'code', 'github.com', 4, '', TRUE, FALSE),"
                            + "('2201.00005', 2, 'https://github.com/lab/never', 'code', 'github.com', 5, '', FALSE, FALSE),"
                            + "('2202.00006', 0, 'https://github.com/lab/alpha', 'code', 'github.com', 1, '', FALSE, FALSE)",
                    "INSERT INTO check_result (repo_id, checked_at, status, http_status, detail, changed) VALUES "
                            + "(4, " + T + "'2026-01-10 08:00:00+00', 'OK', 200, 'found', TRUE),"
                            + "(4, " + T + "'2026-01-11 08:00:00+00', 'NOT_FOUND', 404, 'gone', TRUE),"
                            + "(4, " + T + "'2026-01-11 20:00:00+00', 'UNKNOWN', NULL, 'timeout', FALSE),"
                            + "(4, " + T + "'2026-01-12 08:00:00+00', 'NOT_FOUND', 404, 'gone', TRUE),"
                            + "(4, " + T + "'2026-01-13 08:00:00+00', 'OK', 200, 'found', TRUE)");

            SurvivalStore.Observations seen = new SurvivalStore(db.dataSource()).observations();

            assertEquals(1, seen.undated(), "2202.00006 has no publication date");
            assertEquals(1, seen.unchecked(), "lab/never has no verdict yet");
            List<Subject> subjects = seen.subjects().stream().sorted(Comparator.comparingDouble(Subject::days)).toList();
            assertEquals(5, subjects.size(), "alpha twice (two papers), beta, gamma, delta once though linked twice");
            Subject delta = subjects.stream().filter(s -> s.year() == 2022 && s.promised()).findFirst().orElseThrow();
            assertTrue(delta.died(), "a confirmed death counts even after the repository came back");
            assertEquals(days("2022-01-01T00:00:00Z", "2026-01-11T08:00:00Z"), delta.days(), 1e-9);
            assertEquals("cs.LG", delta.category(), "the primary category is the first");
            Subject beta = subjects.stream().filter(s -> s.year() == 2021 && s.died()).findFirst().orElseThrow();
            assertEquals(days("2021-02-05T00:00:00Z", "2026-01-12T08:00:00Z"), beta.days(), 1e-9,
                    "dead by its state though the history shows one dead verdict: dated at first_seen_dead");
            Subject oldAlpha = subjects.get(subjects.size() - 1);
            assertEquals(1999, oldAlpha.year());
            assertFalse(oldAlpha.died());
            assertEquals(days("1999-01-05T00:00:00Z", "2026-01-12T08:00:00Z"), oldAlpha.days(), 1e-9, "censored at the last check");
            assertNull(oldAlpha.category());
            assertEquals(2, subjects.stream().filter(Subject::died).count());
        }
    }
}
