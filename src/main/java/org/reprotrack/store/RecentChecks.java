package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The newest {@value #SLOTS} checks of each repository, kept together in {@code check_recent}
 * (V11) so a repository page reads one key range instead of one history page per check. Written
 * with every check in the check's own transaction; {@code check_result} stays the full history
 * and answers whatever lies beyond the ring.
 */
public final class RecentChecks {

    /** Checks kept per repository: a repository page (50) plus its "more" probe fit. */
    static final int SLOTS = 64;

    private static final String COLUMNS = "checked_at, status, http_status, detail, moved_to, changed";

    private RecentChecks() {
    }

    /** Counts a new check of {@code repoId} (already in check_result as {@code checkId}) and puts it in its slot. */
    static void append(Connection c, long repoId, long checkId, HistoryRow row) throws SQLException {
        long number;
        try (PreparedStatement up = c.prepareStatement("UPDATE repo SET checks = checks + 1 WHERE id = ?");
             PreparedStatement get = c.prepareStatement("SELECT checks FROM repo WHERE id = ?")) {
            up.setLong(1, repoId);
            up.executeUpdate();
            get.setLong(1, repoId);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                number = rs.getLong(1) - 1; // the row is ours until commit, so no other check takes this number
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE check_recent SET check_id = ?, checked_at = ?, status = ?, http_status = ?, detail = ?, moved_to = ?, changed = ?"
                        + " WHERE slot_key = ?")) {
            bind(update, checkId, row);
            update.setLong(8, slotKey(repoId, number));
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO check_recent (check_id, " + COLUMNS + ", slot_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, checkId, row);
            insert.setLong(8, slotKey(repoId, number));
            insert.executeUpdate();
        }
    }

    /**
     * A page of a repository's checks, newest first, when the ring holds all of it; null when the
     * page reaches past the ring into older history.
     */
    static @Nullable List<HistoryRow> page(Connection c, long repoId, int offset, int limit) throws SQLException {
        long checks;
        try (PreparedStatement st = c.prepareStatement("SELECT checks FROM repo WHERE id = ?")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                checks = rs.next() ? rs.getLong(1) : 0;
            }
        }
        if (checks > SLOTS && (long) offset + limit > SLOTS) {
            return null;
        }
        record Held(long checkId, HistoryRow row) {
        }
        List<Held> held = new ArrayList<>(SLOTS);
        try (PreparedStatement st = c.prepareStatement(
                "SELECT check_id, " + COLUMNS + " FROM check_recent WHERE slot_key BETWEEN ? AND ?")) {
            st.setLong(1, slotKey(repoId, 0));
            st.setLong(2, slotKey(repoId, SLOTS - 1));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getLong(1), new HistoryRow(Timestamp.read(rs, 2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getBoolean(7))));
                }
            }
        }
        held.sort(Comparator.comparing((Held h) -> h.row().checkedAt()).thenComparingLong(Held::checkId).reversed());
        return held.subList(Math.min(offset, held.size()), Math.min(offset + limit, held.size())).stream().map(Held::row).toList();
    }

    /**
     * Refills the ring and the counts from check_result: for V12 on a database that has history,
     * and for generated benchmark data. Reads each repository's newest checks through the history
     * index, so memory does not grow with the history.
     */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM check_recent");
            st.executeUpdate("UPDATE repo SET checks = 0");
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT repo_id, COUNT(*) FROM check_result GROUP BY repo_id")) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        try (PreparedStatement newest = c.prepareStatement("SELECT id, " + COLUMNS + " FROM check_result WHERE repo_id = ?"
                        // in the order of the V10 index, so H2 reads its range instead of sorting
                        + " ORDER BY repo_id DESC, checked_at DESC, id DESC FETCH FIRST " + SLOTS + " ROWS ONLY");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO check_recent (check_id, " + COLUMNS + ", slot_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement count = c.prepareStatement("UPDATE repo SET checks = ? WHERE id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                long repoId = e.getKey();
                long number = e.getValue();
                newest.setLong(1, repoId);
                try (ResultSet rs = newest.executeQuery()) {
                    while (rs.next()) {
                        number--;
                        bind(insert, rs.getLong(1), new HistoryRow(Timestamp.read(rs, 2), rs.getString(3),
                                (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                        insert.setLong(8, slotKey(repoId, number));
                        insert.addBatch();
                    }
                }
                count.setLong(1, e.getValue());
                count.setLong(2, repoId);
                count.addBatch();
                if (++pending % 500 == 0) {
                    insert.executeBatch();
                    count.executeBatch();
                }
            }
            insert.executeBatch();
            count.executeBatch();
        }
    }

    private static long slotKey(long repoId, long number) {
        return repoId * SLOTS + Math.floorMod(number, SLOTS);
    }

    private static void bind(PreparedStatement st, long checkId, HistoryRow row) throws SQLException {
        st.setLong(1, checkId);
        st.setObject(2, Timestamp.of(row.checkedAt()).value());
        st.setString(3, row.status());
        st.setObject(4, row.httpStatus(), Types.INTEGER);
        st.setString(5, row.detail());
        st.setString(6, row.movedTo());
        st.setBoolean(7, row.changed());
    }
}
