package org.reprotrack.check.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.reprotrack.check.KnownState;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** A MockWebServer per test, every host pointed at it, a fake clock moved only by a recording sleeper. */
abstract class HostsTestBase {
    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

    @StartStop
    public final MockWebServer server = new MockWebServer();

    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    /** Two retries, 2 s timeouts (never reached by answers that come at once). */
    HostsSettings settings() {
        return HostsSettings.forBaseUrl(server.url("/")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(2, 3);
    }

    HostCheckers checkers(HostsSettings settings) {
        OkHttpClient client = HostCheckers.newClient(settings);
        return new HostCheckers(settings, client, clock, d -> {
            sleeps.add(d);
            now.updateAndGet(t -> t.plus(d));
        }, () -> 0.5);
    }

    HostCheckers checkers() {
        return checkers(settings());
    }

    static KnownState fresh(CodeHost host, String path) {
        return KnownState.fresh(new RepoRef(host, path));
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse file(int code, String name) {
        return json(code, read(name));
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static String read(String name) {
        try (InputStream in = HostsTestBase.class.getResourceAsStream("/hosts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
