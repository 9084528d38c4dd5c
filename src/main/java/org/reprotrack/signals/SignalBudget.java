package org.reprotrack.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.github.ApiResource;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubSignals;
import org.reprotrack.check.github.RateLimitGate;
import org.reprotrack.check.github.RateLimitListener;

/**
 * The signals spend only what the verdicts leave, keeping a reserve of each bucket: before every
 * request it reads the budget GitHub last reported (the same gate the verdicts go through) and
 * lets the request go only if one more leaves at least {@code reserve} of the window's limit.
 * Otherwise it pauses until the window resets when that is at most {@code maxPause} away, and
 * refuses when it is further (the rest is left for the next run: its signals stay stale). It
 * never waits for GitHub to say no: a limit is never risked. Thread-safe.
 */
public final class SignalBudget implements GitHubSignals.Admission {

    /** GitHub's reset is a whole second; one more keeps clear of clock skew. */
    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

    private final GitHubChecker checker;
    private final double reserve;
    private final Duration maxPause;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimitListener listener;
    private final BooleanSupplier stop;
    private volatile int pauses;
    private volatile boolean refused;

    /**
     * @param reserve the share of each bucket's limit left untouched, 0 to 1
     * @param maxPause the longest wait for a window to reset; a longer one defers the rest
     */
    public SignalBudget(GitHubChecker checker, double reserve, Duration maxPause, Clock clock, Sleeper sleeper,
            RateLimitListener listener, BooleanSupplier stop) {
        if (reserve < 0 || reserve >= 1) {
            throw new IllegalArgumentException("signals reserve must be in [0, 1): " + reserve);
        }
        this.checker = Objects.requireNonNull(checker, "checker");
        this.reserve = reserve;
        this.maxPause = Objects.requireNonNull(maxPause, "maxPause");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    @Override
    public boolean mayQuery(ApiResource resource) {
        while (true) {
            if (refused || stop.getAsBoolean()) {
                refused = true;
                return false;
            }
            RateLimitGate.BudgetView b = checker.budget(resource);
            Instant now = clock.instant();
            if (b == null || (b.resetAt() != null && !now.isBefore(b.resetAt()))) {
                return true; // nothing known yet, or a new window since GitHub last said
            }
            int keep = b.limit() == null ? 0 : (int) Math.ceil(b.limit() * reserve);
            if (b.remaining() - 1 >= keep) {
                return true;
            }
            if (b.resetAt() == null) {
                refused = true;
                return false;
            }
            Instant until = b.resetAt().plus(RESET_MARGIN);
            Duration wait = Duration.between(now, until);
            if (wait.compareTo(maxPause) > 0) {
                refused = true; // deferred to the next run rather than holding the audit for long
                return false;
            }
            pauses++;
            listener.waiting(resource.headerName(), until, "signals keep " + keep + " of " + b.limit() + " for verdicts");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused = true;
                return false;
            }
        }
    }

    /** How many times the signals paused for a window to reset. */
    public int pauses() {
        return pauses;
    }

    /** The budget refused a request: what was left is deferred to the next run. */
    public boolean refused() {
        return refused;
    }
}
