package org.reprotrack.check;

import java.time.Duration;

/** Waiting, made replaceable so tests can check how long the client would pause without pausing. */
@FunctionalInterface
public interface Sleeper {
    /** Blocks the calling thread for the given time. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps. */
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };
}
