package org.reprotrack.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.config.Settings;
import org.reprotrack.store.Database;
import org.reprotrack.store.JobRunStore;

/** Quartz over an H2 file: schedules that outlive the process, one catch-up run, no overlapping jobs. */
class SchedulingTest {

    @TempDir
    Path dir;

    private Database db;
    private final Map<JobKind, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile Duration jobTakes = Duration.ZERO;

    private final JobActions actions = (kind, stop) -> {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            runs.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(jobTakes.toMillis());
            return "ok";
        } finally {
            running.decrementAndGet();
        }
    };

    private Database open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 10);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Settings.Schedules schedules(String auditCron) {
        Settings.Schedule off = new Settings.Schedule("0 0 2 * * ?", false);
        return new Settings.Schedules(off, off, new Settings.Schedule(auditCron, true), off);
    }

    private Scheduling scheduling(Database database, String auditCron) {
        return new Scheduling(database.dataSource(), false, schedules(auditCron), new Settings.Cluster(false, "test", 1, 10),
                actions, new JobRunStore(database.dataSource()), Clock.systemUTC());
    }

    private int count(JobKind kind) {
        return runs.getOrDefault(kind, new AtomicInteger()).get();
    }

    @Test
    void schedulesAndFireTimesSurviveARestart() throws Exception {
        Instant next;
        try (Scheduling first = scheduling(open(), "0 0 3 * * ?")) {
            first.sync();
            next = first.nextFire(JobKind.AUDIT).orElseThrow();
        }
        db.close();

        try (Scheduling second = scheduling(open(), "0 0 3 * * ?")) {
            List<Scheduling.ScheduleInfo> stored = second.schedules();
            Scheduling.ScheduleInfo audit = stored.stream().filter(s -> s.kind() == JobKind.AUDIT).findFirst().orElseThrow();
            assertTrue(audit.enabled());
            assertEquals("0 0 3 * * ?", audit.cron());
            assertEquals(next, audit.nextFire(), "read back from the database, not recomputed");
            assertFalse(stored.stream().filter(s -> s.kind() == JobKind.INGEST).findFirst().orElseThrow().enabled());
        }
    }

    @Test
    void aChangedCronReplacesTheStoredSchedule() throws Exception {
        try (Scheduling first = scheduling(open(), "0 0 3 * * ?")) {
            first.sync();
        }
        try (Scheduling second = scheduling(db, "0 30 4 * * ?")) {
            second.sync();
            Instant next = second.nextFire(JobKind.AUDIT).orElseThrow();
            assertEquals(30, next.atZone(java.time.ZoneOffset.UTC).getMinute());
            assertEquals(4, next.atZone(java.time.ZoneOffset.UTC).getHour());
        }
    }

    @Test
    void aRunMissedWhileDownFiresOnceAtStart() throws Exception {
        try (Scheduling before = scheduling(open(), "0 0/5 * * * ?")) {
            before.sync();
        }
        // The process was down for an hour: twelve fire times went by.
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = 'audit'")) {
            st.setLong(1, Instant.now().minus(Duration.ofHours(1)).toEpochMilli());
            assertEquals(1, st.executeUpdate());
        }

        try (Scheduling after = scheduling(db, "0 0/5 * * * ?")) {
            after.start();
            awaitRuns(JobKind.AUDIT, 1);
            Thread.sleep(1500); // would a second catch-up come?
            assertEquals(1, count(JobKind.AUDIT), "one catch-up run, not twelve");
            assertTrue(after.nextFire(JobKind.AUDIT).orElseThrow().isAfter(Instant.now()), "then back on schedule");
        }
        JobRunStore.JobRun last = new JobRunStore(db.dataSource()).lastRuns("audit", 1).get(0);
        assertEquals("finished", last.state());
        assertEquals("test", last.node());
        assertNotNull(last.finishedAt());
    }

    @Test
    void listenersHearEveryJobEnd() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        try (Scheduling scheduling = scheduling(open(), "0 0 3 * * ?")) {
            scheduling.afterEachJob(ended::incrementAndGet);
            scheduling.start();
            scheduling.triggerNow(JobKind.AUDIT);
            scheduling.triggerNow(JobKind.AUDIT);
            awaitRuns(JobKind.AUDIT, 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ended.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(2, ended.get());
    }

    @Test
    void anIngestNeverRunsTwiceAtOnce() throws Exception {
        jobTakes = Duration.ofMillis(700);
        Settings.Schedule off = new Settings.Schedule("0 0 2 * * ?", false);
        Database database = open();
        try (Scheduling scheduling = new Scheduling(database.dataSource(), false,
                new Settings.Schedules(new Settings.Schedule("0 0 3 * * ?", true), off, off, off),
                new Settings.Cluster(false, "test", 1, 10), actions, new JobRunStore(database.dataSource()), Clock.systemUTC())) {
            scheduling.start();
            scheduling.triggerNow(JobKind.INGEST);
            scheduling.triggerNow(JobKind.INGEST);
            scheduling.triggerNow(JobKind.INGEST);
            awaitRuns(JobKind.INGEST, 3);
        }
        assertEquals(1, maxRunning.get(), "@DisallowConcurrentExecution queues the fires one after another");
    }

    @Test
    void anAuditFireWhileTheAuditRunsIsNotHeldBack() throws Exception {
        // Issue 13: a fire while the audit runs joins the open run (the action decides), so Quartz
        // must not queue it behind the running one, on this node or any other.
        jobTakes = Duration.ofMillis(1500);
        try (Scheduling scheduling = scheduling(open(), "0 0 3 * * ?")) {
            scheduling.start();
            scheduling.triggerNow(JobKind.AUDIT);
            scheduling.triggerNow(JobKind.AUDIT);
            awaitRuns(JobKind.AUDIT, 2);
        }
        assertEquals(2, maxRunning.get(), "both audit fires ran at once");
    }

    @Test
    void aDisabledJobIsRemovedFromTheStore() throws Exception {
        try (Scheduling on = scheduling(open(), "0 0 3 * * ?")) {
            on.sync();
        }
        Settings.Schedule off = new Settings.Schedule("0 0 3 * * ?", false);
        try (Scheduling disabled = new Scheduling(db.dataSource(), false, new Settings.Schedules(off, off, off, off),
                new Settings.Cluster(false, "test", 1, 10), actions, new JobRunStore(db.dataSource()), Clock.systemUTC())) {
            disabled.sync();
            assertTrue(disabled.schedules().stream().noneMatch(Scheduling.ScheduleInfo::enabled));
        }
    }

    private void awaitRuns(JobKind kind, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(kind) < expected || running.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(kind + " ran " + count(kind) + " times, expected " + expected);
            }
            Thread.sleep(50);
        }
    }
}
