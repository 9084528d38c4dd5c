package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that changed a repository's shown status or name, in {@code check_change} (V13):
 * what a repository's timeline and moves are drawn from, without reading the whole history.
 * Written with the check, in its transaction.
 */
final class ChangedChecks {

    private static final String COLUMNS = "check_id, repo_id, checked_at, status, http_status, detail, moved_to";

    private ChangedChecks() {
    }

    /** Keeps the check if it changed the repository's status or name. */
    static void append(Connection c, long repoId, long checkId, HistoryRow row) throws SQLException {
        if (!row.changed()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO check_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, checkId);
            st.setLong(2, repoId);
            st.setObject(3, Timestamp.of(row.checkedAt()).value());
            st.setString(4, row.status());
            st.setObject(5, row.httpStatus(), Types.INTEGER);
            st.setString(6, row.detail());
            st.setString(7, row.movedTo());
            st.executeUpdate();
        }
    }

    /** A repository's changes, newest first. */
    static List<HistoryRow> page(Connection c, long repoId, int offset, int limit) throws SQLException {
        // the leading constant column makes H2 read the index (V13) in its order instead of sorting
        return HistoryRow.page(c, """
                SELECT checked_at, status, http_status, detail, moved_to, TRUE AS changed FROM check_change WHERE repo_id = ?
                ORDER BY repo_id DESC, checked_at DESC, check_id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""", repoId, offset, limit);
    }

    /** The names a repository was seen moved to, oldest first, with when each was first seen. */
    static Map<String, Instant> moves(Connection c, long repoId) throws SQLException {
        List<Map.Entry<String, Instant>> newestFirst = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT moved_to, checked_at FROM check_change WHERE repo_id = ? AND moved_to IS NOT NULL
                ORDER BY repo_id DESC, checked_at DESC, check_id DESC""")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    newestFirst.add(Map.entry(rs.getString(1), Timestamp.read(rs, 2)));
                }
            }
        }
        Map<String, Instant> moves = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            moves.putIfAbsent(newestFirst.get(i).getKey(), newestFirst.get(i).getValue());
        }
        return moves;
    }

    /** Refills the table from check_result, for generated benchmark data and test fixtures written as raw rows. */
    static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM check_change");
            st.executeUpdate("INSERT INTO check_change (" + COLUMNS + ") SELECT id, repo_id, checked_at, status, http_status, detail,"
                    + " moved_to FROM check_result WHERE changed = TRUE");
        }
    }
}
