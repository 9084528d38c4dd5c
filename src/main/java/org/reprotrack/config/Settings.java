package org.reprotrack.config;

import java.util.List;
import java.util.Objects;

/**
 * All of reprotrack's settings, immutable, as loaded by {@link SettingsLoader} from
 * {@code config/reprotrack.yml} (documented there key by key) plus environment overrides.
 * Each record validates its keys; a violation names the key.
 */
public record Settings(
        Database database,
        GitHub github,
        Audit audit,
        Hosts hosts,
        Arxiv arxiv,
        Ingest ingest,
        Schedules schedules,
        Cluster cluster,
        Report report,
        Archives archives,
        Dashboard dashboard,
        Signals signals,
        Notifications notifications) {

    public Settings {
        require(database != null, "database", "is missing");
        require(github != null, "github", "is missing");
        require(audit != null, "audit", "is missing");
        require(hosts != null, "hosts", "is missing");
        require(arxiv != null, "arxiv", "is missing");
        require(ingest != null, "ingest", "is missing");
        require(schedules != null, "schedules", "is missing");
        require(cluster != null, "cluster", "is missing");
        require(!cluster.enabled() || database.url().startsWith("jdbc:postgresql:"), "cluster.enabled",
                "needs a PostgreSQL database.url (jdbc:postgresql://...): an embedded H2 file cannot be shared by nodes");
        require(report != null, "report", "is missing");
        require(archives != null, "archives", "is missing");
        require(dashboard != null, "dashboard", "is missing");
        require(signals != null, "signals", "is missing");
        require(notifications != null, "notifications", "is missing");
    }

    /** A copy with another database URL (the {@code --db} flag). */
    public Settings withDatabaseUrl(String url) {
        return new Settings(new Database(url, database.user(), database.password(), database.poolSize()),
                github, audit, hosts, arxiv, ingest, schedules, cluster, report, archives, dashboard, signals, notifications);
    }

    /** A copy with another GitHub API base URL (the {@code --github-api} flag). */
    public Settings withGitHubApiUrl(String url) {
        return new Settings(database, new GitHub(url, github.graphqlUrl(), github.tokenEnv(), github.graphql(),
                github.restConcurrency(), github.graphqlConcurrency(), github.connectTimeoutSeconds(),
                github.readTimeoutSeconds(), github.maxRetries()), audit, hosts, arxiv, ingest, schedules, cluster, report, archives, dashboard, signals, notifications);
    }

    public record Database(String url, String user, String password, int poolSize) {
        public Database {
            require(url != null && url.startsWith("jdbc:"), "database.url", "must be a JDBC URL starting with jdbc:");
            require(user != null, "database.user", "is missing");
            password = Objects.requireNonNullElse(password, "");
            require(poolSize >= 2 && poolSize <= 200, "database.pool_size", "must be between 2 and 200");
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    public record GitHub(
            String apiUrl,
            String graphqlUrl,
            String tokenEnv,
            boolean graphql,
            int restConcurrency,
            int graphqlConcurrency,
            int connectTimeoutSeconds,
            int readTimeoutSeconds,
            int maxRetries) {
        public GitHub {
            requireHttpUrl(apiUrl, "github.api_url");
            graphqlUrl = Objects.requireNonNullElse(graphqlUrl, "");
            if (!graphqlUrl.isEmpty()) {
                requireHttpUrl(graphqlUrl, "github.graphql_url");
            }
            require(tokenEnv != null && tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")
                            && !tokenEnv.matches("(gh[opusr]|github_pat)_.*"), "github.token_env",
                    "must be the name of an environment variable (letters, digits, _), not the token itself");
            require(restConcurrency >= 1 && restConcurrency <= 32, "github.rest_concurrency", "must be between 1 and 32");
            require(graphqlConcurrency >= 1 && graphqlConcurrency <= 8, "github.graphql_concurrency", "must be between 1 and 8");
            require(connectTimeoutSeconds >= 1, "github.connect_timeout_seconds", "must be at least 1");
            require(readTimeoutSeconds >= 1, "github.read_timeout_seconds", "must be at least 1");
            require(maxRetries >= 0 && maxRetries <= 10, "github.max_retries", "must be between 0 and 10");
        }

        /** The GraphQL endpoint: the configured one, else {@code <api_url>/graphql}. */
        public String effectiveGraphqlUrl() {
            return graphqlUrl.isEmpty() ? apiUrl.replaceAll("/+$", "") + "/graphql" : graphqlUrl;
        }
    }

    /** When repositories are checked and when a dead verdict counts. */
    public record Audit(
            int gracePeriodHours,
            int healthyIntervalHours,
            List<Integer> failingIntervalsHours,
            int deadIntervalHours,
            int unknownRetryHours,
            int hostConcurrency) {
        public Audit {
            require(gracePeriodHours >= 0, "audit.grace_period_hours", "must not be negative");
            require(healthyIntervalHours >= 1, "audit.healthy_interval_hours", "must be at least 1");
            failingIntervalsHours = failingIntervalsHours == null ? List.of() : List.copyOf(failingIntervalsHours);
            require(!failingIntervalsHours.isEmpty() && failingIntervalsHours.stream().allMatch(h -> h != null && h >= 1),
                    "audit.failing_intervals_hours", "must be a list of whole hours, each at least 1");
            require(deadIntervalHours >= 1, "audit.dead_interval_hours", "must be at least 1");
            require(unknownRetryHours >= 1, "audit.unknown_retry_hours", "must be at least 1");
            require(hostConcurrency >= 1 && hostConcurrency <= 32, "audit.host_concurrency", "must be between 1 and 32");
        }
    }

    /** Base URLs of the code hosts other than GitHub. */
    public record Hosts(String gitlabUrl, String huggingfaceUrl, String bitbucketUrl, String codebergUrl,
            String giteeUrl, String gistUrl) {
        public Hosts {
            requireHttpUrl(gitlabUrl, "hosts.gitlab_url");
            requireHttpUrl(huggingfaceUrl, "hosts.huggingface_url");
            requireHttpUrl(bitbucketUrl, "hosts.bitbucket_url");
            requireHttpUrl(codebergUrl, "hosts.codeberg_url");
            requireHttpUrl(giteeUrl, "hosts.gitee_url");
            requireHttpUrl(gistUrl, "hosts.gist_url");
        }
    }

    public record Arxiv(String apiUrl, int batchSize, int minIntervalSeconds, int maxAttempts) {
        public Arxiv {
            requireHttpUrl(apiUrl, "arxiv.api_url");
            require(batchSize >= 1 && batchSize <= 100, "arxiv.batch_size", "must be between 1 and 100");
            require(minIntervalSeconds >= 0, "arxiv.min_interval_seconds", "must not be negative");
            require(maxAttempts >= 1, "arxiv.max_attempts", "must be at least 1");
        }
    }

    public record Ingest(List<String> sources) {
        public Ingest {
            sources = sources == null ? List.of() : List.copyOf(sources);
            for (String s : sources) {
                require(s != null && !s.isBlank(), "ingest.sources", "must not hold empty entries");
            }
        }
    }

    public record Schedules(Schedule ingest, Schedule enrich, Schedule audit, Schedule report) {
        public Schedules {
            require(ingest != null, "schedules.ingest", "is missing");
            require(enrich != null, "schedules.enrich", "is missing");
            require(audit != null, "schedules.audit", "is missing");
            require(report != null, "schedules.report", "is missing");
        }
    }

    /** A Quartz cron expression and whether the job runs at all. */
    public record Schedule(String cron, boolean enabled) {
        public Schedule {
            require(cron != null && cron.trim().split("\\s+").length >= 6, "schedules.*.cron",
                    "must be a Quartz cron expression with 6 or 7 fields (seconds first), got '" + cron + "'");
        }
    }

    /** Several nodes on one PostgreSQL database. */
    public record Cluster(boolean enabled, String nodeName, int checkinIntervalSeconds, int leaseSeconds) {
        public Cluster {
            nodeName = Objects.requireNonNullElse(nodeName, "").trim();
            require(nodeName.length() <= 100, "cluster.node_name", "must be at most 100 characters");
            require(checkinIntervalSeconds >= 1, "cluster.checkin_interval_seconds", "must be at least 1");
            require(leaseSeconds >= 10, "cluster.lease_seconds", "must be at least 10");
        }

        /** The configured name, else the host name. */
        public String effectiveNodeName() {
            if (!nodeName.isEmpty()) {
                return nodeName;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "node";
            }
        }
    }

    /** Where dead-link reports go and which formats the scheduled job writes. */
    public record Report(String outputDir, List<String> formats) {
        /** The format names {@code report.formats} accepts (file extensions). */
        public static final List<String> FORMATS = List.of("csv", "json", "md", "html");

        public Report {
            require(outputDir != null && !outputDir.isBlank(), "report.output_dir", "is missing");
            formats = formats == null ? List.of() : List.copyOf(formats);
            require(!formats.isEmpty() && formats.stream().allMatch(FORMATS::contains), "report.formats",
                    "must be a non-empty list of " + String.join(", ", FORMATS) + ", got " + formats);
        }
    }

    /** The web archives asked about dead repositories. */
    public record Archives(
            String softwareHeritageUrl,
            String waybackUrl,
            boolean availabilityCheck,
            String availabilityUrl,
            int cacheDays,
            int timeoutSeconds,
            int maxRateLimitWaitSeconds,
            boolean saveCodeNow,
            String softwareHeritageTokenEnv,
            int askLimit,
            int saveLimit) {
        public Archives {
            require(askLimit >= 0, "archives.ask_limit", "must not be negative");
            require(saveLimit >= 0, "archives.save_limit", "must not be negative");
            require(softwareHeritageTokenEnv != null && softwareHeritageTokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*"),
                    "archives.software_heritage_token_env", "must be the name of an environment variable");
            requireHttpUrl(softwareHeritageUrl, "archives.software_heritage_url");
            requireHttpUrl(waybackUrl, "archives.wayback_url");
            requireHttpUrl(availabilityUrl, "archives.availability_url");
            require(cacheDays >= 0, "archives.cache_days", "must not be negative");
            require(timeoutSeconds >= 1 && timeoutSeconds <= 300, "archives.timeout_seconds", "must be between 1 and 300");
            require(maxRateLimitWaitSeconds >= 0, "archives.max_rate_limit_wait_seconds", "must not be negative");
        }
    }

    /**
     * Where the dashboard listens, the NAME of the environment variable holding the admin token
     * (writes are off while that variable is unset or empty), and the folder of its search index.
     *
     * @param searchIndex folder of the node-local full-text index of papers (rebuilt from the
     *     database when missing); empty keeps it in memory, rebuilt at every start
     */
    public record Dashboard(String host, int port, String adminTokenEnv, String searchIndex) {
        public Dashboard {
            require(host != null && !host.isBlank(), "dashboard.host", "is missing");
            require(port >= 0 && port <= 65535, "dashboard.port", "must be between 0 and 65535");
            adminTokenEnv = Objects.requireNonNullElse(adminTokenEnv, "REPROTRACK_ADMIN_TOKEN");
            require(adminTokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "dashboard.admin_token_env",
                    "must be the name of an environment variable (letters, digits, _), not the token itself");
            searchIndex = Objects.requireNonNullElse(searchIndex, "");
        }

        /** A copy listening elsewhere (the {@code --host} and {@code --port} flags). */
        public Dashboard withAddress(String newHost, int newPort) {
            return new Dashboard(newHost, newPort, adminTokenEnv, searchIndex);
        }
    }

    /**
     * Reproducibility signals (docs/checklist.md).
     *
     * @param promiseDays a promised code link still EMPTY, PLACEHOLDER or NOT_FOUND this many days
     *     after the paper's first version is a promise not kept
     * @param duringAudit after its verdicts, the audit reads the trees and READMEs of changed reachable
     *     GitHub repositories and refines their verdicts (PLACEHOLDER when there is no code)
     * @param reserve the share of each GitHub rate-limit window the signals leave to verdicts (0 to 0.9)
     * @param maxPauseSeconds the longest the signals wait for a window to reset; a longer wait leaves
     *     the rest for the next run
     * @param batchSize repositories per GraphQL signals query (1 to 100)
     * @param treeDepth tree levels nested in one query (1 to 8); deeper folders take follow-up queries
     */
    public record Signals(int promiseDays, boolean duringAudit, double reserve, int maxPauseSeconds, int batchSize,
            int treeDepth) {
        public Signals {
            require(promiseDays >= 1 && promiseDays <= 3650, "signals.promise_days", "must be between 1 and 3650");
            require(reserve >= 0 && reserve <= 0.9, "signals.reserve", "must be between 0 and 0.9 (a share of the window)");
            require(maxPauseSeconds >= 0 && maxPauseSeconds <= 3600, "signals.max_pause_seconds",
                    "must be between 0 and 3600");
            require(batchSize >= 1 && batchSize <= 100, "signals.batch_size", "must be between 1 and 100");
            require(treeDepth >= 1 && treeDepth <= 8, "signals.tree_depth", "must be between 1 and 8");
        }
    }

    /**
     * Feeds and webhooks (issue 17).
     *
     * @param publicUrl the dashboard's address as subscribers reach it, for links in feeds and webhook bodies
     * @param intervalSeconds how often {@code run} looks for new events and sends due webhook deliveries
     * @param maxAttempts attempts per webhook delivery before it is given up (marked failed)
     * @param webhooks one per receiver
     */
    public record Notifications(String publicUrl, int intervalSeconds, int maxAttempts, List<Webhook> webhooks) {
        public Notifications {
            requireHttpUrl(publicUrl, "notifications.public_url");
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            require(intervalSeconds >= 1 && intervalSeconds <= 86_400, "notifications.interval_seconds", "must be between 1 and 86400");
            require(maxAttempts >= 1 && maxAttempts <= 100, "notifications.max_attempts", "must be between 1 and 100");
            webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Webhook w : webhooks) {
                require(names.add(w.name()), "notifications.webhooks", "has two webhooks named '" + w.name() + "'");
            }
        }
    }

    /**
     * One webhook receiver. The secret is never in the config: {@code secretEnv} names the
     * environment variable that holds it.
     *
     * @param collection the collection whose events it gets; "*" for every event
     * @param format {@code json} (the documented body) or {@code slack} (a Slack incoming-webhook body)
     */
    public record Webhook(String name, String collection, String url, String secretEnv, String format) {
        public Webhook {
            require(name != null && name.matches("[a-z0-9][a-z0-9._-]{0,63}"), "notifications.webhooks[].name",
                    "must be 1 to 64 lower-case letters, digits, '.', '_' or '-'");
            require(collection != null && !collection.isBlank(), "notifications.webhooks[" + name + "].collection",
                    "must name a collection, or \"*\" for every event");
            requireHttpUrl(url, "notifications.webhooks[" + name + "].url");
            require(secretEnv != null && secretEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "notifications.webhooks[" + name + "].secret_env",
                    "must be the name of an environment variable (letters, digits, _), not the secret itself");
            format = Objects.requireNonNullElse(format, "json");
            require(format.equals("json") || format.equals("slack"), "notifications.webhooks[" + name + "].format", "must be json or slack");
        }

        /** True when it gets every event, whatever the collection. */
        public boolean everything() {
            return collection.equals("*");
        }

        @Override
        public String toString() { // the URL may carry a token (Slack's do): never printed whole
            return "Webhook[name=" + name + ", collection=" + collection + ", format=" + format + "]";
        }
    }

    private static void requireHttpUrl(String url, String key) {
        require(url != null && (url.startsWith("http://") || url.startsWith("https://")), key,
                "must be an http:// or https:// URL, got '" + url + "'");
    }

    static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new ConfigException(key, problem);
        }
    }
}
