package org.reprotrack.check.github;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rate-limit budget shared with the other processes that use the same token (other nodes of a
 * cluster). The {@link RateLimitGate} tells it every budget it reads in GitHub's headers and asks
 * it what the others saw; it keeps back enough of the budget for what the others may have in
 * flight, so together the nodes never send a request GitHub would refuse for the budget.
 * Implementations throttle their own I/O; the gate calls them on every request.
 */
public interface BudgetShare {

    /** A bucket's budget as some node last saw it. */
    record Known(int remaining, Instant resetAt) {
    }

    /** Tells the others what this node just read in a header (or that the budget is spent). */
    void publish(String resource, int remaining, @Nullable Instant resetAt);

    /** What the nodes together know, per bucket ({@code core}, {@code graphql}); may be a cached view. */
    Map<String, Known> known();

    /** How many other processes spend the same token now (0 alone). */
    int others();

    /** No sharing: one process, its own headers only. */
    BudgetShare NONE = new BudgetShare() {
        @Override
        public void publish(String resource, int remaining, @Nullable Instant resetAt) {
        }

        @Override
        public Map<String, Known> known() {
            return Map.of();
        }

        @Override
        public int others() {
            return 0;
        }
    };
}
