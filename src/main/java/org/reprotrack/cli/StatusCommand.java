package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reprotrack.App;
import org.reprotrack.schedule.JobKind;
import org.reprotrack.schedule.Scheduling;
import org.reprotrack.store.JobRunStore;
import org.reprotrack.store.StuckRepoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack status}: schedules, the last runs of each job, and the nodes of the cluster. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the schedules with their next fire times, the last runs of each job, the nodes seen in the cluster,",
                "and the repositories checked 3 times or more in a row without a verdict (for a person to look at)."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Last runs shown per job (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--stuck", description = "List every repository without a verdict, not only the first "
            + StuckListing.SHOWN + ".")
    boolean stuck;

    @Override
    public Integer call() {
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        JobRunStore store = app.jobRunStore();
        try (Scheduling scheduling = app.scheduling()) {
            out.println("Schedules (UTC):");
            for (Scheduling.ScheduleInfo s : scheduling.schedules()) {
                out.printf("  %-7s %-16s next %-20s previous %s%n", s.kind().id(), s.enabled() ? s.cron() : "(disabled)",
                        time(s.nextFire()), time(s.previousFire()));
            }
        }
        out.println("Last runs:");
        for (JobKind kind : JobKind.values()) {
            var last = store.lastRuns(kind.id(), runs);
            if (last.isEmpty()) {
                out.printf("  %-7s never run%n", kind.id());
            }
            for (JobRunStore.JobRun r : last) {
                String took = r.finishedAt() == null ? "" : " in " + ProgressPrinter.formatDuration(Duration.between(r.startedAt(), r.finishedAt()));
                out.printf("  %-7s %s on %s: %s%s%s%n", kind.id(), time(r.startedAt()), r.node(), r.state(), took,
                        r.message() == null ? "" : " - " + r.message());
            }
        }
        out.println("Nodes:");
        var nodes = store.nodes();
        if (nodes.isEmpty()) {
            out.println("  none has checked in (single node, or `reprotrack run` not started)");
        }
        Instant now = app.clock().instant();
        for (JobRunStore.Node n : nodes) {
            boolean alive = Duration.between(n.lastCheckin(), now).toMillis() <= 3 * n.checkinIntervalMillis();
            out.printf("  %s  last check-in %s  %s%n", n.instance(), time(n.lastCheckin()), alive ? "alive" : "not seen lately");
        }
        StuckListing.print(out, new StuckRepoStore(app.database().dataSource()), stuck);
        return Cli.OK;
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
