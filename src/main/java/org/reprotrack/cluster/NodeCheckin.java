package org.reprotrack.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reprotrack.store.JobRunStore;
import org.reprotrack.store.NodeStore;
import org.reprotrack.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's check-in: a row in {@code node_checkin} refreshed every interval on a daemon
 * thread, removed on a clean stop. Other nodes read it to tell a live node (whose work and job runs
 * they leave alone) from a dead one (whose job runs they end as failed). A killed process stops
 * checking in and is seen gone after {@link NodeStore#GONE_AFTER_INTERVALS} intervals; at each
 * check-in, the job runs such a process left running are ended as failed.
 */
public final class NodeCheckin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCheckin.class);

    private final NodeStore store;
    private final JobRunStore runs;
    private final String node;
    private final String instance;
    private final Duration interval;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService timer;

    private NodeCheckin(NodeStore store, JobRunStore runs, String node, String instance, Duration interval, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.node = node;
        this.instance = instance;
        this.interval = interval;
        this.clock = clock;
        this.started = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-checkin");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks in now (failing if the database cannot be reached) and then every {@code interval}.
     *
     * @param instance this process's name: the node name and a random suffix ({@link #newInstance(String)})
     */
    public static NodeCheckin start(NodeStore store, JobRunStore runs, String node, String instance, Duration interval,
            Clock clock) {
        NodeCheckin checkin = new NodeCheckin(store, runs, node, instance, interval, clock);
        checkin.checkIn();
        store.forgetGone(clock.instant());
        checkin.timer.scheduleAtFixedRate(checkin::checkInQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkin;
    }

    /** A new process name for node {@code node}: a restarted node is a new instance. */
    public static String newInstance(String node) {
        return node + "-" + UUID.randomUUID().toString().substring(0, 8);
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
            endRunsOfGone();
        } catch (StoreException e) {
            // the next check-in tries again; missing a few makes the others see this node gone
            LOG.warn("node {}: check-in failed: {}", instance, e.getMessage());
        }
    }

    /** The job runs of processes that stopped checking in are ended as failed (never a live one's). */
    private void endRunsOfGone() {
        Instant now = clock.instant();
        List<String> alive = store.instances().stream().filter(i -> i.alive(now)).map(NodeStore.Instance::instance).toList();
        int ended = runs.endRunsOfGone(alive, "the node running it stopped checking in; seen gone by " + instance, now);
        if (ended > 0) {
            LOG.info("node {}: {} job run(s) of nodes that stopped checking in ended as failed", instance, ended);
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
