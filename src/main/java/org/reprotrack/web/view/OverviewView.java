package org.reprotrack.web.view;

import org.jspecify.annotations.Nullable;
import org.reprotrack.store.AuditRunRow;
import org.reprotrack.store.Overview;

/** The overview page: counts, the two charts, the last audit's changes, and the next audit. */
public record OverviewView(Overview overview, LineChart share, BarChart statuses, @Nullable AuditRunRow lastAudit,
        String nextAudit) {
}
