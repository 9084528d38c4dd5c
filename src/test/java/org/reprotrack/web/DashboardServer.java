package org.reprotrack.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.reprotrack.store.DashboardFixtures;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.search.PaperSearchIndex;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.Database;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.store.TestDatabases;

/** A dashboard over the fixture store on a random port, and an HTTP client for it. */
final class DashboardServer implements AutoCloseable {

    /** {@code signals.promise_days} of the test dashboards. */
    static final int PROMISE_DAYS = 90;
    static final Clock CLOCK = Clock.fixed(DashboardFixtures.T0.plus(3, ChronoUnit.DAYS), ZoneOffset.UTC);

    final Database db;
    final Path reportsDir;
    final Dashboard dashboard;
    final int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    DashboardServer(AdminActions actions, String token, Supplier<Optional<Instant>> nextAudit) {
        this(actions, token, nextAudit, ds -> { });
    }

    /** @param more fixtures added after {@link DashboardFixtures#fill}, before the server starts */
    DashboardServer(AdminActions actions, String token, Supplier<Optional<Instant>> nextAudit,
            java.util.function.Consumer<javax.sql.DataSource> more) {
        db = TestDatabases.memory();
        DashboardFixtures.fill(db.dataSource());
        more.accept(db.dataSource());
        reportsDir = tempDir();
        dashboard = dashboard(db.dataSource(), reportsDir, actions, token, nextAudit);
        port = dashboard.start("127.0.0.1", 0);
    }

    /** A dashboard over a store, as App assembles it, with its search index in memory. */
    static Dashboard dashboard(javax.sql.DataSource ds, Path reportsDir, AdminActions actions, String token,
            Supplier<Optional<Instant>> nextAudit) {
        ListingStore listing = new ListingStore(ds);
        return new Dashboard(new DashboardStore(ds), new OverviewStore(ds), listing, new PaperSearch(PaperSearchIndex.open(null), listing),
                new ReportFiles(reportsDir), PROMISE_DAYS, actions, token, nextAudit, CLOCK);
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("reprotrack-reports");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures with reproducibility signals ({@link DashboardFixtures#signals}). */
    static DashboardServer withSignals() {
        return new DashboardServer(new AdminActions(() -> { }, () -> { }), null, Optional::empty, DashboardFixtures::signals);
    }

    static DashboardServer plain() {
        return new DashboardServer(new AdminActions(() -> { }, () -> { }), null, Optional::empty);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path));
    }

    @Override
    public void close() {
        dashboard.stop();
        db.close();
        try (var files = Files.walk(reportsDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
