package org.reprotrack.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.AuditRunRow;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.Overview;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.RepoDetail;
import org.reprotrack.store.SignalRow;
import org.reprotrack.check.signals.ItemResult;
import org.jspecify.annotations.Nullable;
import org.reprotrack.web.view.PaperView;
import org.reprotrack.web.view.RepoTimeline;
import spark.Request;
import spark.Response;
import spark.Service;

/** The read-only JSON API under {@code /api/v1/} (documented in the README). */
final class ApiRoutes {

    private final Reads reads;

    ApiRoutes(Reads reads) {
        this.reads = reads;
    }

    void register(Service http) {
        http.get("/api/v1/summary", (req, res) -> json(res, summary()));
        http.get("/api/v1/papers", this::papers);
        http.get("/api/v1/papers/*", (req, res) -> json(res, paper(reads.paperView(Urls.rest(req)))));
        http.get("/api/v1/repos/*", this::repo);
        http.get("/api/v1/audits", this::audits);
    }

    private Map<String, Object> summary() {
        Overview o = reads.overview().get();
        Map<String, Object> papers = new LinkedHashMap<>();
        for (PaperStatus s : PaperStatus.values()) {
            papers.put(s.name().toLowerCase(java.util.Locale.ROOT), o.count(s));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("papers", o.papers());
        m.put("papers_with_code_links", o.papersWithCodeLinks());
        m.put("papers_by_status", papers);
        m.put("repos_by_status", o.repoCounts());
        m.put("daily_reachable_share", o.daily());
        m.put("last_audit", reads.store().lastFinishedAudit().orElse(null));
        m.put("next_audit", reads.nextAudit().orElse(null));
        return m;
    }

    private Object papers(Request req, Response res) {
        PaperQuery q = reads.paperQuery(req);
        PaperPage page = reads.papers(q, reads.collection(req, q));
        int pageNo = Params.page(req);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", pageNo);
        m.put("per_page", q.limit());
        m.put("papers", page.papers());
        m.put("next", Urls.next(req, pageNo, page.hasNext()));
        m.put("prev", Urls.prev(req, pageNo));
        return json(res, m);
    }

    private static Map<String, Object> paper(PaperView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paper", v.paper());
        m.put("repositories", v.code().stream().filter(t -> t.repo() != null).map(ApiRoutes::timeline).toList());
        return m;
    }

    private static Map<String, Object> timeline(RepoTimeline t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repo", t.repo());
        m.put("signals", signals(t.signals()));
        m.put("status_changes", t.changes());
        return m;
    }

    /**
     * A repository's reproducibility signals as in {@code reprotrack repos --format json}:
     * {@code checklist_score} and {@code items} are null until signals were fetched.
     */
    static Map<String, Object> signals(@Nullable SignalRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> items = null;
        if (s != null && s.checklist() != null) {
            items = new LinkedHashMap<>();
            for (ItemResult i : s.checklist().items()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("present", i.present());
                item.put("evidence", i.evidence());
                items.put(i.item().key(), item);
            }
        }
        m.put("checklist_score", s == null ? null : s.score());
        m.put("items", items);
        m.put("placeholder", s == null ? null : s.placeholder());
        m.put("partial_tree", s == null ? null : s.partial());
        m.put("licence", s == null ? null : s.licence());
        m.put("release_lag_days", s == null ? null : s.releaseLagDays());
        m.put("code_lag_days", s == null ? null : s.codeLagDays());
        m.put("last_activity", s == null ? null : s.lastActivity());
        m.put("signals_fetched_at", s == null ? null : s.fetchedAt());
        return m;
    }

    private Object repo(Request req, Response res) {
        RepoDetail repo = reads.repo(Urls.rest(req));
        int pageNo = Params.page(req);
        int perPage = Params.perPage(req);
        List<HistoryRow> history = reads.store().history(repo.id(), false, (pageNo - 1) * perPage, perPage + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repo", repo);
        m.put("signals", signals(reads.store().signals(repo.key()).orElse(null)));
        m.put("papers", reads.store().papersLinking(repo.id(), 200).stream().map(Map.Entry::getKey).toList());
        m.put("moves", reads.store().moves(repo.id()));
        m.put("commits", reads.store().commits().of(repo.id()));
        m.put("page", pageNo);
        m.put("history", history.subList(0, Math.min(history.size(), perPage)));
        m.put("next", Urls.next(req, pageNo, history.size() > perPage));
        return json(res, m);
    }

    private Object audits(Request req, Response res) {
        int pageNo = Params.page(req);
        int perPage = Params.perPage(req);
        List<AuditRunRow> runs = reads.store().audits((pageNo - 1) * perPage, perPage + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", pageNo);
        m.put("audits", runs.subList(0, Math.min(runs.size(), perPage)));
        if (pageNo == 1) {
            // as on the audits page: repositories checked 3 times or more in a row without a verdict
            m.put("without_verdict", reads.store().stuck(PageRoutes.STUCK_SHOWN));
        }
        m.put("next", Urls.next(req, pageNo, runs.size() > perPage));
        return json(res, m);
    }

    static byte[] json(Response res, Object value) {
        res.type(Json.TYPE);
        return Json.bytes(value);
    }
}
