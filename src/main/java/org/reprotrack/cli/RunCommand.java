package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.reprotrack.App;
import org.reprotrack.cluster.AuditJoiner;
import org.reprotrack.config.Settings;
import org.reprotrack.web.AdminActions;
import org.reprotrack.web.Dashboard;
import org.reprotrack.web.DashboardStartException;
import org.reprotrack.schedule.JobKind;
import org.reprotrack.schedule.Scheduling;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reprotrack run}: the main job. Starts the scheduler (ingest, enrich, audit and report on
 * their cron schedules, persistent in the database) and the dashboard, until SIGTERM or Ctrl-C,
 * which stops a running audit at its next checkpoint and closes the database cleanly, then exits
 * 143 or 130 ({@link StopSignals}, as {@code audit} does).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs reprotrack: the scheduled jobs (ingest, enrich, audit, report; see schedules: in the config)",
                "and the dashboard, until stopped with SIGTERM or Ctrl-C. Several nodes can share one PostgreSQL database",
                "with cluster.enabled: true."})
final class RunCommand implements Callable<Integer> {

    /** How long a shutdown by other means (SIGHUP) waits for the jobs to stop and the database to close. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(120);
    private static final Duration DASHBOARD_STOP_WAIT = Duration.ofSeconds(5);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // SIGTERM or Ctrl-C: jobs stop at their next checkpoint, we close the database, then exit 143 or 130
        // (the same stop as `audit`); a second signal exits at once.
        try (StopSignals signals = StopSignals.install(spec.commandLine().getErr(), System.console() != null,
                SHUTDOWN_WAIT)) {
            return runUntilStopped(signals, out);
        }
    }

    private Integer runUntilStopped(StopSignals signals, PrintWriter out) throws InterruptedException {
        App app = root.app();
        Scheduling scheduling = app.scheduling();
        NotificationLoop notifications = null;
        app.schedulerRunning(() -> Optional.of(scheduling.running()));
        Dashboard dashboard = app.dashboard(() -> scheduling.nextFire(JobKind.AUDIT),
                new AdminActions(() -> scheduling.triggerNow(JobKind.AUDIT), () -> scheduling.triggerNow(JobKind.INGEST)));
        AuditJoiner joiner = null;
        try {
            Settings.Dashboard d = app.settings().dashboard();
            int port;
            try {
                port = dashboard.start(d.host(), d.port());
            } catch (DashboardStartException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.FAILURE;
            }
            scheduling.afterEachJob(dashboard::refreshSoon);
            app.nodeCheckin(); // before the first job: its runs name this process, which the others see alive
            scheduling.start();
            if (app.settings().cluster().enabled()) {
                joiner = app.auditJoiner(); // every node works on the audit run one of them opened
            }
            notifications = NotificationLoop.start(app);
            out.printf("reprotrack is running on node %s; dashboard on http://%s:%d/%n", scheduling.node(),
                    d.host().contains(":") ? "[" + d.host() + "]" : d.host(), port);
            for (Scheduling.ScheduleInfo s : scheduling.schedules()) {
                out.printf("  %-7s %s  next: %s%n", s.kind().id(), s.enabled() ? s.cron() : "(disabled)",
                        s.nextFire() == null ? "-" : s.nextFire());
            }
            out.println("Stop with Ctrl-C or SIGTERM.");
            out.flush();
            firstStart(app, scheduling);
            signals.await();
            out.println("stopping: waiting for running jobs to reach a checkpoint...");
            out.flush();
            return signals.exitCode() == 0 ? Cli.OK : signals.exitCode();
        } finally {
            if (joiner != null) {
                joiner.close();
            }
            if (notifications != null) {
                notifications.close();
            }
            scheduling.close();
            stopBounded(dashboard);
            app.close();
            out.println("stopped cleanly");
            out.flush();
        }
    }

    /**
     * Spark's stop runs on a thread of its own and exits the JVM if Jetty fails to stop; waiting for
     * it without a bound could hang the shutdown, so it gets a few seconds.
     */
    static void stopBounded(Dashboard dashboard) {
        Thread stopper = new Thread(dashboard::close, "dashboard-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(DASHBOARD_STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
