package org.reprotrack.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.PaperStatus;

/**
 * The dashboard's reads: pages of papers filtered and ordered in SQL, one paper, one repository
 * with its history, audit runs. Every list is bounded by LIMIT; nothing here reads a whole table.
 */
public final class DashboardStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LINK_COLUMNS = """
            l.paper_id, l.url, l.kind, l.host, r.repo_key, COALESCE(r.status, w.status, 'PENDING'),
            COALESCE(r.http_status, w.http_status), COALESCE(r.detail, w.detail), r.moved_to, r.block_reason,
            COALESCE(r.last_checked, w.last_checked), COALESCE(r.status_since, w.status_since),
            l.promised, l.in_comments, l.context, COALESCE(r.last_alive, w.last_alive)
            FROM link l LEFT JOIN repo r ON r.id = l.repo_id LEFT JOIN web_page w ON w.id = l.web_page_id""";

    private final DataSource dataSource;

    public DashboardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of the paper list, filtered and ordered by the listing of the last
     * {@link ListingStore#refresh()} (one index range of {@code paper_facet}); the status shown is
     * computed from the links now. Text search is the search index's ({@code PaperSearchIndex}),
     * whose hits are shown with {@link #papers(List, boolean)}.
     *
     * @throws IllegalArgumentException when the query has a search text
     */
    public PaperPage papers(PaperQuery q) {
        return papers(q, null);
    }

    /**
     * {@link #papers(PaperQuery)} within one collection (issue 17): the same index range, joined to
     * the collection's members.
     *
     * @param collectionId null for all papers
     */
    public PaperPage papers(PaperQuery q, @Nullable Long collectionId) {
        if (q.search() != null) {
            throw new IllegalArgumentException("text search goes through the search index");
        }
        boolean signals = q.minScore() != null || q.placeholder() || q.promiseCutoff() != null;
        StringBuilder sql = new StringBuilder("SELECT f.paper_id FROM paper_facet f");
        if (signals) {
            sql.append(" JOIN paper_listing pl ON pl.paper_id = f.paper_id");
        }
        List<Object> args = new ArrayList<>();
        if (collectionId != null) {
            sql.append(" JOIN collection_paper cp ON cp.paper_id = f.paper_id AND cp.collection_id = ?");
            args.add(collectionId);
        }
        sql.append(" WHERE f.facet = ?");
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
        sql.append(" ORDER BY ").append(q.sort().orderBy()).append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(q.offset());
        args.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection()) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            boolean hasNext = ids.size() > q.limit();
            return page(c, ids.subList(0, Math.min(ids.size(), q.limit())), hasNext);
        } catch (SQLException e) {
            throw new StoreException("cannot list papers: " + e.getMessage(), e);
        }
    }

    /** The list rows of the given papers in the given order (search hits); ids the store does not know are left out. */
    public PaperPage papers(List<String> ids, boolean hasNext) {
        try (Connection c = dataSource.getConnection()) {
            return page(c, ids, hasNext);
        } catch (SQLException e) {
            throw new StoreException("cannot list papers: " + e.getMessage(), e);
        }
    }

    private static PaperPage page(Connection c, List<String> ids, boolean hasNext) throws SQLException {
        if (ids.isEmpty()) {
            return new PaperPage(List.of(), hasNext);
        }
        Map<String, Object[]> found = new HashMap<>();
        // the signals shown are the listing's (as the filters), not recomputed per request
        try (PreparedStatement st = c.prepareStatement("SELECT p.id, p.title, p.published, pl.best_score, pl.placeholder, p.promised FROM paper p"
                + " LEFT JOIN paper_listing pl ON pl.paper_id = p.id WHERE p.id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                st.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Object[] {rs.getString(2), Timestamp.read(rs, 3), rs.getObject(4),
                            rs.getBoolean(5), rs.getBoolean(6)});
                }
            }
        }
        Map<String, List<CodeLinkRow>> links = links(c, ids, true);
        List<PaperListRow> papers = new ArrayList<>(ids.size());
        for (String id : ids) {
            Object[] paper = found.get(id);
            if (paper == null) {
                continue;
            }
            List<CodeLinkRow> own = links.getOrDefault(id, List.of());
            Instant lastChecked = own.stream().map(CodeLinkRow::lastChecked).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            papers.add(new PaperListRow(id, (String) paper[0], (Instant) paper[1], statusOf(own, (Boolean) paper[4]), own, lastChecked,
                    paper[2] == null ? null : ((Number) paper[2]).intValue(), (Boolean) paper[3]));
        }
        return new PaperPage(papers, hasNext);
    }

    /** One paper with all its links, or empty when the store does not know the id. */
    public Optional<PaperDetail> paper(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, version, title, authors, abstract_text, comments, categories, published, promised FROM paper WHERE id = ?""")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<CodeLinkRow> links = links(c, List.of(id), false).getOrDefault(id, List.of());
                return Optional.of(new PaperDetail(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Timestamp.read(rs, 8),
                        statusOf(links.stream().filter(CodeLinkRow::code).toList(), rs.getBoolean(9)), links));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read paper " + id + ": " + e.getMessage(), e);
        }
    }

    /** A repository by its canonical key ({@code github.com/owner/name}, any case). */
    public Optional<RepoDetail> repo(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, repo_key, host, path, status, status_since, first_seen, first_seen_dead, last_alive, last_checked,
                       next_check, http_status, detail, block_reason, moved_to, stars, pushed_at, archived, metadata
                FROM repo WHERE repo_key = ?""")) {
            st.setString(1, key.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object archived = rs.getObject(18);
                return Optional.of(new RepoDetail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Timestamp.read(rs, 6), Timestamp.read(rs, 7), Timestamp.read(rs, 8),
                        Timestamp.read(rs, 9), Timestamp.read(rs, 10), Timestamp.read(rs, 11), (Integer) rs.getObject(12),
                        rs.getString(13), rs.getString(14), rs.getString(15), (Integer) rs.getObject(16),
                        Timestamp.read(rs, 17), archived == null ? null : (Boolean) archived, MetadataJson.read(rs.getString(19))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read repository " + key + ": " + e.getMessage(), e);
        }
    }

    /** Papers linking a repository (id and title), by id, at most {@code limit}. */
    public List<Map.Entry<String, @Nullable String>> papersLinking(long repoId, int limit) {
        List<Map.Entry<String, @Nullable String>> papers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT DISTINCT p.id, p.title FROM link l JOIN paper p ON p.id = l.paper_id WHERE l.repo_id = ?
                ORDER BY p.id FETCH FIRST ? ROWS ONLY""")) {
            st.setLong(1, repoId);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    papers.add(new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list papers of repository " + repoId + ": " + e.getMessage(), e);
        }
        return papers;
    }

    /**
     * A repository's checks, newest first: the first pages from its kept recent checks (V11),
     * the rest from the history.
     *
     * @param changesOnly only the checks that changed the shown status: the timeline (V13)
     */
    public List<HistoryRow> history(long repoId, boolean changesOnly, int offset, int limit) {
        try (Connection c = dataSource.getConnection()) {
            if (changesOnly) {
                return ChangedChecks.page(c, repoId, offset, limit);
            }
            List<HistoryRow> recent = RecentChecks.page(c, repoId, offset, limit);
            return recent != null ? recent : olderHistory(c, repoId, offset, limit);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of repository " + repoId + ": " + e.getMessage(), e);
        }
    }

    private static List<HistoryRow> olderHistory(Connection c, long repoId, int offset, int limit) throws SQLException {
        // the leading constant column makes H2 read the index (V10) in its order instead of sorting
        return HistoryRow.page(c, "SELECT " + HistoryRow.COLUMNS + " FROM check_result WHERE repo_id = ?"
                + " ORDER BY repo_id DESC, checked_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", repoId, offset, limit);
    }

    /** The names a repository was seen moved to, oldest first, with when each was first seen (V13). */
    public Map<String, Instant> moves(long repoId) {
        try (Connection c = dataSource.getConnection()) {
            return ChangedChecks.moves(c, repoId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the moves of repository " + repoId + ": " + e.getMessage(), e);
        }
    }

    /** Audit runs, newest first. */
    public List<AuditRunRow> audits(int offset, int limit) {
        return auditRuns("", offset, limit);
    }

    /** Repositories stuck without a verdict (see {@link StuckRepoStore}), longest stuck first. */
    public List<StuckRepoStore.StuckRepo> stuck(int limit) {
        return new StuckRepoStore(dataSource).list(limit);
    }

    public int stuckCount() {
        return new StuckRepoStore(dataSource).count();
    }

    /** The last run that is no longer running. */
    public Optional<AuditRunRow> lastFinishedAudit() {
        return auditRuns("WHERE state <> 'running'", 0, 1).stream().findFirst();
    }

    private List<AuditRunRow> auditRuns(String where, int offset, int limit) {
        List<AuditRunRow> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id, started_at, finished_at, state, mode, planned, checked, requests, wait_ms, counts, summary FROM audit_run "
                        + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            st.setInt(1, offset);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    JsonNode summary = parse(rs.getString(11));
                    Map<String, Integer> counts = new TreeMap<>();
                    // {"repositories": {status: n}, "pages": {status: n}}; pages are listed as "page STATUS"
                    JsonNode all = parse(rs.getString(10));
                    all.path("repositories").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
                    all.path("pages").fields().forEachRemaining(e -> counts.put("page " + e.getKey(), e.getValue().asInt()));
                    Map<String, String> moved = new TreeMap<>();
                    summary.path("moved").fields().forEachRemaining(e -> moved.put(e.getKey(), e.getValue().asText()));
                    runs.add(new AuditRunRow(rs.getLong(1), Timestamp.read(rs, 2), Timestamp.read(rs, 3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), counts,
                            strings(summary.path("newly_dead")), strings(summary.path("recovered")), moved));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list audit runs: " + e.getMessage(), e);
        }
        return runs;
    }

    /**
     * A paper's status from its code links, by the rules of status-model.md (as {@link ListingStore#refresh()}).
     *
     * @param paperPromised the paper promises code, models or data (paper.promised, V15)
     */
    static PaperStatus statusOf(List<CodeLinkRow> codeLinks, boolean paperPromised) {
        PaperStatusTally tally = new PaperStatusTally();
        for (CodeLinkRow l : codeLinks) {
            tally.add(CurrentStatus.valueOf(l.status()), l.promised(), l.reachedBefore());
        }
        return tally.status(paperPromised);
    }

    private static Map<String, List<CodeLinkRow>> links(Connection c, List<String> paperIds, boolean codeOnly) throws SQLException {
        if (paperIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + LINK_COLUMNS + " WHERE l.paper_id IN (" + String.join(", ", Collections.nCopies(paperIds.size(), "?"))
                + ")" + (codeOnly ? " AND l.kind = 'code'" : "") + " ORDER BY l.paper_id, l.position";
        Map<String, List<CodeLinkRow>> links = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < paperIds.size(); i++) {
                st.setString(i + 1, paperIds.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CodeLinkRow(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), Timestamp.read(rs, 11), Timestamp.read(rs, 12),
                            rs.getBoolean(13), rs.getBoolean(14), rs.getString(15), rs.getObject(16) != null));
                }
            }
        }
        return links;
    }

    /** The collections of this store (issue 17). */
    public CollectionStore collections() {
        return new CollectionStore(dataSource);
    }

    /** The notification log of this store, for the feeds (issue 17). */
    public NotifyStore notifications() {
        return new NotifyStore(dataSource);
    }

    /** A repository's reproducibility signals (checklist, placeholder, licence, release lag), by key. */
    public Optional<SignalRow> signals(String repoKey) {
        return new SignalStore(dataSource).repo(repoKey);
    }

    private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            st.setObject(i + 1, args.get(i));
        }
    }

    private static JsonNode parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("malformed JSON in audit_run: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** The commits the checks saw (issue 16). */
    public CommitStore commits() {
        return new CommitStore(dataSource);
    }
}
