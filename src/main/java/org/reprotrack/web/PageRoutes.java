package org.reprotrack.web;

import java.util.List;
import org.reprotrack.store.AuditRunRow;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.RepoDetail;
import org.reprotrack.store.StuckRepoStore;
import org.reprotrack.web.view.AuditsView;
import org.reprotrack.web.view.PapersView;
import org.reprotrack.web.view.RepoView;
import spark.Request;
import spark.Response;
import spark.Service;

/** The HTML pages: overview, papers, one paper, one repository, audits. */
final class PageRoutes {

    static final String HTML = "text/html; charset=utf-8";
    static final int AUDITS_PAGE = 25;
    /** Repositories without a verdict listed on the audits page; `reprotrack status --stuck` lists them all. */
    static final int STUCK_SHOWN = 100;

    private final Reads reads;
    private final Templates templates;
    private volatile java.util.Map.@org.jspecify.annotations.Nullable Entry<Object, byte[]> overviewPage;

    PageRoutes(Reads reads, Templates templates) {
        this.reads = reads;
        this.templates = templates;
    }

    void register(Service http) {
        http.get("/", this::overview);
        http.get("/papers", this::papers);
        http.get("/papers/*", (req, res) -> html(res, "paper.jte", reads.paperView(Urls.rest(req))));
        http.get("/repos/*", this::repo);
        http.get("/audits", this::audits);
    }

    /**
     * The overview changes only when the store does (a new overview) or the schedule moves, so its
     * page (hundreds of chart points) is rendered once per change, not per request.
     */
    private Object overview(Request req, Response res) {
        var view = reads.overviewView();
        Object key = java.util.List.of(System.identityHashCode(view.overview()), String.valueOf(view.lastAudit()), view.nextAudit());
        var cached = overviewPage;
        if (cached == null || !cached.getKey().equals(key)) {
            cached = new java.util.AbstractMap.SimpleImmutableEntry<>(key, templates.bytes("overview.jte", view));
            overviewPage = cached;
        }
        res.type(HTML);
        return cached.getValue();
    }

    private Object papers(Request req, Response res) {
        PaperQuery q = reads.paperQuery(req);
        PaperPage page = reads.papers(q, reads.collection(req, q));
        int pageNo = Params.page(req);
        return html(res, "papers.jte", new PapersView(q, page, pageNo, reads.overview().get().hosts(),
                Urls.prev(req, pageNo), Urls.next(req, pageNo, page.hasNext())));
    }

    private Object repo(Request req, Response res) {
        RepoDetail repo = reads.repo(Urls.rest(req));
        int pageNo = Params.page(req);
        List<HistoryRow> history = reads.store().history(repo.id(), false, (pageNo - 1) * Reads.HISTORY_PAGE, Reads.HISTORY_PAGE + 1);
        boolean hasNext = history.size() > Reads.HISTORY_PAGE;
        List<HistoryRow> changes = reads.store().history(repo.id(), true, 0, Reads.TIMELINE_CHANGES);
        return html(res, "repo.jte", new RepoView(repo, reads.store().papersLinking(repo.id(), 200), reads.store().moves(repo.id()),
                history.subList(0, Math.min(history.size(), Reads.HISTORY_PAGE)), Charts.timeline(changes, reads.clock().instant()),
                pageNo, Urls.prev(req, pageNo), Urls.next(req, pageNo, hasNext), reads.store().signals(repo.key()).orElse(null),
                reads.store().commits().of(repo.id())));
    }

    private Object audits(Request req, Response res) {
        int pageNo = Params.page(req);
        List<AuditRunRow> runs = reads.store().audits((pageNo - 1) * AUDITS_PAGE, AUDITS_PAGE + 1);
        List<StuckRepoStore.StuckRepo> stuck = pageNo == 1 ? reads.store().stuck(STUCK_SHOWN) : List.of();
        return html(res, "audits.jte", new AuditsView(runs.subList(0, Math.min(runs.size(), AUDITS_PAGE)), pageNo,
                Urls.prev(req, pageNo), Urls.next(req, pageNo, runs.size() > AUDITS_PAGE), stuck,
                stuck.size() < STUCK_SHOWN ? stuck.size() : reads.store().stuckCount()));
    }

    private byte[] html(Response res, String template, Object model) {
        res.type(HTML);
        return templates.bytes(template, model);
    }
}
