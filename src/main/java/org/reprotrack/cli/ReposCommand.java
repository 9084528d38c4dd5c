package org.reprotrack.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reprotrack.App;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.signals.Checklist;
import org.reprotrack.check.signals.ChecklistItem;
import org.reprotrack.check.signals.ItemResult;
import org.reprotrack.store.RepoRow;
import org.reprotrack.store.SignalRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reprotrack repos}: lists code repositories with their current status. */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = {"Lists code repositories with their current status, ordered by key.",
                "Statuses: PENDING, OK, ARCHIVED, MOVED, EMPTY, PLACEHOLDER, FAILING, REPLACED, NOT_FOUND, BLOCKED."})
final class ReposCommand extends ListCommand<ReposCommand.Listed> {

    private static final List<Column<RepoRow>> AUDIT_COLUMNS = List.of(
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

    private static final List<Column<Listed>> COLUMNS = columnsWithSignals();

    /** Issue 7's signals, flat so that csv and json carry the same columns: one pair per checklist item. */
    private static List<Column<Listed>> columnsWithSignals() {
        List<Column<Listed>> columns = new ArrayList<>();
        AUDIT_COLUMNS.forEach(c -> columns.add(new Column<>(c.name(), c.width(), l -> c.value().apply(l.repo()))));
        columns.add(new Column<>("checklist_score", 5, l -> l.signals() == null ? null : l.signals().score()));
        for (ChecklistItem item : ChecklistItem.values()) {
            columns.add(new Column<>(item.key(), 5, l -> item(l, item) == null ? null : item(l, item).present()));
            columns.add(new Column<>(item.key() + "_evidence", 30, l -> item(l, item) == null ? null : item(l, item).evidence()));
        }
        columns.add(new Column<>("placeholder", 5, l -> l.signals() == null ? null : l.signals().placeholder()));
        columns.add(new Column<>("signals_partial", 5, l -> l.signals() == null ? null : l.signals().partial()));
        columns.add(new Column<>("licence", 12, l -> l.signals() == null ? null : l.signals().licence()));
        columns.add(new Column<>("release_lag_days", 6, l -> l.signals() == null ? null : l.signals().releaseLagDays()));
        columns.add(new Column<>("code_lag_days", 6, l -> l.signals() == null ? null : l.signals().codeLagDays()));
        columns.add(new Column<>("signals_fetched", 20, l -> l.signals() == null ? null : time(l.signals().fetchedAt())));
        return List.copyOf(columns);
    }

    private static @Nullable ItemResult item(Listed l, ChecklistItem item) {
        SignalRow s = l.signals();
        Checklist c = s == null ? null : s.checklist();
        return c == null ? null : c.get(item);
    }

    /** A repository with its signals (null for a repository the store lists in one query but not the other). */
    record Listed(RepoRow repo, @Nullable SignalRow signals) {
    }

    @Option(names = "--status", paramLabel = "STATUS", description = "Only repositories with this status.")
    @Nullable CurrentStatus status;

    @Override
    List<Column<Listed>> columns() {
        return COLUMNS;
    }

    @Override
    void rows(App app, Consumer<Listed> sink) {
        Map<String, SignalRow> signals = new HashMap<>();
        app.signalStore().forEachRepo(r -> signals.put(r.repoKey(), r));
        app.auditStore().forEachRepo(status, r -> sink.accept(new Listed(r, signals.get(r.repoKey()))));
    }

    @Override
    String emptyHint() {
        return "no repositories yet: run `reprotrack ingest PATH` first";
    }

    private static @Nullable String time(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
