package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.CodeLinkRow;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.RepoDetail;

/** A code link of a paper with its repository, the status changes and their chart. */
public record RepoTimeline(CodeLinkRow link, @Nullable RepoDetail repo, List<HistoryRow> changes, LineChart chart) {
    public RepoTimeline {
        changes = List.copyOf(changes);
    }

    public @Nullable String license() {
        return repo == null || repo.metadata() == null ? null : repo.metadata().license();
    }
}
