package org.reprotrack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.check.signals.ChecklistScorer;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.PlaceholderDetector;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.store.Database;
import org.reprotrack.store.SignalStore;
import org.reprotrack.testing.PostgresServer;
import org.reprotrack.testing.Seed;

/**
 * Issue 13, point 3: nodes saving the signals of the same repositories at the same moment, on a
 * real PostgreSQL (two connection pools, as two processes have, four writers each). With a DELETE
 * then INSERT the second writer failed on {@code repo_signals_pkey} and that failed the shared
 * audit run; as one upsert every save succeeds and each repository keeps one row, the last
 * writer's.
 */
class ConcurrentSignalWritesIT {

    private static final int REPOS = 20;
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    private PostgresServer postgres;
    private final List<Database> pools = new ArrayList<>();
    private ExecutorService threads;

    @AfterEach
    void stop() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
        pools.forEach(Database::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(120)
    void twoNodesSavingTheSameRepositoriesSignalsAtOnceAllSucceed() throws Exception {
        postgres = PostgresServer.start();
        Database seed = open();
        Seed.githubRepos(seed, dir, REPOS);
        List<Long> repos = new ArrayList<>();
        try (Connection c = postgres.connect()) {
            Seed.rows(c, "SELECT id FROM repo ORDER BY id").forEach(r -> repos.add(((Number) r.get(0)).longValue()));
        }
        SignalStore nodeA = new SignalStore(open().dataSource());
        SignalStore nodeB = new SignalStore(open().dataSource());
        int writers = 8;
        threads = Executors.newFixedThreadPool(writers);
        CyclicBarrier together = new CyclicBarrier(writers);
        List<Future<Integer>> saved = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            SignalStore store = w % 2 == 0 ? nodeA : nodeB;
            int writer = w;
            saved.add(threads.submit(() -> {
                together.await();
                int n = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (long repo : repos) {
                        store.save(repo, signals(writer, round), "fp-" + writer);
                        n++;
                    }
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : saved) {
            total += f.get(90, TimeUnit.SECONDS); // a duplicate key fails here
        }
        assertEquals(writers * ROUNDS * REPOS, total);
        try (Connection c = postgres.connect()) {
            assertEquals(REPOS, Seed.count(c, "SELECT COUNT(*) FROM repo_signals"));
            assertEquals(REPOS, Seed.count(c, "SELECT COUNT(DISTINCT repo_id) FROM repo_signals"));
            // every row is one whole save (one writer's), not a mix of two
            assertEquals(0, Seed.count(c, "SELECT COUNT(*) FROM repo_signals WHERE etag_token <> 'fp-' || file_count"));
        }
        System.out.printf("%d signal saves by %d writers on two pools, no failure%n", total, writers);
    }

    /** A save that names its writer in two columns, to see that rows are never mixed. */
    private static RepoSignals signals(int writer, int round) {
        String[] files = new String[writer];
        for (int i = 0; i < writer; i++) {
            files[i] = "src/file" + i + ".py";
        }
        FileTree tree = FileTree.of(false, files);
        return new RepoSignals(new ChecklistScorer().score(tree, ""), new PlaceholderDetector().detect(tree, ""), false,
                writer, true, null, null, null, null, null, null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(round),
                null, false);
    }

    private Database open() {
        Database db = Database.open(postgres.jdbcUrl(), "reprotrack", "", 4);
        pools.add(db);
        return db;
    }
}
