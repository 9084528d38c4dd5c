package org.reprotrack;

import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.config.Settings;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;

/**
 * The composition root: builds every service from the settings, by constructor. The database is
 * opened on first use, so {@code --help} and config errors never touch it.
 */
public final class App implements AutoCloseable {

    private final Settings settings;
    private final Clock clock;
    private @Nullable Database database;
    private @Nullable OkHttpClient http;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public synchronized Database database() {
        if (database == null) {
            Settings.Database db = settings.database();
            database = Database.open(db.url(), db.user(), db.password(), db.poolSize());
        }
        return database;
    }

    /** The HTTP client for the arXiv API and plain-HTTP checks; API clients derive theirs from it. */
    public synchronized OkHttpClient httpClient() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(settings.github().connectTimeoutSeconds()))
                    .readTimeout(Duration.ofSeconds(settings.github().readTimeoutSeconds()))
                    .build();
        }
        return http;
    }

    public PaperStore paperStore() {
        return new PaperStore(database().dataSource(), clock);
    }

    public IngestService ingestService() {
        return new IngestService(paperStore(), new LinkExtractor());
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
