package org.reprotrack.check.hosts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Retry;
import org.reprotrack.check.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one host: sends a request with our headers, retries what {@link Retry} calls
 * transient, sits out 429s for as long as the host asks (bounded), remembers a spent
 * {@code RateLimit-Remaining} budget until its reset, and hands back a complete answer. One instance
 * per host so one host's limit never pauses another. Thread-safe.
 */
final class HostHttp {
    private static final Logger log = LoggerFactory.getLogger(HostHttp.class);

    /** How much of a page body a reachability probe reads: enough to finish a small page, no more. */
    static final int PROBE_BYTES = 8 * 1024;

    /** How the body of an answer is read. */
    enum Body {
        /** Parsed as JSON; a 2xx without valid JSON is a transient failure. */
        JSON,
        /** Read up to {@link #PROBE_BYTES} and dropped: we only want to know that it came. */
        DISCARD
    }

    private final String host;
    private final OkHttpClient client;
    private final String userAgent;
    private final Retry retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int maxRateLimitWaits;
    private final Duration maxWait;
    private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.MIN);
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * @param host a name for logs ({@code gitlab})
     * @param maxRateLimitWaits how many rate-limit waits one request may sit through
     * @param maxWait the longest single wait; a host asking for more gets UNKNOWN instead of a stuck worker
     */
    HostHttp(String host, OkHttpClient client, String userAgent, Retry retry, Sleeper sleeper, Clock clock,
            int maxRateLimitWaits, Duration maxWait) {
        this.host = Objects.requireNonNull(host, "host");
        this.client = Objects.requireNonNull(client, "client");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxRateLimitWaits = maxRateLimitWaits;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    Clock clock() {
        return clock;
    }

    /**
     * {@code GET} a JSON API resource, following redirects that stay on {@code origin} (a moved
     * project answers with one), at most {@code maxRedirects} hops. A redirect that leaves the
     * origin, or one hop too many, comes back as the 3xx answer for the caller to judge.
     */
    HostAnswer getJson(HttpUrl url, HttpUrl origin, int maxRedirects, Set<Integer> alsoTransient)
            throws HostCheckFailedException {
        HttpUrl next = url;
        for (int hops = 0; ; hops++) {
            Request request = new Request.Builder().url(next).get().header("Accept", "application/json").build();
            HostAnswer a = execute(request, Body.JSON, Set.of(), alsoTransient);
            HttpUrl target = a.location();
            if (!a.isRedirect() || target == null || hops >= maxRedirects || !sameOrigin(target, origin)) {
                return a.afterRedirects(hops);
            }
            next = target;
        }
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    /**
     * Sends and retries.
     *
     * @param passThrough transient statuses the caller handles itself (501 to a HEAD means "use GET")
     * @param alsoTransient statuses this host uses for throttling besides 429 and 5xx (Gitee's 403)
     */
    HostAnswer execute(Request request, Body body, Set<Integer> passThrough, Set<Integer> alsoTransient)
            throws HostCheckFailedException {
        Request withHeaders = request.newBuilder().header("User-Agent", userAgent).build();
        int attempt = 0;
        int rateLimitWaits = 0;
        while (true) {
            attempt++;
            waitForBudget();
            HostAnswer answer;
            try {
                answer = send(withHeaders, body);
            } catch (IOException e) {
                String reason = Retry.describe(e);
                log.debug("{} {} {} failed (attempt {}/{}): {}", host, request.method(), request.url(), attempt,
                        retry.maxAttempts(), reason);
                giveUpOrPause(attempt, null, reason);
                continue;
            } catch (MalformedBody e) {
                log.debug("{} {} {} answered {} with a malformed body (attempt {}/{})", host, request.method(),
                        request.url(), e.code, attempt, retry.maxAttempts());
                giveUpOrPause(attempt, e.code, "malformed JSON in HTTP " + e.code + " answer");
                continue;
            }
            int code = answer.code();
            Instant spentUntil = RateLimitHeaders.budgetSpentUntil(answer.headers(), clock);
            if (spentUntil != null) {
                notBefore.accumulateAndGet(spentUntil, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (code == 429) {
                Duration wait = RateLimitHeaders.retryAfter(answer.headers(), clock);
                if (wait != null) {
                    rateLimitWaits++;
                    if (rateLimitWaits > maxRateLimitWaits || wait.compareTo(maxWait) > 0) {
                        log.warn("{} {} {}: rate limited for {}s, giving up", host, request.method(), request.url(),
                                wait.toSeconds());
                        throw new HostCheckFailedException(code, "rate limited (retry after " + wait.toSeconds() + " s)");
                    }
                    pause(wait, code);
                    attempt--; // waiting out a limit the host named is not a failed attempt
                    continue;
                }
            }
            if (passThrough.contains(code) || !(Retry.isTransientStatus(code) || alsoTransient.contains(code))) {
                return answer;
            }
            log.debug("{} {} {} answered {} (attempt {}/{})", host, request.method(), request.url(), code, attempt,
                    retry.maxAttempts());
            String message = answer.message();
            giveUpOrPause(attempt, code, "HTTP " + code + (message == null ? "" : ": " + message));
        }
    }

    /** A spent budget (RateLimit-Remaining: 0) holds every request to this host until the reset. */
    private void waitForBudget() throws HostCheckFailedException {
        Duration wait = Duration.between(clock.instant(), notBefore.get());
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(maxWait) > 0) {
            throw new HostCheckFailedException(null, "rate limit spent until " + notBefore.get());
        }
        pause(wait, null);
    }

    private void pause(Duration wait, @Nullable Integer code) throws HostCheckFailedException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCheckFailedException(code, "interrupted while waiting for the rate limit");
        }
    }

    private void giveUpOrPause(int attempt, @Nullable Integer code, String reason) throws HostCheckFailedException {
        if (attempt >= retry.maxAttempts()) {
            log.warn("{}: giving up after {} attempts: {}", host, attempt, reason);
            throw new HostCheckFailedException(code, reason);
        }
        try {
            retry.pauseAfter(attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCheckFailedException(code, "interrupted while retrying after: " + reason);
        }
    }

    private HostAnswer send(Request request, Body mode) throws IOException, MalformedBody {
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            JsonNode json = null;
            ResponseBody body = response.body();
            switch (mode) {
                case JSON:
                    json = parse(code, body.string());
                    break;
                case DISCARD:
                    BufferedSource source = body.source();
                    source.request(PROBE_BYTES); // waits for at most that much, then closing drops the rest
                    break;
            }
            return new HostAnswer(code, response.headers(), json, request.url(), 0);
        }
    }

    /** A success needs its JSON; an error body that is not JSON (an HTML 502 page) is simply absent. */
    private @Nullable JsonNode parse(int code, String body) throws MalformedBody {
        boolean needed = code >= 200 && code < 300 && code != 204;
        if (body.isBlank()) {
            if (needed) {
                throw new MalformedBody(code);
            }
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (needed && (node == null || !node.isObject())) {
                throw new MalformedBody(code);
            }
            return node;
        } catch (JsonProcessingException e) {
            if (needed) {
                throw new MalformedBody(code);
            }
            return null;
        }
    }

    /** A 2xx answer whose body is not the JSON object it should be. */
    private static final class MalformedBody extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        MalformedBody(int code) {
            super("malformed JSON", null, false, false);
            this.code = code;
        }
    }
}
