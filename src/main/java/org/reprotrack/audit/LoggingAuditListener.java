package org.reprotrack.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audit progress as log lines, for scheduled audits: one line every 30 seconds at most, and every wait. */
public final class LoggingAuditListener implements AuditListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingAuditListener.class);
    private static final long EVERY_MILLIS = Duration.ofSeconds(30).toMillis();

    private final AtomicLong last = new AtomicLong();

    @Override
    public void note(String message) {
        LOG.info("audit: {}", message);
    }

    @Override
    public void progress(Progress p) {
        long now = System.currentTimeMillis();
        long before = last.get();
        if ((p.done() == p.total() || now - before >= EVERY_MILLIS) && last.compareAndSet(before, now)) {
            LOG.info("audit: {}/{} checked, {} GitHub requests, budget left {}, {} waits", p.done(), p.total(),
                    p.requests(), p.budgetLeft(), p.waits());
        }
    }

    @Override
    public void signals(SignalsProgress p) {
        LOG.info("audit: {} verdicts recorded; signals {}/{} read, {} deferred to the next run, {} GitHub requests",
                p.verdicts(), p.done(), p.total(), p.deferred(), p.requests());
    }

    @Override
    public void waiting(String resource, Instant until, String reason) {
        LOG.info("audit: waiting for GitHub's {} rate limit ({}) until {}", resource, reason, until);
    }
}
