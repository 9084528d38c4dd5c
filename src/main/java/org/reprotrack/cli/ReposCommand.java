package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.store.RepoRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack repos}: lists code repositories with their current status. */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = {"Lists code repositories with their current status, ordered by key.",
                "Statuses: PENDING, OK, ARCHIVED, MOVED, EMPTY, PLACEHOLDER, FAILING, REPLACED, NOT_FOUND, BLOCKED."})
final class ReposCommand implements Callable<Integer> {

    private static final List<Column<RepoRow>> COLUMNS = List.of(
            new Column<>("repo_key", 45, RepoRow::repoKey),
            new Column<>("status", 11, RepoRow::status),
            new Column<>("http_status", 11, RepoRow::httpStatus),
            new Column<>("moved_to", 30, RepoRow::movedTo),
            new Column<>("block_reason", 12, RepoRow::blockReason),
            new Column<>("last_checked", 20, r -> time(r.lastChecked())),
            new Column<>("next_check", 20, r -> time(r.nextCheck())),
            new Column<>("first_seen_dead", 20, r -> time(r.firstSeenDead())),
            new Column<>("last_alive", 20, r -> time(r.lastAlive())),
            new Column<>("stars", 7, RepoRow::stars),
            new Column<>("pushed_at", 20, r -> time(r.pushedAt())),
            new Column<>("archived", 8, RepoRow::archived),
            new Column<>("papers", 6, RepoRow::papers),
            new Column<>("detail", 60, RepoRow::detail));

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only repositories with this status.")
    @Nullable CurrentStatus status;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RowPrinter<RepoRow> printer = new RowPrinter<>(COLUMNS, format, out);
        root.app().auditStore().forEachRepo(status, printer::print);
        out.flush();
        return Cli.OK;
    }

    private static @Nullable String time(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
