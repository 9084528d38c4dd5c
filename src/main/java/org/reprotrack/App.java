package org.reprotrack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.reprotrack.audit.AuditListener;
import org.reprotrack.ingest.FileResult;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.web.AdminActions;
import org.reprotrack.web.Dashboard;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import org.reprotrack.audit.AuditService;
import org.reprotrack.audit.GitHubAccess;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.check.github.GitHubSettings;
import org.reprotrack.check.hosts.HostCheckers;
import org.reprotrack.check.hosts.HostsSettings;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.PageStore;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.config.Settings;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;

/**
 * The composition root: builds every service from the settings, by constructor. The database is
 * opened on first use, so {@code --help} and config errors never touch it.
 */
public final class App implements AutoCloseable {

    private final Settings settings;
    private final Clock clock;
    private @Nullable Database database;
    private @Nullable OkHttpClient http;

    private final Map<String, String> env;

    /**
     * @param env the environment, where the GitHub token is read from (the variable named by
     *     {@code github.token_env}); never logged
     */
    public App(Settings settings, Clock clock, Map<String, String> env) {
        this.settings = settings;
        this.clock = clock;
        this.env = Map.copyOf(env);
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
        Settings.GitHub gh = settings.github();
        HttpUrl api = HttpUrl.get(gh.apiUrl());
        GitHubSettings github = new GitHubSettings(api, HttpUrl.get(gh.effectiveGraphqlUrl()),
                GitHubAccess.token(env, gh.tokenEnv()), GitHubSettings.defaultUserAgent(),
                Duration.ofSeconds(gh.connectTimeoutSeconds()), Duration.ofSeconds(gh.readTimeoutSeconds()),
                gh.maxRetries(), 5, 5, gh.restConcurrency(), gh.graphqlConcurrency(), GitHubSettings.MAX_BATCH, 3, gh.graphql());
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
        return new AuditService(auditStore(), new PageStore(database().dataSource()), new GitHubAccess(github, gh.tokenEnv(), clock, Sleeper.SYSTEM),
                new HostCheckers(hosts, HostCheckers.newClient(hosts), clock, Sleeper.SYSTEM,
                        () -> ThreadLocalRandom.current().nextDouble()),
                policy, clock, a.hostConcurrency());
    }

    /**
     * The dashboard over this app's store. The admin write routes start the same audit and ingest
     * the CLI runs (ingest reads {@code ingest.sources}); they are on only when the variable named
     * by {@code dashboard.admin_token_env} is set.
     *
     * @param nextAudit when the scheduler runs the next audit (empty: "not scheduled")
     */
    public Dashboard dashboard(Supplier<Optional<Instant>> nextAudit) {
        DataSource ds = database().dataSource();
        AdminActions actions = new AdminActions(
                () -> auditService().run(new AuditService.Request(false, 0), AuditListener.SILENT),
                () -> ingestService().ingest(settings.ingest().sources().stream().map(Path::of).toList(), InputFormat.AUTO,
                        new IngestListener() {
                            @Override
                            public void progress(String file, long papersRead) {
                            }

                            @Override
                            public void fileDone(FileResult result) {
                            }
                        }));
        return new Dashboard(new DashboardStore(ds), new OverviewStore(ds), actions,
                env.get(settings.dashboard().adminTokenEnv()), nextAudit, clock);
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
