package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** H2 file URLs are opened so a commit reaches the file before it returns (see AuditResumesAfterSigkillTest). */
class DatabaseUrlTest {

    @Test
    void anH2FileUrlGetsNoWriteDelayUnlessItSetsOne() {
        assertEquals("jdbc:h2:file:./data/reprotrack;WRITE_DELAY=0", Database.durable("jdbc:h2:file:./data/reprotrack"));
        assertEquals("jdbc:h2:./x;AUTO_SERVER=TRUE;WRITE_DELAY=0", Database.durable("jdbc:h2:./x;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:./x;write_delay=200", Database.durable("jdbc:h2:file:./x;write_delay=200"));
        assertEquals("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1", Database.durable("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1"));
    }

    @Test
    void anH2FileUrlGetsASixteenthOfTheHeapAsPageCacheUnlessItSetsOne() {
        assertEquals("jdbc:h2:file:./x;WRITE_DELAY=0;CACHE_SIZE=262144", Database.withCache("jdbc:h2:file:./x;WRITE_DELAY=0", 4L << 30));
        assertEquals("jdbc:h2:file:./x;cache_size=1024", Database.withCache("jdbc:h2:file:./x;cache_size=1024", 1L << 30));
        assertEquals("jdbc:h2:file:./x;CACHE_SIZE=16384", Database.withCache("jdbc:h2:file:./x", 1L << 20), "never below 16 MiB");
        assertEquals("jdbc:h2:mem:t", Database.withCache("jdbc:h2:mem:t", 1L << 30));
    }

    @Test
    void everyEmbeddedH2UrlIsClosedByTheApplicationNotByH2sShutdownHook() {
        assertEquals("jdbc:h2:file:./x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", Database.closedByUs("jdbc:h2:file:./x;WRITE_DELAY=0"));
        assertEquals("jdbc:h2:./x;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE", Database.closedByUs("jdbc:h2:./x;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", Database.closedByUs("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:h2:file:./x;db_close_on_exit=false", Database.closedByUs("jdbc:h2:file:./x;db_close_on_exit=false"),
                "a --db URL that has the flag already keeps it once");
        assertEquals("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE", Database.closedByUs("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE"),
                "an explicit choice is kept");
        assertEquals("jdbc:h2:tcp://localhost/./x", Database.closedByUs("jdbc:h2:tcp://localhost/./x"), "the server's own");
    }
}
