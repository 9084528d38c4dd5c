package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.links.Link;
import org.reprotrack.paper.Paper;

/** Papers and their links: writing a file's papers, listing them, and arXiv enrichment. */
public final class PaperStore {

    private final DataSource dataSource;
    private final Clock clock;

    public PaperStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Starts the transaction of one input file; close the writer to end it. */
    public PaperWriter openWriter(String source, Function<Paper, List<Link>> linker) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new PaperWriter(connection, source, linker, clock);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot start writing " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every paper with its link counts, whether it promises code (with or without a link) and its
     * status, ordered by id, streamed so any number fits in memory.
     */
    public void forEachPaper(Consumer<PaperRow> action) {
        query("""
                SELECT p.id, p.version, p.title, p.authors, p.published,
                       COUNT(CASE WHEN l.kind = 'code' THEN 1 END),
                       COUNT(CASE WHEN l.kind = 'other' THEN 1 END),
                       MAX(CASE WHEN l.kind = 'code' AND l.promised THEN 1 ELSE 0 END),
                       p.source,
                       MAX(CASE WHEN r.status IN ('OK', 'ARCHIVED', 'MOVED') THEN 1 ELSE 0 END),
                       MAX(CASE WHEN r.status IN ('EMPTY', 'PLACEHOLDER')
                                  OR (l.promised AND r.last_alive IS NULL AND r.status IN ('NOT_FOUND', 'BLOCKED', 'REPLACED'))
                                THEN 1 ELSE 0 END),
                       MAX(CASE WHEN r.status IN ('NOT_FOUND', 'BLOCKED', 'REPLACED')
                                 AND NOT (l.promised AND r.last_alive IS NULL) THEN 1 ELSE 0 END),
                       p.promised
                FROM paper p
                LEFT JOIN link l ON l.paper_id = p.id
                LEFT JOIN repo r ON r.id = l.repo_id
                GROUP BY p.id, p.version, p.title, p.authors, p.published, p.source, p.promised
                ORDER BY p.id""", rs -> {
                    // promised: the paper promises code anywhere (V15), with or without a link
                    boolean promised = rs.getBoolean(13) || rs.getInt(8) > 0;
                    action.accept(new PaperRow(
                            rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                            Timestamp.read(rs, 5), rs.getInt(6), rs.getInt(7), promised, rs.getString(9),
                            PaperStatus.of(rs.getInt(6), rs.getInt(10) > 0, rs.getInt(11) > 0, rs.getInt(12) > 0, promised)));
                });
    }

    /** Every link, ordered by paper id then position in the paper. */
    public void forEachLink(Consumer<LinkRow> action) {
        query("""
                SELECT l.paper_id, l.url, l.kind, l.host, r.repo_key, l.promised, l.in_comments, l.context,
                       COALESCE(r.status, w.status, 'PENDING')
                FROM link l LEFT JOIN repo r ON r.id = l.repo_id LEFT JOIN web_page w ON w.id = l.web_page_id
                ORDER BY l.paper_id, l.position""", rs -> action.accept(new LinkRow(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getString(9))));
    }

    /**
     * Ids after {@code afterId} of papers that lack a title (listing text and URL lists carry
     * none), in id order, skipping papers the arXiv API failed to describe {@code maxAttempts} times.
     */
    public List<String> idsToEnrich(String afterId, int limit, int maxAttempts) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT id FROM paper WHERE (title IS NULL OR categories IS NULL) AND enrich_attempts < ? AND id > ?
                     ORDER BY id FETCH FIRST ? ROWS ONLY""")) {
            st.setInt(1, maxAttempts);
            st.setString(2, afterId);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list papers to enrich: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Fills title, authors, categories and dates from the arXiv API. Abstract and comments stay as
     * ingested: they are what the links were extracted from.
     */
    public void applyEnrichment(List<Paper> papers) {
        if (papers.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     UPDATE paper SET title = ?, authors = ?, categories = ?, published = ?, updated = ?,
                            version = COALESCE(version, ?), enriched_at = ?, enrich_attempts = enrich_attempts + 1
                     WHERE id = ?""")) {
            OffsetDateTime now = Timestamp.of(clock.instant()).value();
            for (Paper p : papers) {
                st.setString(1, p.title());
                st.setString(2, p.authors());
                st.setString(3, p.categories());
                st.setObject(4, p.published() == null ? null : OffsetDateTime.ofInstant(p.published(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                st.setObject(5, p.updated() == null ? null : OffsetDateTime.ofInstant(p.updated(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                st.setObject(6, p.version(), Types.INTEGER);
                st.setObject(7, now);
                st.setString(8, p.id());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot save enriched papers: " + e.getMessage(), e);
        }
    }

    /** Counts a failed enrichment attempt, so papers the API does not know stop being asked for. */
    public void recordEnrichAttempt(List<String> ids) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE paper SET enrich_attempts = enrich_attempts + 1 WHERE id = ?")) {
            for (String id : ids) {
                st.setString(1, id);
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot record enrichment attempts: " + e.getMessage(), e);
        }
    }

    private void query(String sql, RowAction action) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets PostgreSQL stream with a fetch size
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        action.accept(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }
}
