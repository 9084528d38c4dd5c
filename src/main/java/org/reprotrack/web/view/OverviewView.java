package org.reprotrack.web.view;

import org.jspecify.annotations.Nullable;
import org.reprotrack.store.AuditRunRow;
import org.reprotrack.store.Overview;

/** The overview page: counts, the three charts, the last audit's changes, and the next audit. */
public record OverviewView(Overview overview, LineChart share, BarChart statuses, BarChart scores, @Nullable AuditRunRow lastAudit,
        String nextAudit, org.reprotrack.store.ArchiveStore.Counts archive) {
}
