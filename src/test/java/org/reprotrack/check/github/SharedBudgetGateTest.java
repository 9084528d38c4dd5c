package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reprotrack.testing.TestClock;

/**
 * Issue 13: the rate-limit gate of one node sharing its token's budget with the others. It tells
 * the share what it reads in the headers, learns from the share what the others saw, and keeps
 * back what the other nodes may have in flight, waiting for the reset instead of spending it.
 */
class SharedBudgetGateTest {

    private static final Instant START = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant RESET = START.plusSeconds(60);

    private final TestClock clock = new TestClock(START);
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final FakeShare share = new FakeShare();

    /** The other nodes, in memory. */
    private static final class FakeShare implements BudgetShare {
        final Map<String, Known> known = new ConcurrentHashMap<>();
        final List<String> published = new ArrayList<>();
        volatile int others = 1;

        @Override
        public synchronized void publish(String resource, int remaining, @Nullable Instant resetAt) {
            published.add(resource + "=" + remaining);
        }

        @Override
        public Map<String, Known> known() {
            return Map.copyOf(known);
        }

        @Override
        public int others() {
            return others;
        }
    }

    private RateLimitGate gate(int restConcurrency) {
        return new RateLimitGate(clock, sleeper, RateLimitListener.NONE, restConcurrency, 1, 3, share);
    }

    private static Headers remaining(int remaining, Instant reset) {
        return Headers.of("x-ratelimit-remaining", String.valueOf(remaining), "x-ratelimit-reset",
                String.valueOf(reset.getEpochSecond()), "x-ratelimit-resource", "core");
    }

    @Test
    void whatTheHeadersSayIsPublishedOncePerChange() throws Exception {
        RateLimitGate gate = gate(2);
        gate.record(ApiResource.CORE, remaining(100, RESET));
        gate.record(ApiResource.CORE, remaining(100, RESET)); // same window, no lower: nothing new
        gate.record(ApiResource.CORE, remaining(120, RESET)); // an older answer arriving late
        gate.record(ApiResource.CORE, remaining(99, RESET));
        gate.budgetSpent(ApiResource.CORE, RESET);
        assertEquals(List.of("core=100", "core=99", "core=0"), share.published);
    }

    @Test
    void aBudgetOnlyTheOtherNodesSawHoldsThisNodeUntilTheReset() throws Exception {
        RateLimitGate gate = gate(2);
        gate.record(ApiResource.CORE, remaining(4000, RESET)); // this node saw plenty
        share.known.put("core", new BudgetShare.Known(3, RESET)); // the others have spent it since

        gate.acquire(ApiResource.CORE).close();

        assertEquals(List.of(Duration.ofSeconds(61)), sleeper.sleeps, "waited for the reset with the others");
        assertTrue(!clock.instant().isBefore(RESET), clock.instant().toString());
    }

    @Test
    void theReserveForTheOtherNodesInFlightIsKeptBack() throws Exception {
        RateLimitGate gate = gate(2);
        share.others = 2; // reserve: 2 other nodes x 2 x concurrency 2 = 8
        gate.record(ApiResource.CORE, remaining(10, RESET));

        RateLimitGate.Permit first = gate.acquire(ApiResource.CORE); // 10 - 0 in flight > 8
        assertEquals(List.of(), sleeper.sleeps);
        gate.record(ApiResource.CORE, remaining(9, RESET));
        first.close();
        gate.acquire(ApiResource.CORE).close(); // 9 - 0 > 8
        gate.record(ApiResource.CORE, remaining(8, RESET));
        gate.acquire(ApiResource.CORE).close(); // 8 - 0 <= 8: wait for the reset
        assertEquals(List.of(Duration.ofSeconds(61)), sleeper.sleeps);
    }

    @Test
    void alone_theRequestsInFlightAreCountedAgainstTheLastKnownBudget() throws Exception {
        RateLimitGate gate = gate(4);
        share.others = 0;
        gate.record(ApiResource.CORE, remaining(2, RESET));
        RateLimitGate.Permit a = gate.acquire(ApiResource.CORE);
        RateLimitGate.Permit b = gate.acquire(ApiResource.CORE);
        assertEquals(List.of(), sleeper.sleeps, "two left, two sent");
        a.close();
        b.close();
        gate.record(ApiResource.CORE, remaining(0, RESET));
        gate.acquire(ApiResource.CORE).close();
        assertEquals(List.of(Duration.ofSeconds(61)), sleeper.sleeps, "none left: wait for the reset");
    }

    @Test
    void withoutSharingAGateBehavesAsBefore() throws Exception {
        RateLimitGate gate = new RateLimitGate(clock, sleeper, RateLimitListener.NONE, 2, 1, 3);
        gate.record(ApiResource.CORE, remaining(1, RESET));
        gate.acquire(ApiResource.CORE).close();
        gate.acquire(ApiResource.CORE).close();
        assertEquals(List.of(), sleeper.sleeps, "one node alone spends its budget to the last request, as before");
    }
}
