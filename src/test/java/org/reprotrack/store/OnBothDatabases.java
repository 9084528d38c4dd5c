package org.reprotrack.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.reprotrack.testing.PostgresServer;

/**
 * Base of the store tests that must pass on H2 and on a real PostgreSQL alike (parameterised by
 * {@code "h2"} or {@code "postgresql"}): one PostgreSQL server per test class.
 */
abstract class OnBothDatabases {

    static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A new, migrated database of the kind: a private in-memory H2, or PostgreSQL's database recreated. */
    static Database open(String kind) {
        if (kind.equals("h2")) {
            return TestDatabases.memory();
        }
        postgres.recreateDatabase();
        return Database.open(postgres.jdbcUrl(), "reprotrack", "", 4);
    }
}
