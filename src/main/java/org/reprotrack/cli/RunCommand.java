package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.reprotrack.App;
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
}
