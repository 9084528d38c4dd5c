package org.reprotrack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.store.Database;
import org.reprotrack.testing.ChildJvm;
import org.reprotrack.testing.Poll;
import org.reprotrack.testing.PostgresServer;
import org.reprotrack.testing.Seed;
import org.reprotrack.testing.SlowGitHub;

/**
 * Issue 12 point 2, a clean stop mid-audit: {@code reprotrack audit} in a child JVM, against a slow
 * fake GitHub, is sent SIGTERM ({@link Process#destroy()}) or SIGINT ({@code kill -INT}) in the
 * middle of its run, on H2 and on PostgreSQL. It must exit 143 or 130 with one line saying what it
 * recorded, never "Database is already closed"; the run's usage (GitHub requests) is recorded, its
 * held work is given back, every repository the fake answered has its check recorded (nothing
 * asked before the signal is lost), and the next start finishes exactly what the line said was left.
 *
 * <p>Slow (child JVMs, a PostgreSQL server): failsafe runs it under {@code mvn verify}.
 */
class AuditStopsCleanlyOnSignalIT {

    private static final int REPOS = 150;
    private static final Pattern STOPPED = Pattern.compile(
            "stopped: (\\d+) checks recorded in audit run (\\d+) \\((\\d+) GitHub requests\\); (\\d+) left for the next run"
                    + " \\(`reprotrack audit` resumes it\\)");

    private static PostgresServer postgres;

    @TempDir
    Path dir;

    private SlowGitHub github;
    private ChildJvm audit;
    private ChildJvm resume;

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

    @AfterEach
    void cleanUp() {
        for (ChildJvm child : new ChildJvm[] {audit, resume}) {
            if (child != null) {
                child.close();
            }
        }
        if (github != null) {
            github.close();
        }
    }

    @Test
    @Timeout(180)
    void sigtermOnH2StopsAtACheckpointRecordsEverythingAndExits143() throws Exception {
        stopMidAudit(h2Url(), true, "TERM", 143);
    }

    @Test
    @Timeout(180)
    void sigintOnH2StopsAtACheckpointRecordsEverythingAndExits130() throws Exception {
        stopMidAudit(h2Url(), true, "INT", 130);
    }

    @Test
    @Timeout(180)
    void sigtermOnPostgresStopsAtACheckpointRecordsEverythingAndExits143() throws Exception {
        postgres.recreateDatabase();
        stopMidAudit(postgres.jdbcUrl(), false, "TERM", 143);
    }

    @Test
    @Timeout(180)
    void sigintOnPostgresStopsAtACheckpointRecordsEverythingAndExits130() throws Exception {
        postgres.recreateDatabase();
        stopMidAudit(postgres.jdbcUrl(), false, "INT", 130);
    }

    /**
     * Ctrl-C twice: the second signal exits at once, in the middle of answers in flight (2 s each
     * here). What was recorded before stays, and the next start finishes the run, taking over the
     * halted process's claims once their lease (10 s) has run out: every repository checked once.
     */
    @Test
    @Timeout(180)
    void aSecondSignalExitsAtOnceAndEveryCheckRecordedBeforeStays() throws Exception {
        int repos = 24;
        String url = h2Url();
        try (Database db = Database.open(url, "sa", "", 4)) {
            Seed.githubRepos(db, dir, repos);
        }
        github = new SlowGitHub(Duration.ofSeconds(2));
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", "test-token");
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "10");
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false");
        String[] args = {"--db", url, "audit", "--all"};

        audit = ChildJvm.start("audit-twice", dir, env, args);
        // 4 REST threads: an 8th request means the first 4 answers were recorded and 4 more are in flight
        Poll.until(Duration.ofSeconds(90), "the audit to record its first checks", () -> github.total() >= 8 || !audit.isAlive(),
                audit::output);
        assertTrue(audit.isAlive(), audit.output());
        send(audit, "INT");
        Thread.sleep(200);
        send(audit, "INT");
        int exit = audit.awaitExit(Duration.ofSeconds(30));
        String output = audit.output();

        assertEquals(130, exit, output);
        assertTrue(output.contains("SIGINT again: exiting now"), output);
        assertFalse(output.contains("already closed"), output);
        Set<String> served = new TreeSet<>(github.perRepo().keySet());
        Set<String> recorded;
        long runId;
        try (Connection c = connect(url)) {
            runId = Seed.count(c, "SELECT MAX(id) FROM audit_run");
            recorded = checked(c, runId);
        }
        assertTrue(recorded.size() >= 4, "the answers recorded before the signals: " + recorded);
        assertTrue(served.containsAll(recorded), served + " vs " + recorded);

        resume = ChildJvm.start("resume-twice", dir, env, args);
        assertEquals(0, resume.awaitExit(Duration.ofSeconds(120)), resume.output());
        try (Connection c = connect(url)) {
            assertEquals("finished", Seed.rows(c, "SELECT state FROM audit_run WHERE id = ?", runId).get(0).get(0));
            assertTrue(checked(c, runId).containsAll(recorded), "nothing recorded before the exit was lost");
            Map<String, Long> checks = Seed.checksPerRepo(c, runId);
            assertEquals(repos, checks.size());
            checks.forEach((repo, n) -> assertEquals(1L, n, repo + " has " + n + " checks in the run"));
        }
        System.out.printf("SIGINT twice on H2: %d checks recorded before the exit, %d requests served%n", recorded.size(),
                served.size());
    }

    private static Set<String> checked(Connection c, long runId) throws java.sql.SQLException {
        return Seed.checksPerRepo(c, runId).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().substring("github.com/".length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("db/reprotrack");
    }

    /**
     * @param viaDbFlag pass the URL with {@code --db} (a user's URL, which must get DB_CLOSE_ON_EXIT=FALSE
     *     too) rather than in the environment
     */
    private void stopMidAudit(String url, boolean viaDbFlag, String signal, int expectedExit) throws Exception {
        try (Database db = Database.open(url, viaDbFlag ? "sa" : "reprotrack", "", 4)) {
            Seed.githubRepos(db, dir, REPOS);
        }
        github = new SlowGitHub(Duration.ofMillis(150));
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", github.url());
        env.put("GITHUB_TOKEN", "test-token"); // lifts the 60-a-run cap; GraphQL off keeps the slow REST fake
        env.put("REPROTRACK_GITHUB_GRAPHQL", "false");
        env.put("REPROTRACK_CLUSTER_LEASE_SECONDS", "10");
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false"); // only repository requests: the fake counts those
        String[] args = viaDbFlag ? new String[] {"--db", url, "audit", "--all"} : new String[] {"audit", "--all"};
        if (!viaDbFlag) {
            env.put("REPROTRACK_DATABASE_URL", url);
        }

        audit = ChildJvm.start("audit-" + signal.toLowerCase(java.util.Locale.ROOT), dir, env, args);
        Poll.until(Duration.ofSeconds(90), "the audit to get into its run",
                () -> github.total() >= 30 || !audit.isAlive(), audit::output);
        assertTrue(audit.isAlive(), "the audit ended before the signal:\n" + audit.output());
        send(audit, signal);
        int exit = audit.awaitExit(Duration.ofSeconds(60));
        String output = audit.output();

        assertEquals(expectedExit, exit, output);
        assertFalse(output.contains("already closed"), output);
        assertFalse(output.contains("error:"), output);
        assertFalse(output.contains("Exception"), output);
        List<String> lines = output.lines().filter(l -> l.startsWith("stopped:")).toList();
        assertEquals(1, lines.size(), "one line says what was recorded:\n" + output);
        Matcher m = STOPPED.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        int recorded = Integer.parseInt(m.group(1));
        long runId = Long.parseLong(m.group(2));
        int requestsSaid = Integer.parseInt(m.group(3));
        int left = Integer.parseInt(m.group(4));
        assertTrue(recorded > 0 && left > 0, "stopped in the middle: " + lines.get(0));
        assertEquals(REPOS, recorded + left, lines.get(0));

        Set<String> served = new TreeSet<>(github.perRepo().keySet());
        int requests = github.total();
        try (Connection c = connect(url)) {
            List<Object> run = Seed.rows(c, "SELECT state, requests, finished_at FROM audit_run WHERE id = ?", runId).get(0);
            assertEquals("running", run.get(0), "a stopped run stays open for the next start to finish");
            assertEquals(requests, ((Number) run.get(1)).intValue(), "the run's usage is every request the fake served");
            assertEquals(requests, requestsSaid, lines.get(0));
            assertEquals(null, run.get(2));
            assertEquals(0, Seed.count(c, "SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'claimed'", runId),
                    "held work is given back");
            assertEquals(recorded, Seed.count(c, "SELECT COUNT(*) FROM audit_item WHERE run_id = ? AND state = 'done'", runId));
            Set<String> checked = Seed.checksPerRepo(c, runId).entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().substring("github.com/".length())).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(served, checked, "every repository answered before the stop has its check recorded");
            assertEquals(recorded, checked.size());
        }
        System.out.printf("SIG%s on %s: %d checks recorded, %d left, %d requests%n", signal,
                url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", recorded, left, requests);

        resume = ChildJvm.start("resume-" + signal.toLowerCase(java.util.Locale.ROOT), dir, env, args);
        assertEquals(0, resume.awaitExit(Duration.ofSeconds(90)), resume.output());
        assertTrue(resume.output().contains("joined audit run " + runId), resume.output());
        try (Connection c = connect(url)) {
            assertEquals("finished", Seed.rows(c, "SELECT state FROM audit_run WHERE id = ?", runId).get(0).get(0));
            Seed.checksPerRepo(c, runId).forEach((repo, n) -> assertEquals(1L, n, repo + " has " + n + " checks"));
        }
        assertEquals(REPOS, github.perRepo().size());
        assertEquals(REPOS, github.total(), "the next start asked exactly the " + left + " left, none again");
    }

    private static Connection connect(String url) throws java.sql.SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
    }

    /** SIGTERM through {@link Process#destroy()}; SIGINT with {@code kill -INT}, as Ctrl-C sends it. */
    private static void send(ChildJvm child, String signal) throws IOException, InterruptedException {
        if (signal.equals("TERM")) {
            child.terminate();
            return;
        }
        assertFalse(sigintIgnored(child.pid()), "the child JVM inherited an ignored SIGINT (started from a shell"
                + " without job control?): run the tests from a foreground shell");
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT failed");
    }

    /** SigIgn in /proc/PID/status: a JVM that starts with SIGINT ignored keeps it ignored. */
    private static boolean sigintIgnored(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }
}
