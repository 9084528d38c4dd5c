package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.StuckRepoStore;

/** The "without a verdict" section of {@code reprotrack status}: repositories an audit keeps failing to settle. */
final class StuckListing {

    /** Shown without {@code --stuck}. */
    static final int SHOWN = 10;

    private StuckListing() {
    }

    static void print(PrintWriter out, StuckRepoStore store, boolean all) {
        int count = store.count();
        out.printf("Without a verdict (checked %d times or more in a row, no verdict): %d%n", StuckRepoStore.AFTER_CHECKS,
                count);
        if (count == 0) {
            return;
        }
        List<StuckRepoStore.StuckRepo> stuck = store.list(all ? Integer.MAX_VALUE : SHOWN);
        for (StuckRepoStore.StuckRepo s : stuck) {
            out.printf("  %s  %s  %d checks since %s, last %s: %s%n", s.key(), s.status(), s.checks(), time(s.since()),
                    time(s.lastChecked()), s.reason() == null ? "-" : s.reason());
        }
        if (stuck.size() < count) {
            out.printf("  ... and %d more (reprotrack status --stuck lists them all)%n", count - stuck.size());
        }
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
