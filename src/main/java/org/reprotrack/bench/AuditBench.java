package org.reprotrack.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprotrack.App;
import org.reprotrack.audit.AuditListener;
import org.reprotrack.audit.AuditService;
import org.reprotrack.audit.AuditSummary;
import org.reprotrack.config.Settings;
import org.reprotrack.config.SettingsLoader;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.InputFormat;

/**
 * The audit benchmark of BENCHMARKS.md: {@code audit --all} over generated GitHub repositories
 * against {@link FakeGitHub}, with the audit service assembled exactly as {@link App#auditService()}
 * does for the command line, only GitHub's base URL pointing at the fake. Runs: REST mode (token,
 * GraphQL off), GraphQL mode (token, GraphQL on, a fresh database), and an unchanged re-audit in
 * REST mode on the first database, which sends the ETags stored by the first run.
 */
public final class AuditBench {

    /** The variable the benchmark's App reads its token from; the value lives only in the env map. */
    static final String TOKEN_ENV = "REPROTRACK_BENCH_TOKEN";
    private static final String TOKEN = "bench-token-not-a-secret";

    /** Which runs to do. */
    public enum Mode { rest, graphql, both }

    /** GraphQL runs without the reproducibility signals, with them (then an unchanged re-audit), or both. */
    public enum Signals { off, on, both }

    /**
     * @param repos repositories in the database and on the fake
     * @param restConcurrency {@code github.rest_concurrency}
     * @param graphqlConcurrency {@code github.graphql_concurrency}
     * @param delay how long the fake holds back each answer
     * @param coreLimit the fake token's core budget for the hour
     * @param graphqlLimit the fake token's GraphQL points for the hour
     */
    public record Options(int repos, Mode mode, int restConcurrency, int graphqlConcurrency, Duration delay,
            int coreLimit, int graphqlLimit, Signals signals) {

        /** The checks alone, as before the signals lane. */
        public Options(int repos, Mode mode, int restConcurrency, int graphqlConcurrency, Duration delay, int coreLimit,
                int graphqlLimit) {
            this(repos, mode, restConcurrency, graphqlConcurrency, delay, coreLimit, graphqlLimit, Signals.off);
        }
    }

    private final PrintWriter out;

    public AuditBench(PrintWriter out) {
        this.out = out;
    }

    /** Runs the audits of {@code options.mode()} and prints one line per run. */
    public void run(Options options, Path work) throws IOException {
        Files.createDirectories(work);
        Path urls = urlList(options.repos(), work);
        out.printf("fake GitHub: %,d repositories (%,d missing, %,d archived), %d ms per answer, budget core %,d / graphql %,d "
                        + "points an hour; rest_concurrency %d, graphql_concurrency %d; heap max %s%n",
                options.repos(), expected(options.repos(), false), expected(options.repos(), true),
                options.delay().toMillis(), options.coreLimit(), options.graphqlLimit(), options.restConcurrency(),
                options.graphqlConcurrency(), Measure.mib(Runtime.getRuntime().maxMemory()));
        out.flush();
        try (FakeGitHub github = new FakeGitHub(options.repos(), options.delay(), TOKEN, options.coreLimit(),
                options.graphqlLimit())) {
            if (options.mode() != Mode.graphql) {
                Path db = work.resolve("audit-rest-" + System.nanoTime());
                try (App app = app(db, github, options, false, false)) {
                    ingest(app, urls, options.repos());
                    audit("rest", app, github, options.repos());
                    audit("rest re-audit (ETags)", app, github, options.repos());
                } finally {
                    delete(work, db);
                }
            }
            if (options.mode() != Mode.rest && options.signals() != Signals.on) {
                Path db = work.resolve("audit-graphql-" + System.nanoTime());
                try (App app = app(db, github, options, true, false)) {
                    ingest(app, urls, options.repos());
                    audit("graphql", app, github, options.repos());
                } finally {
                    delete(work, db);
                }
            }
            if (options.mode() != Mode.rest && options.signals() != Signals.off) {
                Path db = work.resolve("audit-signals-" + System.nanoTime());
                try (App app = app(db, github, options, true, true)) {
                    ingest(app, urls, options.repos());
                    audit("graphql + signals", app, github, options.repos());
                    signals(app, options.repos());
                    audit("unchanged re-audit", app, github, options.repos());
                } finally {
                    delete(work, db);
                }
            }
        }
    }

    /**
     * {@code paper_id,url}: one paper per repository, {@code https://github.com/benchowner<i>/repo<i>},
     * the names the fake GitHub answers (also the cluster benchmark's list).
     */
    static Path urlList(int repos, Path work) throws IOException {
        Path file = work.resolve("audit-urls-" + repos + ".csv");
        if (!Files.exists(file)) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("paper_id,url\n");
                for (int i = 0; i < repos; i++) {
                    int month = i / 99_999;
                    w.write(String.format("%02d%02d.%05d,https://github.com/benchowner%d/repo%d%n",
                            20 + month / 12, 1 + month % 12, 1 + i % 99_999, i, i));
                }
            }
        }
        return file;
    }

    /** The application as a user would configure it, through the same environment overrides. */
    private static App app(Path db, FakeGitHub github, Options o, boolean graphql, boolean signals) {
        Map<String, String> env = Map.of(
                "REPROTRACK_DATABASE_URL", "jdbc:h2:file:" + db.toAbsolutePath(),
                "REPROTRACK_GITHUB_API_URL", github.baseUrl(),
                "REPROTRACK_GITHUB_TOKEN_ENV", TOKEN_ENV,
                "REPROTRACK_GITHUB_GRAPHQL", String.valueOf(graphql),
                "REPROTRACK_GITHUB_REST_CONCURRENCY", String.valueOf(o.restConcurrency()),
                "REPROTRACK_GITHUB_GRAPHQL_CONCURRENCY", String.valueOf(o.graphqlConcurrency()),
                // signals off: the checks alone; on: trees and READMEs after the verdicts, default settings
                "REPROTRACK_SIGNALS_DURING_AUDIT", String.valueOf(signals),
                TOKEN_ENV, TOKEN);
        return new App(new SettingsLoader().load(null, env), Clock.systemUTC(), env);
    }

    private void ingest(App app, Path urls, int repos) {
        long start = System.nanoTime();
        IngestReport report = app.ingestService().ingest(List.of(urls), InputFormat.URLS, IngestListener.SILENT);
        int inStore = app.auditStore().countByStatus().values().stream().mapToInt(Integer::intValue).sum();
        out.printf("ingest: %,d papers, %,d repositories in the store, %.1f s%n", report.papersRead(), inStore,
                (System.nanoTime() - start) / 1e9);
        if (inStore != repos) {
            out.printf("WARNING: expected %,d repositories%n", repos);
        }
        out.flush();
    }

    private void audit(String name, App app, FakeGitHub github, int repos) {
        AuditService service = app.auditService();
        FakeGitHub.Counters before = github.counters();
        github.resetPeakInFlight();
        AuditSummary s;
        double seconds;
        long peak;
        java.util.concurrent.atomic.AtomicLong lastVerdict = new java.util.concurrent.atomic.AtomicLong();
        AuditListener timing = new AuditListener() {
            @Override
            public void note(String message) {
            }

            @Override
            public void progress(Progress p) {
                lastVerdict.set(System.nanoTime());
            }

            @Override
            public void waiting(String resource, java.time.Instant until, String reason) {
            }
        };
        long start;
        try (Measure measure = new Measure()) {
            start = System.nanoTime();
            s = service.run(new AuditService.Request(true, 0), timing);
            seconds = (System.nanoTime() - start) / 1e9;
            peak = measure.peakHeapBytes();
        }
        double verdictSeconds = (lastVerdict.get() - start) / 1e9;
        FakeGitHub.Counters c = github.counters().minus(before);
        out.printf("audit %-22s %,6d repositories in %5.2f s = %,6.0f repositories/s; requests %,6d (%,d REST, %,d GraphQL, "
                        + "%,d answered 304) = %.4f per repository; core budget spent %,d (left %,d); graphql points spent %,d; "
                        + "peak heap %s; most requests in flight %d%n",
                name, s.checked(), seconds, s.checked() / seconds, c.requests(), c.rest(), c.graphql(), c.notModified(),
                (double) c.requests() / repos, c.coreUsed(), c.coreRemaining(), c.graphqlPointsUsed(),
                Measure.mib(peak), c.peakInFlight());
        out.printf("  of which signals: %,d GraphQL queries, %,d REST trees; rate-limit violations %,d; last verdict "
                + "recorded at %.2f s, signals after it %.2f s%n", c.signalQueries(), c.restTrees(), c.violations(),
                verdictSeconds, seconds - verdictSeconds);
        out.printf("  verdicts: %s; the client counted %,d requests, %d rate-limit waits%n",
                new TreeMap<>(s.verdicts()), s.requests(), s.waits());
        int missing = expected(repos, false);
        int archived = expected(repos, true);
        Map<String, Integer> v = s.verdicts();
        if (name.startsWith("unchanged")) {
            out.flush();
            return; // nothing was due: an unchanged re-audit of all checks every repository again
        }
        if (s.checked() != repos || v.getOrDefault("NOT_FOUND", 0) != missing || v.getOrDefault("ARCHIVED", 0) != archived
                || v.getOrDefault("OK", 0) != repos - missing - archived) {
            out.printf("  MISMATCH: expected OK %,d, ARCHIVED %,d, NOT_FOUND %,d%n", repos - missing - archived, archived,
                    missing);
        }
        out.flush();
    }

    /** What the signals lane stored, and the statuses it refined, against what the fake holds. */
    private void signals(App app, int repos) {
        int[] counts = new int[4]; // read, placeholders, partial, scored 5
        app.signalStore().forEachRepo(r -> {
            if (r.fetchedAt() != null) {
                counts[0]++;
                counts[1] += Boolean.TRUE.equals(r.placeholder()) ? 1 : 0;
                counts[2] += Boolean.TRUE.equals(r.partial()) ? 1 : 0;
                counts[3] += r.score() != null && r.score() == 5 ? 1 : 0;
            }
        });
        int reachable = 0;
        int placeholders = 0;
        for (int i = 0; i < repos; i++) {
            if (FakeGitHub.exists(i)) {
                reachable++;
                placeholders += FakeRepoFiles.placeholder(i) ? 1 : 0;
            }
        }
        Map<String, Integer> statuses = app.auditStore().countByStatus();
        out.printf("  signals read for %,d of %,d reachable repositories: %,d placeholders (%,d expected), %,d partial, "
                + "%,d score 5/5; statuses now %s%n", counts[0], reachable, counts[1], placeholders, counts[2], counts[3],
                new TreeMap<>(statuses));
        if (counts[0] != reachable || counts[1] != placeholders || statuses.getOrDefault("PLACEHOLDER", 0) != placeholders) {
            out.println("  MISMATCH: every reachable repository read, each placeholder recorded as PLACEHOLDER");
        }
        out.flush();
    }

    private static int expected(int repos, boolean archived) {
        int n = 0;
        for (int i = 0; i < repos; i++) {
            if (archived ? FakeGitHub.exists(i) && FakeGitHub.archived(i) : !FakeGitHub.exists(i)) {
                n++;
            }
        }
        return n;
    }

    private static void delete(Path work, Path db) throws IOException {
        try (var files = Files.list(work)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(db.getFileName().toString())).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
