package org.reprotrack.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes that two nodes can make to the same row at once, as one statement that inserts or
 * updates: {@code INSERT … ON CONFLICT (key) DO UPDATE} on PostgreSQL, {@code MERGE … KEY} on H2.
 * A DELETE then INSERT, or a read then INSERT, lets the second writer fail on the primary key
 * when the first commits in between; an upsert makes the last writer win instead.
 */
final class Upsert {

    private Upsert() {
    }

    /**
     * The statement for {@code table}: bind the key columns first, then the other columns, in the
     * order given.
     */
    static String sql(Connection c, String table, List<String> keys, List<String> columns) throws SQLException {
        String all = String.join(", ", keys) + ", " + String.join(", ", columns);
        String marks = "?" + ", ?".repeat(keys.size() + columns.size() - 1);
        if (isH2(c)) {
            return "MERGE INTO " + table + " (" + all + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks + ")";
        }
        return "INSERT INTO " + table + " (" + all + ") VALUES (" + marks + ") ON CONFLICT (" + String.join(", ", keys)
                + ") DO UPDATE SET " + columns.stream().map(col -> col + " = EXCLUDED." + col).collect(Collectors.joining(", "));
    }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).startsWith("H2");
    }
}
