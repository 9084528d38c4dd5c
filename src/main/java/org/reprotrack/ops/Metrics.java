package org.reprotrack.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.reprotrack.audit.AuditListener;
import org.reprotrack.notify.DeliveryListener;
import org.reprotrack.store.OpsStore;

/**
 * The Prometheus registry behind {@code /metrics}. Figures every node shares come from the
 * database ({@link OpsStore}, read at most every {@link #MAX_AGE} so a busy scraper costs a few
 * queries); what only this process sees is counted here: the dashboard's request latencies, the
 * GitHub budget left and rate-limit waits of audits run in this process, webhook attempts.
 */
public final class Metrics {

    /** Database figures are read again when older than this. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OpsStore store;
    private final Clock clock;
    private final AtomicInteger budgetLeft = new AtomicInteger(-1);
    private volatile OpsStore.@Nullable Snapshot snapshot;
    private volatile Instant readAt = Instant.EPOCH;

    public Metrics(OpsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("reprotrack.github.budget.remaining", budgetLeft, AtomicInteger::get)
                .description("GitHub rate-limit budget left (REST core or GraphQL, the lower) last seen by an audit in this process;"
                        + " -1 before any").register(registry);
        gauge("reprotrack.audit.queue.depth", "Repositories due for a check now", s -> s.dueRepos());
        FunctionCounter.builder("reprotrack.api.requests", this, m -> m.read().githubRequests()).tag("api", "github")
                .description("Requests sent to the API by every audit run").register(registry);
        FunctionCounter.builder("reprotrack.rate.limit.wait.seconds", this, m -> m.read().githubWaitSeconds()).tag("api", "github")
                .description("Time audits waited for the API's rate limit").register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<OpsStore.Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.read())).description(description).register(registry);
    }

    /** The registry, for meters of other parts (tests read it too). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format, with the database figures at most {@link #MAX_AGE} old. */
    public String scrape() {
        OpsStore.Snapshot s = read();
        for (String verdict : s.checks().keySet()) {
            FunctionCounter.builder("reprotrack.checks", this, m -> m.read().checks().getOrDefault(verdict, 0L))
                    .tag("verdict", verdict).description("Checks recorded by audits, by verdict").register(registry);
        }
        for (String status : s.repos().keySet()) {
            Gauge.builder("reprotrack.repositories", this, m -> m.read().repos().getOrDefault(status, 0L))
                    .tag("status", status).description("Repositories by current status").register(registry);
        }
        for (String status : s.papers().keySet()) {
            Gauge.builder("reprotrack.papers", this, m -> m.read().papers().getOrDefault(status, 0L))
                    .tag("status", status).description("Papers by status, as of the last listing refresh").register(registry);
        }
        for (List<String> key : s.jobs().keySet()) {
            FunctionCounter.builder("reprotrack.job.runs", this, m -> m.read().jobs().getOrDefault(key, 0L))
                    .tags("job", key.get(0), "state", key.get(1))
                    .description("Scheduled job runs by job and state (failed: the job failed)").register(registry);
        }
        for (List<String> key : s.deliveries().keySet()) {
            Gauge.builder("reprotrack.webhook.deliveries", this, m -> m.read().deliveries().getOrDefault(key, 0L))
                    .tags("webhook", key.get(0), "state", key.get(1))
                    .description("Webhook deliveries in the outbox by state (pending, delivered, failed)").register(registry);
        }
        return registry.scrape();
    }

    private OpsStore.Snapshot read() {
        OpsStore.Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || Duration.between(readAt, now).compareTo(MAX_AGE) >= 0) {
            synchronized (this) {
                s = snapshot;
                if (s == null || Duration.between(readAt, now).compareTo(MAX_AGE) >= 0) {
                    s = store.snapshot(now);
                    snapshot = s;
                    readAt = now;
                }
            }
        }
        return s;
    }

    /** Records one dashboard request. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("reprotrack.http.server.requests").description("Dashboard and API requests")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(nanos));
    }

    /** An audit listener that records the budget left and the rate-limit waits, then hands every call on. */
    public AuditListener auditListener(AuditListener next) {
        return new AuditListener() {
            @Override
            public void note(String message) {
                next.note(message);
            }

            @Override
            public void progress(Progress progress) {
                if (progress.budgetLeft() >= 0) {
                    budgetLeft.set(progress.budgetLeft());
                }
                next.progress(progress);
            }

            @Override
            public void waiting(String resource, Instant until, String reason) {
                Counter.builder("reprotrack.rate.limit.waits").tags("api", "github", "resource", resource)
                        .description("Rate-limit waits begun by audits in this process").register(registry).increment();
                next.waiting(resource, until, reason);
            }
        };
    }

    /** A delivery listener counting webhook attempts by outcome. */
    public DeliveryListener deliveryListener() {
        return (webhook, outcome) -> Counter.builder("reprotrack.webhook.attempts").tags("webhook", webhook, "outcome", outcome)
                .description("Webhook delivery attempts in this process by outcome (delivered, retry, failed)")
                .register(registry).increment();
    }

    /** For tests: the database figures as last read. */
    Map<String, Long> checks() {
        return read().checks();
    }
}
