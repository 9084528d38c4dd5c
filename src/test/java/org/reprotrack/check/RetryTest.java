package org.reprotrack.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void serverErrorsTimeoutsAndTooManyRequestsAreTransientClientErrorsAreNot() {
        for (int code : new int[] {500, 502, 503, 504, 408, 429}) {
            assertTrue(Retry.isTransientStatus(code), "transient: " + code);
        }
        for (int code : new int[] {200, 301, 304, 401, 403, 404, 409, 451}) {
            assertFalse(Retry.isTransientStatus(code), "a verdict, not transient: " + code);
        }
    }

    @Test
    void delayDoublesWithEachAttemptUpToTheCapWithJitterInTheUpperHalf() {
        Retry low = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Sleeper.SYSTEM, () -> 0.0);
        Retry high = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Sleeper.SYSTEM, () -> 0.999_999);

        assertEquals(Duration.ofMillis(500), low.delayAfter(1));
        assertEquals(Duration.ofMillis(1000), low.delayAfter(2));
        assertEquals(Duration.ofMillis(2000), low.delayAfter(3));
        assertEquals(Duration.ofMillis(2500), low.delayAfter(4), "capped at 5 s before jitter");
        assertEquals(Duration.ofMillis(999), high.delayAfter(1));
        assertEquals(Duration.ofMillis(4999), high.delayAfter(9));
        assertEquals(6, low.maxAttempts());
    }

    @Test
    void ioFailuresAreDescribedByKind() {
        assertEquals("read timeout", Retry.describe(new SocketTimeoutException("timeout")));
        assertTrue(Retry.describe(new SocketTimeoutException("Connect timed out")).startsWith("connect timeout"));
        assertTrue(Retry.describe(new ConnectException("refused")).startsWith("connection refused"));
        assertTrue(Retry.describe(new EOFException("\\n not found")).startsWith("truncated body"));
    }

    @Test
    void pauseUsesTheInjectedSleeper() throws Exception {
        java.util.List<Duration> sleeps = new java.util.ArrayList<>();
        new Retry(2, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add, () -> 0.5).pauseAfter(2);

        assertEquals(java.util.List.of(Duration.ofMillis(150)), sleeps);
    }
}
