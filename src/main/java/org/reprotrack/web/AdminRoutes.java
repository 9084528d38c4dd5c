package org.reprotrack.web;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The only writes: POST {@code /api/v1/audits} and {@code /api/v1/ingests} start an audit or an
 * ingest on the background thread and answer 202. They exist only when an admin token is
 * configured (404 otherwise) and require it as {@code Authorization: Bearer <token>} (403).
 * One job at a time (409 while one runs).
 */
final class AdminRoutes {

    static final String AUDITS = "/api/v1/audits";
    static final String INGESTS = "/api/v1/ingests";
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

    private final AdminToken token;
    private final AdminActions actions;
    private final ExecutorService background;
    private final Runnable afterJob;
    private final AtomicBoolean running = new AtomicBoolean();

    AdminRoutes(AdminToken token, AdminActions actions, ExecutorService background, Runnable afterJob) {
        this.token = token;
        this.actions = actions;
        this.background = background;
        this.afterJob = afterJob;
    }

    void register(Service http) {
        http.post(AUDITS, (req, res) -> start(req, res, "audit", actions.audit()));
        http.post(INGESTS, (req, res) -> start(req, res, "ingest", actions.ingest()));
    }

    private Object start(Request req, Response res, String name, Runnable job) {
        if (!token.enabled()) {
            throw new NotFoundException("writes are off: set the admin token variable named by dashboard.admin_token_env");
        }
        res.type(Json.TYPE);
        if (!token.accepts(req.headers("Authorization"))) {
            res.status(403);
            return Json.error(403, "an admin token is required: Authorization: Bearer <token>");
        }
        if (!running.compareAndSet(false, true)) {
            res.status(409);
            return Json.error(409, "a job is already running; try again when it has finished");
        }
        background.execute(() -> {
            LOG.info("{} started from the dashboard", name);
            try {
                job.run();
                LOG.info("{} finished", name);
            } catch (RuntimeException e) {
                LOG.error("{} failed: {}", name, e.toString(), e);
            } finally {
                running.set(false);
                afterJob.run();
            }
        });
        res.status(202);
        return Json.write(Map.of("started", name));
    }
}
