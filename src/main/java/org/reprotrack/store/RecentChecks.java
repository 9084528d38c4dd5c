package org.reprotrack.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The newest {@value #KEPT} checks of each repository, kept together in one row of
 * {@code check_recent} (V11) so a repository page reads one row instead of one history page per
 * check. Rewritten with every check in the check's own transaction; {@code check_result} stays the
 * full history and answers whatever lies beyond.
 */
public final class RecentChecks {

    /** Checks kept per repository: a repository page (50) plus its "more" probe fit. */
    static final int KEPT = 64;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing((Entry e) -> e.row().checkedAt()).thenComparingLong(Entry::checkId).reversed();

    /** A kept check: its history row and its id in check_result, which orders checks made at the same instant. */
    private record Entry(long checkId, HistoryRow row) {
    }

    private RecentChecks() {
    }

    /** Adds a new check of {@code repoId} (already in check_result as {@code checkId}). */
    static void append(Connection c, long repoId, long checkId, HistoryRow row) throws SQLException {
        long checks = 0;
        List<Entry> entries = new ArrayList<>(KEPT + 1);
        try (PreparedStatement read = c.prepareStatement("SELECT checks, recent FROM check_recent WHERE repo_id = ? FOR UPDATE")) {
            read.setLong(1, repoId);
            try (ResultSet rs = read.executeQuery()) { // locked until the check's transaction ends
                if (rs.next()) {
                    checks = rs.getLong(1);
                    entries.addAll(decode(rs.getString(2)));
                }
            }
        }
        entries.add(new Entry(checkId, asStored(row)));
        entries.sort(NEWEST_FIRST);
        write(c, checks == 0 ? "INSERT INTO check_recent (recent, checks, repo_id) VALUES (?, ?, ?)"
                : "UPDATE check_recent SET recent = ?, checks = ? WHERE repo_id = ?",
                repoId, checks + 1, entries.subList(0, Math.min(KEPT, entries.size())));
    }

    /**
     * A page of a repository's checks, newest first, when the kept checks hold all of it; null
     * when the page reaches past them into older history.
     */
    static @Nullable List<HistoryRow> page(Connection c, long repoId, int offset, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT checks, recent FROM check_recent WHERE repo_id = ?")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return List.of(); // never checked
                }
                if (rs.getLong(1) > KEPT && (long) offset + limit > KEPT) {
                    return null;
                }
                List<Entry> entries = decode(rs.getString(2));
                return entries.subList(Math.min(offset, entries.size()), Math.min(offset + limit, entries.size())).stream()
                        .map(Entry::row).toList();
            }
        }
    }

    /**
     * Refills check_recent from check_result: for V12 on a database that has history, and for
     * generated benchmark data. Reads each repository's newest checks through the history index,
     * so memory does not grow with the history.
     */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM check_recent");
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT repo_id, COUNT(*) FROM check_result GROUP BY repo_id")) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        try (PreparedStatement newest = c.prepareStatement(
                "SELECT id, " + HistoryRow.COLUMNS + " FROM check_result WHERE repo_id = ?"
                        // in the order of the V10 index, so H2 reads its range instead of sorting
                        + " ORDER BY repo_id DESC, checked_at DESC, id DESC FETCH FIRST " + KEPT + " ROWS ONLY");
             PreparedStatement insert = c.prepareStatement("INSERT INTO check_recent (recent, checks, repo_id) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<Long, Long> count : counts.entrySet()) {
                newest.setLong(1, count.getKey());
                List<Entry> entries = new ArrayList<>(KEPT);
                try (ResultSet rs = newest.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), HistoryRow.read(rs, 2)));
                    }
                }
                bind(insert, count.getKey(), count.getValue(), entries);
                insert.addBatch();
                if (++pending % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The row as check_result holds it: times to the microsecond ({@link Timestamp}). */
    private static HistoryRow asStored(HistoryRow r) {
        return new HistoryRow(r.checkedAt().truncatedTo(ChronoUnit.MICROS), r.status(), r.httpStatus(), r.detail(), r.movedTo(),
                r.changed());
    }

    private static void write(Connection c, String sql, long repoId, long checks, List<Entry> entries) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, repoId, checks, entries);
            st.executeUpdate();
        }
    }

    private static void bind(PreparedStatement st, long repoId, long checks, List<Entry> entries) throws SQLException {
        st.setString(1, encode(entries));
        st.setLong(2, checks);
        st.setLong(3, repoId);
    }

    private static String encode(List<Entry> entries) {
        ArrayNode all = JSON.createArrayNode();
        for (Entry e : entries) {
            HistoryRow r = e.row();
            all.addArray().add(e.checkId()).add(ChronoUnit.MICROS.between(Instant.EPOCH, r.checkedAt())).add(r.status()).add(r.httpStatus()).add(r.detail())
                    .add(r.movedTo()).add(r.changed());
        }
        return all.toString();
    }

    private static List<Entry> decode(String json) throws SQLException {
        JsonNode all;
        try {
            all = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("check_recent holds text that is not its JSON: " + e.getOriginalMessage(), e);
        }
        List<Entry> entries = new ArrayList<>(all.size());
        for (JsonNode e : all) {
            entries.add(new Entry(e.get(0).asLong(), new HistoryRow(Instant.EPOCH.plus(e.get(1).asLong(), ChronoUnit.MICROS), e.get(2).asText(),
                    e.get(3).isNull() ? null : e.get(3).asInt(), e.get(4).asText(), e.get(5).isNull() ? null : e.get(5).asText(),
                    e.get(6).asBoolean())));
        }
        return entries;
    }
}
