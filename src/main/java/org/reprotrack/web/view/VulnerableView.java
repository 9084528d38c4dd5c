package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.ArchiveStore;
import org.reprotrack.store.VulnerableRepo;

/** The /vulnerable page: one page of vulnerable repositories with their save requests. */
public record VulnerableView(List<VulnerableRepo> repos, ArchiveStore.Counts counts, int pageNo, @Nullable String prev,
        @Nullable String next) {
    public VulnerableView {
        repos = List.copyOf(repos);
    }
}
