package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The check-in table of the processes working on audits ({@code node_checkin}, V17). A process
 * checks in every few seconds under its instance name; it counts as alive while its last check-in
 * is younger than {@link #GONE_AFTER_INTERVALS} of its own intervals. Only the work and job runs of
 * instances that are gone by that measure are ever taken over or ended as failed.
 */
public final class NodeStore {

    /** Missed check-ins after which an instance counts as gone. */
    public static final int GONE_AFTER_INTERVALS = 3;

    /** A process as its check-ins show it. */
    public record Instance(String instance, String node, Instant startedAt, Instant lastCheckin, Duration interval) {
        public boolean alive(Instant now) {
            return lastCheckin.plus(interval.multipliedBy(GONE_AFTER_INTERVALS)).isAfter(now);
        }
    }

    private final DataSource dataSource;

    public NodeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records that {@code instance} is alive at {@code now} (an upsert: the first check-in inserts). */
    public void checkIn(String instance, String node, Instant startedAt, Instant now, Duration interval) {
        Tx.run(dataSource, "check in node " + instance, c -> {
            try (PreparedStatement st = c.prepareStatement(Upsert.sql(c, "node_checkin", List.of("instance"),
                    List.of("node", "started_at", "last_checkin", "checkin_interval_ms")))) {
                st.setString(1, instance);
                st.setString(2, node);
                st.setObject(3, Timestamp.of(startedAt).value());
                st.setObject(4, Timestamp.of(now).value());
                st.setLong(5, interval.toMillis());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** A clean stop: the instance leaves at once instead of being seen gone after its intervals. */
    public void leave(String instance) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM node_checkin WHERE instance = ?")) {
            st.setString(1, instance);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot sign node " + instance + " out: " + e.getMessage(), e);
        }
    }

    /** Every instance that checked in, alive or not, by node and instance. */
    public List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT instance, node, started_at, last_checkin, checkin_interval_ms FROM node_checkin
                     ORDER BY node, instance""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Instance(rs.getString(1), rs.getString(2), Timestamp.read(rs, 3), Timestamp.read(rs, 4),
                        Duration.ofMillis(rs.getLong(5))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the nodes' check-ins: " + e.getMessage(), e);
        }
        return out;
    }

    /** How many instances are alive at {@code now}. */
    public int alive(Instant now) {
        return (int) instances().stream().filter(i -> i.alive(now)).count();
    }

    /** Whether {@code instance} checked in recently enough to count as alive. */
    public boolean isAlive(String instance, Instant now) {
        return instances().stream().anyMatch(i -> i.instance().equals(instance) && i.alive(now));
    }

    /** Forgets instances gone for a day (their work and runs were taken over long ago). */
    public int forgetGone(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM node_checkin WHERE last_checkin < ?")) {
            st.setObject(1, Timestamp.of(now.minus(Duration.ofDays(1))).value());
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot forget gone nodes: " + e.getMessage(), e);
        }
    }
}
