package org.reprotrack.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Keeps at least a minimum interval between two requests to one service (arXiv asks for 3 s). */
final class Throttle {

    /** Waits; tests pass a fake that only records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private @Nullable Instant last;

    Throttle(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until the next request may go out, and counts it as sent. */
    synchronized void acquire() throws InterruptedException {
        if (last != null) {
            Duration wait = Duration.between(clock.instant(), last.plus(interval));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
        }
        last = clock.instant();
    }
}
