package org.reprotrack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A GitHub REST API for child JVMs: {@code GET /repos/{owner}/{name}} answers 200 with the
 * {@code audit/github-repo.json} fixture after a delay (so an audit lasts long enough to be killed
 * in the middle), with rate-limit headers, and counts the requests per repository.
 */
public final class SlowGitHub extends Dispatcher implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Duration delay;
    /** Requests a token may make per window; 0: 5,000 an hour, never enforced. */
    private final int budget;
    private final long windowSeconds;
    private final Map<Long, AtomicInteger> perWindow = new ConcurrentHashMap<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final String template;
    private final Map<String, AtomicInteger> perRepo = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public SlowGitHub(Duration delay) {
        this(delay, 0, Duration.ofHours(1));
    }

    /**
     * A token budget of {@code budget} requests per {@code window} (windows aligned on multiples of
     * it since the epoch, reset time in the headers as GitHub sends it): a request past the budget is
     * a rule violation, answered 403 "API rate limit exceeded" with remaining 0 as GitHub does.
     */
    public SlowGitHub(Duration delay, int budget, Duration window) {
        this.delay = delay;
        this.budget = budget;
        this.windowSeconds = window.toSeconds();
        this.template = fixture("github-repo.json");
        server.setDispatcher(this);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, for {@code REPROTRACK_GITHUB_API_URL}. */
    public String url() {
        return server.url("/").toString();
    }

    private volatile int slowAfter = Integer.MAX_VALUE;
    private volatile Duration slowDelay = Duration.ZERO;

    /** From the {@code requests}+1-th request for a repository on, every answer is held back {@code delay}. */
    public void slowAfter(int requests, Duration delay) {
        this.slowDelay = delay;
        this.slowAfter = requests;
    }

    private long delayMillis(int request) {
        return (request > slowAfter ? slowDelay : delay).toMillis();
    }

    /** Requests that arrived when the window's budget was spent (403 rate limited). */
    public int violations() {
        return violations.get();
    }

    /** Requests per budget window, oldest first. */
    public Map<Long, Integer> perWindow() {
        Map<Long, Integer> copy = new java.util.TreeMap<>();
        perWindow.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Requests for repositories so far. */
    public int total() {
        return total.get();
    }

    /** Requests per {@code owner/name} (lower case). */
    public Map<String, Integer> perRepo() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        perRepo.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String target = request.getTarget();
        if (!"GET".equals(request.getMethod()) || !target.startsWith("/repos/")) {
            return new MockResponse.Builder().code(418).body("{\"message\":\"no route for " + target + "\"}").build();
        }
        String fullName = target.substring("/repos/".length());
        int query = fullName.indexOf('?');
        if (query >= 0) {
            fullName = fullName.substring(0, query);
        }
        if (fullName.split("/").length != 2) {
            return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        }
        if (budget > 0) {
            long window = System.currentTimeMillis() / 1000 / windowSeconds;
            int used = perWindow.computeIfAbsent(window, k -> new AtomicInteger()).incrementAndGet();
            String reset = Long.toString((window + 1) * windowSeconds);
            if (used > budget) {
                violations.incrementAndGet();
                return new MockResponse.Builder().code(403)
                        .addHeader("Content-Type", "application/json; charset=utf-8")
                        .addHeader("x-ratelimit-resource", "core")
                        .addHeader("x-ratelimit-limit", Integer.toString(budget))
                        .addHeader("x-ratelimit-remaining", "0")
                        .addHeader("x-ratelimit-used", Integer.toString(budget))
                        .addHeader("x-ratelimit-reset", reset)
                        .body("{\"message\":\"API rate limit exceeded for user ID 1.\",\"documentation_url\":"
                                + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}")
                        .build();
            }
            perRepo.computeIfAbsent(fullName.toLowerCase(java.util.Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(delayMillis(total.incrementAndGet()));
            return repo(fullName, budget, budget - used, reset);
        }
        perRepo.computeIfAbsent(fullName.toLowerCase(java.util.Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
        int count = total.incrementAndGet();
        int remaining = 5000 - count;
        TimeUnit.MILLISECONDS.sleep(delayMillis(count));
        return repo(fullName, 5000, remaining, Long.toString(System.currentTimeMillis() / 1000 + 3600));
    }

    private MockResponse repo(String fullName, int limit, int remaining, String reset) {
        String body = template.replace("${id}", Long.toString(1_000_000L + Math.abs(fullName.hashCode() % 1_000_000)))
                .replace("${name}", fullName.substring(fullName.indexOf('/') + 1))
                .replace("${full_name}", fullName)
                .replace("${size}", "1234")
                .replace("${archived}", "false");
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("X-GitHub-Request-Id", "0687:0D5B:29F123D:4E0B9D8:62D6351D")
                .addHeader("x-ratelimit-resource", "core")
                .addHeader("x-ratelimit-limit", Integer.toString(limit))
                .addHeader("x-ratelimit-remaining", Integer.toString(Math.max(0, remaining)))
                .addHeader("x-ratelimit-used", Integer.toString(limit - Math.max(0, remaining)))
                .addHeader("x-ratelimit-reset", reset)
                .body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }

    private static String fixture(String name) {
        try (InputStream in = SlowGitHub.class.getResourceAsStream("/audit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture /audit/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
