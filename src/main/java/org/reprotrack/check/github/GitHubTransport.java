package org.reprotrack.check.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request through the {@link RateLimitGate}, retries what {@link Retry} calls transient,
 * sits out rate limits, and hands back a complete, parsed answer. What it cannot turn into an answer
 * becomes a {@link CheckFailedException}; a 401 becomes a {@link BadCredentialsException}.
 */
final class GitHubTransport {
    private static final Logger log = LoggerFactory.getLogger(GitHubTransport.class);

    private final OkHttpClient client;
    private final RateLimitGate gate;
    private final Retry retry;
    private final Clock clock;
    private final int maxRateLimitWaits;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    GitHubTransport(OkHttpClient client, RateLimitGate gate, Retry retry, Clock clock, int maxRateLimitWaits) {
        this.client = Objects.requireNonNull(client, "client");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxRateLimitWaits = maxRateLimitWaits;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    RateLimitGate gate() {
        return gate;
    }

    Clock clock() {
        return clock;
    }

    /** Sends and retries; see {@link #execute(Request, ApiResource, Set)}. */
    ApiResponse execute(Request request, ApiResource resource) throws CheckFailedException {
        return execute(request, resource, Set.of());
    }

    /**
     * @param passThrough transient statuses the caller handles itself (GraphQL halves its batch on
     *     502/504 rather than resending the same query)
     */
    ApiResponse execute(Request request, ApiResource resource, Set<Integer> passThrough) throws CheckFailedException {
        int attempt = 0;
        int rateLimitWaits = 0;
        while (true) {
            attempt++;
            ApiResponse answer;
            try {
                answer = send(request, resource);
            } catch (IOException e) {
                String reason = Retry.describe(e);
                log.debug("GitHub {} {} failed (attempt {}/{}): {}", request.method(), request.url().encodedPath(),
                        attempt, retry.maxAttempts(), reason);
                giveUpOrPause(attempt, null, reason);
                continue;
            } catch (MalformedBody e) {
                log.debug("GitHub {} {} answered {} with a malformed body (attempt {}/{})", request.method(),
                        request.url().encodedPath(), e.code, attempt, retry.maxAttempts());
                giveUpOrPause(attempt, e.code, "malformed JSON in HTTP " + e.code + " answer");
                continue;
            }
            int code = answer.code();
            if (code == 401) {
                log.error("GitHub rejected the token (401) on {} [request {}]", request.url().encodedPath(),
                        answer.requestId());
                throw new BadCredentialsException(answer.message(), answer.requestId());
            }
            RateLimit limit = rateLimit(answer);
            if (limit != RateLimit.NONE) {
                rateLimitWaits++;
                boolean waiting = rateLimitWaits <= maxRateLimitWaits && (limit == RateLimit.PRIMARY
                        ? spend(resource, answer)
                        : gate.secondaryLimited(answer.retryAfter(clock)));
                if (!waiting) {
                    log.warn("GitHub {} {}: rate limited, giving up [request {}]", request.method(),
                            request.url().encodedPath(), answer.requestId());
                    throw new CheckFailedException(code, "rate limited");
                }
                attempt--; // waiting out a limit is not a failed attempt
                continue;
            }
            gate.answered();
            if (passThrough.contains(code) || !Retry.isTransientStatus(code)) {
                return answer;
            }
            log.debug("GitHub {} {} answered {} (attempt {}/{}) [request {}]", request.method(),
                    request.url().encodedPath(), code, attempt, retry.maxAttempts(), answer.requestId());
            giveUpOrPause(attempt, code, "HTTP " + code + (answer.message() == null ? "" : ": " + answer.message()));
        }
    }

    private boolean spend(ApiResource resource, ApiResponse answer) {
        gate.budgetSpent(resource, answer.resetAt());
        return true;
    }

    private void giveUpOrPause(int attempt, @Nullable Integer code, String reason) throws CheckFailedException {
        if (attempt >= retry.maxAttempts()) {
            log.warn("GitHub: giving up after {} attempts: {}", attempt, reason);
            throw new CheckFailedException(code, reason);
        }
        try {
            retry.pauseAfter(attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException(code, "interrupted while retrying after: " + reason);
        }
    }

    private ApiResponse send(Request request, ApiResource resource) throws IOException, MalformedBody,
            CheckFailedException {
        RateLimitGate.Permit permit;
        try {
            permit = gate.acquire(resource);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException(null, "interrupted while waiting for the rate limit");
        }
        try (permit; Response response = client.newCall(request).execute()) {
            gate.record(resource, response.headers());
            String body = response.body().string();
            return new ApiResponse(response.code(), response.headers(), parse(response.code(), body));
        }
    }

    /**
     * A success needs its JSON; an error body that is not JSON (an HTML 502 page) is simply absent.
     */
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
            if (needed && (node == null || node.isMissingNode())) {
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

    private enum RateLimit { NONE, PRIMARY, SECONDARY }

    /**
     * github-api.md §1.3: a {@code block} object is a verdict, not a limit; the secondary message or
     * a {@code retry-after} means a secondary limit; remaining 0 means the budget is spent.
     */
    private static RateLimit rateLimit(ApiResponse a) {
        if (a.code() != 403 && a.code() != 429) {
            return RateLimit.NONE;
        }
        if (a.block() != null) {
            return RateLimit.NONE;
        }
        if (a.secondaryRateLimitMessage()) {
            return RateLimit.SECONDARY;
        }
        if (a.budgetSpentHeader() || a.primaryRateLimitMessage()) {
            return RateLimit.PRIMARY;
        }
        if (a.headers().get("retry-after") != null) {
            return RateLimit.SECONDARY;
        }
        return RateLimit.NONE;
    }

    /** A 2xx answer whose body is not the JSON it should be. */
    private static final class MalformedBody extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        MalformedBody(int code) {
            super("malformed JSON", null, false, false);
            this.code = code;
        }
    }
}
