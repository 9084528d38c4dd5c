package org.reprotrack.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one check into a repository's next state. The rules (status-model.md):
 *
 * <pre>
 * verdict                  | previous status          | next status             | next check
 * -------------------------+--------------------------+-------------------------+--------------------------
 * UNKNOWN                  | any                      | unchanged               | now + unknown retry
 * OK, ARCHIVED, MOVED,     | any                      | the verdict (recovered  | now + healthy interval
 *   EMPTY, PLACEHOLDER     |                          |   if it was dead)       |
 * NOT_FOUND, BLOCKED,      | dead already             | the verdict             | now + dead interval
 *   REPLACED               | otherwise, streak < grace| FAILING                 | failing step, capped at the
 *                          |                          |                         |   end of the grace period
 *                          | otherwise, streak >= grace| the verdict (newly dead)| now + dead interval
 * </pre>
 *
 * A dead verdict therefore needs two checks at least the grace period apart; UNKNOWN never
 * erases a verdict and never starts or breaks a failing streak.
 */
public final class StatusPolicy {

    private final Duration grace;
    private final Duration healthyInterval;
    private final List<Duration> failingIntervals;
    private final Duration deadInterval;
    private final Duration unknownRetry;

    public StatusPolicy(Duration grace, Duration healthyInterval, List<Duration> failingIntervals,
            Duration deadInterval, Duration unknownRetry) {
        if (failingIntervals.isEmpty()) {
            throw new IllegalArgumentException("at least one failing interval");
        }
        this.grace = grace;
        this.healthyInterval = healthyInterval;
        this.failingIntervals = List.copyOf(failingIntervals);
        this.deadInterval = deadInterval;
        this.unknownRetry = unknownRetry;
    }

    /** What one check changed. */
    public enum Change {
        NONE, NEWLY_DEAD, RECOVERED, MOVED, STARTED_FAILING, OTHER
    }

    /**
     * The next state.
     *
     * @param movedBefore the new name recorded for the repository before this check, if any
     */
    public Transition apply(RepoState previous, @Nullable String movedBefore, CheckResult result) {
        return apply(previous, movedBefore, result.status(), result.checkedAt(), result.movedTo());
    }

    /** The next state after a verdict given at {@code now} (also used for web pages, which have no CheckResult). */
    public Transition apply(RepoState previous, @Nullable String movedBefore, RepoStatus verdict, Instant now,
            @Nullable String movedTo) {
        if (verdict == RepoStatus.UNKNOWN) {
            RepoState next = new RepoState(previous.status(), previous.statusSince(), previous.firstSeenDead(),
                    previous.lastAlive(), previous.failingChecks(), now.plus(unknownRetry));
            return new Transition(next, Change.NONE);
        }
        if (!verdict.dead()) {
            CurrentStatus status = CurrentStatus.of(verdict);
            Instant lastAlive = status.reachable() ? now : previous.lastAlive();
            Instant since = status == previous.status() ? previous.statusSince() : now;
            RepoState next = new RepoState(status, since, null, lastAlive, 0, now.plus(healthyInterval));
            return new Transition(next, change(previous.status(), status, movedBefore, movedTo));
        }
        CurrentStatus confirmed = CurrentStatus.of(verdict);
        if (previous.status().dead()) {
            Instant since = confirmed == previous.status() ? previous.statusSince() : now;
            RepoState next = new RepoState(confirmed, since, previous.firstSeenDead(), previous.lastAlive(),
                    previous.failingChecks() + 1, now.plus(deadInterval));
            return new Transition(next, confirmed == previous.status() ? Change.NONE : Change.OTHER);
        }
        Instant firstSeenDead = previous.firstSeenDead() != null ? previous.firstSeenDead() : now;
        int failing = previous.failingChecks() + 1;
        if (Duration.between(firstSeenDead, now).compareTo(grace) >= 0) {
            RepoState next = new RepoState(confirmed, now, firstSeenDead, previous.lastAlive(), failing, now.plus(deadInterval));
            return new Transition(next, Change.NEWLY_DEAD);
        }
        Duration step = failingIntervals.get(Math.min(failing - 1, failingIntervals.size() - 1));
        Instant graceEnds = firstSeenDead.plus(grace);
        Instant nextCheck = now.plus(step).isBefore(graceEnds) ? now.plus(step) : graceEnds;
        Instant since = previous.status() == CurrentStatus.FAILING ? previous.statusSince() : now;
        RepoState next = new RepoState(CurrentStatus.FAILING, since, firstSeenDead, previous.lastAlive(), failing, nextCheck);
        return new Transition(next, previous.status() == CurrentStatus.FAILING ? Change.NONE : Change.STARTED_FAILING);
    }

    private static Change change(CurrentStatus before, CurrentStatus after, @Nullable String movedBefore, @Nullable String movedTo) {
        if (after == CurrentStatus.MOVED && (before != CurrentStatus.MOVED || !java.util.Objects.equals(movedBefore, movedTo))) {
            return Change.MOVED;
        }
        if ((before.dead() || before == CurrentStatus.FAILING) && !after.dead()) {
            return Change.RECOVERED;
        }
        return before == after || before == CurrentStatus.PENDING ? Change.NONE : Change.OTHER;
    }

    /** The next state and what changed. */
    public record Transition(RepoState next, Change change) {
        /** The shown status differs from the previous one. */
        public boolean changed(RepoState previous) {
            return next.status() != previous.status();
        }
    }
}
