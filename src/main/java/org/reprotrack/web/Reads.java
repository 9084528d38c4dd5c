package org.reprotrack.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.search.SearchHits;
import org.reprotrack.store.CodeLinkRow;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.PaperDetail;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.store.SignalRow;
import org.reprotrack.store.RepoDetail;
import org.reprotrack.web.view.Fmt;
import org.reprotrack.web.view.OverviewView;
import org.reprotrack.web.view.PaperView;
import org.reprotrack.web.view.RepoTimeline;

/** The view models both the HTML pages and the JSON API are built from. */
final class Reads {

    /** Status changes shown per repository on a paper page. */
    static final int TIMELINE_CHANGES = 50;
    static final int HISTORY_PAGE = 50;

    private final DashboardStore store;
    private final PaperSearch search;
    private final OverviewCache overview;
    private final Supplier<Optional<Instant>> nextAudit;
    private final Clock clock;
    private final ReportFiles reports;
    private final int promiseDays;

    Reads(DashboardStore store, PaperSearch search, OverviewCache overview, ReportFiles reports, int promiseDays,
            Supplier<Optional<Instant>> nextAudit, Clock clock) {
        this.store = store;
        this.search = search;
        this.reports = reports;
        this.promiseDays = promiseDays;
        this.overview = overview;
        this.nextAudit = nextAudit;
        this.clock = clock;
    }

    DashboardStore store() {
        return store;
    }

    OverviewCache overview() {
        return overview;
    }

    Clock clock() {
        return clock;
    }

    ReportFiles reports() {
        return reports;
    }

    /** One page of the paper list: text searches through the search index, the rest from the store's listing. */
    PaperPage papers(PaperQuery q) {
        if (q.search() == null) {
            return store.papers(q);
        }
        SearchHits hits = search.search(q);
        return store.papers(hits.paperIds(), hits.hasNext());
    }

    /**
     * The collection a list request is scoped to ({@code ?collection=NAME}, issue 17): null when
     * absent; an unknown name is a 404, a text search within a collection a 400.
     */
    @org.jspecify.annotations.Nullable Long collection(spark.Request req, PaperQuery q) {
        String name = req.queryParams("collection");
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!org.reprotrack.collection.CollectionName.valid(name.strip())) {
            throw new BadRequestException("collection must be a collection name (lower-case letters, digits, '.', '_', '-')");
        }
        if (q.search() != null) {
            throw new BadRequestException("text search (q) is not available within a collection yet; drop q or collection");
        }
        return store.collections().find(name.strip()).map(org.reprotrack.store.CollectionRow::id)
                .orElseThrow(() -> new NotFoundException("no collection named " + name.strip() + " (see /api/v1/collections)"));
    }

    /** One page of the paper list, within a collection when {@code collectionId} is not null. */
    PaperPage papers(PaperQuery q, @org.jspecify.annotations.Nullable Long collectionId) {
        return collectionId == null ? papers(q) : store.papers(q, collectionId);
    }

    /** The paper list's query from a request; {@code promise_not_kept} counts {@code signals.promise_days} back from now. */
    PaperQuery paperQuery(spark.Request req) {
        return Params.paperQuery(req, clock.instant().minus(java.time.Duration.ofDays(promiseDays)));
    }

    /** The charts of one overview, laid out once per overview (hundreds of points). */
    private record OverviewCharts(org.reprotrack.store.Overview overview, org.reprotrack.web.view.LineChart share,
            org.reprotrack.web.view.BarChart statuses, org.reprotrack.web.view.BarChart scores) {
    }

    private volatile @org.jspecify.annotations.Nullable OverviewCharts charts;

    OverviewView overviewView() {
        var o = overview.get();
        OverviewCharts c = charts;
        if (c == null || c.overview() != o) {
            c = new OverviewCharts(o, Charts.share(o.daily()), Charts.statuses(o.paperCounts()), Charts.scores(o.papersByScore()));
            charts = c;
        }
        return new OverviewView(o, c.share(), c.statuses(), c.scores(), store.lastFinishedAudit().orElse(null), nextAuditText(),
                overview.archiveCounts());
    }

    String nextAuditText() {
        return nextAudit.get().map(Fmt::time).orElse("not scheduled");
    }

    Optional<Instant> nextAudit() {
        return nextAudit.get();
    }

    PaperView paperView(String id) {
        PaperDetail p = store.paper(id).orElseThrow(() -> new NotFoundException("no paper with id " + id + " is tracked"));
        List<RepoTimeline> code = new ArrayList<>();
        List<CodeLinkRow> other = new ArrayList<>();
        for (CodeLinkRow l : p.links()) {
            if (!l.code()) {
                other.add(l);
                continue;
            }
            RepoDetail repo = l.repoKey() == null ? null : store.repo(l.repoKey()).orElse(null);
            List<HistoryRow> changes = repo == null ? List.of() : store.history(repo.id(), true, 0, TIMELINE_CHANGES);
            SignalRow signals = repo == null ? null : store.signals(repo.key()).orElse(null);
            code.add(new RepoTimeline(l, repo, changes, Charts.timeline(changes, clock.instant()), signals));
        }
        return new PaperView(p, code, other);
    }

    RepoDetail repo(String key) {
        return store.repo(key).orElseThrow(() -> new NotFoundException("no repository " + key + " is tracked"));
    }
}
