package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.reprotrack.App;
import org.reprotrack.schedule.JobKind;
import org.reprotrack.schedule.Scheduling;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reprotrack run}: the main job. Starts the scheduler (ingest, enrich, audit and report on
 * their cron schedules, persistent in the database) and the dashboard, until SIGTERM or Ctrl-C,
 * which stops a running audit at its next checkpoint and closes the database cleanly.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs reprotrack: the scheduled jobs (ingest, enrich, audit, report; see schedules: in the config)",
                "and the dashboard, until stopped with SIGTERM or Ctrl-C. Several nodes can share one PostgreSQL database",
                "with cluster.enabled: true."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        Scheduling scheduling = app.scheduling();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(); // let the main thread finish the shutdown before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reprotrack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            scheduling.start();
            out.printf("reprotrack is running on node %s%n", scheduling.node());
            for (Scheduling.ScheduleInfo s : scheduling.schedules()) {
                out.printf("  %-7s %s  next: %s%n", s.kind().id(), s.enabled() ? s.cron() : "(disabled)",
                        s.nextFire() == null ? "-" : s.nextFire());
            }
            out.println("Stop with Ctrl-C or SIGTERM.");
            out.flush();
            firstStart(app, scheduling);
            stopped.await();
            out.println("stopping: waiting for running jobs to reach a checkpoint...");
            out.flush();
            return Cli.OK;
        } finally {
            scheduling.close();
            app.close();
            out.println("stopped cleanly");
            out.flush();
            closed.countDown();
        }
    }

    /**
     * On a fresh database, ingest the configured sources now and audit right after, instead of
     * leaving a new user with an empty dashboard until the first cron time. Later starts rely on
     * the schedules (and their one catch-up run).
     */
    private static void firstStart(App app, Scheduling scheduling) {
        var runs = app.jobRunStore();
        if (!runs.lastRuns(JobKind.INGEST.id(), 1).isEmpty()) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                scheduling.triggerNow(JobKind.INGEST);
                while (runs.lastRuns(JobKind.INGEST.id(), 1).stream().noneMatch(r -> r.finishedAt() != null)) {
                    Thread.sleep(500);
                }
                if (runs.lastRuns(JobKind.AUDIT.id(), 1).isEmpty()) {
                    scheduling.triggerNow(JobKind.AUDIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // shutting down before the first runs finished: the schedules take over next time
            }
        }, "reprotrack-first-start");
        starter.setDaemon(true);
        starter.start();
    }
}
