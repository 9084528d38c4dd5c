package org.reprotrack.check;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What counts as transient, and how long to wait before the next attempt. Transient: timeouts,
 * connection errors, 5xx, 408, 429 and malformed or truncated bodies. A transient failure never
 * becomes a dead verdict: after the last attempt the check is UNKNOWN with the reason.
 */
public final class Retry {
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param maxRetries retries after the first attempt
     * @param baseDelay the wait before the first retry, doubled for each next one
     * @param maxDelay the longest wait
     * @param random uniform numbers in [0, 1) for jitter
     */
    public Retry(int maxRetries, Duration baseDelay, Duration maxDelay, Sleeper sleeper, DoubleSupplier random) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
        this.maxAttempts = maxRetries + 1;
        this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Attempts in all, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether an HTTP status is worth another try. */
    public static boolean isTransientStatus(int code) {
        return code >= 500 || code == 408 || code == 429;
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): exponential, capped, with "equal
     * jitter" (half fixed, half random) so parallel workers do not retry in lockstep.
     */
    public Duration delayAfter(int attempt) {
        long base = baseDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    /** Sleeps {@link #delayAfter(int)}. */
    public void pauseAfter(int attempt) throws InterruptedException {
        sleeper.sleep(delayAfter(attempt));
    }

    /** A short reason for an I/O failure, for UNKNOWN's detail. Never includes request headers. */
    public static String describe(IOException e) {
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            return m.contains("connect") ? "connect timeout" + msg : "read timeout";
        }
        if (e instanceof InterruptedIOException) {
            return "timeout (interrupted)" + msg;
        }
        if (e instanceof UnknownHostException) {
            return "unknown host" + msg;
        }
        if (e instanceof ConnectException) {
            return "connection refused" + msg;
        }
        if (e instanceof EOFException || (e.getMessage() != null && e.getMessage().contains("unexpected end of stream"))) {
            return "truncated body" + msg;
        }
        return "connection error (" + e.getClass().getSimpleName() + ")" + msg;
    }
}
