package org.reprotrack.web;

import java.util.List;
import java.util.Locale;
import org.reprotrack.ops.Metrics;
import org.reprotrack.ops.Readiness;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /metrics} (Prometheus text format), {@code /healthz} (the process serves) and
 * {@code /readyz} (database, migrations, scheduler) on the dashboard's port, without the admin
 * token; their answers hold only fixed words and numbers, never stored or user text.
 */
final class OpsRoutes {

    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Metrics metrics;
    private final Readiness readiness;

    OpsRoutes(Metrics metrics, Readiness readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
    }

    void register(Service http) {
        http.get("/metrics", (req, res) -> {
            res.type(PROMETHEUS);
            res.header("Cache-Control", "no-store");
            return metrics.scrape();
        });
        http.get("/healthz", (req, res) -> {
            res.type(TEXT);
            res.header("Cache-Control", "no-store");
            return "ok\n";
        });
        http.get("/readyz", this::ready);
    }

    private Object ready(Request req, Response res) {
        List<Readiness.Check> checks = readiness.checks();
        boolean ready = Readiness.ready(checks);
        res.status(ready ? 200 : 503);
        res.type(TEXT);
        res.header("Cache-Control", "no-store");
        StringBuilder sb = new StringBuilder(ready ? "ready\n" : "not ready\n");
        for (Readiness.Check c : checks) {
            sb.append(c.name()).append(": ").append(c.ok() ? "ok" : "failing").append('\n');
        }
        return sb.toString();
    }

    /**
     * The route a path belongs to, for the latency metric's label: a fixed set (paths hold ids and
     * keys, which would make one series per paper).
     */
    static String route(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        for (String fixed : List.of("/api/v1/summary", "/api/v1/papers", "/api/v1/repos", "/api/v1/audits", "/api/v1/collections",
                "/api/v1/ingests", "/papers", "/repos", "/audits", "/reports", "/badge", "/collections", "/feeds", "/static",
                "/metrics", "/healthz", "/readyz")) {
            if (p.equals(fixed)) {
                return fixed;
            }
            if (p.startsWith(fixed + "/")) {
                return fixed + (fixed.equals("/collections") && p.endsWith("/feed.atom") ? "/*/feed.atom" : "/*");
            }
        }
        return p.equals("/") ? "/" : "other";
    }
}
