package org.reprotrack.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.reprotrack.store.Database;

/**
 * A throwaway cluster for the issue-13 tests: a real PostgreSQL, a {@link SlowGitHub}, and
 * {@code reprotrack run} nodes as child JVMs (clustering on, check-in every second, the audit
 * cron firing every second, the other jobs off, REST checks). Repositories are seeded not due, and
 * {@link #makeDue()} makes them all due in one statement, so the next audit fire plans them all
 * into one run. Close it in {@code @AfterEach}: nodes first, then the fake and the database.
 */
public final class ClusterNodes implements AutoCloseable {

    /** The token every node uses: one budget, one fingerprint. */
    public static final String TOKEN = "test-token-shared-by-the-nodes";

    private final Path dir;
    private final PostgresServer postgres;
    private final SlowGitHub github;
    private final Map<String, ChildJvm> nodes = new LinkedHashMap<>();
    private final Connection db;

    public ClusterNodes(Path dir, SlowGitHub github) throws SQLException {
        this.dir = dir;
        this.github = github;
        PostgresServer pg = PostgresServer.start();
        this.postgres = pg;
        try (Database seed = Database.open(pg.jdbcUrl(), "reprotrack", "", 2)) {
            // migrated once here, so the nodes start on a ready schema
        }
        this.db = pg.connect();
    }

    public SlowGitHub github() {
        return github;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Ingests {@code count} GitHub repositories and makes them not due for a day. */
    public void seed(int count) throws SQLException {
        try (Database seed = Database.open(postgres.jdbcUrl(), "reprotrack", "", 2)) {
            Seed.githubRepos(seed, dir, count);
        }
        update("UPDATE repo SET next_check = CURRENT_TIMESTAMP + INTERVAL '1' DAY");
    }

    /** Every repository due at once, in one statement: the next audit fire plans them all. */
    public void makeDue() throws SQLException {
        update("UPDATE repo SET next_check = NULL");
    }

    /** The environment of node {@code name}, before {@code extra} changes it. */
    public Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_DATABASE_URL", postgres.jdbcUrl());
        env.put("REPROTRACK_DATABASE_POOL_SIZE", "8");
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_GITHUB_REST_CONCURRENCY", "4");
        env.put("REPROTRACK_AUDIT_HOST_CONCURRENCY", "4");
        env.put("REPROTRACK_CLUSTER_ENABLED", "true");
        env.put("REPROTRACK_CLUSTER_NODE_NAME", name);
        env.put("REPROTRACK_CLUSTER_CHECKIN_INTERVAL_SECONDS", "1");
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "10");
        env.put("REPROTRACK_DASHBOARD_PORT", "0"); // several nodes on one machine
        env.put("REPROTRACK_SCHEDULES_AUDIT_CRON", "* * * * * ?");
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false");
        for (String job : List.of("INGEST", "ENRICH", "REPORT")) {
            env.put("REPROTRACK_SCHEDULES_" + job + "_ENABLED", "false");
        }
        return env;
    }

    /** Starts {@code reprotrack run} nodes with these names and waits until all are running. */
    public void start(Consumer<Map<String, String>> extra, String... names) {
        for (String name : names) {
            Map<String, String> env = env(name);
            extra.accept(env);
            nodes.put(name, ChildJvm.start("node-" + name, dir, env, "run"));
        }
        for (String name : names) {
            nodes.get(name).awaitOutput("reprotrack is running on node", Duration.ofSeconds(90));
        }
    }

    public ChildJvm node(String name) {
        return nodes.get(name);
    }

    /** The one audit run that has work (the empty runs of fires before and after are left out). */
    public long theRun() throws SQLException {
        List<List<Object>> runs = rows("SELECT id FROM audit_run WHERE planned > 0 ORDER BY id");
        if (runs.size() != 1) {
            throw new AssertionError("expected one audit run with work, found " + rows(
                    "SELECT id, state, planned, checked, node FROM audit_run WHERE planned > 0 ORDER BY id") + "\n" + outputs());
        }
        return ((Number) runs.get(0).get(0)).longValue();
    }

    /** Whether an audit run with work exists and is finished. */
    public boolean runFinished() throws SQLException {
        return count("SELECT COUNT(*) FROM audit_run WHERE planned > 0 AND state = 'finished'") > 0;
    }

    /** Items each node recorded in the run (by the node part of {@code claimed_by}). */
    public Map<String, Long> doneByNode(long runId) throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (List<Object> row : rows("SELECT claimed_by, COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'done' GROUP BY claimed_by",
                runId)) {
            out.merge(((String) row.get(0)).split(":")[0], ((Number) row.get(1)).longValue(), Long::sum);
        }
        return out;
    }

    public List<List<Object>> rows(String sql, Object... args) throws SQLException {
        return Seed.rows(db, sql, args);
    }

    public long count(String sql, Object... args) throws SQLException {
        return Seed.count(db, sql, args);
    }

    public Connection db() {
        return db;
    }

    private void update(String sql) throws SQLException {
        try (var st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** Every node's output, for failure messages. */
    public String outputs() {
        StringBuilder b = new StringBuilder();
        nodes.forEach((name, child) -> b.append("--- node ").append(name).append(" ---\n").append(tail(child.output())));
        return b.toString();
    }

    private static String tail(String s) {
        return s.length() <= 20_000 ? s : "…" + s.substring(s.length() - 20_000);
    }

    @Override
    public void close() throws SQLException {
        nodes.values().forEach(ChildJvm::close);
        try {
            db.close();
        } finally {
            github.close();
            postgres.close();
        }
    }
}
