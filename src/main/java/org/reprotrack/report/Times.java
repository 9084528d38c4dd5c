package org.reprotrack.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** How reports write times: UTC, to the second, ISO 8601; days for people. */
final class Times {
    private Times() {
    }

    /** {@code 2026-01-10T10:00:00Z}, or empty. */
    static String instant(@Nullable Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2026-01-10} (UTC), or empty. */
    static String day(@Nullable Instant t) {
        return t == null ? "" : t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
