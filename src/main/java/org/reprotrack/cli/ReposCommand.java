package org.reprotrack.cli;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.reprotrack.App;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.store.RepoRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reprotrack repos}: lists code repositories with their current status. */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = {"Lists code repositories with their current status, ordered by key.",
                "Statuses: PENDING, OK, ARCHIVED, MOVED, EMPTY, PLACEHOLDER, FAILING, REPLACED, NOT_FOUND, BLOCKED."})
final class ReposCommand extends ListCommand<RepoRow> {

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

    @Option(names = "--status", paramLabel = "STATUS", description = "Only repositories with this status.")
    @Nullable CurrentStatus status;

    @Override
    List<Column<RepoRow>> columns() {
        return COLUMNS;
    }

    @Override
    void rows(App app, Consumer<RepoRow> sink) {
        app.auditStore().forEachRepo(status, sink);
    }

    @Override
    String emptyHint() {
        return "no repositories yet: run `reprotrack ingest PATH` first";
    }

    private static @Nullable String time(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
