package org.reprotrack.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reprotrack.check.Sleeper;
import org.reprotrack.testing.TestClock;

/** A test clock whose sleeper moves it and remembers every pause. */
final class MutableClock extends TestClock {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    MutableClock(Instant start) {
        super(start);
    }

    Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            advance(d);
        };
    }
}
