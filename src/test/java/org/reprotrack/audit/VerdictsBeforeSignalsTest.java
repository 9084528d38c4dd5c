package org.reprotrack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.App;
import org.reprotrack.bench.FakeGitHub;
import org.reprotrack.config.Settings;
import org.reprotrack.config.SettingsLoader;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.TestDatabases;
import org.reprotrack.testing.TestClock;

/**
 * Issue 11's small-budget audit: 400 repositories behind a GitHub that allows 12 REST calls and
 * 2 GraphQL points per 15 s window (the benchmark's fake, served by a MockWebServer on a fake
 * clock, counting every request that breaks a limit). The verdicts all come first, in the time
 * they need alone; the signals follow within what the windows leave, or in the next run.
 */
class VerdictsBeforeSignalsTest {
    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");
    static final String TOKEN_ENV = "REPROTRACK_TEST_GITHUB_TOKEN";
    static final String TOKEN = "ghp_VerdictsFirstToken00000000000000000042";
    static final int REPOS = 400;
    /** benchowner<i>: one in 200 missing, one in 100 a placeholder (FakeRepoFiles). */
    static final int MISSING = 2;
    static final int PLACEHOLDERS = 4;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);
    private final MockWebServer server = new MockWebServer();
    private final Database db = TestDatabases.memory();
    private final List<String> lanes = new CopyOnWriteArrayList<>();
    private final List<Instant> verdictTimes = new CopyOnWriteArrayList<>();
    private @Nullable FakeGitHub github;

    @BeforeEach
    void start() throws IOException {
        github = new FakeGitHub(REPOS, Duration.ZERO, TOKEN, 12, 2, Duration.ofSeconds(15), clock);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
                String text = new String(body, StandardCharsets.UTF_8);
                boolean signals = text.contains("query Signals(") || text.contains("query SignalObjects(")
                        || r.getTarget().contains("/git/trees/");
                lanes.add(signals ? "signals" : "verdicts");
                try {
                    FakeGitHub.Reply reply = github.respond(r.getMethod(), r.getTarget(), r.getHeaders().get("Authorization"),
                            r.getHeaders().get("If-None-Match"), body);
                    MockResponse.Builder b = new MockResponse.Builder().code(reply.code());
                    reply.headers().forEach(b::addHeader);
                    if (reply.etag() != null) {
                        b.addHeader("ETag", reply.etag());
                    }
                    if (reply.body() != null) {
                        b.addHeader("Content-Type", "application/json; charset=utf-8").body(reply.body());
                    }
                    return b.build();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        ingest();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private void ingest() throws IOException {
        StringBuilder csv = new StringBuilder("paper_id,url\n");
        for (int i = 0; i < REPOS; i++) {
            csv.append(String.format("2101.%05d,https://github.com/benchowner%d/repo%d%n", i + 1, i, i));
        }
        Path file = dir.resolve("urls.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        new IngestService(new PaperStore(db.dataSource(), clock), new LinkExtractor())
                .ingest(List.of(file), InputFormat.URLS, IngestListener.SILENT);
    }

    private AuditService service(boolean signals, int maxPauseSeconds) {
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", server.url("/").toString());
        env.put("REPROTRACK_GITHUB_TOKEN_ENV", TOKEN_ENV);
        // One query in flight: two at once would both be sent before the first answer says the
        // window's 2 points are spent (the verdict client's concern, not the signals').
        env.put("REPROTRACK_GITHUB_GRAPHQL_CONCURRENCY", "1");
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", String.valueOf(signals));
        env.put("REPROTRACK_SIGNALS_MAX_PAUSE_SECONDS", String.valueOf(maxPauseSeconds));
        Settings settings = new SettingsLoader().load(null, env);
        return App.auditService(settings, db, clock, clock::advance, Map.of(TOKEN_ENV, TOKEN));
    }

    /** Remembers when (fake time) each verdict was recorded, and the signals' progress. */
    private final class Listener implements AuditListener {
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<SignalsProgress> signals = new CopyOnWriteArrayList<>();
        volatile int signalRequestsWhenLastVerdict = -1;

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void progress(Progress p) {
            verdictTimes.add(clock.instant());
            if (p.done() == p.total()) {
                signalRequestsWhenLastVerdict = (int) lanes.stream().filter("signals"::equals).count();
            }
        }

        @Override
        public void waiting(String resource, Instant until, String reason) {
        }

        @Override
        public void signals(SignalsProgress p) {
            signals.add(p);
        }
    }

    private Map<String, Integer> statuses() {
        return new AuditStore(db.dataSource()).countByStatus();
    }

    @Test
    void everyVerdictIsRecordedBeforeAnySignalIsAskedAndTheSignalsFollowWithinTheWindows() {
        Listener listener = new Listener();

        AuditSummary s = service(true, 60).run(new AuditService.Request(true, 0), listener);

        assertEquals(REPOS, s.checked());
        assertEquals(0, listener.signalRequestsWhenLastVerdict, "no signals request before the last verdict");
        int firstSignals = lanes.indexOf("signals");
        assertTrue(firstSignals > 0, lanes.toString());
        assertFalse(lanes.subList(firstSignals, lanes.size()).contains("verdicts"), "the signals come after every verdict");
        assertEquals(0, github.counters().violations(), "no request broke a limit");

        Instant lastVerdict = verdictTimes.get(verdictTimes.size() - 1);
        // 4 queries of 100 at 2 points, one per 15 s window (and 2 REST confirmations of the missing).
        assertTrue(!lastVerdict.isAfter(START.plusSeconds(3 * 16)), "verdicts alone: " + lastVerdict);

        SignalStore signals = new SignalStore(db.dataSource());
        assertEquals(List.of(), signals.stale(10), "every reachable repository's signals were read in this run");
        assertEquals(PLACEHOLDERS, statuses().get("PLACEHOLDER"), statuses().toString());
        AuditListener.SignalsProgress last = listener.signals.get(listener.signals.size() - 1);
        assertEquals(REPOS - MISSING, last.done());
        assertEquals(REPOS, last.verdicts(), "the progress line shows both");
        assertTrue(clock.instant().isAfter(lastVerdict.plusSeconds(60)), "the signals waited for windows to reset");
    }

    @Test
    void verdictsTakeTheSameTimeWithSignalsOnAsWithout() {
        service(false, 60).run(new AuditService.Request(true, 0), new Listener());
        Instant alone = verdictTimes.get(verdictTimes.size() - 1);
        Duration verdictsAlone = Duration.between(START, alone);
        verdictTimes.clear();
        // The next run starts, as the first did, at the start of a window (the fake's windows are 15 s from START).
        long into = Duration.between(START, clock.instant()).toSeconds() % 15;
        clock.advance(Duration.ofHours(1).plusSeconds(into == 0 ? 0 : 15 - into));
        clock.advance(Duration.ofNanos(-clock.instant().getNano()));
        Instant second = clock.instant();
        lanes.clear();

        service(true, 60).run(new AuditService.Request(true, 0), new Listener());

        Duration withSignals = Duration.between(second, verdictTimes.get(verdictTimes.size() - 1));
        assertEquals(verdictsAlone, withSignals);
        assertEquals(0, github.counters().violations());
    }

    @Test
    void signalsTheWindowsCannotAffordAreLeftForTheNextRun() {
        Listener listener = new Listener();

        service(true, 0).run(new AuditService.Request(true, 0), listener);

        assertEquals(REPOS, statuses().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, github.counters().violations());
        AuditListener.SignalsProgress last = listener.signals.get(listener.signals.size() - 1);
        assertTrue(last.deferred() > 0, last.toString());
        assertTrue(listener.notes.stream().anyMatch(n -> n.contains("left for the next run")), listener.notes.toString());
        SignalStore signals = new SignalStore(db.dataSource());
        int stale = signals.stale(REPOS).size();
        assertTrue(stale > 0);

        clock.advance(Duration.ofMinutes(1));
        service(true, 60).run(new AuditService.Request(true, 0), new Listener());

        assertEquals(List.of(), signals.stale(10), "the next run picked them up");
        assertNotNull(statuses().get("PLACEHOLDER"));
        assertEquals(0, github.counters().violations());
    }
}
