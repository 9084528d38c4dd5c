package org.reprotrack.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reprotrack.store.AuditWorkStore;
import org.reprotrack.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the lease of everything a worker holds every third of the lease while the worker lives,
 * so a claim that takes longer than the lease (a slow GitHub, a rate-limit wait, signals) is never
 * taken over by another node while its node is still checking it. A killed process stops renewing,
 * and its items are taken over once their lease lapses.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final ScheduledExecutorService timer;

    private LeaseHeartbeat(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static LeaseHeartbeat start(AuditWorkStore work, long runId, String worker, Duration lease, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, lease.toMillis() / 3);
        timer.scheduleAtFixedRate(() -> {
            try {
                work.renew(runId, worker, clock.instant().plus(lease));
            } catch (StoreException e) {
                // the next beat tries again; two more misses before the lease lapses
                LOG.warn("cannot renew the lease of audit work held by {}: {}", worker, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new LeaseHeartbeat(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
