package org.reprotrack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 13: claims sized from measured throughput so they finish well within the lease. */
class ClaimSizerTest {

    @Test
    void theFirstClaimIsTheGuessThenAQuarterOfTheLeaseOfMeasuredWork() {
        ClaimSizer sizer = new ClaimSizer(8, 1000, Duration.ofSeconds(12));
        assertEquals(8, sizer.next());
        sizer.finished(8, Duration.ofMillis(400)); // 20 a second
        assertEquals(60, sizer.next(), "3 s (a quarter of 12 s) at 20 a second");
    }

    @Test
    void aLongLeaseStillMakesClaimsOfAFewSecondsSoALateJoinerFindsWork() {
        ClaimSizer sizer = new ClaimSizer(8, 1000, Duration.ofSeconds(120));
        sizer.finished(100, Duration.ofSeconds(1));
        assertEquals(500, sizer.next(), "5 s at 100 a second, not 30 s");
    }

    @Test
    void aSlowDownShrinksTheNextClaimsAndTheSizeStaysWithinOneAndTheMaximum() {
        ClaimSizer sizer = new ClaimSizer(50, 32, Duration.ofSeconds(20));
        assertEquals(32, sizer.next(), "the first guess is capped too");
        sizer.finished(32, Duration.ofMillis(100));
        assertEquals(32, sizer.next(), "one round of the checker at most");
        sizer.finished(2, Duration.ofSeconds(20));
        assertEquals(32, sizer.next(), "one slow claim weighs half: still fast on average");
        for (int i = 0; i < 20; i++) {
            sizer.finished(1, Duration.ofSeconds(30));
        }
        assertEquals(1, sizer.next(), "GitHub slowed down for good: never less than one");
    }
}
