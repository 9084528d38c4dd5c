package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The queries of dead-link reports: their rows, what earlier reports held, and cached archive answers. */
public final class ReportStore {

    /** Statuses a report lists: confirmed dead, not yet confirmed, and no code. */
    private static final String REPORTED = "'NOT_FOUND', 'BLOCKED', 'REPLACED', 'FAILING', 'EMPTY', 'PLACEHOLDER'";

    private final DataSource dataSource;

    public ReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Repositories stuck without a verdict, every one (the report's own section). */
    public List<StuckRepoStore.StuckRepo> withoutVerdict() {
        return new StuckRepoStore(dataSource).list(Integer.MAX_VALUE);
    }

    /** Every code link whose repository is dead, failing, empty or a placeholder, by paper then position. */
    public List<DeadLinkRow> deadLinks() {
        List<DeadLinkRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(LINKS + " AND r.status IN (" + REPORTED + ") ORDER BY l.paper_id, l.position")) {
            st.setFetchSize(1000);
            readLinks(st, rows);
        } catch (SQLException e) {
            throw new StoreException("cannot list dead links: " + e.getMessage(), e);
        }
        return rows;
    }

    /** The code links to these repositories, whatever their status, by paper then position. */
    public List<DeadLinkRow> codeLinksTo(Collection<String> repoKeys) {
        List<DeadLinkRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(LINKS + " AND r.repo_key = ? ORDER BY l.paper_id, l.position")) {
            for (String key : new java.util.TreeSet<>(repoKeys)) {
                st.setString(1, key);
                readLinks(st, rows);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list links to repositories: " + e.getMessage(), e);
        }
        rows.sort(java.util.Comparator.comparing(DeadLinkRow::paperId).thenComparingInt(DeadLinkRow::position));
        return rows;
    }

    private static final String LINKS = """
            SELECT l.paper_id, l.position, p.title, l.url, l.promised, r.repo_key, r.host, r.path, r.status,
                   r.status_since, r.http_status, r.block_reason, r.moved_to, r.detail, r.first_seen_dead,
                   r.last_alive, r.stars, r.pushed_at
            FROM link l
            JOIN paper p ON p.id = l.paper_id
            JOIN repo r ON r.id = l.repo_id
            WHERE l.kind = 'code'""";

    private static void readLinks(PreparedStatement st, List<DeadLinkRow> rows) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new DeadLinkRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        Timestamp.read(rs, 10), (Integer) rs.getObject(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), Timestamp.read(rs, 15), Timestamp.read(rs, 16), (Integer) rs.getObject(17),
                        Timestamp.read(rs, 18)));
            }
        }
    }

    /** The current status of each of these repositories (keys not found are left out). */
    public Map<String, String> statuses(Collection<String> repoKeys) {
        Map<String, String> statuses = new TreeMap<>();
        if (repoKeys.isEmpty()) {
            return statuses;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT status FROM repo WHERE repo_key = ?")) {
            for (String key : repoKeys) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        statuses.put(key, rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read repository statuses: " + e.getMessage(), e);
        }
        return statuses;
    }

    /** The titles of these papers by id; a paper without a title (or unknown) is left out. */
    public Map<String, String> paperTitles(Collection<String> paperIds) {
        Map<String, String> titles = new TreeMap<>();
        if (paperIds.isEmpty()) {
            return titles;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT title FROM paper WHERE id = ?")) {
            for (String id : new java.util.TreeSet<>(paperIds)) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        titles.put(id, rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read paper titles: " + e.getMessage(), e);
        }
        return titles;
    }

    /** The most recent report, with what it held; empty before the first one. */
    public Optional<PreviousReport> lastReport() {
        try (Connection c = dataSource.getConnection()) {
            long id;
            Instant at;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, generated_at FROM report_run ORDER BY generated_at DESC, id DESC FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                at = Timestamp.read(rs, 2);
            }
            Map<String, String> statuses = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT repo_key, status FROM report_entry WHERE report_run_id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Optional.of(new PreviousReport(id, at, statuses));
        } catch (SQLException e) {
            throw new StoreException("cannot read the last report: " + e.getMessage(), e);
        }
    }

    /**
     * Records a written report and the unfiltered set it compared, in one transaction.
     *
     * @param entries status by repository key of every dead or never-released repository
     * @return the report's id
     */
    public long recordReport(Instant generatedAt, @Nullable Instant since, @Nullable String statusFilter,
            List<String> formats, int rowsWritten, Map<String, String> entries) {
        return Tx.run(dataSource, "record the report", c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO report_run (generated_at, since, status_filter, formats, rows_written)
                    VALUES (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                st.setObject(1, Timestamp.of(generatedAt).value());
                st.setObject(2, since == null ? null : Timestamp.of(since).value());
                st.setString(3, statusFilter);
                st.setString(4, String.join(",", formats));
                st.setInt(5, rowsWritten);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO report_entry (report_run_id, repo_key, status) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                    st.setLong(1, id);
                    st.setString(2, e.getKey());
                    st.setString(3, e.getValue());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return id;
        });
    }

    /** The cached answer of an archive about an origin URL, however old. */
    public Optional<ArchiveAnswer> cachedArchive(String archive, String originUrl) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT fetched_at, archived, captured_at, copy_url FROM archive_lookup
                     WHERE archive = ? AND origin_url = ?""")) {
            st.setString(1, archive);
            st.setString(2, originUrl);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ArchiveAnswer(archive, originUrl, Timestamp.read(rs, 1), rs.getBoolean(2),
                        Timestamp.read(rs, 3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the archive cache: " + e.getMessage(), e);
        }
    }

    /** Keeps an archive's answer, replacing an older one (delete then insert: portable, unlike upserts). */
    public void cacheArchive(ArchiveAnswer answer) {
        Tx.run(dataSource, "cache the answer of " + answer.archive(), c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM archive_lookup WHERE archive = ? AND origin_url = ?")) {
                st.setString(1, answer.archive());
                st.setString(2, answer.originUrl());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO archive_lookup (archive, origin_url, fetched_at, archived, captured_at, copy_url)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                st.setString(1, answer.archive());
                st.setString(2, answer.originUrl());
                st.setObject(3, Timestamp.of(answer.fetchedAt()).value());
                st.setBoolean(4, answer.archived());
                st.setObject(5, answer.capturedAt() == null ? null : Timestamp.of(answer.capturedAt()).value());
                if (answer.copyUrl() == null) {
                    st.setNull(6, Types.VARCHAR);
                } else {
                    st.setString(6, answer.copyUrl());
                }
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Software Heritage's answers about live repositories: the vulnerable ones (issue 16). */
    public ArchiveStore archives() {
        return new ArchiveStore(dataSource);
    }
}
