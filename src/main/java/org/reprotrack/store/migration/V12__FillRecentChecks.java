package org.reprotrack.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.reprotrack.store.RecentChecks;

/**
 * Fills V11's ring of recent checks from the history already stored: in Java rather than SQL,
 * because ranking every check with a window function makes H2 hold the whole history in memory.
 */
public final class V12__FillRecentChecks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        RecentChecks.rebuild(context.getConnection());
    }
}
