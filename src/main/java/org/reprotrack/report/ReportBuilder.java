package org.reprotrack.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.store.BrokenPromise;
import org.reprotrack.store.DeadLinkRow;
import org.reprotrack.store.PreviousReport;
import org.reprotrack.store.SignalRow;

/**
 * Turns what the store holds into a report: classifies links, compares with the previous report,
 * applies the filters, sorts. Pure: no I/O, so the change logic is tested on hand-built histories.
 */
final class ReportBuilder {

    private static final Comparator<PromiseNotKept> PROMISE_ORDER = Comparator.comparing(PromiseNotKept::paperId)
            .thenComparing(PromiseNotKept::repoKey, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Comparator<ReportRow> ORDER = Comparator.comparing(ReportRow::kind)
            .thenComparing(ReportRow::paperId).thenComparingInt(ReportRow::position).thenComparing(ReportRow::repoKey);

    private ReportBuilder() {
    }

    /**
     * What a report records and the next one compares with: status by key of every dead or
     * never-released repository, before filters. FAILING is left out, so a repository that fails
     * once and then answers again is neither "newly dead" nor "recovered".
     */
    static Map<String, String> comparedSet(List<DeadLinkRow> links) {
        Map<String, String> set = new TreeMap<>();
        for (DeadLinkRow l : links) {
            RowKind kind = RowKind.of(CurrentStatus.valueOf(l.status()), l.promised(), l.lastAlive());
            if (kind == RowKind.DEAD || kind == RowKind.NEVER_RELEASED) {
                set.put(l.repoKey(), l.status());
            }
        }
        return set;
    }

    /**
     * Repositories in the previous report, out of the current set, and reachable now. One that left
     * the set for another reason (it is FAILING again, or PENDING) is not called recovered.
     *
     * @param statusesNow current status by key of the previous report's repositories
     */
    static Set<String> recovered(Optional<PreviousReport> previous, Map<String, String> current, Map<String, String> statusesNow) {
        Set<String> keys = new TreeSet<>();
        previous.ifPresent(p -> p.statuses().keySet().forEach(key -> {
            String now = statusesNow.get(key);
            if (!current.containsKey(key) && now != null && CurrentStatus.valueOf(now).reachable()) {
                keys.add(key);
            }
        }));
        return keys;
    }

    /**
     * The report.
     *
     * @param dead every dead, failing or never-released code link (unfiltered)
     * @param recoveredLinks the code links to recovered repositories
     * @param archive archived copies of a link's repository, for a row of that kind
     */
    static Report build(Instant generatedAt, @Nullable LocalDate since, @Nullable CurrentStatus statusFilter,
            Optional<PreviousReport> previous, List<DeadLinkRow> dead, List<DeadLinkRow> recoveredLinks,
            BiFunction<DeadLinkRow, RowKind, ArchiveCopies> archive) {
        return build(generatedAt, since, statusFilter, previous, dead, recoveredLinks, archive, key -> null, List.of(), Map.of());
    }

    /**
     * The report with reproducibility signals.
     *
     * @param signals a repository's signals by key, or null when it has none
     * @param broken the promises not kept (every one: the filters choose rows, not this list)
     * @param titles paper titles by id, for the promises
     */
    static Report build(Instant generatedAt, @Nullable LocalDate since, @Nullable CurrentStatus statusFilter,
            Optional<PreviousReport> previous, List<DeadLinkRow> dead, List<DeadLinkRow> recoveredLinks,
            BiFunction<DeadLinkRow, RowKind, ArchiveCopies> archive, Function<String, @Nullable SignalRow> signals,
            List<BrokenPromise> broken, Map<String, String> titles) {
        Set<String> brokenLinks = new TreeSet<>();
        List<PromiseNotKept> promises = new ArrayList<>();
        for (BrokenPromise b : broken) {
            if (b.repoKey() != null) {
                brokenLinks.add(promiseKey(b.paperId(), b.repoKey()));
            }
            promises.add(new PromiseNotKept(b.paperId(), titles.get(b.paperId()), b.repoKey(), b.status(), b.published(),
                    b.daysSince()));
        }
        promises.sort(PROMISE_ORDER);
        Function<DeadLinkRow, RowSignals> signalsOf = l -> RowSignals.of(signals.apply(l.repoKey()),
                brokenLinks.contains(promiseKey(l.paperId(), l.repoKey())));
        Instant from = since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, String> before = previous.map(PreviousReport::statuses).orElse(Map.of());
        List<ReportRow> rows = new ArrayList<>();
        for (DeadLinkRow l : dead) {
            CurrentStatus status = CurrentStatus.valueOf(l.status());
            RowKind kind = RowKind.of(status, l.promised(), l.lastAlive());
            if (kind == null || (statusFilter != null && status != statusFilter)) {
                continue;
            }
            Instant deadSince = deadSince(l, status);
            if (from != null && (deadSince == null || deadSince.isBefore(from))) {
                continue;
            }
            boolean newlyDead = previous.isPresent() && kind != RowKind.FAILING && !before.containsKey(l.repoKey());
            rows.add(row(l, kind, null, deadSince, newlyDead, archive, signalsOf));
        }
        for (DeadLinkRow l : recoveredLinks) {
            String was = before.get(l.repoKey());
            if (was == null || (statusFilter != null && !was.equals(statusFilter.name()))) {
                continue;
            }
            rows.add(row(l, RowKind.RECOVERED, was, null, false, archive, signalsOf));
        }
        rows.sort(ORDER);
        return new Report(generatedAt, since, statusFilter, previous.map(PreviousReport::generatedAt).orElse(null), rows,
                promises);
    }

    private static String promiseKey(String paperId, String repoKey) {
        return paperId + " " + repoKey;
    }

    /** First seen dead; for a repository that exists without code, since when it has been so. */
    private static @Nullable Instant deadSince(DeadLinkRow l, CurrentStatus status) {
        return status.noCodeYet() ? l.statusSince() : l.firstSeenDead();
    }

    private static ReportRow row(DeadLinkRow l, RowKind kind, @Nullable String previousStatus, @Nullable Instant deadSince,
            boolean newlyDead, BiFunction<DeadLinkRow, RowKind, ArchiveCopies> archive,
            Function<DeadLinkRow, RowSignals> signals) {
        return new ReportRow(l.paperId(), l.position(), l.title(), l.url(), l.repoKey(), kind, l.status(), previousStatus,
                l.httpStatus(), l.blockReason(), l.movedTo(), l.detail(), deadSince, l.lastAlive(), l.stars(), l.pushedAt(),
                newlyDead, archive.apply(l, kind), signals.apply(l));
    }
}
