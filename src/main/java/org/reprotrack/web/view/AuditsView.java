package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.AuditRunRow;
import org.reprotrack.store.StuckRepoStore;

/**
 * The audits page: one page of runs, newest first, and (on the first page) the repositories stuck
 * without a verdict, at most {@code stuck.size()} of {@code stuckCount}.
 */
public record AuditsView(List<AuditRunRow> runs, int pageNo, @Nullable String prev, @Nullable String next,
        List<StuckRepoStore.StuckRepo> stuck, int stuckCount) {
    public AuditsView {
        runs = List.copyOf(runs);
        stuck = List.copyOf(stuck);
    }

    /** Checks in a row without a verdict before a repository is listed. */
    public int stuckAfter() {
        return StuckRepoStore.AFTER_CHECKS;
    }
}
