package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.CodeLinkRow;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.RepoDetail;
import org.reprotrack.store.SignalRow;

/**
 * A code link of a paper with its repository, the status changes and their chart, and the
 * repository's reproducibility signals (null without a tracked repository).
 */
public record RepoTimeline(CodeLinkRow link, @Nullable RepoDetail repo, List<HistoryRow> changes, LineChart chart,
        @Nullable SignalRow signals) {
    public RepoTimeline {
        changes = List.copyOf(changes);
    }

    public @Nullable String license() {
        return repo == null || repo.metadata() == null ? null : repo.metadata().license();
    }
}
