package org.reprotrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for api.github.com for the audit benchmark: the JDK's HTTP server on
 * 127.0.0.1, a pool of 64 handler threads, every answer held back {@code delay} (GitHub's latency)
 * by sleeping in the handler. It knows repositories {@code benchowner<i>/repo<i>} for i in
 * [0, repos): one in 200 does not exist (404), one in 50 is archived, the rest are plain public
 * repositories with code (size above 0, so no emptiness probe).
 *
 * <p>What it answers, with the shapes of the recorded answers in shared/reference/github_fixtures:
 * <ul>
 *   <li>{@code GET /repos/{owner}/{repo}}: 200 with a full repository object (about 6 KB, the
 *       fields of octokit's get-repository recording) and a strong {@code ETag}; 304 without a
 *       body when {@code If-None-Match} matches (weak or strong), which, as on GitHub with a token,
 *       does not count against the budget; 404 with GitHub's body and an ETag, and a repeated 404
 *       ignores {@code If-None-Match} (RFC 9110 §13.2.1: preconditions apply only to 2xx) and
 *       counts.
 *   <li>{@code POST /graphql}: the batch query the client sends (aliases {@code r<i>}, owner and
 *       name in the variables {@code o<i>}, {@code n<i>}); a missing repository is a {@code null}
 *       alias plus an error of type {@code NOT_FOUND} with {@code path: ["r<i>"]}; {@code rateLimit}
 *       in the data when asked. A query costs GitHub's points: one per 100 connection requests,
 *       here two connections per repository (topics, issues), so two points per 100 repositories.
 *   <li>{@code x-ratelimit-limit/remaining/reset/used/resource} on every answer, core and graphql
 *       tracked apart in one window of an hour; a spent bucket answers 403 "API rate limit
 *       exceeded" (REST) or a {@code RATE_LIMITED} error (GraphQL) with remaining 0.
 * </ul>
 * A wrong token gets 401 "Bad credentials"; no token gets the unauthenticated budget of 60.
 *
 * <p>For the reproducibility signals it also answers, from {@link FakeRepoFiles}' realistic ML
 * repository trees and READMEs: the signals queries ({@code query Signals}: nested
 * {@code Tree.entries} as deep as the query's {@code Level} fragments, README {@code Blob.text};
 * {@code query SignalObjects}: a folder or a README by {@code HEAD:path}), one point each (no
 * connections), and the REST tree {@code GET /repos/{o}/{r}/git/trees/{sha}[?recursive=1]}. The
 * window of both buckets is a parameter (an hour by default) on an injected clock, so a test can
 * shrink it to 15 s of fake time; every request answered with a rate-limit error, and every
 * request beyond 100 in flight (GitHub's secondary concurrency limit), is counted as a violation.
 * {@link #respond} is the whole site without the HTTP server, for a test's own server.
 */
public final class FakeGitHub implements AutoCloseable {

    /** Every 200th repository, from the 8th on, does not exist. */
    static boolean exists(int i) {
        return i % 200 != 7;
    }

    /** Every 50th repository, from the 4th on, is archived. */
    static boolean archived(int i) {
        return i % 50 == 3;
    }

    static {
        // The JDK server writes the headers and the body of an answer in two sends; with Nagle on,
        // the body waits for the client's delayed ACK (40 ms on Linux loopback), which GitHub's
        // servers do not add. Read once, when the server classes load: set before HttpServer.create.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String ANSWERED = "bench.answered";
    private static final Pattern REPO_PATH = Pattern.compile("^/repos/([^/]+)/([^/]+)$");
    private static final Pattern TREE_PATH = Pattern.compile("^/repos/([^/]+)/([^/]+)/git/trees/([^/]+)$");
    private static final Pattern BENCH_NAME = Pattern.compile("^benchowner(\\d+)/repo(\\d+)$");
    private static final String LANGUAGES = "Python,C++,Jupyter Notebook,Python,Java,Python,Rust,Go";

    private final ObjectMapper mapper = new ObjectMapper();
    private final @Nullable HttpServer server;
    private final @Nullable ExecutorService pool;
    private final int repos;
    private final long delayMillis;
    private final String expectedAuthorization;
    private final Bucket core;
    private final Bucket graphql;
    private final Bucket unauthenticated;
    private final AtomicLong requestIds = new AtomicLong(0x4A3B0000L);

    /** What the fake has answered; read with {@link #counters()}. */
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong restRequests = new AtomicLong();
    private final AtomicLong graphqlRequests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong signalQueries = new AtomicLong();
    private final AtomicLong restTrees = new AtomicLong();
    private final @Nullable Clock clock;

    /**
     * @param repos how many repositories exist (names {@code benchowner<i>/repo<i>})
     * @param delay how long each answer is held back
     * @param token the token the client must send as {@code Bearer}
     * @param coreLimit the core budget of the token for the hour
     * @param graphqlLimit the GraphQL points of the token for the hour
     */
    public FakeGitHub(int repos, Duration delay, String token, int coreLimit, int graphqlLimit) throws IOException {
        this(repos, delay, token, coreLimit, graphqlLimit, Duration.ofHours(1), null);
    }

    /**
     * @param window how long a rate-limit window lasts; both buckets start over when it ends
     * @param clock the time windows are measured on; null for a site served over HTTP in real time,
     *     else no HTTP server is started and a test answers through {@link #respond}
     */
    public FakeGitHub(int repos, Duration delay, String token, int coreLimit, int graphqlLimit, Duration window,
            @Nullable Clock clock) throws IOException {
        this.repos = repos;
        this.delayMillis = delay.toMillis();
        this.expectedAuthorization = "Bearer " + token;
        this.clock = clock;
        Clock c = clock == null ? Clock.systemUTC() : clock;
        this.core = new Bucket("core", coreLimit, window, c);
        this.graphql = new Bucket("graphql", graphqlLimit, window, c);
        this.unauthenticated = new Bucket("core", 60, window, c);
        if (clock != null) {
            server = null;
            pool = null;
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "fake-github-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The REST base URL, {@code http://127.0.0.1:<port>/}; GraphQL is at {@code graphql} below it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + Objects.requireNonNull(server, "no HTTP server: answer through respond()")
                .getAddress().getPort() + "/";
    }

    /** A snapshot of what was answered and spent. */
    /**
     * @param violations requests answered with a rate-limit error, or sent beyond 100 in flight
     * @param signalQueries GraphQL queries for trees and READMEs (part of {@code graphql})
     * @param restTrees REST tree listings (part of {@code rest})
     */
    public record Counters(long requests, long rest, long graphql, long notModified, long notFound, int coreUsed,
            int graphqlPointsUsed, int coreRemaining, int graphqlRemaining, int peakInFlight, long violations,
            long signalQueries, long restTrees) {

        /** What happened between {@code before} and this snapshot; peak in flight is this one's. */
        public Counters minus(Counters before) {
            return new Counters(requests - before.requests, rest - before.rest, graphql - before.graphql,
                    notModified - before.notModified, notFound - before.notFound, coreUsed - before.coreUsed,
                    graphqlPointsUsed - before.graphqlPointsUsed, coreRemaining, graphqlRemaining, peakInFlight,
                    violations - before.violations, signalQueries - before.signalQueries, restTrees - before.restTrees);
        }
    }

    public Counters counters() {
        return new Counters(requests.get(), restRequests.get(), graphqlRequests.get(), notModified.get(),
                notFound.get(), core.used(), graphql.used(), core.remaining(), graphql.remaining(), peakInFlight.get(),
                violations.get(), signalQueries.get(), restTrees.get());
    }

    /** Forgets the highest concurrency seen, so each run reports its own. */
    public void resetPeakInFlight() {
        peakInFlight.set(0);
    }

    /**
     * One answer of the site.
     *
     * @param body JSON, or null for none (a 304)
     * @param etag the ETag header, if any
     * @param headers the rate-limit headers of the bucket spent
     */
    public record Reply(int code, @Nullable String body, @Nullable String etag, Map<String, String> headers) {
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            sleep();
            String query = ex.getRequestURI().getRawQuery();
            Reply r = now > 100 ? secondary()
                    : respond(ex.getRequestMethod(), ex.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                            ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("If-None-Match"),
                            body);
            send(ex, r);
        } finally {
            if (ex.getAttribute(ANSWERED) == null) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** GitHub's answer to more than 100 requests in flight: a secondary limit, counted as a violation. */
    private Reply secondary() {
        requests.incrementAndGet();
        violations.incrementAndGet();
        return new Reply(403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before "
                + "you try again.\"}", null, Map.of("retry-after", "60"));
    }

    /**
     * The whole site without HTTP: what it answers to one request.
     *
     * @param pathAndQuery the path with its query string, if any
     */
    public Reply respond(String method, String pathAndQuery, @Nullable String auth, @Nullable String ifNoneMatch,
            byte[] body) throws IOException {
        requests.incrementAndGet();
        if (auth != null && !auth.equals(expectedAuthorization)) {
            return reply(401, core, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\","
                    + "\"status\":\"401\"}", null);
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        if ("POST".equals(method) && "/graphql".equals(path)) {
            graphqlRequests.incrementAndGet();
            if (auth == null) {
                return reply(401, graphql, "{\"message\":\"This endpoint requires you to be authenticated.\"}", null);
            }
            return graphQl(body);
        }
        restRequests.incrementAndGet();
        Bucket bucket = auth == null ? unauthenticated : core;
        Matcher t = TREE_PATH.matcher(path);
        if ("GET".equals(method) && t.matches()) {
            restTrees.incrementAndGet();
            return tree(bucket, t.group(1), t.group(2), t.group(3), query.contains("recursive="));
        }
        Matcher m = REPO_PATH.matcher(path);
        if (!"GET".equals(method) || !m.matches()) {
            if (!bucket.spend(1)) {
                return primaryLimit(bucket);
            }
            notFound.incrementAndGet();
            return reply(404, bucket, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                    + "\"status\":\"404\"}", null);
        }
        return repo(bucket, m.group(1), m.group(2), ifNoneMatch);
    }

    private Reply repo(Bucket bucket, String owner, String name, @Nullable String ifNoneMatch) {
        int i = index(owner + "/" + name);
        if (i < 0 || !exists(i)) {
            if (!bucket.spend(1)) {
                return primaryLimit(bucket);
            }
            notFound.incrementAndGet();
            return reply(404, bucket, "{\"message\":\"Not Found\",\"documentation_url\":"
                    + "\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}",
                    "\"" + hex(~(long) i) + "\"");
        }
        String etag = "\"" + hex(i) + "\"";
        if (ifNoneMatch != null && etag.equals(ifNoneMatch.strip().replaceFirst("^W/", ""))) {
            // GitHub: a 304 to an authenticated conditional request does not count.
            if (bucket == unauthenticated && !bucket.spend(1)) {
                return primaryLimit(bucket);
            }
            notModified.incrementAndGet();
            return reply(304, bucket, null, etag);
        }
        if (!bucket.spend(1)) {
            return primaryLimit(bucket);
        }
        return reply(200, bucket, restRepository(i), etag);
    }

    /** {@code git/trees/{sha}}: the root by HEAD or the commit, a folder by the SHA a listing gave it. */
    private Reply tree(Bucket bucket, String owner, String name, String sha, boolean recursive) throws IOException {
        if (!bucket.spend(1)) {
            return primaryLimit(bucket);
        }
        int i = index(owner + "/" + name);
        FakeRepoFiles.Dir root = i < 0 || !exists(i) ? null : FakeRepoFiles.of(i);
        FakeRepoFiles.Dir dir = root == null ? null
                : sha.equals("HEAD") || sha.equals(FakeRepoFiles.commit(i)) ? root : root.bySha(sha);
        if (dir == null) {
            return reply(404, bucket, "{\"message\":\"Not Found\",\"status\":\"404\"}", null);
        }
        return reply(200, bucket, mapper.writeValueAsString(dir.restListing(mapper, recursive)), null);
    }

    private Reply primaryLimit(Bucket bucket) {
        violations.incrementAndGet();
        return reply(403, bucket, "{\"message\":\"API rate limit exceeded for user ID 1. If you reach out to GitHub Support "
                + "for help, please include the request ID.\",\"documentation_url\":"
                + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\",\"status\":\"403\"}", null);
    }

    private Reply graphQl(byte[] requestBody) throws IOException {
        JsonNode request = mapper.readTree(requestBody);
        String query = request.path("query").asText("");
        JsonNode variables = request.path("variables");
        int aliases = 0;
        while (variables.has("o" + aliases) && variables.has("n" + aliases)) {
            aliases++;
        }
        boolean signals = query.startsWith("query Signals(") || query.startsWith("query SignalObjects(");
        if (aliases == 0 || !query.contains("r0: repository(")) {
            return reply(200, graphql, "{\"errors\":[{\"message\":\"the benchmark's fake understands only the batch "
                    + "and signals queries\"}]}", null);
        }
        int connectionsPerRepo = signals ? 0
                : (query.contains("repositoryTopics(") ? 1 : 0) + (query.contains("issues(") ? 1 : 0);
        int cost = Math.max(1, Math.round(aliases * connectionsPerRepo / 100f));
        if (!graphql.spend(cost)) {
            violations.incrementAndGet();
            return reply(200, graphql, "{\"data\":null,\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":"
                    + "\"API rate limit already exceeded for user ID 1.\"}]}", null);
        }
        if (signals) {
            signalQueries.incrementAndGet();
        }
        int depth = 0;
        while (query.contains("fragment Level" + (depth + 1) + " ")) {
            depth++;
        }
        ObjectNode root = mapper.createObjectNode();
        ObjectNode data = root.putObject("data");
        ArrayNode errors = mapper.createArrayNode();
        for (int a = 0; a < aliases; a++) {
            String owner = variables.get("o" + a).asText();
            String name = variables.get("n" + a).asText();
            int i = index(owner + "/" + name);
            if (i < 0 || !exists(i)) {
                data.putNull("r" + a);
                ObjectNode e = errors.addObject();
                e.put("type", "NOT_FOUND");
                e.putArray("path").add("r" + a);
                ObjectNode loc = e.putArray("locations").addObject();
                loc.put("line", 2 + a);
                loc.put("column", 3);
                e.put("message", "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.");
            } else if (query.startsWith("query Signals(")) {
                FakeRepoFiles.signals(mapper, data.putObject("r" + a), i, depth);
            } else if (query.startsWith("query SignalObjects(")) {
                FakeRepoFiles.object(mapper, data.putObject("r" + a), i, variables.path("e" + a).asText(""), depth);
            } else {
                graphQlRepository(data.putObject("r" + a), i);
            }
        }
        if (query.contains("rateLimit")) {
            ObjectNode rl = data.putObject("rateLimit");
            rl.put("cost", cost);
            rl.put("remaining", graphql.remaining());
            rl.put("resetAt", Instant.ofEpochSecond(graphql.reset()).toString());
        }
        if (!errors.isEmpty()) {
            root.set("errors", errors);
        }
        return reply(200, graphql, mapper.writeValueAsString(root), null);
    }

    private static void graphQlRepository(ObjectNode r, int i) {
        r.put("databaseId", repoId(i));
        r.put("nameWithOwner", "benchowner" + i + "/repo" + i);
        r.put("isArchived", archived(i));
        r.put("isDisabled", false);
        r.put("isEmpty", false);
        r.put("isFork", i % 9 == 0);
        r.put("isPrivate", false);
        r.put("stargazerCount", stars(i));
        r.put("forkCount", stars(i) / 7);
        r.put("pushedAt", pushedAt(i));
        r.put("createdAt", "2021-03-0" + (1 + i % 9) + "T10:00:00Z");
        r.put("updatedAt", pushedAt(i));
        r.put("description", "Code for the paper number " + i + " of the benchmark");
        r.putNull("homepageUrl");
        r.putObject("primaryLanguage").put("name", language(i));
        r.putObject("licenseInfo").put("spdxId", i % 3 == 0 ? "MIT" : "Apache-2.0");
        r.putObject("defaultBranchRef").put("name", "main");
        ArrayNode topics = r.putObject("repositoryTopics").putArray("nodes");
        topics.addObject().putObject("topic").put("name", "deep-learning");
        topics.addObject().putObject("topic").put("name", "benchmark");
        r.putObject("issues").put("totalCount", i % 17);
    }

    /** The full REST repository object, field for field as in octokit's recorded get-repository answer. */
    private static String restRepository(int i) {
        String owner = "benchowner" + i;
        String name = "repo" + i;
        String full = owner + "/" + name;
        String api = "https://api.github.com/repos/" + full;
        StringBuilder b = new StringBuilder(7200);
        b.append("{\"id\":").append(repoId(i)).append(",\"node_id\":\"R_kgDO").append(hex(i), 0, 8)
                .append("\",\"name\":\"").append(name).append("\",\"full_name\":\"").append(full)
                .append("\",\"private\":false,\"owner\":{\"login\":\"").append(owner).append("\",\"id\":").append(5_000_000 + i)
                .append(",\"node_id\":\"MDQ6VXNlcj").append(i).append("\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/")
                .append(5_000_000 + i).append("?v=4\",\"gravatar_id\":\"\"");
        String user = "https://api.github.com/users/" + owner;
        b.append(",\"url\":\"").append(user).append("\",\"html_url\":\"https://github.com/").append(owner).append('"');
        for (String f : new String[] {"followers", "following{/other_user}", "gists{/gist_id}", "starred{/owner}{/repo}",
                "subscriptions", "organizations:orgs", "repos", "events{/privacy}", "received_events"}) {
            String key = f.contains(":") ? f.substring(0, f.indexOf(':')) : f.replaceAll("\\{.*", "");
            String suffix = f.contains(":") ? f.substring(f.indexOf(':') + 1) : f;
            b.append(",\"").append(key).append("_url\":\"").append(user).append('/').append(suffix).append('"');
        }
        b.append(",\"type\":\"User\",\"site_admin\":false},\"html_url\":\"https://github.com/").append(full)
                .append("\",\"description\":\"Code for the paper number ").append(i).append(" of the benchmark\",\"fork\":")
                .append(i % 9 == 0).append(",\"url\":\"").append(api).append('"');
        for (String f : new String[] {"forks", "keys{/key_id}", "collaborators{/collaborator}", "teams", "hooks",
                "issue_events:issues/events{/number}", "events", "assignees{/user}", "branches{/branch}", "tags",
                "blobs:git/blobs{/sha}", "git_tags:git/tags{/sha}", "git_refs:git/refs{/sha}", "trees:git/trees{/sha}",
                "statuses{/sha}", "languages", "stargazers", "contributors", "subscribers", "subscription",
                "commits{/sha}", "git_commits:git/commits{/sha}", "comments{/number}",
                "issue_comment:issues/comments{/number}", "contents{+path}", "compare{/base}...{/head}", "merges",
                "archive{/archive_format}{/ref}", "downloads", "issues{/number}", "pulls{/number}",
                "milestones{/number}", "notifications{?since,all,participating}", "labels{/name}", "releases{/id}",
                "deployments"}) {
            String key = f.contains(":") ? f.substring(0, f.indexOf(':')) : f.replaceAll("\\{.*", "");
            String suffix = f.contains(":") ? f.substring(f.indexOf(':') + 1) : f;
            b.append(",\"").append(key).append("_url\":\"").append(api).append('/').append(suffix).append('"');
        }
        String pushed = pushedAt(i);
        b.append(",\"created_at\":\"2021-03-0").append(1 + i % 9).append("T10:00:00Z\",\"updated_at\":\"").append(pushed)
                .append("\",\"pushed_at\":\"").append(pushed).append("\",\"git_url\":\"git://github.com/").append(full)
                .append(".git\",\"ssh_url\":\"git@github.com:").append(full).append(".git\",\"clone_url\":\"https://github.com/")
                .append(full).append(".git\",\"svn_url\":\"https://github.com/").append(full)
                .append("\",\"homepage\":\"\",\"size\":").append(100 + (i * 37) % 90_000)
                .append(",\"stargazers_count\":").append(stars(i)).append(",\"watchers_count\":").append(stars(i))
                .append(",\"language\":\"").append(language(i)).append("\",\"has_issues\":true,\"has_projects\":true,")
                .append("\"has_downloads\":true,\"has_wiki\":true,\"has_pages\":false,\"has_discussions\":false,")
                .append("\"forks_count\":").append(stars(i) / 7).append(",\"mirror_url\":null,\"archived\":").append(archived(i))
                .append(",\"disabled\":false,\"open_issues_count\":").append(i % 17)
                .append(",\"license\":{\"key\":\"mit\",\"name\":\"MIT License\",\"spdx_id\":\"")
                .append(i % 3 == 0 ? "MIT" : "Apache-2.0")
                .append("\",\"url\":\"https://api.github.com/licenses/mit\",\"node_id\":\"MDc6TGljZW5zZTEz\"},")
                .append("\"allow_forking\":true,\"is_template\":false,\"web_commit_signoff_required\":false,")
                .append("\"topics\":[\"deep-learning\",\"benchmark\"],\"visibility\":\"public\",\"forks\":").append(stars(i) / 7)
                .append(",\"open_issues\":").append(i % 17).append(",\"watchers\":").append(stars(i))
                .append(",\"default_branch\":\"main\",\"temp_clone_token\":null,\"network_count\":").append(stars(i) / 7)
                .append(",\"subscribers_count\":").append(1 + i % 40).append('}');
        return b.toString();
    }

    private int index(String fullName) {
        Matcher m = BENCH_NAME.matcher(fullName.toLowerCase(Locale.ROOT));
        if (!m.matches() || !m.group(1).equals(m.group(2))) {
            return -1;
        }
        try {
            int i = Integer.parseInt(m.group(1));
            return i < repos ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long repoId(int i) {
        return 300_000_000L + i;
    }

    private static int stars(int i) {
        return (int) ((i * 7919L) % 5000);
    }

    private static String language(int i) {
        String[] l = LANGUAGES.split(",");
        return l[i % l.length];
    }

    private static String pushedAt(int i) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds((i * 86_411L) % 60_000_000L).toString();
    }

    /** 32 hex digits, stable per repository: the ETag of its (never changing) answer. */
    private static String hex(long i) {
        long a = mix(i);
        long b = mix(a ^ 0x5DEECE66DL);
        return String.format("%016x%016x", a, b);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private void sleep() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply reply(int code, Bucket bucket, @Nullable String body, @Nullable String etag) {
        return new Reply(code, body, etag, bucket.headers());
    }

    private void send(HttpExchange ex, Reply r) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Server", "GitHub.com");
        h.set("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(
                java.time.ZoneOffset.UTC)));
        if (r.body() != null) {
            h.set("Content-Type", "application/json; charset=utf-8");
        }
        h.set("Cache-Control", "private, max-age=60, s-maxage=60");
        h.set("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        if (r.etag() != null) {
            h.set("ETag", r.etag());
        }
        h.set("X-GitHub-Media-Type", "github.v3; format=json");
        h.set("X-GitHub-Api-Version-Selected", "2022-11-28");
        r.headers().forEach(h::set);
        h.set("X-GitHub-Request-Id", String.format("%04X:%04X:%07X:%07X:%08X", 0x0687, 0x0D5B,
                requestIds.incrementAndGet() & 0xFFFFFFF, 0x4E0B9D8, 0x62D6351D));
        // Out of flight before the answer leaves: the client may send its next request on this
        // connection before the handler returns, and that is not one more in flight.
        ex.setAttribute(ANSWERED, Boolean.TRUE);
        inFlight.decrementAndGet();
        if (r.body() == null) {
            ex.sendResponseHeaders(r.code(), -1);
            return;
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(r.code(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server == null || pool == null) {
            return;
        }
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One rate-limit bucket of one token, its window starting over every {@code window} on the clock. */
    private static final class Bucket {
        private final String resource;
        private final int limit;
        private final long windowSeconds;
        private final Clock clock;
        private long reset;
        private int used;
        private int spent;

        Bucket(String resource, int limit, Duration window, Clock clock) {
            this.resource = resource;
            this.limit = limit;
            this.windowSeconds = Math.max(1, window.toSeconds());
            this.clock = clock;
            this.reset = clock.instant().getEpochSecond() + windowSeconds;
        }

        /** A new window once the reset time has come. */
        private void roll() {
            long now = clock.instant().getEpochSecond();
            if (now >= reset) {
                reset += ((now - reset) / windowSeconds + 1) * windowSeconds;
                used = 0;
            }
        }

        /** Spends {@code n} if the budget has it; false (nothing spent) when it does not. */
        synchronized boolean spend(int n) {
            roll();
            if (used + n > limit) {
                return false;
            }
            used += n;
            spent += n;
            return true;
        }

        /** Spent over all windows. */
        synchronized int used() {
            return spent;
        }

        synchronized int remaining() {
            roll();
            return limit - used;
        }

        synchronized long reset() {
            roll();
            return reset;
        }

        synchronized Map<String, String> headers() {
            roll();
            Map<String, String> h = new LinkedHashMap<>();
            h.put("X-RateLimit-Limit", Integer.toString(limit));
            h.put("X-RateLimit-Remaining", Integer.toString(limit - used));
            h.put("X-RateLimit-Reset", Long.toString(reset));
            h.put("X-RateLimit-Used", Integer.toString(used));
            h.put("X-RateLimit-Resource", resource);
            return h;
        }
    }
}
