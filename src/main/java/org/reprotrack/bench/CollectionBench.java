package org.reprotrack.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.reprotrack.check.Sleeper;
import org.reprotrack.report.ArchiveLookup;
import org.reprotrack.report.ReportFormat;
import org.reprotrack.report.ReportRequest;
import org.reprotrack.report.ReportResult;
import org.reprotrack.report.ReportScope;
import org.reprotrack.report.ReportService;
import org.reprotrack.report.SoftwareHeritageClient;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.search.PaperSearchIndex;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.Database;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.store.ReportStore;
import org.reprotrack.store.SignalStore;
import org.reprotrack.web.AdminActions;
import org.reprotrack.web.Dashboard;

/**
 * Collections at scale (issue 17, BENCHMARKS.md "Collections"): over the dashboard data set
 * ({@code bench dashboard-data}), a collection of {@code size} random papers; then the collection
 * page and the API list within it under load from {@code clients} concurrent clients, every request
 * a different random page and filter, and the collection's dead-link report in all four formats
 * (Software Heritage played by a local server that knows no repository).
 */
public final class CollectionBench {

    private static final String NAME = "bench-collection";

    private final PrintWriter out;

    public CollectionBench(PrintWriter out) {
        this.out = out;
    }

    public void run(Path work, int size, int clients, Duration warmup, Duration measure) throws IOException, InterruptedException {
        Path file = work.resolve("dashboard.mv.db");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run `reprotrack bench dashboard-data --work " + work + "` first");
        }
        String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("dashboard") + ";CACHE_SIZE=" + (Runtime.getRuntime().maxMemory() / 2 / 1024);
        try (Database db = Database.open(url, "sa", "", 8)) {
            DataSource ds = db.dataSource();
            long t = System.nanoTime();
            int changed = new ListingStore(ds).refresh();
            out.printf("listing refreshed in %d ms (%d changed)%n", ms(t), changed);
            List<String> ids = new CollectionStore(ds).matching(new org.reprotrack.store.PaperQuery(null, null, null, null,
                    org.reprotrack.store.PaperSort.ID, 0, 1));
            Collections.shuffle(ids, new Random(17));
            List<String> members = ids.subList(0, Math.min(size, ids.size()));
            t = System.nanoTime();
            CollectionStore.Added added = new CollectionStore(ds).add(NAME, "bench", members, true, Clock.systemUTC().instant());
            out.printf("collection %s: %d of %d papers (%d added) in %d ms%n", NAME, members.size(), ids.size(), added.added(), ms(t));

            ListingStore listing = new ListingStore(ds);
            Dashboard dashboard = new Dashboard(new DashboardStore(ds), new OverviewStore(ds), listing,
                    new PaperSearch(PaperSearchIndex.open(null), listing), new ReportFiles(work.resolve("reports")), 90,
                    new AdminActions(() -> { }, () -> { }), null, Optional::empty, Clock.systemUTC());
            t = System.nanoTime();
            int port = dashboard.start("127.0.0.1", 0);
            out.printf("dashboard started in %d ms on port %d%n", ms(t), port);
            try {
                String base = "http://127.0.0.1:" + port;
                for (String scenario : List.of("api_papers", "collection", "api_collection", "collection_summary")) {
                    load(base, scenario, clients, warmup);
                    Result r = load(base, scenario, clients, measure);
                    out.printf("%-18s %6d requests  %7.0f req/s  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  errors %d%n",
                            scenario, r.count, r.count / (measure.toMillis() / 1000.0), r.p(50), r.p(90), r.p(99), r.p(100), r.errors);
                    out.flush();
                }
            } finally {
                dashboard.stop();
            }
            report(ds, work, new java.util.HashSet<>(members));
        }
    }

    private void report(DataSource ds, Path work, java.util.Set<String> members) throws IOException {
        HttpServer swh = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        swh.createContext("/", exchange -> {
            byte[] body = "{\"exception\":\"NotFoundExc\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        swh.start();
        try {
            OkHttpClient http = new OkHttpClient();
            ReportStore store = new ReportStore(ds);
            SoftwareHeritageClient client = SoftwareHeritageClient.create(HttpUrl.get("http://127.0.0.1:" + swh.getAddress().getPort() + "/"),
                    http, Clock.systemUTC(), Sleeper.SYSTEM, Duration.ofSeconds(5));
            ArchiveLookup lookup = new ArchiveLookup(store, client, null, HttpUrl.get("https://web.archive.org"), Duration.ofDays(7),
                    Clock.systemUTC());
            ReportService service = new ReportService(store, new SignalStore(ds), 90, lookup, work.resolve("reports"), Clock.systemUTC());
            ReportRequest request = new ReportRequest(Arrays.asList(ReportFormat.values()), null, null, null);
            for (String pass : List.of("first (archives asked)", "second (archive answers cached)")) {
                long t = System.nanoTime();
                ReportResult r = service.write(request, new ReportScope(NAME, members));
                out.printf("report --collection, %s: %d rows, %d promises not kept, 4 formats in %d ms%n", pass, r.report().rows().size(),
                        r.report().promisesNotKept().size(), ms(t));
            }
        } finally {
            swh.stop(0);
        }
    }

    private record Result(long count, long errors, long[] nanos) {
        double p(int percentile) {
            if (nanos.length == 0) {
                return 0;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(percentile / 100.0 * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    private static final String[] STATUSES = {"has_code", "code_gone", "no_code_yet", "no_code_link", "pending"};
    private static final String[] SORTS = {"id", "-id", "published", "-published", "status"};

    /** A random request of the scenario, as BENCHMARKS.md's dashboard scenarios: random page 1-100 (of 400), sort and status filter. */
    private static String path(String scenario) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (scenario.equals("collection_summary")) {
            return "/api/v1/collections/" + NAME;
        }
        if (scenario.equals("api_papers")) { // the control: the whole store's list, as BENCHMARKS.md's api_papers
            StringBuilder q = new StringBuilder("/api/v1/papers?page=").append(1 + rnd.nextInt(100)).append("&sort=")
                    .append(SORTS[rnd.nextInt(SORTS.length)]);
            if (rnd.nextInt(6) > 0) {
                q.append("&status=").append(STATUSES[rnd.nextInt(STATUSES.length)]);
            }
            return q.toString();
        }
        StringBuilder q = new StringBuilder(scenario.equals("collection") ? "/collections/" + NAME + "?" : "/api/v1/papers?collection=" + NAME + "&");
        q.append("page=").append(1 + rnd.nextInt(100)).append("&sort=").append(SORTS[rnd.nextInt(SORTS.length)]);
        if (rnd.nextInt(6) > 0) {
            q.append("&status=").append(STATUSES[rnd.nextInt(STATUSES.length)]);
        }
        return q.toString();
    }

    private static Result load(String base, String scenario, int clients, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] times = new long[1024];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path(scenario))).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors++;
                        }
                    } catch (IOException e) {
                        errors++;
                    }
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = System.nanoTime() - start;
                }
                long[] result = Arrays.copyOf(times, n + 1);
                result[n] = -errors - 1; // the last slot carries the error count
                return result;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            try {
                long[] r = f.get();
                for (int i = 0; i < r.length - 1; i++) {
                    all.add(r[i]);
                }
                errors += -r[r.length - 1] - 1;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        pool.shutdown();
        long[] nanos = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(nanos.length, errors, nanos);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
