package org.reprotrack.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reprotrack.store.NodeStore;
import org.reprotrack.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's check-in: a row in {@code node_checkin} refreshed every interval on a daemon
 * thread, removed on a clean stop. Other nodes read it to tell a live node (whose work and job runs
 * they leave alone) from a dead one (whose job runs they end as failed). A killed process stops
 * checking in and is seen gone after {@link NodeStore#GONE_AFTER_INTERVALS} intervals.
 */
public final class NodeCheckin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCheckin.class);

    private final NodeStore store;
    private final String node;
    private final String instance;
    private final Duration interval;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService timer;

    private NodeCheckin(NodeStore store, String node, Duration interval, Clock clock) {
        this.store = store;
        this.node = node;
        this.instance = node + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.interval = interval;
        this.clock = clock;
        this.started = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-checkin");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks in now (failing if the database cannot be reached) and then every {@code interval}. */
    public static NodeCheckin start(NodeStore store, String node, Duration interval, Clock clock) {
        NodeCheckin checkin = new NodeCheckin(store, node, interval, clock);
        checkin.checkIn();
        store.forgetGone(clock.instant());
        checkin.timer.scheduleAtFixedRate(checkin::checkInQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkin;
    }

    /** This process's name in the check-ins and job runs: the node name and a random suffix. */
    public String instance() {
        return instance;
    }

    public String node() {
        return node;
    }

    private void checkIn() {
        store.checkIn(instance, node, started, clock.instant(), interval);
    }

    private void checkInQuietly() {
        try {
            checkIn();
        } catch (StoreException e) {
            // the next check-in tries again; missing a few makes the others see this node gone
            LOG.warn("node {}: check-in failed: {}", instance, e.getMessage());
        }
    }

    /** Stops checking in and signs out, so the others see at once that this node is gone. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            store.leave(instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StoreException e) {
            LOG.warn("node {}: could not sign out: {}", instance, e.getMessage());
        }
    }
}
