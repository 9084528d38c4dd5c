package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Scheduled job executions on every node, and the nodes of the Quartz cluster. */
public final class JobRunStore {

    /** One job execution. */
    public record JobRun(String job, String node, Instant startedAt, @Nullable Instant finishedAt, String state,
            @Nullable String message) {
    }

    /** A node as Quartz's cluster table sees it. */
    public record Node(String instance, Instant lastCheckin, long checkinIntervalMillis) {
    }

    private final DataSource dataSource;

    public JobRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long start(String job, String node, Instant now) {
        return start(job, node, null, now);
    }

    /** @param instance the process running it (its check-in name), so recovery can tell whether it is gone */
    public long start(String job, String node, @Nullable String instance, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO job_run (job, node, started_at, state, instance) VALUES (?, ?, ?, 'running', ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, job);
            st.setString(2, node);
            st.setObject(3, Timestamp.of(now).value());
            st.setString(4, instance);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the start of job " + job + ": " + e.getMessage(), e);
        }
    }

    public void finish(long id, String state, String message, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE job_run SET finished_at = ?, state = ?, message = ? WHERE id = ?")) {
            st.setObject(1, Timestamp.of(now).value());
            st.setString(2, state);
            st.setString(3, message);
            st.setLong(4, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the end of job run " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends the runs of a job still marked running, other than {@code exceptId}, as failed: called
     * when Quartz recovers the job after the node running it died (our jobs never run twice at
     * once, so such a run can only be the dead node's). Without this they would show as running
     * in {@code reprotrack status} forever.
     *
     * @return how many runs were ended
     */
    public int abandonRunning(String job, long exceptId, String message, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "UPDATE job_run SET finished_at = ?, state = 'failed', message = ? WHERE job = ? AND state = 'running' AND id <> ?")) {
            st.setObject(1, Timestamp.of(now).value());
            st.setString(2, message);
            st.setString(3, job);
            st.setLong(4, exceptId);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot end the runs of job " + job + " a dead node left: " + e.getMessage(), e);
        }
    }

    /**
     * Ends the runs of a job still marked running whose process is gone (not among
     * {@code aliveInstances}, or recorded without an instance by an older version), other than
     * {@code exceptId}, as failed. Runs of live processes are left alone: several nodes run the
     * audit job at once, so a running audit job run of another node is normal.
     *
     * @return how many runs were ended
     */
    public int abandonGone(String job, long exceptId, Collection<String> aliveInstances, String message, Instant now) {
        String alive = aliveInstances.isEmpty() ? "" : " AND (instance IS NULL OR instance NOT IN ("
                + String.join(",", java.util.Collections.nCopies(aliveInstances.size(), "?")) + "))";
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE job_run SET finished_at = ?, state = 'failed', message = ? "
                     + "WHERE job = ? AND state = 'running' AND id <> ?" + alive)) {
            int i = 1;
            st.setObject(i++, Timestamp.of(now).value());
            st.setString(i++, message);
            st.setString(i++, job);
            st.setLong(i++, exceptId);
            for (String instance : aliveInstances) {
                st.setString(i++, instance);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot end the runs of job " + job + " a dead node left: " + e.getMessage(), e);
        }
    }

    /**
     * Ends as failed every running job run of a process that is gone ({@code instance} recorded
     * and not among {@code aliveInstances}): the audit runs a node joined outside Quartz have no
     * Quartz recovery to end them when the node is killed.
     *
     * @return how many runs were ended
     */
    public int endRunsOfGone(Collection<String> aliveInstances, String message, Instant now) {
        String alive = aliveInstances.isEmpty() ? "" : " AND instance NOT IN ("
                + String.join(",", java.util.Collections.nCopies(aliveInstances.size(), "?")) + ")";
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE job_run SET finished_at = ?, state = 'failed', message = ? "
                     + "WHERE state = 'running' AND instance IS NOT NULL" + alive)) {
            int i = 1;
            st.setObject(i++, Timestamp.of(now).value());
            st.setString(i++, message);
            for (String instance : aliveInstances) {
                st.setString(i++, instance);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot end the job runs of gone nodes: " + e.getMessage(), e);
        }
    }

    /** The newest runs of one job, newest first. */
    public List<JobRun> lastRuns(String job, int limit) {
        List<JobRun> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT job, node, started_at, finished_at, state, message FROM job_run WHERE job = ?
                     ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")) {
            st.setString(1, job);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    runs.add(new JobRun(rs.getString(1), rs.getString(2), Timestamp.read(rs, 3), Timestamp.read(rs, 4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list job runs: " + e.getMessage(), e);
        }
        return runs;
    }

    /** The scheduler instances that checked in to the shared job store (clustered mode). */
    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE ORDER BY INSTANCE_NAME");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                nodes.add(new Node(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list cluster nodes: " + e.getMessage(), e);
        }
        return nodes;
    }
}
