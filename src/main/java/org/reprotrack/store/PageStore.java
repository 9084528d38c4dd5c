package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.RepoState;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;

/** The web pages behind other links: which are due, and their check history. */
public final class PageStore {

    private final DataSource dataSource;

    public PageStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Ids of the pages an audit run will check, never-checked first, then most overdue. */
    public List<Long> planDue(Instant now, boolean all, int limit) {
        List<Long> ids = new ArrayList<>();
        for (DuePage p : select(now, all, limit)) {
            ids.add(p.id());
        }
        return ids;
    }

    /** The given pages with their audit state. */
    public java.util.Map<Long, DuePage> load(java.util.Collection<Long> ids) {
        java.util.Map<Long, DuePage> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        String sql = "SELECT id, url, status, status_since, first_seen_dead, last_alive, failing_checks, next_check "
                + "FROM web_page WHERE id IN (" + marks + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            for (Long id : ids) {
                st.setLong(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), page(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load web pages to check: " + e.getMessage(), e);
        }
        return found;
    }

    private static DuePage page(ResultSet rs) throws SQLException {
        RepoState state = new RepoState(CurrentStatus.valueOf(rs.getString(3)), Timestamp.read(rs, 4),
                Timestamp.read(rs, 5), Timestamp.read(rs, 6), rs.getInt(7), Timestamp.read(rs, 8));
        return new DuePage(rs.getLong(1), rs.getString(2), state);
    }

    /** Pages to check, never-checked first, then most overdue. */
    public List<DuePage> select(Instant now, boolean all, int limit) {
        String sql = """
                SELECT id, url, status, status_since, first_seen_dead, last_alive, failing_checks, next_check FROM web_page
                """ + (all ? "" : "WHERE next_check IS NULL OR next_check <= ? ")
                + "ORDER BY CASE WHEN next_check IS NULL THEN 0 ELSE 1 END, next_check, id FETCH FIRST ? ROWS ONLY";
        List<DuePage> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (!all) {
                st.setObject(i++, Timestamp.of(now).value());
            }
            st.setInt(i, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(page(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot select web pages to check: " + e.getMessage(), e);
        }
        return due;
    }

    /** Appends the check to the page's history and moves the page to its next state, in one transaction. */
    public boolean record(@Nullable Long runId, DuePage page, RepoStatus verdict, Instant at, @Nullable Integer httpStatus,
            @Nullable String finalUrl, String detail, StatusPolicy.Transition transition,
            AuditWorkStore.@Nullable Item item, String worker) {
        RepoState next = transition.next();
        return Tx.run(dataSource, "record the check of " + page.url(), c -> {
            if (!AuditWorkStore.recordsItem(c, runId, item, worker)) {
                return false; // nothing written: the item went to another worker
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO web_check (web_page_id, audit_run_id, checked_at, status, http_status, final_url, detail, changed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                st.setLong(1, page.id());
                st.setObject(2, runId, Types.BIGINT);
                st.setObject(3, Timestamp.of(at).value());
                st.setString(4, verdict.name());
                st.setObject(5, httpStatus, Types.INTEGER);
                st.setString(6, finalUrl);
                st.setString(7, detail);
                st.setBoolean(8, transition.changed(page.state()));
                st.executeUpdate();
            }
            boolean definitive = verdict.definitive();
            try (PreparedStatement st = c.prepareStatement("UPDATE web_page SET " + StateColumns.SET + ", " + """
                           http_status = CASE WHEN ? THEN ? ELSE http_status END,
                           final_url = CASE WHEN ? THEN ? ELSE final_url END
                    WHERE id = ?""")) {
                int i = StateColumns.bind(st, next, at, detail);
                st.setBoolean(i++, definitive);
                st.setObject(i++, httpStatus, Types.INTEGER);
                st.setBoolean(i++, definitive);
                st.setString(i++, finalUrl);
                st.setLong(i, page.id());
                st.executeUpdate();
            }
            return true;
        });
    }

}
