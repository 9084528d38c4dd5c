package org.reprotrack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.reprotrack.App;
import org.reprotrack.config.SettingsLoader;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.InputFormat;

/**
 * The cluster benchmark of BENCHMARKS.md (issue 13): one audit of generated GitHub repositories
 * shared by 1, 2, … N nodes. Each node is a child JVM running {@code reprotrack audit} with
 * clustering on, all started at once against a throwaway PostgreSQL (recreated empty for each
 * node count) and the in-process {@link FakeGitHub}; they join one run and split it through leased
 * claims. Reported per node count: the run's duration (its start to its end in {@code audit_run}),
 * repositories per second, the speed-up over one node, the requests per repository, how the work
 * was split, and repositories checked twice (should be 0).
 */
public final class ClusterBench {

    private static final String TOKEN_ENV = "REPROTRACK_BENCH_TOKEN";
    private static final String TOKEN = "bench-token-not-a-secret";
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(30);

    /**
     * @param maxNodes runs with 1, 2, … maxNodes nodes
     * @param graphql GraphQL batches (else one REST call per repository)
     */
    public record Options(int maxNodes, int repos, boolean graphql, int restConcurrency, int graphqlConcurrency,
            Duration delay, int coreLimit, int graphqlLimit) {
    }

    private final PrintWriter out;

    public ClusterBench(PrintWriter out) {
        this.out = out;
    }

    public void run(Options o, Path work) throws IOException {
        Files.createDirectories(work);
        Path urls = AuditBench.urlList(o.repos(), work);
        out.printf("cluster benchmark: %,d GitHub repositories, %d ms per answer, %s (rest_concurrency %d, graphql_concurrency %d) "
                        + "per node; nodes are child JVMs running `audit` against a throwaway PostgreSQL; %d cores%n",
                o.repos(), o.delay().toMillis(), o.graphql() ? "GraphQL" : "REST", o.restConcurrency(), o.graphqlConcurrency(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        double oneNode = Double.NaN;
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            for (int nodes = 1; nodes <= o.maxNodes(); nodes++) {
                pg.recreateDatabase();
                try (FakeGitHub github = new FakeGitHub(o.repos(), o.delay(), TOKEN, o.coreLimit(), o.graphqlLimit())) {
                    ingest(pg, github, o, urls);
                    out.printf("  load average before the audit: %s%n", loadAverage());
                    out.flush();
                    Result r = audit(nodes, pg, github, o, work);
                    if (nodes == 1) {
                        oneNode = r.seconds();
                    }
                    out.printf("cluster %d node%s %-8s %,6d repositories in %6.2f s = %,5.0f repositories/s, speed-up x%.2f; "
                                    + "requests %,d (%,d REST, %,d GraphQL) = %.4f per repository; checked twice %d; split %s; "
                                    + "wall time with JVM starts %.1f s%n",
                            nodes, nodes == 1 ? " " : "s", o.graphql() ? "graphql" : "rest", r.checked(), r.seconds(),
                            r.checked() / r.seconds(), oneNode / r.seconds(), r.counters().requests(), r.counters().rest(),
                            r.counters().graphql(), (double) r.counters().requests() / r.checked(), r.twice(), r.split(),
                            r.wallSeconds());
                    if (r.checked() != o.repos()) {
                        out.printf("  MISMATCH: %,d of %,d repositories checked%n", r.checked(), o.repos());
                    }
                    out.flush();
                }
            }
        }
    }

    private record Result(int checked, double seconds, FakeGitHub.Counters counters, long twice, Map<String, Long> split,
            double wallSeconds) {
    }

    private Map<String, String> env(ThrowawayPostgres pg, FakeGitHub github, Options o) {
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_DATABASE_URL", pg.jdbcUrl());
        env.put("REPROTRACK_DATABASE_POOL_SIZE", "10");
        env.put("REPROTRACK_GITHUB_API_URL", github.baseUrl());
        env.put("REPROTRACK_GITHUB_TOKEN_ENV", TOKEN_ENV);
        env.put(TOKEN_ENV, TOKEN);
        env.put("REPROTRACK_GITHUB_GRAPHQL", String.valueOf(o.graphql()));
        env.put("REPROTRACK_GITHUB_REST_CONCURRENCY", String.valueOf(o.restConcurrency()));
        env.put("REPROTRACK_GITHUB_GRAPHQL_CONCURRENCY", String.valueOf(o.graphqlConcurrency()));
        // the benchmark measures checks; signals are their own cost
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false");
        env.put("REPROTRACK_CLUSTER_ENABLED", "true");
        return env;
    }

    private void ingest(ThrowawayPostgres pg, FakeGitHub github, Options o, Path urls) {
        long start = System.nanoTime();
        Map<String, String> env = env(pg, github, o);
        try (App app = new App(new SettingsLoader().load(null, env), Clock.systemUTC(), env)) {
            app.ingestService().ingest(List.of(urls), InputFormat.URLS, IngestListener.SILENT);
        }
        out.printf("  ingest: %,d repositories into a new PostgreSQL database in %.1f s%n", o.repos(),
                (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private Result audit(int nodes, ThrowawayPostgres pg, FakeGitHub github, Options o, Path work) throws IOException {
        FakeGitHub.Counters before = github.counters();
        List<Process> children = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= nodes; i++) {
            Map<String, String> env = env(pg, github, o);
            env.put("REPROTRACK_CLUSTER_NODE_NAME", "bench-" + i);
            Path log = work.resolve("cluster-node-" + i + ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.reprotrack.Main", "audit")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("REPROTRACK_") || k.equals("GITHUB_TOKEN"));
            pb.environment().putAll(env);
            children.add(pb.start());
        }
        try {
            for (int i = 0; i < children.size(); i++) {
                Process p = children.get(i);
                if (!p.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("node bench-" + (i + 1) + " did not finish within " + NODE_TIMEOUT
                            + "; see " + work.resolve("cluster-node-" + (i + 1) + ".log"));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("node bench-" + (i + 1) + " failed (exit " + p.exitValue() + "); see "
                            + work.resolve("cluster-node-" + (i + 1) + ".log"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        FakeGitHub.Counters c = github.counters().minus(before);
        try (Connection db = java.sql.DriverManager.getConnection(pg.jdbcUrl())) {
            long runId;
            int checked;
            double seconds;
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT id, checked, started_at, finished_at FROM audit_run WHERE planned > 0 ORDER BY id");
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no audit run with work");
                }
                runId = rs.getLong(1);
                checked = rs.getInt(2);
                OffsetDateTime from = rs.getObject(3, OffsetDateTime.class);
                OffsetDateTime to = rs.getObject(4, OffsetDateTime.class);
                seconds = to == null ? wall : Duration.between(from, to).toNanos() / 1e9;
                if (rs.next()) {
                    throw new IllegalStateException("the nodes made more than one audit run");
                }
            }
            Map<String, Long> split = new TreeMap<>();
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT claimed_by, COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'done' GROUP BY claimed_by")) {
                st.setLong(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        split.merge(rs.getString(1).split(":")[0], rs.getLong(2), Long::sum);
                    }
                }
            }
            long twice;
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT COUNT(*) - COUNT(DISTINCT repo_id) FROM check_result WHERE audit_run_id = ?")) {
                st.setLong(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    twice = rs.getLong(1);
                }
            }
            return new Result(checked, seconds, c, twice, split, wall);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the benchmark's audit run: " + e.getMessage(), e);
        }
    }

    /** The 1-minute load average (other work on the machine skews the figures), or "?" off Linux. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
