package org.reprotrack.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.store.BrokenPromise;
import org.reprotrack.store.DeadLinkRow;
import org.reprotrack.store.PreviousReport;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.store.ReportStore;
import org.reprotrack.store.SignalRow;
import org.reprotrack.store.SignalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead-link reports: reads the dead links, compares with the previous report, asks the
 * archives about dead repositories, renders every requested format to {@code dead-links-DATE.ext}
 * and {@code dead-links-latest.ext}, and records what the report held. Each row carries its
 * repository's reproducibility signals, and the report lists the promises not kept (issue 7). The
 * command and the scheduled job both call {@link #write}.
 */
public final class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final ReportStore store;
    private final SignalStore signals;
    private final int promiseDays;
    private final ArchiveLookup archives;
    private final Path defaultFolder;
    private final Clock clock;

    /**
     * @param promiseDays {@code signals.promise_days}: a promised link with no code this many days
     *     after the paper's first version is a promise not kept
     */
    public ReportService(ReportStore store, SignalStore signals, int promiseDays, ArchiveLookup archives, Path defaultFolder,
            Clock clock) {
        this.store = store;
        this.signals = signals;
        this.promiseDays = promiseDays;
        this.archives = archives;
        this.defaultFolder = defaultFolder;
        this.clock = clock;
    }

    /** The report folder of the config, for listings (the dashboard's downloads). */
    public ReportFiles files() {
        return new ReportFiles(defaultFolder);
    }

    /** Vulnerable repositories listed in a report at most (the dashboard pages through all of them). */
    static final int VULNERABLE_LISTED = 10_000;

    public ReportResult write(ReportRequest request) {
        return write(request, null);
    }

    /**
     * A report of one collection's papers (issue 17), or of all when {@code scope} is null. A
     * collection's report compares with the previous whole-store report and is not recorded as
     * one (the next whole-store report still compares with the last whole-store report); its
     * files go to {@code <out>/collections/<name>/}.
     */
    public ReportResult write(ReportRequest request, @org.jspecify.annotations.Nullable ReportScope scope) {
        Instant now = clock.instant();
        List<DeadLinkRow> dead = store.deadLinks();
        if (scope != null) {
            dead = dead.stream().filter(l -> scope.paperIds().contains(l.paperId())).toList();
        }
        Map<String, String> compared = ReportBuilder.comparedSet(dead);
        Optional<PreviousReport> previous = store.lastReport();
        Map<String, String> statusesNow = previous.map(p -> store.statuses(p.statuses().keySet())).orElse(Map.of());
        Set<String> recovered = ReportBuilder.recovered(previous, compared, statusesNow);
        List<DeadLinkRow> recoveredLinks = recovered.isEmpty() ? List.of() : store.codeLinksTo(recovered);
        if (scope != null) {
            recoveredLinks = recoveredLinks.stream().filter(l -> scope.paperIds().contains(l.paperId())).toList();
        }

        // signals only of the repositories the report lists: forEachRepo streams them all
        Set<String> listed = new TreeSet<>();
        dead.forEach(l -> listed.add(l.repoKey()));
        recoveredLinks.forEach(l -> listed.add(l.repoKey()));
        Map<String, SignalRow> signalsByKey = new HashMap<>();
        signals.forEachRepo(s -> {
            if (listed.contains(s.repoKey())) {
                signalsByKey.put(s.repoKey(), s);
            }
        });
        List<BrokenPromise> broken = signals.promisesNotKept(now, promiseDays);
        if (scope != null) {
            broken = broken.stream().filter(b -> scope.paperIds().contains(b.paperId())).toList();
        }
        Map<String, String> titles = store.paperTitles(broken.stream().map(BrokenPromise::paperId).toList());

        // one lookup per repository however many papers link it: failures are not cached in the store
        Map<String, ArchiveCopies> seen = new HashMap<>();
        Report report = ReportBuilder.build(now, request.since(), request.status(), previous, dead, recoveredLinks,
                (link, kind) -> seen.computeIfAbsent(kind.askArchives() + " " + link.repoKey(), k -> {
                    String origin = new RepoRef(CodeHost.valueOf(link.host()), link.path()).url();
                    return kind.askArchives() ? archives.copies(origin) : archives.linkOnly(origin);
                }), signalsByKey::get, broken, titles).withoutVerdict(store.withoutVerdict())
                .withVulnerable(store.archives().vulnerable(0, VULNERABLE_LISTED));

        Path folder = request.outDir() != null ? request.outDir() : defaultFolder;
        ReportFiles files = new ReportFiles(scope == null ? folder : folder.resolve("collections").resolve(scope.name()));
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<Path> written = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        for (ReportFormat format : request.formats()) {
            String text = ReportRenderer.of(format).render(report);
            written.add(files.write(ReportFiles.datedName(day, format.extension()), text));
            written.add(files.write(ReportFiles.latestName(format.extension()), text));
            extensions.add(format.extension());
        }
        if (scope != null) {
            log.info("report of collection {}: {} rows ({} newly dead, {} recovered), {} promises not kept, in {} to {}",
                    scope.name(), report.rows().size(), report.newlyDead().size(), report.count(RowKind.RECOVERED),
                    report.promisesNotKept().size(), extensions, files.folder());
            return new ReportResult(0, written, report);
        }
        long id = store.recordReport(now, request.since() == null ? null : request.since().atStartOfDay(ZoneOffset.UTC).toInstant(),
                request.status() == null ? null : request.status().name(), extensions, report.rows().size(), compared);
        log.info("report {}: {} rows ({} newly dead, {} recovered), {} promises not kept, {} without a verdict, in {} to {}",
                id, report.rows().size(), report.newlyDead().size(), report.count(RowKind.RECOVERED),
                report.promisesNotKept().size(), report.withoutVerdict().size(), extensions, files.folder());
        return new ReportResult(id, written, report);
    }
}
