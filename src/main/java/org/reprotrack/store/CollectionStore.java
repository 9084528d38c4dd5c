package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Collections and their members (V18). Members are arXiv ids without a foreign key to
 * {@code paper}: a collection may name papers not ingested yet.
 */
public final class CollectionStore {

    private static final int BATCH = 1000;
    private static final String ROW = """
            SELECT c.id, c.name, (SELECT COUNT(*) FROM collection_paper cp WHERE cp.collection_id = c.id),
                   (SELECT COUNT(*) FROM collection_paper cp JOIN paper p ON p.id = cp.paper_id WHERE cp.collection_id = c.id),
                   c.priority, c.source, c.created_at, c.updated_at FROM collection c""";

    private final DataSource dataSource;

    public CollectionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What {@link #add} did. */
    public record Added(long collectionId, boolean created, int added, int alreadyThere, int removed) {
    }

    /**
     * Adds papers to a collection, creating it when new, in one transaction.
     *
     * @param replace the collection holds exactly {@code paperIds} afterwards (members not listed are removed)
     */
    public Added add(String name, String source, Collection<String> paperIds, boolean replace, Instant now) {
        return Tx.run(dataSource, "fill collection " + name, c -> {
            Long id = idOf(c, name);
            boolean created = id == null;
            if (created) {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO collection (name, source, priority, created_at, updated_at) VALUES (?, ?, FALSE, ?, ?)",
                        new String[] {"id"})) {
                    st.setString(1, name);
                    st.setString(2, clip(source, 1000));
                    st.setObject(3, Timestamp.of(now).value());
                    st.setObject(4, Timestamp.of(now).value());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement st = c.prepareStatement("UPDATE collection SET source = ?, updated_at = ? WHERE id = ?")) {
                    st.setString(1, clip(source, 1000));
                    st.setObject(2, Timestamp.of(now).value());
                    st.setLong(3, id);
                    st.executeUpdate();
                }
            }
            Set<String> existing = created ? Set.of() : members(c, id);
            Set<String> wanted = new LinkedHashSet<>(paperIds);
            int removed = 0;
            if (replace) {
                List<String> gone = existing.stream().filter(p -> !wanted.contains(p)).toList();
                try (PreparedStatement st = c.prepareStatement("DELETE FROM collection_paper WHERE collection_id = ? AND paper_id = ?")) {
                    for (String p : gone) {
                        st.setLong(1, id);
                        st.setString(2, p);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                removed = gone.size();
            }
            int added = 0;
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO collection_paper (collection_id, paper_id, added_at) VALUES (?, ?, ?)")) {
                int pending = 0;
                for (String p : wanted) {
                    if (existing.contains(p)) {
                        continue;
                    }
                    st.setLong(1, id);
                    st.setString(2, p);
                    st.setObject(3, Timestamp.of(now).value());
                    st.addBatch();
                    added++;
                    if (++pending == BATCH) {
                        st.executeBatch();
                        pending = 0;
                    }
                }
                st.executeBatch();
            }
            return new Added(id, created, added, wanted.size() - added, removed);
        });
    }

    /** All collections by name. */
    public List<CollectionRow> list() {
        return Tx.run(dataSource, "list collections", c -> {
            List<CollectionRow> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(ROW + " ORDER BY c.name"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    public Optional<CollectionRow> find(String name) {
        return Tx.run(dataSource, "read collection " + name, c -> {
            try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Removes a collection and its membership (never the papers); false when there is none by that name. */
    public boolean remove(String name) {
        return Tx.run(dataSource, "remove collection " + name, c -> {
            Long id = idOf(c, name);
            if (id == null) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM collection_paper WHERE collection_id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM collection WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            return true;
        });
    }

    /** Gives a collection's repositories priority in audit planning, or takes it away; false when there is no such collection. */
    public boolean setPriority(String name, boolean priority) {
        return Tx.run(dataSource, "set the priority of collection " + name, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE collection SET priority = ? WHERE name = ?")) {
                st.setBoolean(1, priority);
                st.setString(2, name);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** The member ids of a collection. */
    public Set<String> paperIds(long collectionId) {
        return Tx.run(dataSource, "read the papers of collection " + collectionId, c -> members(c, collectionId));
    }

    /** Which of the given ids are papers the store has ingested. */
    public Set<String> tracked(Collection<String> paperIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(paperIds));
        Set<String> found = new HashSet<>();
        Tx.run(dataSource, "look papers up", c -> {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
                try (PreparedStatement st = c.prepareStatement("SELECT id FROM paper WHERE id IN ("
                        + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        st.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return null;
        });
        return found;
    }

    /** The papers of a collection by listed status, and its repositories by status: its overview's figures. */
    public record Overview(java.util.Map<org.reprotrack.check.PaperStatus, Integer> papers, java.util.Map<String, Integer> repos,
            int members, int tracked) {
    }

    public Overview overview(long collectionId) {
        return Tx.run(dataSource, "compute the overview of collection " + collectionId, c -> {
            java.util.Map<org.reprotrack.check.PaperStatus, Integer> papers = new java.util.EnumMap<>(org.reprotrack.check.PaperStatus.class);
            int tracked = 0;
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT pl.code_status, COUNT(*) FROM collection_paper cp JOIN paper_listing pl ON pl.paper_id = cp.paper_id
                    WHERE cp.collection_id = ? GROUP BY pl.code_status""")) {
                st.setLong(1, collectionId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        papers.put(org.reprotrack.check.PaperStatus.valueOf(rs.getString(1)), rs.getInt(2));
                        tracked += rs.getInt(2);
                    }
                }
            }
            java.util.Map<String, Integer> repos = new java.util.TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT r.status, COUNT(*) FROM repo r WHERE r.id IN (SELECT l.repo_id FROM collection_paper cp
                    JOIN link l ON l.paper_id = cp.paper_id WHERE cp.collection_id = ? AND l.repo_id IS NOT NULL) GROUP BY r.status""")) {
                st.setLong(1, collectionId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        repos.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            int members;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM collection_paper WHERE collection_id = ?")) {
                st.setLong(1, collectionId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    members = rs.getInt(1);
                }
            }
            return new Overview(papers, repos, members, tracked);
        });
    }

    /**
     * The ids of every paper the dashboard's list shows for a filter (status, year, host, score,
     * placeholder, promise not kept; no text search), from the listing of the last refresh.
     */
    public List<String> matching(PaperQuery q) {
        if (q.search() != null) {
            throw new IllegalArgumentException("a collection cannot be made from a text search (q); use the other filters");
        }
        StringBuilder sql = new StringBuilder("SELECT f.paper_id FROM paper_facet f");
        boolean signals = q.minScore() != null || q.placeholder() || q.promiseCutoff() != null;
        if (signals) {
            sql.append(" JOIN paper_listing pl ON pl.paper_id = f.paper_id");
        }
        sql.append(" WHERE f.facet = ?");
        List<Object> args = new ArrayList<>();
        args.add(Facets.key(q.status(), q.year(), q.host()));
        if (q.minScore() != null) {
            sql.append(" AND pl.best_score >= ?");
            args.add(q.minScore());
        }
        if (q.placeholder()) {
            sql.append(" AND pl.placeholder = TRUE");
        }
        if (q.promiseCutoff() != null) {
            sql.append(" AND pl.promise_open = TRUE AND f.published < ?");
            args.add(Timestamp.of(q.promiseCutoff()).value());
        }
        sql.append(" ORDER BY f.paper_id");
        return Tx.run(dataSource, "list the papers of a filter", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                st.setFetchSize(BATCH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** True when some collection has audit priority (the planner then orders by it). */
    public static boolean anyPriority(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM collection WHERE priority = TRUE FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    /** SQL that is 0 for a repository (alias {@code repo}) linked by a paper of a priority collection, else 1. */
    static final String PRIORITY_RANK = """
            CASE WHEN EXISTS (SELECT 1 FROM link pl JOIN collection_paper pcp ON pcp.paper_id = pl.paper_id
                              JOIN collection pc ON pc.id = pcp.collection_id
                              WHERE pl.repo_id = repo.id AND pc.priority = TRUE) THEN 0 ELSE 1 END""";

    private static Set<String> members(Connection c, long id) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT paper_id FROM collection_paper WHERE collection_id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static @Nullable Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM collection WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static CollectionRow row(ResultSet rs) throws SQLException {
        return new CollectionRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                Timestamp.read(rs, 7), Timestamp.read(rs, 8));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
