package org.reprotrack.audit;

import java.time.Duration;

/**
 * How many work items a worker claims at once, from its measured throughput: enough for
 * {@link #target(Duration)} of work (a fraction of the lease, and a few seconds at most, so a node
 * that joins a run late still finds work and the split stays fair), never more than one round of
 * the checker ({@code max}: the GraphQL chunks or REST threads it keeps busy) and never less than
 * one. Before anything is measured it claims {@code first}. Not thread-safe: one per worker.
 */
final class ClaimSizer {

    /** A claim holds at most this much work, whatever the lease: a late joiner waits no longer for work. */
    static final Duration MAX_TARGET = Duration.ofSeconds(5);
    /** Weight of the newest claim in the throughput average. */
    private static final double NEWEST = 0.5;

    private final int first;
    private final int max;
    private final Duration target;
    private double perSecond = Double.NaN;

    ClaimSizer(int first, int max, Duration lease) {
        this.max = Math.max(1, max);
        this.first = Math.max(1, Math.min(first, this.max));
        this.target = target(lease);
    }

    /** A quarter of the lease, at most {@link #MAX_TARGET}: a claim finishes well within its lease. */
    static Duration target(Duration lease) {
        Duration quarter = lease.dividedBy(4);
        return quarter.compareTo(MAX_TARGET) < 0 ? quarter : MAX_TARGET;
    }

    /** The size of the next claim. */
    int next() {
        if (Double.isNaN(perSecond)) {
            return first;
        }
        long items = (long) Math.floor(perSecond * target.toMillis() / 1000.0);
        return (int) Math.max(1, Math.min(max, items));
    }

    /** Items finished (checked and recorded) by a claim, and how long that took. */
    void finished(int items, Duration took) {
        if (items <= 0) {
            return;
        }
        double seconds = Math.max(took.toNanos(), 1_000_000L) / 1e9;
        double rate = items / seconds;
        perSecond = Double.isNaN(perSecond) ? rate : NEWEST * rate + (1 - NEWEST) * perSecond;
    }

    /** Items per second as measured so far, NaN before the first claim ends. */
    double perSecond() {
        return perSecond;
    }
}
