package org.reprotrack.check.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door every request of a client goes through (github-api.md §4.5). It bounds concurrency
 * per bucket, reads the {@code x-ratelimit-*} headers of every answer, holds all requests of a
 * bucket while its budget is spent until the reset, and pauses the whole client on a secondary
 * limit. Thread-safe; time and sleeping are injected.
 */
public final class RateLimitGate {
    private static final Logger log = LoggerFactory.getLogger(RateLimitGate.class);

    /** GitHub's reset is a whole second; one more second keeps us clear of clock skew (§4.4). */
    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);
    /** Wait when the budget is spent but GitHub gave no reset time. */
    private static final Duration UNKNOWN_RESET_WAIT = Duration.ofSeconds(60);
    private static final Duration SECONDARY_FIRST_WAIT = Duration.ofSeconds(60);
    private static final Duration SECONDARY_MAX_WAIT = Duration.ofMinutes(15);
    private static final String WHOLE_CLIENT = "*";

    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimitListener listener;
    private final int maxSecondaryStrikes;
    private final Map<ApiResource, Semaphore> inFlight = new EnumMap<>(ApiResource.class);
    private final Map<ApiResource, Integer> concurrency = new EnumMap<>(ApiResource.class);
    private final BudgetShare share;

    // Guarded by this: requests of this client sent and not yet answered, per bucket.
    private final Map<String, Integer> outstanding = new HashMap<>();

    // Guarded by this.
    private final Map<String, Budget> budgets = new HashMap<>();
    private @Nullable Instant pausedUntil;
    private int secondaryStrikes;

    private final AtomicLong sent = new AtomicLong();
    private final Map<String, LongAdder> sentByResource = new ConcurrentHashMap<>();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();

    private record Budget(int remaining, @Nullable Instant resetAt, @Nullable Integer limit) { }

    /**
     * What GitHub last said of one bucket, for callers that spend only what others leave (signals).
     *
     * @param remaining requests or points left in the window
     * @param limit the window's size, when GitHub said
     * @param resetAt when the window starts over, when GitHub said
     */
    public record BudgetView(int remaining, @Nullable Integer limit, @Nullable Instant resetAt) { }

    private record Wait(String resource, Instant until, String reason) { }

    public RateLimitGate(Clock clock, Sleeper sleeper, RateLimitListener listener,
            int restConcurrency, int graphQlConcurrency, int maxSecondaryStrikes) {
        this(clock, sleeper, listener, restConcurrency, graphQlConcurrency, maxSecondaryStrikes, BudgetShare.NONE);
    }

    /**
     * @param share the budget shared with the other nodes using the same token: this client then
     *     also waits when the budget the nodes know of, less what this client has in flight, is
     *     down to what the other nodes may have in flight
     */
    public RateLimitGate(Clock clock, Sleeper sleeper, RateLimitListener listener,
            int restConcurrency, int graphQlConcurrency, int maxSecondaryStrikes, BudgetShare share) {
        this.share = Objects.requireNonNull(share, "share");
        concurrency.put(ApiResource.CORE, restConcurrency);
        concurrency.put(ApiResource.GRAPHQL, graphQlConcurrency);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxSecondaryStrikes = maxSecondaryStrikes;
        inFlight.put(ApiResource.CORE, new Semaphore(restConcurrency, true));
        inFlight.put(ApiResource.GRAPHQL, new Semaphore(graphQlConcurrency, true));
    }

    /** A slot for one request; closing it frees the slot. */
    public final class Permit implements AutoCloseable {
        private final Semaphore semaphore;
        private final String bucket;
        private boolean closed;

        private Permit(Semaphore semaphore, String bucket) {
            this.semaphore = semaphore;
            this.bucket = bucket;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                synchronized (RateLimitGate.this) {
                    outstanding.merge(bucket, -1, Integer::sum);
                }
                semaphore.release();
            }
        }
    }

    /**
     * Waits until the bucket may be spent and a concurrency slot is free, then counts the request
     * as sent. No request leaves before a spent budget resets or a secondary pause ends.
     */
    public Permit acquire(ApiResource resource) throws InterruptedException {
        Semaphore semaphore = Objects.requireNonNull(inFlight.get(resource));
        while (true) {
            awaitOpen(resource);
            semaphore.acquire();
            synchronized (this) {
                if (waitNeeded(resource) == null) {
                    sent.incrementAndGet();
                    sentByResource.computeIfAbsent(resource.headerName(), k -> new LongAdder()).increment();
                    outstanding.merge(resource.headerName(), 1, Integer::sum);
                    return new Permit(semaphore, resource.headerName());
                }
            }
            // A pause began while we queued for the slot: give it back and wait again.
            semaphore.release();
        }
    }

    private void awaitOpen(ApiResource resource) throws InterruptedException {
        while (true) {
            Wait wait;
            Map<String, BudgetShare.Known> shared = share.known(); // outside the lock: it may read the database
            synchronized (this) {
                shared.forEach((k, v) -> merge(k, v.remaining(), v.resetAt(), null));
                wait = waitNeeded(resource);
            }
            if (wait == null) {
                return;
            }
            Duration d = Duration.between(clock.instant(), wait.until());
            log.info("GitHub {}: {}; waiting until {}", wait.resource(), wait.reason(), wait.until());
            listener.waiting(wait.resource(), wait.until(), wait.reason());
            waits.incrementAndGet();
            waitedNanos.addAndGet(d.toNanos());
            sleeper.sleep(d);
        }
    }

    private @Nullable Wait waitNeeded(ApiResource resource) {
        Instant now = clock.instant();
        if (pausedUntil != null && now.isBefore(pausedUntil)) {
            return new Wait(WHOLE_CLIENT, pausedUntil, "secondary rate limit");
        }
        Budget b = budgets.get(resource.headerName());
        if (b != null && b.remaining() <= 0 && b.resetAt() != null) {
            Instant until = b.resetAt().plus(RESET_MARGIN);
            if (now.isBefore(until)) {
                return new Wait(resource.headerName(), until, "budget spent");
            }
        }
        if (b != null && b.resetAt() != null && now.isBefore(b.resetAt()) && share != BudgetShare.NONE) {
            // Shared with other nodes: keep back what they (and this client) may have in flight and
            // not yet seen in a header, twice over for the delay of the shared view.
            int others = share.others();
            int reserve = others * 2 * concurrency.getOrDefault(resource, 1);
            int mine = outstanding.getOrDefault(resource.headerName(), 0);
            if (b.remaining() - mine <= reserve && (others > 0 || b.remaining() - mine <= 0)) {
                return new Wait(resource.headerName(), b.resetAt().plus(RESET_MARGIN),
                        "budget low (" + b.remaining() + " left, kept for the " + (others + 1) + " nodes sharing the token)");
            }
        }
        return null;
    }

    /** Reads the {@code x-ratelimit-*} headers of an answer, whatever its status. */
    public void record(ApiResource asked, Headers headers) {
        Integer remaining = intHeader(headers, "x-ratelimit-remaining");
        if (remaining == null) {
            return;
        }
        String resource = headers.get("x-ratelimit-resource");
        String key = resource == null || resource.isBlank() ? asked.headerName() : resource.strip();
        Long reset = longHeader(headers, "x-ratelimit-reset");
        Instant resetAt = reset == null ? null : Instant.ofEpochSecond(reset);
        Integer limit = intHeader(headers, "x-ratelimit-limit");
        boolean changed;
        synchronized (this) {
            changed = merge(key, remaining, resetAt, limit);
        }
        if (changed) {
            share.publish(key, remaining, resetAt); // outside the lock: it may write to the database
        }
    }

    /**
     * Answers of one window can arrive out of order under concurrency (and from other nodes):
     * within a window the budget only shrinks, so the smaller count is kept; a later reset starts
     * a new window, an earlier one is an old answer.
     *
     * @return whether the known budget changed
     */
    private boolean merge(String key, int remaining, @Nullable Instant resetAt, @Nullable Integer limit) {
        Budget old = budgets.get(key);
        if (old != null && Objects.equals(old.resetAt(), resetAt) && old.remaining() <= remaining) {
            return false;
        }
        if (old != null && old.resetAt() != null && resetAt != null && resetAt.isBefore(old.resetAt())) {
            return false;
        }
        // another node's share says nothing of the limit: keep the one this node read
        budgets.put(key, new Budget(remaining, resetAt, limit != null ? limit : old == null ? null : old.limit()));
        return true;
    }

    /**
     * The bucket's budget is spent (a 403/429 with remaining 0, or a GraphQL {@code RATE_LIMITED}
     * error, which may come without the header). Requests wait until {@code resetAt}, or a minute
     * when GitHub did not say.
     */
    public void budgetSpent(ApiResource resource, @Nullable Instant resetAt) {
        Instant reset = spent(resource, resetAt);
        share.publish(resource.headerName(), 0, reset);
    }

    private synchronized Instant spent(ApiResource resource, @Nullable Instant resetAt) {
        Instant now = clock.instant();
        Budget known = budgets.get(resource.headerName());
        Instant reset = resetAt;
        if (reset == null && known != null) {
            reset = known.resetAt();
        }
        if (reset == null || !reset.isAfter(now)) {
            reset = now.plus(UNKNOWN_RESET_WAIT);
        }
        budgets.put(resource.headerName(), new Budget(0, reset, known == null ? null : known.limit()));
        return reset;
    }

    /**
     * A secondary limit was hit: pause the whole client for {@code retryAfter}, else 60 s doubling
     * with every strike in a row (capped at 15 min).
     *
     * @return false when the strikes exceed the bound: give up instead of waiting
     */
    public synchronized boolean secondaryLimited(@Nullable Duration retryAfter) {
        secondaryStrikes++;
        if (secondaryStrikes > maxSecondaryStrikes) {
            return false;
        }
        Duration wait = retryAfter != null && !retryAfter.isNegative()
                ? retryAfter
                : backoff(secondaryStrikes);
        Instant until = clock.instant().plus(wait);
        if (pausedUntil == null || until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return true;
    }

    private static Duration backoff(int strike) {
        Duration d = SECONDARY_FIRST_WAIT.multipliedBy(1L << Math.min(strike - 1, 10));
        return d.compareTo(SECONDARY_MAX_WAIT) > 0 ? SECONDARY_MAX_WAIT : d;
    }

    /** An answer that was not a rate limit: the secondary back-off starts over. */
    public synchronized void answered() {
        secondaryStrikes = 0;
    }

    /** The last remaining count seen for a bucket, if any. */
    public synchronized @Nullable Integer remaining(ApiResource resource) {
        Budget b = budgets.get(resource.headerName());
        return b == null ? null : b.remaining();
    }

    /** The last budget seen for a bucket, if any answer told it. */
    public synchronized @Nullable BudgetView budget(ApiResource resource) {
        Budget b = budgets.get(resource.headerName());
        return b == null ? null : new BudgetView(b.remaining(), b.limit(), b.resetAt());
    }

    /** Counters for progress lines and run summaries. */
    public RateLimitStats stats() {
        Map<String, Long> byResource = new HashMap<>();
        sentByResource.forEach((k, v) -> byResource.put(k, v.sum()));
        Map<String, Integer> remaining = new HashMap<>();
        synchronized (this) {
            budgets.forEach((k, v) -> remaining.put(k, v.remaining()));
        }
        return new RateLimitStats(sent.get(), byResource, waits.get(), Duration.ofNanos(waitedNanos.get()), remaining);
    }

    static @Nullable Integer intHeader(Headers headers, String name) {
        Long v = longHeader(headers, name);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    static @Nullable Long longHeader(Headers headers, String name) {
        String v = headers.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
