package org.reprotrack.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;
import org.reprotrack.store.ReportStore;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.TestDatabases;

/** An in-memory database, a fake clock, and a local server standing in for the archives (404 unless told). */
abstract class ReportTestBase {
    static final Instant START = Instant.parse("2026-01-10T06:00:00Z");

    @StartStop
    public final MockWebServer archives = new MockWebServer();

    @TempDir
    Path dir;

    Database db;
    History history;
    ReportStore store;
    SignalStore signals;
    final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void openDatabase() {
        db = TestDatabases.memory();
        history = new History(db.dataSource());
        store = new ReportStore(db.dataSource());
        signals = new SignalStore(db.dataSource());
        archives.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(404).body("{\"exception\":\"NotFoundExc\"}").build();
            }
        });
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    OkHttpClient client(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).build();
    }

    ArchiveLookup lookup(@Nullable WaybackClient availability) {
        HttpUrl base = archives.url("/");
        return new ArchiveLookup(store, SoftwareHeritageClient.create(base, client(Duration.ofSeconds(2)), clock, clock.sleeper(),
                Duration.ofSeconds(60)), availability, HttpUrl.get("https://web.archive.org"), Duration.ofDays(7), clock);
    }

    static final int PROMISE_DAYS = 90;

    ReportService service() {
        return new ReportService(store, signals, PROMISE_DAYS, lookup(null), dir.resolve("reports"), clock);
    }
}
