package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.github.Fixtures.file;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;

class RateLimitGateTest extends GitHubTestBase {
    private static final String HELLO = "octokit-fixture-org/hello-world";

    @Test
    void spentBudgetHoldsEveryRequestUntilTheReset() {
        Instant reset = START.plusSeconds(600);
        routes.on("/repos/a/one", file(404, "not-found-404.json")
                        .addHeader("x-ratelimit-remaining", "0")
                        .addHeader("x-ratelimit-reset", epoch(reset))
                        .addHeader("x-ratelimit-resource", "core"))
                .on("/repos/a/two", file(404, "not-found-404.json")
                        .addHeader("x-ratelimit-remaining", "4999")
                        .addHeader("x-ratelimit-reset", epoch(reset.plusSeconds(3600))));
        GitHubChecker github = github();

        github.rest().check(fresh("a/one"));
        CheckResult second = github.rest().check(fresh("a/two"));

        assertEquals(RepoStatus.NOT_FOUND, second.status());
        assertEquals(START, routes.arrivals.get(0));
        assertTrue(routes.arrivals.get(1).isAfter(reset), "no request before the reset: " + routes.arrivals);
        assertEquals(List.of(Duration.ofSeconds(601)), sleeper.sleeps);
        assertEquals(List.of("core budget spent until 2026-01-10T10:10:01Z"), waits);
        RateLimitStats stats = github.stats();
        assertEquals(2, stats.requestsSent());
        assertEquals(2L, stats.requestsByResource().get("core"));
        assertEquals(1, stats.waits());
        assertEquals(Duration.ofSeconds(601), stats.totalWait());
        assertEquals(4999, stats.remaining().get("core"));
    }

    @Test
    void primaryLimit403WaitsForTheResetThenRetriesTheSameRequest() {
        Instant reset = START.plusSeconds(120);
        routes.on("/repos/" + HELLO,
                file(403, "primary-limit-403.json")
                        .addHeader("x-ratelimit-remaining", "0")
                        .addHeader("x-ratelimit-limit", "60")
                        .addHeader("x-ratelimit-reset", epoch(reset)),
                file(200, "repo-archived.json"));

        CheckResult r = github(settings(null)).rest().check(fresh(HELLO));

        assertEquals(RepoStatus.ARCHIVED, r.status());
        assertEquals(2, routes.arrivals.size());
        assertFalse(routes.arrivals.get(1).isBefore(reset.plusSeconds(1)));
    }

    @Test
    void primaryLimitThatNeverLiftsEndsUnknownRateLimited() {
        routes.on("/repos/" + HELLO, file(403, "primary-limit-403.json")
                .addHeader("x-ratelimit-remaining", "0")
                .addHeader("x-ratelimit-reset", epoch(START.plusSeconds(60))));

        CheckResult r = github().rest().check(fresh(HELLO));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals("rate limited", r.detail());
        assertEquals(4, server.getRequestCount(), "one try and three waits");
    }

    @Test
    void secondaryLimitWithRetryAfterPausesTheClientThatLong() {
        routes.on("/repos/" + HELLO,
                file(403, "secondary-limit-403.json").addHeader("retry-after", "8")
                        .addHeader("x-ratelimit-remaining", "4000"),
                file(200, "repo-archived.json"));

        CheckResult r = github().rest().check(fresh(HELLO));

        assertEquals(RepoStatus.ARCHIVED, r.status());
        assertEquals(List.of(Duration.ofSeconds(8)), sleeper.sleeps);
        assertEquals(List.of("* secondary rate limit until 2026-01-10T10:00:08Z"), waits);
    }

    @Test
    void secondaryLimitWithoutRetryAfterWaitsAMinuteThenDoubles() {
        routes.on("/repos/" + HELLO,
                file(403, "secondary-limit-403.json"),
                file(403, "secondary-limit-403.json"),
                file(200, "repo-archived.json"));

        assertEquals(RepoStatus.ARCHIVED, github().rest().check(fresh(HELLO)).status());
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(120)), sleeper.sleeps);
    }

    @Test
    void tooManyRequestsWithRetryAfterIsASecondaryLimit() {
        routes.on("/repos/" + HELLO,
                Fixtures.json(429, "{\"message\":\"Too Many Requests\"}").addHeader("retry-after", "3"),
                file(200, "repo-archived.json"));

        assertEquals(RepoStatus.ARCHIVED, github().rest().check(fresh(HELLO)).status());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps);
    }

    @Test
    void secondaryLimitGivesUpAfterTheBoundWithUnknownRateLimited() {
        routes.on("/repos/" + HELLO, file(403, "secondary-limit-403.json"));

        CheckResult r = github().rest().check(fresh(HELLO));

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals("rate limited", r.detail());
        assertEquals(403, r.httpStatus());
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240)),
                sleeper.sleeps);
    }

    @Test
    void secondaryPauseHoldsTheWholeClientIncludingGraphQl() throws Exception {
        RateLimitGate gate = new RateLimitGate(clock, sleeper, RateLimitListener.NONE, 4, 2, 5);

        assertTrue(gate.secondaryLimited(Duration.ofSeconds(30)));
        gate.acquire(ApiResource.GRAPHQL).close();

        assertEquals(List.of(Duration.ofSeconds(30)), sleeper.sleeps);
        assertEquals(1L, gate.stats().requestsByResource().get("graphql"));
    }

    @Test
    void answersOfAnEarlierMomentDoNotRaiseTheBudgetOfTheSameWindow() {
        RateLimitGate gate = new RateLimitGate(clock, sleeper, RateLimitListener.NONE, 4, 2, 5);
        String reset = epoch(START.plusSeconds(3600));

        gate.record(ApiResource.CORE, Headers.of("x-ratelimit-remaining", "10", "x-ratelimit-reset", reset));
        gate.record(ApiResource.CORE, Headers.of("x-ratelimit-remaining", "12", "x-ratelimit-reset", reset));

        assertEquals(10, gate.remaining(ApiResource.CORE));
    }

    @Test
    void restRequestsInFlightNeverExceedTheConcurrencyBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        String notFound = Fixtures.read("not-found-404.json");
        GitHubChecker github = github(settings(TOKEN).withConcurrency(2, 1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Thread.sleep(30);
                inFlight.decrementAndGet();
                return Fixtures.json(404, notFound).build();
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<CheckResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String path = "a/r" + i;
                results.add(callers.submit(() -> github.rest().check(fresh(path))));
            }
            for (Future<CheckResult> f : results) {
                assertEquals(RepoStatus.NOT_FOUND, f.get().status());
            }
        } finally {
            callers.shutdownNow();
        }
        assertTrue(max.get() <= 2, "max in flight " + max.get());
        assertEquals(16, server.getRequestCount());
    }

    @Test
    void graphQlQueriesInFlightNeverExceedTheirOwnBound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        GitHubChecker github = github(settings(TOKEN).withConcurrency(4, 1));
        GitHubGraphQlChecker graphQl = github.graphQl().orElseThrow();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Thread.sleep(30);
                inFlight.decrementAndGet();
                try {
                    return GraphQlAnswers.allFound(GraphQlAnswers.MAPPER.readTree(request.getBody().utf8())).build();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CheckResult>>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String path = "a/r" + i;
                results.add(callers.submit(() -> graphQl.checkBatch(List.of(fresh(path)))));
            }
            for (Future<List<CheckResult>> f : results) {
                assertEquals(RepoStatus.OK, f.get().get(0).status());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, max.get(), "max in flight");
        assertEquals(6L, github.stats().requestsByResource().get("graphql"));
    }
}
