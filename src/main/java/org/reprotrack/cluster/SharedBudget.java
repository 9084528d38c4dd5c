package org.reprotrack.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.github.BudgetShare;
import org.reprotrack.store.BudgetStore;
import org.reprotrack.store.NodeStore;
import org.reprotrack.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub budget of one token shared through the database ({@code rate_budget}, keyed by the
 * token's fingerprint): every node writes what it reads in GitHub's headers and reads what the
 * others wrote, so a node that has not yet seen the budget fall learns it from the others, and all
 * of them wait for the reset together. The database is touched at most every
 * {@link #QUIET_INTERVAL} while the budget is plentiful and every {@link #LOW_INTERVAL} once it is
 * low. A database error never fails a check: the node then goes on with its own headers.
 */
public final class SharedBudget implements BudgetShare {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBudget.class);

    /** Below this many requests left, every answer's count is shared and the view refreshed often. */
    static final int LOW = 500;
    static final Duration QUIET_INTERVAL = Duration.ofSeconds(1);
    static final Duration LOW_INTERVAL = Duration.ofMillis(50);
    private static final Duration NODES_INTERVAL = Duration.ofSeconds(2);

    private final BudgetStore budgets;
    private final NodeStore nodes;
    private final String fingerprint;
    private final Clock clock;
    private final @Nullable String instance;

    private final Map<String, Instant> published = new ConcurrentHashMap<>();
    private volatile Map<String, Known> view = Map.of();
    private volatile Instant viewAt = Instant.EPOCH;
    private volatile boolean low;
    private volatile int others;
    private volatile Instant othersAt = Instant.EPOCH;

    /**
     * @param instance this process's check-in name, not counted among the others; null when it
     *     does not check in (then every live instance is another)
     */
    public SharedBudget(BudgetStore budgets, NodeStore nodes, String fingerprint, Clock clock, @Nullable String instance) {
        this.instance = instance;
        this.budgets = budgets;
        this.nodes = nodes;
        this.fingerprint = fingerprint;
        this.clock = clock;
    }

    @Override
    public void publish(String resource, int remaining, @Nullable Instant resetAt) {
        if (resetAt == null) {
            return;
        }
        Instant now = clock.instant();
        boolean isLow = remaining < LOW;
        low |= isLow;
        Instant last = published.get(resource);
        if (!isLow && last != null && Duration.between(last, now).compareTo(QUIET_INTERVAL) < 0) {
            return;
        }
        published.put(resource, now);
        try {
            budgets.record(fingerprint, resource, remaining, resetAt, now);
        } catch (StoreException e) {
            LOG.warn("cannot share the GitHub budget with the other nodes: {}", e.getMessage());
        }
    }

    @Override
    public Map<String, Known> known() {
        Instant now = clock.instant();
        if (Duration.between(viewAt, now).compareTo(low ? LOW_INTERVAL : QUIET_INTERVAL) >= 0) {
            synchronized (this) {
                if (Duration.between(viewAt, now).compareTo(low ? LOW_INTERVAL : QUIET_INTERVAL) >= 0) {
                    refresh(now);
                }
            }
        }
        return view;
    }

    private void refresh(Instant now) {
        try {
            Map<String, Known> fresh = new HashMap<>();
            boolean anyLow = false;
            for (Map.Entry<String, BudgetStore.Budget> e : budgets.read(fingerprint).entrySet()) {
                BudgetStore.Budget b = e.getValue();
                fresh.put(e.getKey(), new Known(b.remaining(), b.resetAt()));
                anyLow |= b.remaining() < LOW && b.resetAt().isAfter(now);
            }
            view = Map.copyOf(fresh);
            low = anyLow;
            if (Duration.between(othersAt, now).compareTo(NODES_INTERVAL) >= 0) {
                others = (int) nodes.instances().stream()
                        .filter(i -> i.alive(now) && !i.instance().equals(instance)).count();
                othersAt = now;
            }
        } catch (StoreException e) {
            LOG.warn("cannot read the GitHub budget the other nodes saw: {}", e.getMessage());
        }
        viewAt = now;
    }

    @Override
    public int others() {
        return others;
    }
}
