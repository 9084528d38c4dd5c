package org.reprotrack;

import java.time.Clock;
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
        return new ReportService(reportStore(), lookup, Path.of(settings.report().outputDir()), clock);
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
