package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.AuditRunRow;

/** The audits page: one page of runs, newest first. */
public record AuditsView(List<AuditRunRow> runs, int pageNo, @Nullable String prev, @Nullable String next) {
    public AuditsView {
        runs = List.copyOf(runs);
    }
}
