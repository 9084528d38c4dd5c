package org.reprotrack.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.reprotrack.audit.AuditListener;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubSettings;
import org.reprotrack.check.github.RateLimitListener;
import org.reprotrack.check.github.Secret;
import org.reprotrack.check.github.SignalsLimits;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.store.Database;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.TestDatabases;

/** The lane over a fake GraphQL answering a recorded-shape batch, refinements recorded by a stub. */
class SignalLaneTest {
    static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    static final Instant PUSHED = Instant.parse("2026-01-20T08:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final Database db = TestDatabases.memory();
    private final SignalStore store = new SignalStore(db.dataSource());
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> refined = new CopyOnWriteArrayList<>();
    private @Nullable GitHubChecker checker;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                queries.add(r.getTarget());
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .addHeader("x-ratelimit-limit", "5000").addHeader("x-ratelimit-remaining", "4990")
                        .addHeader("x-ratelimit-reset", Long.toString(T0.plusSeconds(3600).getEpochSecond()))
                        .addHeader("x-ratelimit-resource", "graphql").body(fixture("lane-batch.json")).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        checker = new GitHubChecker(GitHubSettings.forBaseUrl(server.url("/"), Secret.of("ghp_LANETEST0000000000000000000000000001"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withRetries(1, 1, 1),
                Clock.fixed(T0, ZoneOffset.UTC), d -> { }, RateLimitListener.NONE, () -> 0.5);
    }

    @AfterEach
    void stop() {
        checker.close();
        server.close();
        db.close();
    }

    private static String fixture(String name) {
        try (InputStream in = SignalLaneTest.class.getResourceAsStream("/signals/graphql/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SignalLane lane() {
        return new SignalLane(new SignalService(store, Clock.fixed(T0, ZoneOffset.UTC), "fp-1"),
                new SignalsLimits(50, 1, 3, 40, 20), 0.1, Duration.ofSeconds(60), d -> { });
    }

    @Test
    void oneQueryScoresEveryStaleRepositoryAndRefinesTheirVerdictsWithoutAnotherRequest() throws SQLException {
        long coming = insertRepo("lab/coming");
        long hollow = insertRepo("lab/hollow");
        long arrived = insertRepo("lab/arrived");

        SignalService.Summary s = lane().refresh(0, checker, (id, status, detail) -> refined.add(id + " " + status + " " + detail),
                AuditListener.SILENT, () -> false);

        assertEquals(List.of("/graphql"), queries, "three repositories, one query");
        assertEquals(Map.of(SignalService.Outcome.FETCHED, 2, SignalService.Outcome.EMPTY_REPOSITORY, 1), s.outcomes());
        assertEquals(1, s.placeholders());
        assertEquals(3, refined.size(), refined.toString());
        // the reason's wording is the rules' (docs/checklist.md); the lane passes it on as the detail
        assertTrue(refined.get(0).startsWith(coming + " PLACEHOLDER placeholder: "), refined.get(0));
        assertEquals(List.of(hollow + " EMPTY Git Repository is empty. (no HEAD tree)", arrived + " OK found"),
                refined.subList(1, 3));
        RepoSignals a = store.load(arrived, "fp-1");
        assertNotNull(a);
        assertFalse(a.placeholder().placeholder());
        assertTrue(a.score() >= 2, "dependencies and training at least: " + a.checklist());
        assertEquals(PUSHED, a.basedOnPushedAt());
        assertNull(store.load(hollow, "fp-1"), "an empty repository has no signals to store");
        assertEquals(List.of("lab/hollow"), store.stale(10).stream().map(t -> t.ref().path()).toList(),
                "until the audit records EMPTY");
    }

    @Test
    void aStopRequestDefersEverythingAndSendsNothing() throws SQLException {
        insertRepo("lab/coming");

        SignalService.Summary s = lane().refresh(0, checker, (id, status, detail) -> refined.add(detail),
                AuditListener.SILENT, () -> true);

        assertEquals(Map.of(SignalService.Outcome.DEFERRED, 1), s.outcomes());
        assertEquals(List.of(), queries);
        assertEquals(List.of(), refined);
    }

    /** A reachable repository as an audit leaves it: status OK, pushed_at and metadata. */
    private long insertRepo(String path) throws SQLException {
        String metadata = "{\"default_branch\":\"main\",\"pushed_at\":\"" + PUSHED + "\",\"topics\":[]}";
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO repo (repo_key, host, path, first_seen, status, pushed_at, metadata) "
                             + "VALUES (?, 'GITHUB', ?, ?, 'OK', ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, "github.com/" + path);
            st.setString(2, path);
            st.setObject(3, T0.atOffset(ZoneOffset.UTC));
            st.setObject(4, PUSHED.atOffset(ZoneOffset.UTC));
            st.setString(5, metadata);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
