package org.reprotrack.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every node work on the audit another node started: a daemon thread that looks every
 * {@code interval} for a running audit run with work to claim and joins it (through the same
 * audit service as the scheduled job, which claims in small leased batches, so the work is split
 * without overlap). A node started while a run is open joins it at its first look. The scheduled
 * job itself fires on one node (Quartz); this is how the other nodes take their share within
 * seconds.
 */
public final class AuditJoiner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJoiner.class);

    /** One look: joins an open run if there is one (to its end or a stop); false when there was none. */
    @FunctionalInterface
    public interface Join {
        boolean joinOpenRun(BooleanSupplier stopRequested) throws Exception;
    }

    private final Join join;
    private final Duration interval;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private AuditJoiner(Join join, Duration interval) {
        this.join = join;
        this.interval = interval;
        this.thread = new Thread(this::loop, "audit-joiner");
        thread.setDaemon(true);
    }

    /** Starts looking; the first look is at once. */
    public static AuditJoiner start(Join join, Duration interval) {
        AuditJoiner joiner = new AuditJoiner(join, interval);
        joiner.thread.start();
        return joiner;
    }

    private void loop() {
        while (!stop.get()) {
            try {
                join.joinOpenRun(stop::get);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warn("joining the open audit run failed: {}", e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops looking; a run being worked on stops at its next checkpoint and gives back what it held. */
    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
