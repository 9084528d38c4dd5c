package org.reprotrack.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.store.ArchiveStore;
import org.reprotrack.store.VulnerableRepo;
import org.reprotrack.web.view.VulnerableView;
import spark.Service;

/**
 * {@code /vulnerable} and {@code /api/v1/vulnerable} (issue 16): live repositories with no
 * Software Heritage snapshot or one older than their last push, by key, with their newest save
 * request (its status, and the SWHID to cite once archived). {@code /api/v1/saves} lists the save
 * requests, newest first.
 */
final class VulnerableRoutes {

    static final int PAGE = 50;

    private final ArchiveStore store;
    private final Reads reads;
    private final Templates templates;

    VulnerableRoutes(ArchiveStore store, Reads reads, Templates templates) {
        this.store = store;
        this.reads = reads;
        this.templates = templates;
    }

    void register(Service http) {
        http.get("/vulnerable", (req, res) -> {
            int pageNo = Params.page(req);
            List<VulnerableRepo> rows = store.vulnerable((pageNo - 1) * PAGE, PAGE + 1);
            res.type(PageRoutes.HTML);
            return templates.bytes("vulnerable.jte", new VulnerableView(rows.subList(0, Math.min(rows.size(), PAGE)),
                    reads.overview().archiveCounts(), pageNo, Urls.prev(req, pageNo), Urls.next(req, pageNo, rows.size() > PAGE)));
        });
        http.get("/api/v1/vulnerable", (req, res) -> {
            int pageNo = Params.page(req);
            int perPage = Params.perPage(req);
            List<VulnerableRepo> rows = store.vulnerable((pageNo - 1) * perPage, perPage + 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", pageNo);
            m.put("per_page", perPage);
            m.put("repos", rows.subList(0, Math.min(rows.size(), perPage)));
            m.put("next", Urls.next(req, pageNo, rows.size() > perPage));
            res.type(Json.TYPE);
            return Json.bytes(m);
        });
        http.get("/api/v1/saves", (req, res) -> {
            res.type(Json.TYPE);
            return Json.bytes(Map.of("saves", store.recentSaves(200)));
        });
    }
}
