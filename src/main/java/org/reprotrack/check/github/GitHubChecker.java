package org.reprotrack.check.github;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.Retry;
import org.reprotrack.check.Sleeper;
import org.reprotrack.links.CodeHost;

/**
 * The GitHub checkers behind one door, built from {@link GitHubSettings}: one HTTP client, one
 * rate-limit gate, one retry policy. {@link #check(List)} batches through GraphQL when a token is
 * present and GraphQL is on, else checks per repository over REST with bounded concurrency.
 */
public final class GitHubChecker implements AutoCloseable {
    private static final Duration RETRY_BASE = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final GitHubSettings settings;
    private final OkHttpClient client;
    private final RateLimitGate gate;
    private final GitHubRestChecker rest;
    private final @Nullable GitHubGraphQlChecker graphQl;
    private final GitHubContents contents;
    private final GitHubTransport transport;

    /** Real time, real sleeping, nobody told about waits. */
    public GitHubChecker(GitHubSettings settings) {
        this(settings, Clock.systemUTC(), Sleeper.SYSTEM, RateLimitListener.NONE,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param clock the time for results and rate-limit resets
     * @param sleeper how waits are spent (rate limits and retry back-off)
     * @param listener told when the client waits for a rate limit
     * @param random uniform numbers in [0, 1) for retry jitter
     */
    public GitHubChecker(GitHubSettings settings, Clock clock, Sleeper sleeper, RateLimitListener listener,
            DoubleSupplier random) {
        this(settings, clock, sleeper, listener, random, BudgetShare.NONE);
    }

    /** @param share the rate-limit budget shared with the other nodes using the same token */
    public GitHubChecker(GitHubSettings settings, Clock clock, Sleeper sleeper, RateLimitListener listener,
            DoubleSupplier random, BudgetShare share) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = GitHubHttpClient.create(settings);
        this.gate = new RateLimitGate(clock, sleeper, listener, settings.restConcurrency(),
                settings.graphQlConcurrency(), settings.maxSecondaryStrikes(), share);
        Retry retry = new Retry(settings.maxRetries(), RETRY_BASE, RETRY_MAX, sleeper, random);
        GitHubTransport transport = new GitHubTransport(client, gate, retry, clock, settings.maxRateLimitWaits());
        this.rest = new GitHubRestChecker(settings.restBaseUrl(), transport, settings.maxRedirects());
        this.contents = new GitHubContents(settings.restBaseUrl(), transport);
        this.transport = transport;
        this.graphQl = settings.token() == null ? null
                : new GitHubGraphQlChecker(settings.graphQlUrl(), settings.graphQlBatchSize(), settings.maxRetries(),
                        settings.maxRateLimitWaits(), transport, rest);
    }

    /**
     * One result per repository, in the input order.
     *
     * @throws BadCredentialsException when GitHub rejects the token: the audit must stop
     * @throws IllegalArgumentException when a repository is not on GitHub
     */
    public List<CheckResult> check(List<KnownState> states) {
        for (KnownState s : states) {
            if (s.ref().host() != CodeHost.GITHUB) {
                throw new IllegalArgumentException("not a GitHub repository: " + s.ref().key());
            }
        }
        if (states.isEmpty()) {
            return List.of();
        }
        if (graphQl != null && settings.graphQlUsable()) {
            return graphQl.checkBatch(states);
        }
        return checkOverRest(states);
    }

    /**
     * A fixed pool as wide as the REST concurrency bound (no virtual threads on Java 17); the gate's
     * semaphore is the bound that holds even if callers share the REST checker across threads.
     */
    private List<CheckResult> checkOverRest(List<KnownState> states) {
        int threads = Math.min(settings.restConcurrency(), states.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<CheckResult>> futures = new ArrayList<>(states.size());
            for (KnownState s : states) {
                futures.add(pool.submit(() -> rest.check(s)));
            }
            List<CheckResult> results = new ArrayList<>(states.size());
            for (Future<CheckResult> f : futures) {
                results.add(await(f, futures));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult await(Future<CheckResult> f, List<Future<CheckResult>> all) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            all.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking GitHub repositories", e);
        } catch (ExecutionException e) {
            all.forEach(x -> x.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("GitHub check failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "github-rest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The per-repository REST checker (also used to confirm GraphQL's NOT_FOUNDs). */
    public GitHubRestChecker rest() {
        return rest;
    }

    /** Trees and READMEs, through the same gate and budget as the checks. */
    public GitHubContents contents() {
        return contents;
    }

    /**
     * Trees and READMEs of many repositories per GraphQL query, through the same gate and budget
     * as the checks; needs a token (GraphQL does).
     */
    public GitHubSignals signals(SignalsLimits limits) {
        if (settings.token() == null) {
            throw new IllegalStateException("the batched signals fetch needs a token: GraphQL does");
        }
        return new GitHubSignals(settings.graphQlUrl(), transport, new RestTreeWalker(settings.restBaseUrl(), transport),
                limits, settings.maxRateLimitWaits());
    }

    /** GraphQL is usable and on: checks and signals go in batches. */
    public boolean batches() {
        return graphQl != null && settings.graphQlUsable();
    }

    /** What GitHub last said of a bucket's budget, if an answer told it. */
    public RateLimitGate.@Nullable BudgetView budget(ApiResource resource) {
        return gate.budget(resource);
    }

    /** The batch checker, present when a token is configured. */
    public Optional<GitHubGraphQlChecker> graphQl() {
        return Optional.ofNullable(graphQl);
    }

    /** Requests sent, waits and remaining budget so far. */
    public RateLimitStats stats() {
        return gate.stats();
    }

    /** Releases the HTTP client's threads and pooled connections. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "GitHubChecker[" + settings + "]";
    }
}
