package org.reprotrack.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.reprotrack.store.PaperPromisedFill;

/**
 * Fills V15's {@code paper.promised} for the papers already stored, by the same rules the ingest
 * applies: in Java, because the rules are the extractor's sentence rules, not SQL.
 */
public final class V15_1__FillPaperPromised extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        PaperPromisedFill.fill(context.getConnection());
    }
}
