package org.reprotrack.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

class StatusPolicyTest {

    private static final RepoRef REF = new RepoRef(CodeHost.GITHUB, "owner/repo");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StatusPolicy policy = new StatusPolicy(Duration.ofHours(24), Duration.ofDays(7),
            List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)), Duration.ofDays(30), Duration.ofHours(1));

    private static CheckResult verdict(RepoStatus status, Instant at) {
        return new CheckResult(REF, at, status, 200, "", null, null, status == RepoStatus.MOVED ? "new/name" : null, null, null, null);
    }

    private StatusPolicy.Transition apply(RepoState state, RepoStatus status, Instant at) {
        return policy.apply(state, null, verdict(status, at));
    }

    @Test
    void firstReachableVerdictIsShownAndCheckedAgainAfterTheHealthyInterval() {
        StatusPolicy.Transition t = apply(RepoState.NEW, RepoStatus.OK, T0);
        assertEquals(CurrentStatus.OK, t.next().status());
        assertEquals(T0, t.next().lastAlive());
        assertEquals(T0.plus(Duration.ofDays(7)), t.next().nextCheck());
        assertEquals(StatusPolicy.Change.NONE, t.change());
    }

    @Test
    void unknownNeverErasesAVerdictAndIsRetriedSoon() {
        RepoState ok = apply(RepoState.NEW, RepoStatus.OK, T0).next();
        StatusPolicy.Transition t = apply(ok, RepoStatus.UNKNOWN, T0.plus(Duration.ofDays(7)));
        assertEquals(CurrentStatus.OK, t.next().status());
        assertEquals(T0, t.next().lastAlive());
        assertEquals(T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)), t.next().nextCheck());
        assertEquals(StatusPolicy.Change.NONE, t.change());
    }

    @Test
    void unknownDoesNotBreakAFailingStreak() {
        RepoState failing = apply(RepoState.NEW, RepoStatus.NOT_FOUND, T0).next();
        RepoState still = apply(failing, RepoStatus.UNKNOWN, T0.plusSeconds(3600)).next();
        assertEquals(CurrentStatus.FAILING, still.status());
        assertEquals(T0, still.firstSeenDead());
    }

    @Test
    void aDeadVerdictIsFailingUntilItHoldsAcrossTheGracePeriod() {
        RepoState alive = apply(RepoState.NEW, RepoStatus.OK, T0).next();
        Instant t1 = T0.plus(Duration.ofDays(7));
        StatusPolicy.Transition first = apply(alive, RepoStatus.NOT_FOUND, t1);
        assertEquals(CurrentStatus.FAILING, first.next().status());
        assertEquals(StatusPolicy.Change.STARTED_FAILING, first.change());
        assertEquals(t1.plus(Duration.ofHours(1)), first.next().nextCheck(), "re-checked sooner");

        StatusPolicy.Transition second = apply(first.next(), RepoStatus.NOT_FOUND, t1.plus(Duration.ofHours(1)));
        assertEquals(CurrentStatus.FAILING, second.next().status());
        assertEquals(t1.plus(Duration.ofHours(7)), second.next().nextCheck(), "second step: 6 h");

        StatusPolicy.Transition third = apply(second.next(), RepoStatus.NOT_FOUND, t1.plus(Duration.ofHours(7)));
        assertEquals(t1.plus(Duration.ofHours(24)), third.next().nextCheck(), "the 24 h step is capped at the end of the grace period");

        StatusPolicy.Transition confirmed = apply(third.next(), RepoStatus.NOT_FOUND, t1.plus(Duration.ofHours(24)));
        assertEquals(CurrentStatus.NOT_FOUND, confirmed.next().status());
        assertEquals(StatusPolicy.Change.NEWLY_DEAD, confirmed.change());
        assertEquals(t1, confirmed.next().firstSeenDead());
        assertEquals(T0, confirmed.next().lastAlive());
        assertEquals(t1.plus(Duration.ofHours(24)).plus(Duration.ofDays(30)), confirmed.next().nextCheck(), "dead: monthly");
    }

    @Test
    void aRecoveryDuringTheGracePeriodClearsTheStreak() {
        RepoState failing = apply(apply(RepoState.NEW, RepoStatus.OK, T0).next(), RepoStatus.BLOCKED, T0.plusSeconds(10)).next();
        StatusPolicy.Transition back = apply(failing, RepoStatus.OK, T0.plusSeconds(3610));
        assertEquals(CurrentStatus.OK, back.next().status());
        assertEquals(StatusPolicy.Change.RECOVERED, back.change());
        assertNull(back.next().firstSeenDead());
        assertEquals(0, back.next().failingChecks());
    }

    @Test
    void aConfirmedDeathCanBeUndone() {
        RepoState dead = new RepoState(CurrentStatus.BLOCKED, T0, T0, null, 3, T0);
        StatusPolicy.Transition t = apply(dead, RepoStatus.OK, T0.plus(Duration.ofDays(30)));
        assertEquals(CurrentStatus.OK, t.next().status());
        assertEquals(StatusPolicy.Change.RECOVERED, t.change());
    }

    @Test
    void aDeadRepositoryStaysDeadAndIsCheckedMonthly() {
        RepoState dead = new RepoState(CurrentStatus.NOT_FOUND, T0, T0, null, 3, T0);
        StatusPolicy.Transition t = apply(dead, RepoStatus.NOT_FOUND, T0.plus(Duration.ofDays(30)));
        assertEquals(CurrentStatus.NOT_FOUND, t.next().status());
        assertEquals(T0, t.next().statusSince());
        assertEquals(StatusPolicy.Change.NONE, t.change());
        assertEquals(T0.plus(Duration.ofDays(60)), t.next().nextCheck());
    }

    @Test
    void aMoveIsReportedOnceUnderItsNewName() {
        StatusPolicy.Transition moved = policy.apply(apply(RepoState.NEW, RepoStatus.OK, T0).next(), null, verdict(RepoStatus.MOVED, T0.plusSeconds(60)));
        assertEquals(StatusPolicy.Change.MOVED, moved.change());
        assertEquals(CurrentStatus.MOVED, moved.next().status());
        StatusPolicy.Transition again = policy.apply(moved.next(), "new/name", verdict(RepoStatus.MOVED, T0.plusSeconds(120)));
        assertEquals(StatusPolicy.Change.NONE, again.change());
    }

    @Test
    void emptyIsNoCodeButNotDeath() {
        StatusPolicy.Transition t = apply(RepoState.NEW, RepoStatus.EMPTY, T0);
        assertEquals(CurrentStatus.EMPTY, t.next().status());
        assertNull(t.next().lastAlive());
        assertNull(t.next().firstSeenDead());
    }

    @Test
    void withNoGracePeriodTheFirstDeadVerdictCounts() {
        StatusPolicy strict = new StatusPolicy(Duration.ZERO, Duration.ofDays(7), List.of(Duration.ofHours(1)), Duration.ofDays(30), Duration.ofHours(1));
        StatusPolicy.Transition t = strict.apply(RepoState.NEW, null, verdict(RepoStatus.NOT_FOUND, T0));
        assertEquals(CurrentStatus.NOT_FOUND, t.next().status());
        assertEquals(StatusPolicy.Change.NEWLY_DEAD, t.change());
    }

    @Test
    void paperStatusFollowsItsCodeLinks() {
        assertEquals(PaperStatus.NO_CODE_LINK, PaperStatus.of(0, false, false, false));
        assertEquals(PaperStatus.HAS_CODE, PaperStatus.of(2, true, false, true));
        assertEquals(PaperStatus.NO_CODE_YET, PaperStatus.of(1, false, true, true));
        assertEquals(PaperStatus.CODE_GONE, PaperStatus.of(1, false, false, true));
        assertEquals(PaperStatus.PENDING, PaperStatus.of(1, false, false, false));
    }

    @Test
    void aPaperPromisingCodeWithoutALinkHasItsOwnStatusAndALinkDecidesOnceThere() {
        assertEquals(PaperStatus.PROMISED_NO_LINK, PaperStatus.of(0, false, false, false, true));
        assertEquals(PaperStatus.NO_CODE_LINK, PaperStatus.of(0, false, false, false, false));
        assertEquals(PaperStatus.HAS_CODE, PaperStatus.of(1, true, false, false, true), "the promised code came");
        assertEquals(PaperStatus.NO_CODE_YET, PaperStatus.of(1, false, true, false, true));
        assertEquals(PaperStatus.PENDING, PaperStatus.of(1, false, false, false, true));
    }
}
