package org.reprotrack.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.reprotrack.config.Settings;
import org.reprotrack.store.NotifyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due deliveries: a JSON POST signed with the webhook's secret (read from the
 * environment variable the config names), with the idempotency key in {@code Idempotency-Key} and
 * {@code X-Reprotrack-Delivery}. A 2xx answer marks the delivery done; anything else (an error
 * status, a timeout, a refused connection, a missing secret) schedules the next attempt with
 * exponential backoff (30 s doubling, at most 6 h; a longer {@code Retry-After} is honoured) until
 * {@code notifications.max_attempts}, then the delivery is marked failed. A delivery is marked only
 * after its answer: a crash in between sends it again (at least once), with the same key.
 */
public final class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(6);
    private static final int BATCH = 50;
    private static final int LEASE_SECONDS = 120;

    private final NotifyStore store;
    private final Map<String, Settings.Webhook> webhooks;
    private final Function<String, @Nullable String> env;
    private final OkHttpClient http;
    private final int maxAttempts;
    private final Clock clock;
    private final DeliveryListener listener;

    /** @param env reads an environment variable (the secrets); values are never logged */
    public WebhookDelivery(NotifyStore store, List<Settings.Webhook> webhooks, Function<String, @Nullable String> env, OkHttpClient http,
            int maxAttempts, Clock clock, DeliveryListener listener) {
        this.store = store;
        this.webhooks = webhooks.stream().collect(Collectors.toUnmodifiableMap(Settings.Webhook::name, w -> w));
        this.env = env;
        this.http = http.newBuilder().followRedirects(false).callTimeout(Duration.ofSeconds(30)).build();
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.listener = listener;
    }

    /** What one pass did. */
    public record Pass(int delivered, int retried, int failed) {
    }

    /** Sends every delivery due now, in batches, until none is due. */
    public Pass deliverDue() {
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<NotifyStore.Delivery> due = store.claimDue(clock.instant(), BATCH, LEASE_SECONDS);
            if (due.isEmpty()) {
                break;
            }
            for (NotifyStore.Delivery d : due) {
                switch (send(d)) {
                    case "delivered" -> delivered++;
                    case "retry" -> retried++;
                    default -> failed++;
                }
            }
            if (retried + failed > 0 && due.size() < BATCH) {
                break;
            }
        }
        return new Pass(delivered, retried, failed);
    }

    private String send(NotifyStore.Delivery d) {
        Settings.Webhook w = webhooks.get(d.webhook());
        if (w == null) {
            return outcome(d, false, null, "webhook " + d.webhook() + " is no longer configured", null, true);
        }
        String secret = env.apply(w.secretEnv());
        if (secret == null || secret.isEmpty()) {
            return outcome(d, false, null, "environment variable " + w.secretEnv() + " (the webhook's secret) is not set", null, false);
        }
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(w.url())
                .header("User-Agent", "reprotrack-webhook")
                .header("X-Reprotrack-Event", d.kind())
                .header("X-Reprotrack-Delivery", d.idempotencyKey())
                .header("Idempotency-Key", d.idempotencyKey())
                .header(Signature.HEADER, Signature.sign(secret, body))
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.isSuccessful()) {
                return outcome(d, true, response.code(), null, null, false);
            }
            return outcome(d, false, response.code(), "HTTP " + response.code(), retryAfter(response.header("Retry-After")),
                    response.code() == 410);
        } catch (IOException e) {
            return outcome(d, false, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, false);
        }
    }

    /** Records the attempt; {@code permanent} (410 Gone, webhook removed) gives up at once. */
    private String outcome(NotifyStore.Delivery d, boolean delivered, @Nullable Integer status, @Nullable String error,
            @Nullable Duration retryAfter, boolean permanent) {
        Instant now = clock.instant();
        int attempt = d.attempts() + 1;
        String result;
        Instant next = null;
        if (delivered) {
            result = "delivered";
        } else if (permanent || attempt >= maxAttempts) {
            result = "failed";
            LOG.warn("webhook {}: delivery {} given up after {} attempts ({})", d.webhook(), d.idempotencyKey(), attempt, error);
        } else {
            Duration delay = backoff(attempt);
            if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
                delay = retryAfter.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryAfter;
            }
            next = now.plus(delay);
            result = "retry";
            LOG.info("webhook {}: delivery {} attempt {} failed ({}); next attempt at {}", d.webhook(), d.idempotencyKey(), attempt,
                    error, next);
        }
        store.attempted(d.id(), now, delivered, status, error, next);
        listener.attempted(d.webhook(), result);
        return result;
    }

    /** The wait after the {@code attempt}-th failed attempt: 30 s, 1 min, 2 min, ... at most 6 h. */
    static Duration backoff(int attempt) {
        int shift = Math.min(attempt - 1, 20);
        Duration d = FIRST_RETRY.multipliedBy(1L << shift);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the backoff applies
        }
    }
}
