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
    private final String template;
    private final Map<String, AtomicInteger> perRepo = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public SlowGitHub(Duration delay) {
        this.delay = delay;
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
        perRepo.computeIfAbsent(fullName.toLowerCase(java.util.Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
        int remaining = 5000 - total.incrementAndGet();
        TimeUnit.MILLISECONDS.sleep(delay.toMillis());
        String body = template.replace("${id}", Long.toString(1_000_000L + Math.abs(fullName.hashCode() % 1_000_000)))
                .replace("${name}", fullName.substring(fullName.indexOf('/') + 1))
                .replace("${full_name}", fullName)
                .replace("${size}", "1234")
                .replace("${archived}", "false");
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("X-GitHub-Request-Id", "0687:0D5B:29F123D:4E0B9D8:62D6351D")
                .addHeader("x-ratelimit-resource", "core")
                .addHeader("x-ratelimit-limit", "5000")
                .addHeader("x-ratelimit-remaining", Integer.toString(Math.max(0, remaining)))
                .addHeader("x-ratelimit-used", Integer.toString(5000 - Math.max(0, remaining)))
                .addHeader("x-ratelimit-reset", Long.toString(System.currentTimeMillis() / 1000 + 3600))
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
