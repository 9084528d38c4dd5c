package org.reprotrack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.reprotrack.check.github.BudgetShare;
import org.reprotrack.cluster.AuditJoiner;
import org.reprotrack.cluster.NodeCheckin;
import org.reprotrack.cluster.SharedBudget;
import org.reprotrack.store.BudgetStore;
import org.reprotrack.store.NodeStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.reprotrack.audit.AuditListener;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.search.PaperSearchIndex;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.web.AdminActions;
import org.reprotrack.web.Dashboard;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.reprotrack.audit.AuditSummary;
import org.reprotrack.audit.LoggingAuditListener;
import org.reprotrack.ingest.ArxivClient;
import org.reprotrack.ingest.EnrichService;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.report.ReportRequest;
import org.reprotrack.report.ReportResult;
import org.reprotrack.schedule.JobKind;
import org.reprotrack.schedule.Scheduling;
import org.reprotrack.store.JobRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import org.reprotrack.audit.AuditService;
import org.reprotrack.audit.GitHubAccess;
import org.reprotrack.audit.AfterVerdicts;
import org.reprotrack.audit.VerdictHook;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.RateLimitListener;
import org.reprotrack.check.github.SignalsLimits;
import org.reprotrack.signals.SignalLane;
import org.reprotrack.signals.SignalService;
import org.reprotrack.store.SignalStore;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.check.github.GitHubSettings;
import org.reprotrack.check.hosts.HostCheckers;
import org.reprotrack.check.hosts.HostsSettings;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.AuditWorkStore;
import org.reprotrack.store.PageStore;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.config.Settings;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.ReportStore;
import org.reprotrack.report.ArchiveLookup;
import org.reprotrack.report.ReportService;
import org.reprotrack.report.SoftwareHeritageClient;
import org.reprotrack.report.WaybackClient;
import java.nio.file.Path;

/**
 * The composition root: builds every service from the settings, by constructor. The database is
 * opened on first use, so {@code --help} and config errors never touch it.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Settings settings;
    private final Clock clock;
    private @Nullable Database database;
    private @Nullable OkHttpClient http;

    private final Map<String, String> env;
    private @Nullable NodeCheckin checkin;
    /** This process in the cluster: its Quartz instance, its check-in, the instance its job runs record. */
    private final String instance;
    /** One audit worker per process: the scheduled job and the joiner never both work on the open run. */
    private final ReentrantLock auditing = new ReentrantLock();
    private org.reprotrack.ops.@Nullable Metrics metrics;
    private volatile Supplier<Optional<Boolean>> schedulerRunning = Optional::empty;
    private volatile boolean migrated;

    /**
     * @param env the environment, where the GitHub token is read from (the variable named by
     *     {@code github.token_env}); never logged
     */
    public App(Settings settings, Clock clock, Map<String, String> env) {
        this.settings = settings;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.instance = NodeCheckin.newInstance(settings.cluster().effectiveNodeName());
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public synchronized Database database() {
        if (database == null) {
            Settings.Database db = settings.database();
            database = Database.open(db.url(), db.user(), db.password(), db.poolSize());
        }
        return database;
    }

    /** The HTTP client for the arXiv API and plain-HTTP checks; API clients derive theirs from it. */
    public synchronized OkHttpClient httpClient() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(settings.github().connectTimeoutSeconds()))
                    .readTimeout(Duration.ofSeconds(settings.github().readTimeoutSeconds()))
                    .build();
        }
        return http;
    }

    /** The arXiv API client, at the configured URL unless another is given. */
    public ArxivClient arxivClient(@Nullable String apiUrl) {
        Settings.Arxiv arxiv = settings.arxiv();
        return new ArxivClient(httpClient(), apiUrl != null ? apiUrl : arxiv.apiUrl(), Duration.ofSeconds(arxiv.minIntervalSeconds()), clock);
    }

    public PaperStore paperStore() {
        return new PaperStore(database().dataSource(), clock);
    }

    public IngestService ingestService() {
        return new IngestService(paperStore(), new LinkExtractor());
    }

    public AuditStore auditStore() {
        return new AuditStore(database().dataSource());
    }

    /** The audit, with GitHub reached as the config says and the token from the environment. */
    public AuditService auditService() {
        return auditService(settings, database(), clock, Sleeper.SYSTEM, env,
                settings.cluster().enabled() ? nodeCheckin().instance() : null);
    }

    /**
     * This process's check-in (started on first use, ended by {@link #close()}): how the other
     * nodes tell that it is alive.
     */
    public synchronized NodeCheckin nodeCheckin() {
        if (checkin == null) {
            checkin = NodeCheckin.start(new NodeStore(database().dataSource()), jobRunStore(),
                    settings.cluster().effectiveNodeName(), instance, Duration.ofSeconds(settings.cluster().checkinIntervalSeconds()), clock);
        }
        return checkin;
    }

    /**
     * Joins, every check-in interval, the audit run another node opened (clustered {@code run}).
     * Close it before this app.
     */
    public AuditJoiner auditJoiner() {
        long seconds = Math.max(1, Math.min(5, settings.cluster().checkinIntervalSeconds()));
        return AuditJoiner.start(this::joinOpenAudit, Duration.ofSeconds(seconds));
    }

    /** Joins the open audit run, unless this process already works on one; recorded as an audit job run. */
    private boolean joinOpenAudit(BooleanSupplier stop) {
        if (!auditing.tryLock()) {
            return false;
        }
        try {
            AuditWorkStore work = new AuditWorkStore(database().dataSource(), !database().isH2());
            if (work.openRun(clock.instant()).isEmpty()) {
                return false;
            }
            JobRunStore runs = jobRunStore();
            long id = runs.start(JobKind.AUDIT.id(), settings.cluster().effectiveNodeName(), nodeCheckin().instance(),
                    clock.instant());
            try {
                Optional<AuditSummary> s = auditService().joinOpen(new LoggingAuditListener(), stop);
                String result = s.map(x -> String.format("joined audit run %d: %d checked here", x.runId(), x.checked()))
                        .orElse("the open audit run ended before it could be joined");
                runs.finish(id, stop.getAsBoolean() ? "stopped" : "finished", result, clock.instant());
                LOG.info("audit: {}", result);
                return s.isPresent();
            } catch (RuntimeException e) {
                runs.finish(id, "failed", String.valueOf(e.getMessage()), clock.instant());
                throw e;
            }
        } finally {
            auditing.unlock();
        }
    }

    /**
     * The audit as {@link #auditService()} assembles it, over a given store, clock and sleeper: the
     * one place the wiring lives, so tests exercise the production assembly without really waiting.
     *
     * @param env where the token is read from (the variable named by {@code github.token_env})
     */
    public static AuditService auditService(Settings settings, Database db, Clock clock, Sleeper sleeper,
            Map<String, String> env) {
        return auditService(settings, db, clock, sleeper, env, null);
    }

    /**
     * @param instance this process's check-in name, or null when it does not check in; with
     *     clustering on, the GitHub budget is shared with the other nodes through the database
     */
    public static AuditService auditService(Settings settings, Database db, Clock clock, Sleeper sleeper,
            Map<String, String> env, @Nullable String instance) {
        Settings.GitHub gh = settings.github();
        GitHubSettings github = githubSettings(settings, env);
        Settings.Hosts h = settings.hosts();
        HostsSettings d = HostsSettings.defaults();
        HostsSettings hosts = new HostsSettings(HttpUrl.get(h.gitlabUrl()), HttpUrl.get(h.huggingfaceUrl()),
                HttpUrl.get(h.bitbucketUrl()), HttpUrl.get(h.codebergUrl()), HttpUrl.get(h.giteeUrl()), HttpUrl.get(h.gistUrl()),
                d.userAgent(), Duration.ofSeconds(gh.connectTimeoutSeconds()), Duration.ofSeconds(gh.readTimeoutSeconds()),
                gh.maxRetries(), d.retryBaseDelay(), d.maxRetryDelay(), d.maxRateLimitWaits(), d.maxRateLimitWait(),
                d.maxRedirects());
        Settings.Audit a = settings.audit();
        StatusPolicy policy = new StatusPolicy(Duration.ofHours(a.gracePeriodHours()), Duration.ofHours(a.healthyIntervalHours()),
                a.failingIntervalsHours().stream().map(Duration::ofHours).toList(), Duration.ofHours(a.deadIntervalHours()),
                Duration.ofHours(a.unknownRetryHours()));
        boolean signalsOn = settings.signals().duringAudit() && github.token() != null;
        return new AuditService(new AuditStore(db.dataSource()), new PageStore(db.dataSource()),
                new AuditWorkStore(db.dataSource(), !db.isH2()),
                new GitHubAccess(github, gh.tokenEnv(), clock, sleeper, budgetShare(settings, db, clock, github, instance)),
                new HostCheckers(hosts, HostCheckers.newClient(hosts), clock, sleeper,
                        () -> ThreadLocalRandom.current().nextDouble()),
                policy, clock, sleeper, a.hostConcurrency(), settings.cluster().effectiveNodeName(),
                Duration.ofSeconds(settings.cluster().leaseSeconds()),
                // Without a token GitHub allows 60 requests an hour, all planned for checks. Then `reprotrack
                // signals` reads them. The hook only reads stored signals: no verdict waits for a request.
                signalsOn ? signalService(db, clock, github) : VerdictHook.NONE,
                signalsOn ? signalLane(settings, db, clock, sleeper, github) : AfterVerdicts.NONE);
    }

    /** The signals lane as the config says: batch size, tree depth, reserve, longest pause. */
    static SignalLane signalLane(Settings settings, Database db, Clock clock, Sleeper sleeper, GitHubSettings github) {
        Settings.Signals s = settings.signals();
        SignalsLimits d = SignalsLimits.DEFAULTS;
        return new SignalLane(signalService(db, clock, github),
                new SignalsLimits(s.batchSize(), s.treeDepth(), d.maxWalkRounds(), d.maxSubtrees(), d.maxRestWalks()),
                s.reserve(), Duration.ofSeconds(s.maxPauseSeconds()), sleeper);
    }

    /** With clustering on, the token's budget is shared with the other nodes through the database. */
    private static BudgetShare budgetShare(Settings settings, Database db, Clock clock, GitHubSettings github,
            @Nullable String instance) {
        if (!settings.cluster().enabled()) {
            return BudgetShare.NONE;
        }
        String fingerprint = github.token() == null ? "none" : github.token().fingerprint();
        return new SharedBudget(new BudgetStore(db.dataSource()), new NodeStore(db.dataSource()), fingerprint, clock, instance);
    }

    /** How GitHub is reached, as the config says, with the token from the environment. */
    static GitHubSettings githubSettings(Settings settings, Map<String, String> env) {
        Settings.GitHub gh = settings.github();
        return new GitHubSettings(HttpUrl.get(gh.apiUrl()), HttpUrl.get(gh.effectiveGraphqlUrl()),
                GitHubAccess.token(env, gh.tokenEnv()), GitHubSettings.defaultUserAgent(),
                Duration.ofSeconds(gh.connectTimeoutSeconds()), Duration.ofSeconds(gh.readTimeoutSeconds()),
                gh.maxRetries(), 5, 5, gh.restConcurrency(), gh.graphqlConcurrency(), GitHubSettings.MAX_BATCH, 3, gh.graphql());
    }

    private static SignalService signalService(Database db, Clock clock, GitHubSettings github) {
        return new SignalService(new SignalStore(db.dataSource()), clock,
                github.token() == null ? "none" : github.token().fingerprint());
    }

    public SignalStore signalStore() {
        return new SignalStore(database().dataSource());
    }

    /**
     * Refreshes stale signals of up to {@code limit} reachable GitHub repositories (0: all), through
     * one GitHub client for the run.
     */
    public SignalService.Summary refreshSignals(int limit, RateLimitListener listener) {
        GitHubSettings github = githubSettings(settings, env);
        try (GitHubChecker checker = new GitHubChecker(github, clock, Sleeper.SYSTEM, listener,
                () -> ThreadLocalRandom.current().nextDouble())) {
            return signalLane(settings, database(), clock, Sleeper.SYSTEM, github).refresh(limit, checker, null,
                    new AuditListener() {
                        @Override
                        public void note(String message) {
                        }

                        @Override
                        public void progress(Progress progress) {
                        }

                        @Override
                        public void waiting(String resource, java.time.Instant until, String reason) {
                            listener.waiting(resource, until, reason);
                        }
                    }, () -> false);
        }
    }

    public JobRunStore jobRunStore() {
        return new JobRunStore(database().dataSource());
    }

    /** The scheduler over this database, in standby until started. */
    public Scheduling scheduling() {
        return new Scheduling(database().dataSource(), !database().isH2(), settings.schedules(), settings.cluster(),
                this::runJob, jobRunStore(), clock, instance);
    }

    /** What each scheduled job does: the services the commands use, logging instead of printing. */
    private String runJob(JobKind kind, BooleanSupplier stop) throws InterruptedException {
        switch (kind) {
            case INGEST -> {
                IngestReport r = ingestConfiguredSources();
                return String.format("%d papers read: %d new, %d updated, %d unchanged; %d files failed",
                        r.papersRead(), r.papersNew(), r.papersUpdated(), r.papersUnchanged(), r.filesFailed());
            }
            case ENRICH -> {
                Settings.Arxiv arxiv = settings.arxiv();
                EnrichService.EnrichReport r = new EnrichService(paperStore(), arxivClient(null), arxiv.batchSize(), arxiv.maxAttempts())
                        .enrich(0, line -> LOG.info("enrich: {}", line));
                return String.format("%d of %d papers enriched, %d batches failed", r.enriched(), r.asked(), r.failedBatches());
            }
            case AUDIT -> {
                if (!auditing.tryLock()) {
                    return "this node already works on the open audit run (a fire while it runs joins it)";
                }
                try {
                    AuditSummary s = auditService().run(new AuditService.Request(false, 0),
                            metrics().auditListener(new LoggingAuditListener()), stop);
                    return String.format("audit run %d: %d checked here, %d newly dead, %d recovered, %d still due", s.runId(),
                            s.checked(), s.newlyDead().size(), s.recovered().size(), s.stillDue());
                } finally {
                    auditing.unlock();
                }
            }
            case REPORT -> {
                // issue 16: ask Software Heritage about live code (and save it, when save_code_now is on) before the report lists it
                Settings.Archives a = settings.archives();
                org.reprotrack.report.PreservationService.Summary p = preservationService().run(a.askLimit(), a.saveLimit(),
                        line -> LOG.info("preserve: {}", line));
                ReportResult r = reportService().write(ReportRequest.scheduled(settings.report().formats()));
                return r.files().size() + " report files written: " + r.files().stream().map(f -> f.getFileName().toString()).toList()
                        + String.format("; Software Heritage asked about %d live repositories, %d vulnerable, %d save requests sent",
                                p.asked(), p.vulnerable(), p.sent());
            }
        }
        throw new IllegalStateException("unknown job " + kind);
    }

    public org.reprotrack.store.CollectionStore collectionStore() {
        return new org.reprotrack.store.CollectionStore(database().dataSource());
    }

    public org.reprotrack.collection.CollectionService collectionService() {
        return new org.reprotrack.collection.CollectionService(collectionStore(),
                () -> new ListingStore(database().dataSource()).refresh(), clock);
    }

    /** Notification passes (events, webhook deliveries) as the config says, secrets read from the environment. */
    public org.reprotrack.notify.Notifier notifier(org.reprotrack.notify.DeliveryListener listener) {
        Settings.Notifications n = settings.notifications();
        org.reprotrack.store.NotifyStore store = new org.reprotrack.store.NotifyStore(database().dataSource());
        return new org.reprotrack.notify.Notifier(store, signalStore(), settings.signals().promiseDays(), n,
                new org.reprotrack.notify.WebhookDelivery(store, n.webhooks(), env::get, httpClient(), n.maxAttempts(), clock, listener),
                clock);
    }

    public ReportStore reportStore() {
        return new ReportStore(database().dataSource());
    }

    /**
     * Dead-link reports, with Software Heritage (and, when {@code archives.availability_check} is
     * on, the Wayback availability API) reached as the config says. Called by the report command
     * and the scheduled report job.
     */
    public ReportService reportService() {
        Settings.Archives a = settings.archives();
        Duration timeout = Duration.ofSeconds(a.timeoutSeconds());
        OkHttpClient archiveClient = httpClient().newBuilder()
                .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
        Duration maxWait = Duration.ofSeconds(a.maxRateLimitWaitSeconds());
        SoftwareHeritageClient swh = SoftwareHeritageClient.create(HttpUrl.get(a.softwareHeritageUrl()), archiveClient, clock,
                Sleeper.SYSTEM, maxWait);
        WaybackClient availability = a.availabilityCheck()
                ? WaybackClient.create(HttpUrl.get(a.availabilityUrl()), archiveClient, clock, Sleeper.SYSTEM, maxWait)
                : null;
        ArchiveLookup lookup = new ArchiveLookup(reportStore(), swh, availability, HttpUrl.get(a.waybackUrl()),
                Duration.ofDays(a.cacheDays()), clock);
        return new ReportService(reportStore(), signalStore(), settings.signals().promiseDays(), lookup,
                Path.of(settings.report().outputDir()), clock);
    }

    /**
     * Vulnerable code and save code now (issue 16): Software Heritage asked about live repositories,
     * and, with {@code archives.save_code_now} on, save requests sent and followed. The token comes
     * from the environment variable named by {@code archives.software_heritage_token_env}.
     */
    public org.reprotrack.report.PreservationService preservationService() {
        Settings.Archives a = settings.archives();
        Duration timeout = Duration.ofSeconds(a.timeoutSeconds());
        OkHttpClient archiveClient = httpClient().newBuilder()
                .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
        Duration maxWait = Duration.ofSeconds(a.maxRateLimitWaitSeconds());
        HttpUrl base = HttpUrl.get(a.softwareHeritageUrl());
        SoftwareHeritageClient swh = SoftwareHeritageClient.create(base, archiveClient, clock, Sleeper.SYSTEM, maxWait);
        org.reprotrack.report.SaveCodeNowClient saver = a.saveCodeNow()
                ? org.reprotrack.report.SaveCodeNowClient.create(base, archiveClient, clock, Sleeper.SYSTEM, maxWait,
                        env.get(a.softwareHeritageTokenEnv()))
                : null;
        return new org.reprotrack.report.PreservationService(new org.reprotrack.store.ArchiveStore(database().dataSource()),
                reportStore(), swh, saver, Duration.ofDays(a.cacheDays()), clock);
    }

    /**
     * The dashboard over this app's store. The admin write routes start the same audit and ingest
     * the CLI runs (ingest reads {@code ingest.sources}); they are on only when the variable named
     * by {@code dashboard.admin_token_env} is set.
     *
     * @param nextAudit when the scheduler runs the next audit (empty: "not scheduled")
     */
    public Dashboard dashboard(Supplier<Optional<Instant>> nextAudit) {
        return dashboard(nextAudit, new AdminActions(
                () -> auditService().run(new AuditService.Request(false, 0), AuditListener.SILENT),
                this::ingestConfiguredSources));
    }

    /** The configured sources (files, folders, arXiv queries), as the scheduled ingest reads them. */
    private IngestReport ingestConfiguredSources() {
        try {
            return ingestService().ingestSources(settings.ingest().sources(), InputFormat.AUTO, arxivClient(null),
                    IngestListener.SILENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        }
    }

    /** The dashboard with given admin actions (under {@code run}, they fire the scheduler's jobs). */
    public Dashboard dashboard(Supplier<Optional<Instant>> nextAudit, AdminActions actions) {
        DataSource ds = database().dataSource();
        ListingStore listing = new ListingStore(ds);
        return new Dashboard(new DashboardStore(ds), new OverviewStore(ds), listing, new PaperSearch(searchIndex(), listing),
                new ReportFiles(Path.of(settings.report().outputDir())), settings.signals().promiseDays(), actions,
                env.get(settings.dashboard().adminTokenEnv()), nextAudit, clock)
                .publicUrl(settings.notifications().publicUrl())
                .operations(metrics(), readiness());
    }

    /** This process's metrics registry (issue 17): the dashboard serves it, audits and webhooks feed it. */
    public synchronized org.reprotrack.ops.Metrics metrics() {
        if (metrics == null) {
            metrics = new org.reprotrack.ops.Metrics(new org.reprotrack.store.OpsStore(database().dataSource()), clock);
        }
        return metrics;
    }

    /** Tells {@code /readyz} whether this process's scheduler runs ({@code run} sets it; {@code serve} has none). */
    public void schedulerRunning(Supplier<Optional<Boolean>> running) {
        this.schedulerRunning = running;
    }

    /** {@code /readyz}'s checks; the migration state is read until it is complete, then remembered (this build adds none later). */
    org.reprotrack.ops.Readiness readiness() {
        return new org.reprotrack.ops.Readiness(new org.reprotrack.store.OpsStore(database().dataSource()), () -> {
            if (migrated) {
                return 0;
            }
            int pending = database().pendingMigrations();
            migrated = pending == 0;
            return pending;
        }, () -> schedulerRunning.get());
    }

    /**
     * The search index in {@code dashboard.search_index}, or in memory when that is empty or another
     * process holds the folder (a second dashboard on the same machine): it is a copy of the
     * database either way, so the fallback costs a rebuild, never a wrong answer.
     */
    private PaperSearchIndex searchIndex() {
        String folder = settings.dashboard().searchIndex();
        if (folder.isBlank()) {
            return PaperSearchIndex.open(null);
        }
        try {
            return PaperSearchIndex.open(Path.of(folder));
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)) {
                throw e;
            }
            LOG.warn("the search index folder {} is in use by another process; this dashboard keeps its search index in memory",
                    folder);
            return PaperSearchIndex.open(null);
        }
    }

    @Override
    public synchronized void close() {
        if (checkin != null) {
            checkin.close();
            checkin = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
