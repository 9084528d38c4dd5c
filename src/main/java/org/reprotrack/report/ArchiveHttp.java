package org.reprotrack.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RetryAfter;
import org.reprotrack.check.Retry;
import org.reprotrack.check.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs JSON from one web archive politely: waits out a 429 for as long as {@code Retry-After} (or
 * {@code X-RateLimit-Reset}) asks when that is short, holds every request while
 * {@code X-RateLimit-Remaining} is 0, retries a timeout or 5xx once, and otherwise gives up with a
 * note. An archive is a courtesy in a report, so it never waits long: a wait longer than
 * {@code maxWait} stops asking this archive until the limit resets. One instance per archive and
 * report run.
 */
final class ArchiveHttp {
    private static final Logger log = LoggerFactory.getLogger(ArchiveHttp.class);
    private static final int MAX_RATE_LIMIT_WAITS = 3;
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    private static final MediaType JSON_TYPE = java.util.Objects.requireNonNull(MediaType.parse("application/json"));

    /** A complete answer: status and parsed JSON body (null when the body is not JSON). */
    record Reply(int code, @Nullable JsonNode json) {
    }

    private final String name;
    private final OkHttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final int maxAttempts;
    private final ObjectMapper mapper = new ObjectMapper();
    private Instant notBefore = Instant.MIN;
    /** The Authorization header's value, never logged nor put in a note or exception. */
    private @Nullable String authorization;

    /**
     * @param name the archive's name for notes ({@code Software Heritage})
     * @param maxRetries attempts after the first for a timeout or 5xx
     */
    ArchiveHttp(String name, OkHttpClient client, Clock clock, Sleeper sleeper, Duration maxWait, int maxRetries) {
        this.name = Objects.requireNonNull(name);
        this.client = Objects.requireNonNull(client);
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.maxWait = Objects.requireNonNull(maxWait);
        this.maxAttempts = maxRetries + 1;
    }

    /** Sends the token as a bearer token with every request; it is never logged nor written anywhere. */
    ArchiveHttp withToken(@Nullable String token) {
        this.authorization = token == null || token.isBlank() ? null : "Bearer " + token.strip();
        return this;
    }

    String name() {
        return name;
    }

    Clock clock() {
        return clock;
    }

    /** GETs the URL; a 2xx or 404 comes back, anything without a verdict is {@link ArchiveUnavailable}. */
    Reply get(HttpUrl url) throws ArchiveUnavailable {
        return send(url, null, false);
    }

    /**
     * POSTs to the URL with an empty JSON body (Software Heritage's save request, issue 16). A 2xx
     * comes back, and so does a 400, 403 or 404: a refusal is an answer, not an outage.
     */
    Reply post(HttpUrl url) throws ArchiveUnavailable {
        return send(url, RequestBody.create(new byte[0], JSON_TYPE), true);
    }

    /** GETs the URL; a 2xx, 400, 403 or 404 comes back. */
    Reply getAnswer(HttpUrl url) throws ArchiveUnavailable {
        return send(url, null, true);
    }

    private synchronized Reply send(HttpUrl url, @Nullable RequestBody post, boolean refusalsAreAnswers) throws ArchiveUnavailable {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json")
                .header("User-Agent", "reprotrack (dead-link report)");
        if (post != null) {
            builder.post(post);
        } else {
            builder.get();
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        Request request = builder.build();
        int attempt = 0;
        int waits = 0;
        while (true) {
            attempt++;
            holdForBudget();
            Reply reply;
            Headers headers;
            try (Response response = client.newCall(request).execute()) {
                headers = response.headers();
                reply = new Reply(response.code(), parse(response.body().string()));
            } catch (IOException e) {
                String reason = Retry.describe(e);
                log.debug("{} {} failed (attempt {}/{}): {}", name, url, attempt, maxAttempts, reason);
                if (attempt >= maxAttempts) {
                    log.warn("{}: no answer for {}: {}", name, url, reason);
                    throw new ArchiveUnavailable(name + ": no answer (" + reason + ")");
                }
                continue;
            }
            noteBudget(headers);
            int code = reply.code();
            if (code == 429) {
                Duration wait = waitAsked(headers);
                if (wait == null || wait.compareTo(maxWait) > 0 || ++waits > MAX_RATE_LIMIT_WAITS) {
                    Instant until = clock.instant().plus(wait == null ? maxWait : wait);
                    notBefore = until.isAfter(notBefore) ? until : notBefore;
                    log.warn("{}: rate limited until {}, not asking further", name, notBefore);
                    throw new ArchiveUnavailable(name + ": rate limited until " + notBefore + ", not asked");
                }
                pause(wait);
                attempt--; // a wait the archive asked for is not a failed attempt
                continue;
            }
            if ((code >= 500 || code == 408) && attempt < maxAttempts) {
                continue;
            }
            if ((code >= 200 && code < 300) || code == 404 || refusalsAreAnswers && (code == 400 || code == 403)) {
                return reply;
            }
            log.warn("{}: {} answered HTTP {}", name, url, code);
            throw new ArchiveUnavailable(name + ": HTTP " + code);
        }
    }

    private void holdForBudget() throws ArchiveUnavailable {
        Duration wait = Duration.between(clock.instant(), notBefore);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(maxWait) > 0) {
            throw new ArchiveUnavailable(name + ": rate limit spent until " + notBefore + ", not asked");
        }
        pause(wait);
    }

    private void pause(Duration wait) throws ArchiveUnavailable {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailable(name + ": interrupted while waiting for the rate limit");
        }
    }

    /** {@code X-RateLimit-Remaining: 0} holds the next request until {@code X-RateLimit-Reset}. */
    private void noteBudget(Headers headers) {
        String remaining = headers.get("X-RateLimit-Remaining");
        Instant reset = resetAt(headers);
        if (remaining != null && remaining.strip().equals("0") && reset != null && reset.isAfter(notBefore)) {
            notBefore = reset;
        }
    }

    /** What a 429 asks for: {@code Retry-After} (seconds or HTTP date), else until {@code X-RateLimit-Reset}. */
    private @Nullable Duration waitAsked(Headers headers) {
        Duration asked = RetryAfter.parse(headers.get("Retry-After"), clock);
        if (asked != null) {
            return asked;
        }
        Instant reset = resetAt(headers);
        return reset == null ? null : nonNegative(Duration.between(clock.instant(), reset));
    }

    private @Nullable Instant resetAt(Headers headers) {
        String v = headers.get("X-RateLimit-Reset");
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(n) : clock.instant().plusSeconds(Math.max(0, n));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
