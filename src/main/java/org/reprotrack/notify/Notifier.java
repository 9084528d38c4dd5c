package org.reprotrack.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.config.Settings;
import org.reprotrack.store.NotifyStore;
import org.reprotrack.store.SignalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification pass: records new events (with their outbox rows) and sends the deliveries
 * that are due. {@code run} does a pass every {@code notifications.interval_seconds}; {@code
 * reprotrack notify} does one.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final NotifyStore store;
    private final SignalStore signals;
    private final int promiseDays;
    private final List<Settings.Webhook> webhooks;
    private final Payloads payloads;
    private final WebhookDelivery delivery;
    private final Clock clock;

    public Notifier(NotifyStore store, SignalStore signals, int promiseDays, Settings.Notifications settings, WebhookDelivery delivery,
            Clock clock) {
        this.store = store;
        this.signals = signals;
        this.promiseDays = promiseDays;
        this.webhooks = settings.webhooks();
        Map<String, String> formats = new LinkedHashMap<>();
        webhooks.forEach(w -> formats.put(w.name(), w.format()));
        this.payloads = new Payloads(settings.publicUrl(), formats);
        this.delivery = delivery;
        this.clock = clock;
    }

    /** What one pass did. */
    public record Result(NotifyStore.ScanResult scan, WebhookDelivery.Pass delivery) {
    }

    public Result pass() {
        NotifyStore.ScanResult scan = store.scan(clock.instant(), signals.promisesNotKept(clock.instant(), promiseDays),
                webhooks.stream().map(w -> new NotifyStore.Route(w.name(), w.collection())).toList(), payloads);
        if (scan.baseline()) {
            LOG.info("notifications: first pass, the current statuses are the baseline (no events announced)");
        } else if (!scan.events().isEmpty()) {
            LOG.info("notifications: {} new events, {} webhook deliveries enqueued", scan.events().size(), scan.enqueued());
        }
        return new Result(scan, delivery.deliverDue());
    }
}
