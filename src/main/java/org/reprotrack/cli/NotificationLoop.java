package org.reprotrack.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reprotrack.App;
import org.reprotrack.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Under {@code run}: a notification pass (events, webhook deliveries) every {@code notifications.interval_seconds}. */
final class NotificationLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationLoop.class);

    private final ScheduledExecutorService executor;

    private NotificationLoop(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static NotificationLoop start(App app) {
        Notifier notifier = app.notifier(app.metrics().deliveryListener());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reprotrack-notify");
            t.setDaemon(true);
            return t;
        });
        long interval = app.settings().notifications().intervalSeconds();
        executor.scheduleWithFixedDelay(() -> {
            try {
                notifier.pass();
            } catch (RuntimeException e) {
                // the database was unreachable or busy: the next pass tries again, nothing is lost (the outbox is in the database)
                LOG.warn("notification pass failed, retried in {} s: {}", interval, e.toString());
            }
        }, 5, interval, TimeUnit.SECONDS);
        return new NotificationLoop(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
