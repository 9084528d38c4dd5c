package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The work list of audit runs (audit_item): what a run will check, which worker holds which
 * items, and what is done. It is what makes a run resumable after a killed process and shareable
 * by several nodes without checking anything twice:
 * <ul>
 *   <li>one run at a time: creating a run locks {@code audit_lock}, so a second starter joins the
 *       running run instead of planning another;</li>
 *   <li>workers claim small batches with a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so
 *       concurrent claims never block each other or take the same rows);</li>
 *   <li>an item becomes done in the transaction that records its check, and only for the worker
 *       holding it, so a check is recorded once per run even if a lease ran out.</li>
 * </ul>
 */
public final class AuditWorkStore {

    /** A planned target: a repository or a web page (exactly one id set). */
    public record Target(@Nullable Long repoId, @Nullable Long pageId) {
    }

    /** An item a worker holds. */
    public record Item(long runId, int position, @Nullable Long repoId, @Nullable Long pageId) {
    }

    /** The run a worker works on, and whether it was just created. */
    public record RunRef(long runId, boolean created, Instant startedAt) {
    }

    private final DataSource dataSource;
    private final boolean postgres;

    public AuditWorkStore(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** What a new run would check, in order. */
    public interface Planner {
        List<Target> plan() throws SQLException;
    }

    /**
     * Joins the running audit run, or creates one with the planner's targets, under a lock so two
     * nodes starting at once end up in one run.
     */
    public RunRef beginOrJoin(String mode, String node, Instant now, Planner planner) {
        return Tx.run(dataSource, "start or join an audit run", c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM audit_lock WHERE id = 1 FOR UPDATE");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, started_at FROM audit_run WHERE state = 'running' ORDER BY id FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return new RunRef(rs.getLong(1), false, Timestamp.read(rs, 2));
                }
            }
            List<Target> targets = planner.plan();
            long runId;
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO audit_run (started_at, state, planned, mode, node) VALUES (?, 'running', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setObject(1, Timestamp.of(now).value());
                st.setInt(2, targets.size());
                st.setString(3, mode);
                st.setString(4, node);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO audit_item (run_id, position, repo_id, web_page_id, state) VALUES (?, ?, ?, ?, 'pending')")) {
                int position = 0;
                for (Target t : targets) {
                    st.setLong(1, runId);
                    st.setInt(2, position++);
                    st.setObject(3, t.repoId(), java.sql.Types.BIGINT);
                    st.setObject(4, t.pageId(), java.sql.Types.BIGINT);
                    st.addBatch();
                    if (position % 1000 == 0) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
            }
            return new RunRef(runId, true, now);
        });
    }

    /**
     * Claims up to {@code limit} items that are pending or whose lease ran out, in plan order.
     * On PostgreSQL rows another worker is claiming are skipped, not waited for.
     */
    public List<Item> claim(long runId, String worker, Instant now, Instant leaseUntil, int limit) {
        String select = """
                SELECT position, repo_id, web_page_id FROM audit_item
                WHERE run_id = ? AND (state = 'pending' OR (state = 'claimed' AND lease_until < ?))
                ORDER BY position FETCH FIRST ? ROWS ONLY""" + (postgres ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE");
        return Tx.run(dataSource, "claim audit work", c -> {
            List<Item> items = new ArrayList<>();
            if (!running(c, runId)) {
                return items; // ended elsewhere (finished, or failed on a rejected token): nothing more to claim
            }
            try (PreparedStatement st = c.prepareStatement(select)) {
                st.setLong(1, runId);
                st.setObject(2, Timestamp.of(now).value());
                st.setInt(3, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long repo = rs.getLong(2);
                        Long repoId = rs.wasNull() ? null : repo;
                        long page = rs.getLong(3);
                        Long pageId = rs.wasNull() ? null : page;
                        items.add(new Item(runId, rs.getInt(1), repoId, pageId));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE audit_item SET state = 'claimed', claimed_by = ?, lease_until = ? WHERE run_id = ? AND position = ?")) {
                for (Item item : items) {
                    st.setString(1, worker);
                    st.setObject(2, Timestamp.of(leaseUntil).value());
                    st.setLong(3, runId);
                    st.setInt(4, item.position());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return items;
        });
    }

    /**
     * Marks an item done inside the caller's transaction (the one recording its check).
     *
     * @return false when the worker no longer holds the item (its lease ran out and another took
     *     it): the caller must roll back, so the check is recorded once
     */
    public static boolean markDone(Connection c, Item item, String worker) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE audit_item SET state = 'done' WHERE run_id = ? AND position = ? AND state = 'claimed' AND claimed_by = ?""")) {
            st.setLong(1, item.runId());
            st.setInt(2, item.position());
            st.setString(3, worker);
            return st.executeUpdate() == 1;
        }
    }

    /**
     * The bookkeeping of recording one check, inside the caller's transaction: the item (if any)
     * becomes done and the run counts one more check.
     *
     * @return false, having written nothing, when {@code worker} no longer holds the item
     */
    static boolean recordsItem(Connection c, @Nullable Long runId, @Nullable Item item, String worker) throws SQLException {
        if (item != null && !markDone(c, item, worker)) {
            return false;
        }
        if (runId != null) {
            try (PreparedStatement st = c.prepareStatement("UPDATE audit_run SET checked = checked + 1 WHERE id = ?")) {
                st.setLong(1, runId);
                st.executeUpdate();
            }
        }
        return true;
    }

    /** Extends the leases of what a worker holds, so a long rate-limit wait does not hand its work to another node. */
    public void renew(long runId, String worker, Instant leaseUntil) {
        update("UPDATE audit_item SET lease_until = ? WHERE run_id = ? AND claimed_by = ? AND state = 'claimed'",
                Timestamp.of(leaseUntil).value(), runId, worker);
    }

    /** Gives back what a worker holds but did not check (a graceful stop), for the next start. */
    public void release(long runId, String worker) {
        update("UPDATE audit_item SET state = 'pending', claimed_by = NULL, lease_until = NULL "
                + "WHERE run_id = ? AND claimed_by = ? AND state = 'claimed'", runId, worker);
    }

    /**
     * Gives back an item whose check failed (a store error on one repository, an unexpected
     * answer): it goes back to pending for any worker to retry, or after {@code maxAttempts}
     * failures is given up for this run ({@code failed}) so the run can end; the repository stays
     * due for the next run. The run itself goes on.
     *
     * @return true when this call gave the item up
     */
    public boolean fail(Item item, String worker, int maxAttempts) {
        return Tx.run(dataSource, "give back a failed audit item", c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE audit_item SET attempts = attempts + 1,
                           state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END,
                           claimed_by = CASE WHEN attempts + 1 >= ? THEN claimed_by END, lease_until = NULL
                    WHERE run_id = ? AND position = ? AND state = 'claimed' AND claimed_by = ?""")) {
                st.setInt(1, maxAttempts);
                st.setInt(2, maxAttempts);
                st.setLong(3, item.runId());
                st.setInt(4, item.position());
                st.setString(5, worker);
                if (st.executeUpdate() == 0) {
                    return false; // not this worker's any more: its lease lapsed and another holds it
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT state FROM audit_item WHERE run_id = ? AND position = ?")) {
                st.setLong(1, item.runId());
                st.setInt(2, item.position());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && "failed".equals(rs.getString(1));
                }
            }
        });
    }

    /**
     * The running run that has work to claim (pending items, or items whose lease lapsed), if any:
     * what a node that did not start it joins.
     */
    public java.util.Optional<RunRef> openRun(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT r.id, r.started_at FROM audit_run r WHERE r.state = 'running' AND EXISTS (
                         SELECT 1 FROM audit_item i WHERE i.run_id = r.id
                         AND (i.state = 'pending' OR (i.state = 'claimed' AND i.lease_until < ?)))
                     ORDER BY r.id FETCH FIRST 1 ROWS ONLY""")) {
            st.setObject(1, Timestamp.of(now).value());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new RunRef(rs.getLong(1), false, Timestamp.read(rs, 2)))
                        : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look for an open audit run: " + e.getMessage(), e);
        }
    }

    /** Whether the run is still running (not finished, stopped or failed by any node). */
    public boolean running(long runId) {
        try (Connection c = dataSource.getConnection()) {
            return running(c, runId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the state of audit run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static boolean running(Connection c, long runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT state FROM audit_run WHERE id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && "running".equals(rs.getString(1));
            }
        }
    }

    /** Items not yet done (pending or held by someone); items given up after failures are not counted. */
    public int remaining(long runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state NOT IN ('done', 'failed')")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count audit work: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update audit work: " + e.getMessage(), e);
        }
    }
}
