package org.reprotrack.store;

import java.util.UUID;

/** Throwaway databases for tests: a private in-memory H2, migrated. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Database memory() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }
}
