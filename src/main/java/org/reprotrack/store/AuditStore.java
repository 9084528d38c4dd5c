package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoState;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** Repositories' audit state, the append-only check history, and audit runs. */
public final class AuditStore {

    private static final String REPO_COLUMNS = """
            r.id, r.host, r.path, r.status, r.status_since, r.first_seen_dead, r.last_alive, r.failing_checks,
            r.next_check, r.etag, r.etag_token, r.host_id, r.metadata, r.moved_to, r.pinned_commit""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Repositories to check, most overdue first (never-checked ones first of all).
     *
     * @param all every repository, not only the due ones
     * @param tokenFingerprint which token the stored ETags must belong to to be sent
     */
    public List<DueRepo> select(Instant now, boolean all, int limit, String tokenFingerprint) {
        String where = all ? "" : "WHERE r.next_check IS NULL OR r.next_check <= ?";
        String sql = "SELECT " + REPO_COLUMNS + " FROM repo r " + where
                + " ORDER BY CASE WHEN r.next_check IS NULL THEN 0 ELSE 1 END, r.next_check, r.id FETCH FIRST ? ROWS ONLY";
        List<DueRepo> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (!all) {
                st.setObject(i++, Timestamp.of(now).value());
            }
            st.setInt(i, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(dueRepo(rs, tokenFingerprint));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot select repositories to check: " + e.getMessage(), e);
        }
        return due;
    }

    /** How many repositories are due at {@code now}. */
    public int countDue(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM repo WHERE next_check IS NULL OR next_check <= ?")) {
            st.setObject(1, Timestamp.of(now).value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count due repositories: " + e.getMessage(), e);
        }
    }

    private static DueRepo dueRepo(ResultSet rs, String tokenFingerprint) throws SQLException {
        RepoRef ref = new RepoRef(CodeHost.valueOf(rs.getString(2)), rs.getString(3));
        CurrentStatus status = CurrentStatus.valueOf(rs.getString(4));
        RepoState state = new RepoState(status, Timestamp.read(rs, 5), Timestamp.read(rs, 6), Timestamp.read(rs, 7),
                rs.getInt(8), Timestamp.read(rs, 9));
        String etag = tokenFingerprint.equals(rs.getString(11)) ? rs.getString(10) : null;
        long hostId = rs.getLong(12);
        Long knownId = rs.wasNull() ? null : hostId;
        RepoMetadata metadata = MetadataJson.read(rs.getString(13));
        KnownState known = new KnownState(ref, etag, knownId, metadata, lastVerdict(status), rs.getString(15));
        return new DueRepo(rs.getLong(1), known, state, rs.getString(14));
    }

    private static @Nullable RepoStatus lastVerdict(CurrentStatus status) {
        return switch (status) {
            case PENDING, FAILING -> null;
            case OK -> RepoStatus.OK;
            case ARCHIVED -> RepoStatus.ARCHIVED;
            case MOVED -> RepoStatus.MOVED;
            case EMPTY -> RepoStatus.EMPTY;
            case PLACEHOLDER -> RepoStatus.PLACEHOLDER;
            case REPLACED -> RepoStatus.REPLACED;
            case NOT_FOUND -> RepoStatus.NOT_FOUND;
            case BLOCKED -> RepoStatus.BLOCKED;
        };
    }

    /**
     * Appends the check to the history and moves the repository to its next state, in one
     * transaction: a check is either fully recorded or not at all.
     */
    public void record(@Nullable Long runId, DueRepo repo, CheckResult result, StatusPolicy.Transition transition,
            String tokenFingerprint) {
        record(runId, repo, result, transition, tokenFingerprint, null, "");
    }

    /**
     * Records the check of a work item of an audit run, marking the item done in the same
     * transaction.
     *
     * @return false, recording nothing, when {@code worker} no longer holds the item
     */
    public boolean record(@Nullable Long runId, DueRepo repo, CheckResult result, StatusPolicy.Transition transition,
            String tokenFingerprint, AuditWorkStore.@Nullable Item item, String worker) {
        RepoState next = transition.next();
        return Tx.run(dataSource, "record the check of " + repo.known().ref().key(), c -> {
            if (!AuditWorkStore.recordsItem(c, runId, item, worker)) {
                return false; // nothing written: the item went to another worker
            }
            boolean changed = transition.changed(repo.state()) || renamedAgain(repo, result);
            long checkId = insertCheck(c, runId, repo.id(), result, changed);
            HistoryRow row = new HistoryRow(result.checkedAt(), result.status().name(), result.httpStatus(), result.detail(),
                    result.movedTo(), changed);
            RecentChecks.append(c, repo.id(), checkId, row);
            ChangedChecks.append(c, repo.id(), checkId, row);
            updateRepo(c, repo, result, next, tokenFingerprint);
            HeadCommits.record(c, repo.id(), result);
            return true;
        });
    }

    /** A MOVED verdict to another name than the last one: shown as a change (timeline, moves) though the status stays MOVED. */
    private static boolean renamedAgain(DueRepo repo, CheckResult result) {
        return result.status() == RepoStatus.MOVED && result.movedTo() != null && repo.movedTo() != null
                && !result.movedTo().equalsIgnoreCase(repo.movedTo());
    }

    /** A planned repository: its row id and whether it is on GitHub (the no-token budget applies to those). */
    public record Planned(long id, boolean github) {
    }

    /** The repositories an audit run will check, most overdue first (never-checked ones first of all). */
    public List<Planned> planDue(Instant now, boolean all, int limit) {
        List<Planned> planned = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // repositories of a priority collection (issue 17) first, when there is one
            String sql = "SELECT id, host FROM repo " + (all ? "" : "WHERE next_check IS NULL OR next_check <= ? ") + "ORDER BY "
                    + (CollectionStore.anyPriority(c) ? CollectionStore.PRIORITY_RANK + ", " : "")
                    + "CASE WHEN next_check IS NULL THEN 0 ELSE 1 END, next_check, id FETCH FIRST ? ROWS ONLY";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (!all) {
                    st.setObject(i++, Timestamp.of(now).value());
                }
                st.setInt(i, limit);
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        planned.add(new Planned(rs.getLong(1), CodeHost.GITHUB.name().equals(rs.getString(2))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot plan an audit: " + e.getMessage(), e);
        }
        return planned;
    }

    /** What the store knows of the given repositories, for checking them. */
    public Map<Long, DueRepo> load(Collection<Long> ids, String tokenFingerprint) {
        Map<Long, DueRepo> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT " + REPO_COLUMNS + " FROM repo r WHERE r.id IN (" + marks + ")")) {
            int i = 1;
            for (Long id : ids) {
                st.setLong(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    DueRepo repo = dueRepo(rs, tokenFingerprint);
                    found.put(repo.id(), repo);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load repositories to check: " + e.getMessage(), e);
        }
        return found;
    }

    /** Adds one worker's GitHub requests and rate-limit waits to its run. */
    public void addUsage(long runId, long requests, long waitMillis) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE audit_run SET requests = requests + ?, wait_ms = wait_ms + ? WHERE id = ?")) {
            st.setLong(1, requests);
            st.setLong(2, waitMillis);
            st.setLong(3, runId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record audit usage: " + e.getMessage(), e);
        }
    }

    /**
     * Ends a run that is still running (the first worker to see its work done wins), with counts
     * taken from the history of every worker's checks.
     *
     * @return false when another worker ended it already
     */
    public boolean finishShared(long runId, String state, Instant now, String summaryJson) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("repositories", countsOf(c, "SELECT status, COUNT(*) FROM check_result WHERE audit_run_id = ? GROUP BY status", runId));
            counts.put("pages", countsOf(c, "SELECT status, COUNT(*) FROM web_check WHERE audit_run_id = ? GROUP BY status", runId));
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE audit_run SET finished_at = ?, state = ?, counts = ?, summary = ? WHERE id = ? AND state = 'running'")) {
                st.setObject(1, Timestamp.of(now).value());
                st.setString(2, state);
                st.setString(3, JSON.writeValueAsString(counts));
                st.setString(4, summaryJson);
                st.setLong(5, runId);
                return st.executeUpdate() == 1;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot finish audit run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> countsOf(Connection c, String sql, long runId) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }


    /** Appends the check to the history; returns its id. */
    private static long insertCheck(Connection c, @Nullable Long runId, long repoId, CheckResult r, boolean changed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO check_result (repo_id, audit_run_id, checked_at, status, http_status, detail, moved_to,
                                          host_id, block_reason, request_id, metadata, changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, repoId);
            st.setObject(2, runId, Types.BIGINT);
            st.setObject(3, Timestamp.of(r.checkedAt()).value());
            st.setString(4, r.status().name());
            st.setObject(5, r.httpStatus(), Types.INTEGER);
            st.setString(6, r.detail());
            st.setString(7, r.movedTo());
            st.setObject(8, r.hostId(), Types.BIGINT);
            st.setString(9, r.blockReason());
            st.setString(10, r.requestId());
            st.setString(11, MetadataJson.write(r.metadata()));
            st.setBoolean(12, changed);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void updateRepo(Connection c, DueRepo repo, CheckResult r, RepoState next, String tokenFingerprint) throws SQLException {
        boolean verdict = r.status().definitive();
        RepoMetadata m = r.metadata();
        try (PreparedStatement st = c.prepareStatement("UPDATE repo SET " + StateColumns.SET + ", " + """
                       unknown_checks = CASE WHEN ? THEN 0 ELSE unknown_checks + 1 END,
                       unknown_since = CASE WHEN ? THEN NULL ELSE COALESCE(unknown_since, ?) END,
                       http_status = CASE WHEN ? THEN ? ELSE http_status END,
                       block_reason = CASE WHEN ? THEN ? ELSE block_reason END,
                       moved_to = CASE WHEN ? THEN ? ELSE moved_to END,
                       host_id = COALESCE(host_id, ?),
                       etag = CASE WHEN ? THEN NULL WHEN ? THEN ? ELSE etag END,
                       etag_token = CASE WHEN ? THEN NULL WHEN ? THEN ? ELSE etag_token END,
                       metadata = COALESCE(?, metadata),
                       stars = CASE WHEN ? THEN ? ELSE stars END,
                       pushed_at = CASE WHEN ? THEN ? ELSE pushed_at END,
                       archived = CASE WHEN ? THEN ? ELSE archived END
                WHERE id = ?""")) {
            int i = StateColumns.bind(st, next, r.checkedAt(), r.detail());
            // checks in a row without a verdict, listed after a few for a person to look (V14)
            st.setBoolean(i++, verdict);
            st.setBoolean(i++, verdict);
            st.setObject(i++, Timestamp.of(r.checkedAt()).value());
            st.setBoolean(i++, verdict);
            st.setObject(i++, r.httpStatus(), Types.INTEGER);
            st.setBoolean(i++, verdict);
            st.setString(i++, r.blockReason());
            st.setBoolean(i++, verdict);
            st.setString(i++, r.status() == RepoStatus.MOVED ? r.movedTo() : null);
            st.setObject(i++, r.status() == RepoStatus.REPLACED ? null : r.hostId(), Types.BIGINT);
            // A dead verdict drops the ETag: a 304 to it would be read as "unchanged since the last
            // check" and, with no live verdict to repeat (FAILING), taken for OK. For REPLACED the
            // ETag is even another repository's. Only answers that found our code keep one.
            boolean dropEtag = r.status().dead();
            boolean newEtag = r.etag() != null;
            st.setBoolean(i++, dropEtag);
            st.setBoolean(i++, newEtag);
            st.setString(i++, r.etag());
            st.setBoolean(i++, dropEtag);
            st.setBoolean(i++, newEtag);
            st.setString(i++, tokenFingerprint);
            st.setString(i++, MetadataJson.write(m));
            st.setBoolean(i++, m != null);
            st.setObject(i++, m == null ? null : m.stars(), Types.INTEGER);
            st.setBoolean(i++, m != null);
            st.setObject(i++, m == null ? null : Timestamp.orNull(m.pushedAt()));
            st.setBoolean(i++, m != null);
            st.setObject(i++, m == null ? null : m.archived(), Types.BOOLEAN);
            st.setLong(i, repo.id());
            st.executeUpdate();
        }
    }


    /** Repositories with their status and the number of papers linking them, ordered by key. */
    public void forEachRepo(@Nullable CurrentStatus status, Consumer<RepoRow> action) {
        String sql = """
                SELECT r.repo_key, r.status, r.http_status, r.moved_to, r.block_reason, r.last_checked, r.next_check,
                       r.first_seen_dead, r.last_alive, r.stars, r.pushed_at, r.archived,
                       (SELECT COUNT(DISTINCT l.paper_id) FROM link l WHERE l.repo_id = r.id), r.detail
                FROM repo r""" + (status == null ? "" : " WHERE r.status = ?") + " ORDER BY r.repo_key";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (status != null) {
                st.setString(1, status.name());
            }
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Object archived = rs.getObject(12);
                    action.accept(new RepoRow(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), Timestamp.read(rs, 6), Timestamp.read(rs, 7), Timestamp.read(rs, 8),
                            Timestamp.read(rs, 9), (Integer) rs.getObject(10), Timestamp.read(rs, 11),
                            archived == null ? null : (Boolean) archived, rs.getInt(13), rs.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list repositories: " + e.getMessage(), e);
        }
    }

    /** Repositories per status, for summaries. */
    public Map<String, Integer> countByStatus() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT status, COUNT(*) FROM repo GROUP BY status");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count repositories: " + e.getMessage(), e);
        }
        return counts;
    }
}
