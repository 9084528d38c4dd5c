package org.reprotrack.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** How instants go in and out of TIMESTAMP WITH TIME ZONE columns: UTC, microsecond precision (PostgreSQL's). */
record Timestamp(OffsetDateTime value) {

    static Timestamp of(Instant instant) {
        return new Timestamp(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** The column value for an instant that may be absent. */
    static @Nullable OffsetDateTime orNull(@Nullable Instant instant) {
        return instant == null ? null : of(instant).value();
    }

    static @Nullable Instant read(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
