package org.reprotrack.web;

import java.net.BindException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.web.view.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The dashboard web app, built by constructor from what it reads and what it may start. One
 * instance is one Spark {@link Service} (instance API: several can run in one JVM, as tests do).
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final Set<String> WRITE_PATHS = Set.of(AdminRoutes.AUDITS, AdminRoutes.INGESTS);
    private static final long REFRESH_SECONDS = 30;

    private final Reads reads;
    private final org.reprotrack.store.ArchiveStore archives;
    private final Templates templates = new Templates();
    private final PaperSearch search;
    private final AdminToken token;
    private final AdminActions actions;
    private final String css;
    private @Nullable Service http;
    private @Nullable ExecutorService background;
    private volatile @Nullable ScheduledExecutorService refresher;
    private final ListingStore listing;
    private volatile @Nullable String publicUrl;
    private @Nullable OpsRoutes ops;
    private org.reprotrack.ops.@Nullable Metrics metrics;

    /**
     * @param search the paper search; the dashboard closes it when it stops
     * @param reports the report folder: the only files {@code /reports/{name}} serves are those it says the app wrote
     * @param promiseDays {@code signals.promise_days}: how long a promised repository may stay without code
     * @param adminToken the admin token, or null when writes are off
     * @param nextAudit when the scheduler runs the next audit, empty when none is scheduled
     */
    public Dashboard(DashboardStore store, OverviewStore overview, ListingStore listing, PaperSearch search, ReportFiles reports,
            int promiseDays, AdminActions actions, @Nullable String adminToken, Supplier<Optional<Instant>> nextAudit, Clock clock) {
        this.search = search;
        this.reads = new Reads(store, search, new OverviewCache(overview, listing, search, clock), reports, promiseDays, nextAudit, clock);
        this.archives = overview.archives();
        this.listing = listing;
        this.token = new AdminToken(adminToken);
        this.actions = actions;
        this.css = Resources.text("/org/reprotrack/web/app.css");
    }

    /**
     * The address subscribers reach the dashboard at ({@code notifications.public_url}), for the
     * links in its Atom feeds; without it they point at the address it listens on. Before start.
     */
    public synchronized Dashboard publicUrl(String url) {
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    /** Serves {@code /metrics}, {@code /healthz}, {@code /readyz} and records request latencies (issue 17). Before start. */
    public synchronized Dashboard operations(org.reprotrack.ops.Metrics metrics, org.reprotrack.ops.Readiness readiness) {
        this.metrics = metrics;
        this.ops = new OpsRoutes(metrics, readiness);
        return this;
    }

    /**
     * Computes the overview, then listens; returns the port actually bound (useful with port 0).
     *
     * @throws DashboardStartException when the server cannot listen (the port is taken); nothing is left running
     */
    public synchronized int start(String host, int port) {
        if (http != null) {
            throw new IllegalStateException("already started");
        }
        reads.overview().refresh();
        AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
        Service s = Service.ignite();
        s.embeddedServerIdentifier(HardenedJetty.id());
        s.initExceptionHandler(failure::set); // Spark's default handler calls System.exit
        s.ipAddress(host).port(port).threadPool(32, 4, 60_000);
        s.untrustForwardHeaders();
        background = Executors.newSingleThreadExecutor(r -> daemon(r, "dashboard-job"));
        if (publicUrl == null) {
            publicUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
        routes(s);
        s.init();
        s.awaitInitialization();
        Exception e = failure.get();
        if (e != null) {
            s.stop();
            s.awaitStop();
            background.shutdownNow();
            background = null;
            boolean taken = e instanceof BindException || e.getCause() instanceof BindException
                    || String.valueOf(e.getMessage()).contains("Failed to bind");
            throw new DashboardStartException(taken
                    ? "cannot listen on " + host + ":" + port + ": the port is already in use (stop the other process or pass --port)"
                    : "cannot start the dashboard on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        http = s;
        refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dashboard-refresh"));
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        LOG.info("dashboard listening on http://{}:{}/ (admin writes {})", host, s.port(), token.enabled() ? "on" : "off");
        return s.port();
    }

    private void routes(Service s) {
        s.before((req, res) -> guard(s, req, res));
        org.reprotrack.ops.Metrics m = metrics;
        if (m != null) {
            s.before((req, res) -> req.attribute("reprotrack.start", System.nanoTime()));
            s.afterAfter((req, res) -> {
                Long start = req.attribute("reprotrack.start");
                if (start != null) {
                    m.request(req.requestMethod(), OpsRoutes.route(req.pathInfo()), res.status(), System.nanoTime() - start);
                }
            });
        }
        if (ops != null) {
            ops.register(s);
        }
        s.get("/static/app.css", (req, res) -> {
            res.type("text/css; charset=utf-8");
            res.header("Cache-Control", "public, max-age=3600");
            return css;
        });
        new PageRoutes(reads, templates).register(s);
        new ApiRoutes(reads).register(s);
        new SurvivalRoutes(reads, templates).register(s);
        new VulnerableRoutes(archives, reads, templates).register(s);
        new ReportRoutes(reads.reports(), templates).register(s);
        new BadgeRoutes(reads, templates).register(s);
        new CollectionRoutes(reads, templates, reads.store().collections(), reads.store().notifications(), listing::storeId,
                () -> java.util.Objects.requireNonNull(publicUrl)).register(s);
        new AdminRoutes(token, actions, java.util.Objects.requireNonNull(background), this::refreshQuietly).register(s);
        s.exception(BadRequestException.class, (e, req, res) -> error(req, res, 400, "Bad request", e.getMessage()));
        s.exception(NotFoundException.class, (e, req, res) -> error(req, res, 404, "Not found", e.getMessage()));
        s.exception(Exception.class, (e, req, res) -> {
            LOG.error("{} {} failed", req.requestMethod(), req.pathInfo(), e);
            error(req, res, 500, "Server error", "Something went wrong on our side; it has been logged.");
        });
        s.notFound((req, res) -> body(req, res, 404, "Not found", "There is no page at this address."));
        s.internalServerError((req, res) -> body(req, res, 500, "Server error", "Something went wrong on our side; it has been logged."));
    }

    /** Security headers on every answer, and only GET/HEAD (or POST to the two write routes). */
    private void guard(Service s, Request req, Response res) {
        SecurityHeaders.apply(res::header);
        String method = req.requestMethod();
        boolean write = WRITE_PATHS.contains(req.pathInfo());
        boolean allowed = method.equals("GET") || method.equals("HEAD") || write && method.equals("POST");
        if (!allowed) {
            res.header("Allow", write ? "GET, HEAD, POST" : "GET, HEAD");
            s.halt(405, body(req, res, 405, "Method not allowed", "This address accepts " + (write ? "GET and POST" : "GET") + " only."));
        }
    }

    private void error(Request req, Response res, int status, String title, String message) {
        res.body(body(req, res, status, title, message));
    }

    private String body(Request req, Response res, int status, String title, String message) {
        res.status(status);
        if (req.pathInfo() != null && req.pathInfo().startsWith("/api/")) {
            res.type(Json.TYPE);
            return Json.error(status, message);
        }
        res.type(PageRoutes.HTML);
        return templates.render("error.jte", new ErrorView(status, title, message));
    }

    /** Asks for a refresh on the dashboard's own thread (when a job changed the store); nothing before start. */
    public void refreshSoon() {
        ScheduledExecutorService r = refresher;
        if (r != null) {
            try {
                r.execute(this::refreshQuietly);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopped meanwhile: nothing to refresh for
            }
        }
    }

    private void refreshQuietly() {
        try {
            reads.overview().refresh();
        } catch (RuntimeException e) {
            LOG.warn("overview refresh failed: {}", e.toString());
        }
    }

    /** Stops listening and the background threads; a running job is interrupted. */
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
        if (http != null) {
            http.stop();
            http.awaitStop();
            http = null;
        }
        if (background != null) {
            background.shutdownNow();
            background = null;
        }
        search.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
