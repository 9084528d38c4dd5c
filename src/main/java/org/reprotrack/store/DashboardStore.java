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
     * One page of papers. The status filter uses the status materialised by
     * {@link OverviewStore#refreshPaperStatus()}; the status shown is computed from the links now.
     */
    public PaperPage papers(PaperQuery q) {
        StringBuilder sql = new StringBuilder("SELECT p.id, p.title, p.published FROM paper p WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            sql.append(" AND p.code_status = ?");
            args.add(q.status().name());
        }
        if (q.year() != null) {
            sql.append(" AND p.published >= ? AND p.published < ?");
            args.add(OffsetDateTime.of(q.year(), 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            args.add(OffsetDateTime.of(q.year() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        }
        if (q.host() != null) {
            // correlated EXISTS: a lookup per paper read in page order (an uncorrelated IN was slower
            // on H2, which rebuilt the set of every github.com paper per request)
            sql.append(" AND EXISTS (SELECT 1 FROM link lh WHERE lh.paper_id = p.id AND lh.kind = 'code' AND lh.host = ?)");
            args.add(q.host().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.minScore() != null) {
            // correlated EXISTS over the paper's code links (index link(paper_id), repo_signals primary key)
            sql.append(" AND EXISTS (SELECT 1 FROM link lk JOIN repo_signals sk ON sk.repo_id = lk.repo_id"
                    + " WHERE lk.paper_id = p.id AND lk.kind = 'code' AND sk.score >= ?)");
            args.add(q.minScore());
        }
        if (q.placeholder()) {
            sql.append(" AND EXISTS (SELECT 1 FROM link lq JOIN repo rq ON rq.id = lq.repo_id"
                    + " LEFT JOIN repo_signals sq ON sq.repo_id = rq.id"
                    + " WHERE lq.paper_id = p.id AND lq.kind = 'code' AND (rq.status = 'PLACEHOLDER' OR sq.placeholder = TRUE))");
        }
        if (q.promiseCutoff() != null) {
            // the same condition as SignalStore.promisesNotKept, per paper
            sql.append(" AND p.published IS NOT NULL AND p.published < ? AND EXISTS (SELECT 1 FROM link l"
                    + " JOIN repo r ON r.id = l.repo_id LEFT JOIN repo_signals s ON s.repo_id = r.id"
                    + " WHERE l.paper_id = p.id AND l.kind = 'code' AND l.promised AND ").append(SignalStore.PROMISE_NOT_KEPT).append(")");
            args.add(Timestamp.of(q.promiseCutoff()).value());
        }
        if (q.search() != null) {
            String text = likeEscape(q.search().trim().toLowerCase(java.util.Locale.ROOT));
            sql.append("""
                     AND (p.id LIKE ? ESCAPE '\\' OR LOWER(p.title) LIKE ? ESCAPE '\\' OR LOWER(p.abstract_text) LIKE ? ESCAPE '\\'
                          OR EXISTS (SELECT 1 FROM link ls JOIN repo rs ON rs.id = ls.repo_id
                                     WHERE ls.paper_id = p.id AND rs.repo_key LIKE ? ESCAPE '\\'))""");
            args.add(text + "%");
            args.add("%" + text + "%");
            args.add("%" + text + "%");
            args.add("%" + text + "%");
        }
        sql.append(" ORDER BY ").append(q.sort().orderBy(q.status() != null)).append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(q.offset());
        args.add(q.limit() + 1);
        List<String[]> rows = new ArrayList<>();
        List<@Nullable Instant> published = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    published.add(Timestamp.read(rs, 3));
                }
            }
            boolean hasNext = rows.size() > q.limit();
            int n = Math.min(rows.size(), q.limit());
            List<String> ids = rows.subList(0, n).stream().map(r -> r[0]).toList();
            Map<String, List<CodeLinkRow>> links = links(c, ids, true);
            Map<String, int[]> signals = signalsOfPapers(c, ids);
            List<PaperListRow> papers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                List<CodeLinkRow> own = links.getOrDefault(rows.get(i)[0], List.of());
                Instant lastChecked = own.stream().map(CodeLinkRow::lastChecked).filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo).orElse(null);
                int[] sig = signals.get(rows.get(i)[0]);
                papers.add(new PaperListRow(rows.get(i)[0], rows.get(i)[1], published.get(i), statusOf(own), own, lastChecked,
                        sig == null || sig[0] < 0 ? null : sig[0], sig != null && sig[1] > 0));
            }
            return new PaperPage(papers, hasNext);
        } catch (SQLException e) {
            throw new StoreException("cannot list papers: " + e.getMessage(), e);
        }
    }

    /** One paper with all its links, or empty when the store does not know the id. */
    public Optional<PaperDetail> paper(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, version, title, authors, abstract_text, comments, categories, published FROM paper WHERE id = ?""")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<CodeLinkRow> links = links(c, List.of(id), false).getOrDefault(id, List.of());
                return Optional.of(new PaperDetail(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Timestamp.read(rs, 8),
                        statusOf(links.stream().filter(CodeLinkRow::code).toList()), links));
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
     * A repository's checks, newest first.
     *
     * @param changesOnly only the checks that changed the shown status: the timeline
     */
    public List<HistoryRow> history(long repoId, boolean changesOnly, int offset, int limit) {
        List<HistoryRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT checked_at, status, http_status, detail, moved_to, changed FROM check_result WHERE repo_id = ?"
                        + (changesOnly ? " AND changed = TRUE" : "")
                        + " ORDER BY checked_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            st.setLong(1, repoId);
            st.setInt(2, offset);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HistoryRow(Timestamp.read(rs, 1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of repository " + repoId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The names a repository was seen moved to, oldest first, with when each was first seen. */
    public Map<String, Instant> moves(long repoId) {
        Map<String, Instant> moves = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT moved_to, MIN(checked_at) FROM check_result WHERE repo_id = ? AND moved_to IS NOT NULL
                GROUP BY moved_to ORDER BY 2""")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    moves.put(rs.getString(1), Timestamp.read(rs, 2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the moves of repository " + repoId + ": " + e.getMessage(), e);
        }
        return moves;
    }

    /** Audit runs, newest first. */
    public List<AuditRunRow> audits(int offset, int limit) {
        return auditRuns("", offset, limit);
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

    /** A paper's status from its code links, by the rules of status-model.md (as {@link PaperStore#forEachPaper}). */
    static PaperStatus statusOf(List<CodeLinkRow> codeLinks) {
        boolean reachable = false;
        boolean noCodeYet = false;
        boolean dead = false;
        for (CodeLinkRow l : codeLinks) {
            CurrentStatus s = CurrentStatus.valueOf(l.status());
            boolean neverThere = l.promised() && !l.reachedBefore() && s.dead();
            reachable |= s.reachable();
            noCodeYet |= s.noCodeYet() || neverThere;
            dead |= s.dead() && !neverThere;
        }
        return PaperStatus.of(codeLinks.size(), reachable, noCodeYet, dead);
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

    /** Per paper of a page: {best checklist score or -1, 1 if a code repository is a placeholder}. */
    private static Map<String, int[]> signalsOfPapers(Connection c, List<String> paperIds) throws SQLException {
        if (paperIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT l.paper_id, MAX(s.score), MAX(CASE WHEN r.status = 'PLACEHOLDER' OR s.placeholder = TRUE THEN 1 ELSE 0 END)"
                + " FROM link l JOIN repo r ON r.id = l.repo_id LEFT JOIN repo_signals s ON s.repo_id = r.id"
                + " WHERE l.kind = 'code' AND l.paper_id IN (" + String.join(", ", Collections.nCopies(paperIds.size(), "?"))
                + ") GROUP BY l.paper_id";
        Map<String, int[]> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < paperIds.size(); i++) {
                st.setString(i + 1, paperIds.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String paper = rs.getString(1);
                    int best = rs.getInt(2);
                    if (rs.wasNull()) {
                        best = -1;
                    }
                    out.put(paper, new int[] {best, rs.getInt(3)});
                }
            }
        }
        return out;
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

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
}
