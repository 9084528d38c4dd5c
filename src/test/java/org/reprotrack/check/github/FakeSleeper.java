package org.reprotrack.check.github;

import org.reprotrack.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reprotrack.check.Sleeper;

/** Sleeps by moving the fake clock, and remembers every pause. */
final class FakeSleeper implements Sleeper {
    private final TestClock clock;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }
}
