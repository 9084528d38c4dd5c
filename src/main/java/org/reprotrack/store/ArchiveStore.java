package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** Software Heritage's answers about live repositories, the vulnerable ones, and save requests (V19_1, issue 16). */
public final class ArchiveStore {

    static final String LIVE = "r.status IN ('OK', 'ARCHIVED', 'MOVED')";
    static final String VULNERABLE = LIVE + " AND (ra.archived = FALSE OR ra.snapshot_at IS NULL"
            + " OR (r.pushed_at IS NOT NULL AND ra.snapshot_at < r.pushed_at))";

    private final DataSource dataSource;

    public ArchiveStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A live repository to ask about: its row id, reference and new name when moved. */
    public record LiveRepo(long id, RepoRef ref, @Nullable String movedTo) {
        /** The origin URL Software Heritage knows it by: its current name. */
        public String originUrl() {
            return movedTo == null ? ref.url() : "https://" + ref.host().domain() + "/" + movedTo;
        }
    }

    /**
     * Live repositories whose Software Heritage answer is missing or older than {@code askedBefore},
     * never asked first, then the oldest answer first.
     */
    public List<LiveRepo> toAsk(Instant askedBefore, int limit) {
        List<LiveRepo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT r.id, r.host, r.path, r.moved_to FROM repo r LEFT JOIN repo_archive ra ON ra.repo_id = r.id WHERE " + LIVE
                        + " AND (ra.asked_at IS NULL OR ra.asked_at < ?)"
                        + " ORDER BY CASE WHEN ra.asked_at IS NULL THEN 0 ELSE 1 END, ra.asked_at, r.id FETCH FIRST ? ROWS ONLY")) {
            st.setObject(1, Timestamp.of(askedBefore).value());
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new LiveRepo(rs.getLong(1), new RepoRef(CodeHost.valueOf(rs.getString(2)), rs.getString(3)), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list repositories to ask Software Heritage about: " + e.getMessage(), e);
        }
        return out;
    }

    /** Keeps Software Heritage's answer about a live repository. */
    public void saveAnswer(long repoId, String originUrl, Instant askedAt, boolean archived, @Nullable Instant snapshotAt) {
        Tx.run(dataSource, "keep Software Heritage's answer about repository " + repoId, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM repo_archive WHERE repo_id = ?")) {
                st.setLong(1, repoId);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO repo_archive (repo_id, origin_url, asked_at, archived, snapshot_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, repoId);
                st.setString(2, originUrl);
                st.setObject(3, Timestamp.of(askedAt).value());
                st.setBoolean(4, archived);
                st.setObject(5, Timestamp.orNull(snapshotAt));
                st.executeUpdate();
            }
            return null;
        });
    }

    /** How many live repositories are vulnerable, and how many were never asked about. */
    public record Counts(int vulnerable, int notAsked) {
    }

    public Counts counts() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT COALESCE(SUM(CASE WHEN ra.repo_id IS NOT NULL AND (ra.archived = FALSE OR ra.snapshot_at IS NULL"
                        + " OR (r.pushed_at IS NOT NULL AND ra.snapshot_at < r.pushed_at)) THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN ra.repo_id IS NULL THEN 1 ELSE 0 END), 0)"
                        + " FROM repo r LEFT JOIN repo_archive ra ON ra.repo_id = r.id WHERE " + LIVE);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new Counts(rs.getInt(1), rs.getInt(2));
        } catch (SQLException e) {
            throw new StoreException("cannot count vulnerable repositories: " + e.getMessage(), e);
        }
    }

    /** Vulnerable repositories, by key, one page; with their newest save request. */
    public List<VulnerableRepo> vulnerable(int offset, int limit) {
        List<VulnerableRepo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT r.id, r.repo_key, r.status, ra.origin_url, ra.asked_at, CASE WHEN ra.archived THEN ra.snapshot_at END, r.pushed_at
                FROM repo r JOIN repo_archive ra ON ra.repo_id = r.id WHERE %s
                ORDER BY r.repo_key OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""".formatted(VULNERABLE))) {
            st.setInt(1, offset);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new VulnerableRepo(id, rs.getString(2), rs.getString(3), rs.getString(4), Timestamp.read(rs, 5),
                            Timestamp.read(rs, 6), Timestamp.read(rs, 7), newestSave(c, id)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list vulnerable repositories: " + e.getMessage(), e);
        }
        return out;
    }

    /** Vulnerable repositories without a save request that is open or was sent since {@code notSince}. */
    public List<LiveRepo> toSave(Instant notSince, int limit) {
        List<LiveRepo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT r.id, r.host, r.path, r.moved_to FROM repo r JOIN repo_archive ra ON ra.repo_id = r.id WHERE %s
                  AND EXISTS (SELECT 1 FROM link l WHERE l.repo_id = r.id)
                  AND NOT EXISTS (SELECT 1 FROM swh_save_request s WHERE s.repo_id = r.id AND (s.done = FALSE OR s.requested_at >= ?))
                ORDER BY ra.asked_at, r.id FETCH FIRST ? ROWS ONLY""".formatted(VULNERABLE))) {
            st.setObject(1, Timestamp.of(notSince).value());
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new LiveRepo(rs.getLong(1), new RepoRef(CodeHost.valueOf(rs.getString(2)), rs.getString(3)), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list repositories to save: " + e.getMessage(), e);
        }
        return out;
    }

    /** Records a sent save request; returns its row id. */
    public long addSave(long repoId, String originUrl, @Nullable Long swhId, Instant at, String requestStatus, @Nullable String taskStatus,
            @Nullable String note, boolean done) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO swh_save_request (repo_id, origin_url, swh_id, requested_at, request_status, task_status, note, followed_at, done)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, repoId);
            st.setString(2, originUrl);
            st.setObject(3, swhId, Types.BIGINT);
            st.setObject(4, Timestamp.of(at).value());
            st.setString(5, requestStatus);
            st.setString(6, taskStatus);
            st.setString(7, note);
            st.setObject(8, Timestamp.of(at).value());
            st.setBoolean(9, done);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record a save request: " + e.getMessage(), e);
        }
    }

    /** Open save requests, least recently followed first. */
    public List<SaveRequest> open(int limit) {
        return saves("WHERE done = FALSE AND swh_id IS NOT NULL ORDER BY followed_at, id FETCH FIRST ? ROWS ONLY", limit);
    }

    /** Every save request, newest first (the dashboard's list). */
    public List<SaveRequest> recentSaves(int limit) {
        return saves("ORDER BY requested_at DESC, id DESC FETCH FIRST ? ROWS ONLY", limit);
    }

    /** The follow-up of an open request. */
    public void updateSave(long id, String requestStatus, @Nullable String taskStatus, @Nullable Instant visitDate,
            @Nullable String snapshotSwhid, @Nullable String note, Instant at, boolean done) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE swh_save_request SET request_status = ?, task_status = ?, visit_date = ?, snapshot_swhid = COALESCE(?, snapshot_swhid),
                       note = ?, followed_at = ?, done = ? WHERE id = ?""")) {
            st.setString(1, requestStatus);
            st.setString(2, taskStatus);
            st.setObject(3, Timestamp.orNull(visitDate));
            st.setString(4, snapshotSwhid);
            st.setString(5, note);
            st.setObject(6, Timestamp.of(at).value());
            st.setBoolean(7, done);
            st.setLong(8, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update save request " + id + ": " + e.getMessage(), e);
        }
    }

    private @Nullable SaveRequest newestSave(Connection c, long repoId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SAVE_COLUMNS
                + " WHERE repo_id = ? ORDER BY requested_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? save(rs) : null;
            }
        }
    }

    private static final String SAVE_COLUMNS = "SELECT id, repo_id, origin_url, swh_id, requested_at, request_status, task_status, "
            + "visit_date, snapshot_swhid, note, followed_at, done FROM swh_save_request";

    private List<SaveRequest> saves(String tail, int limit) {
        List<SaveRequest> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SAVE_COLUMNS + " " + tail)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(save(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read save requests: " + e.getMessage(), e);
        }
        return out;
    }

    private static SaveRequest save(ResultSet rs) throws SQLException {
        long swh = rs.getLong(4);
        Long swhId = rs.wasNull() ? null : swh;
        return new SaveRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), swhId, Timestamp.read(rs, 5), rs.getString(6),
                rs.getString(7), Timestamp.read(rs, 8), rs.getString(9), rs.getString(10), Timestamp.read(rs, 11), rs.getBoolean(12));
    }
}
