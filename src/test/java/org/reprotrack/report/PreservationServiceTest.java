package org.reprotrack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.store.ArchiveStore;
import org.reprotrack.store.DashboardFixtures;
import org.reprotrack.store.SaveRequest;
import org.reprotrack.store.VulnerableRepo;

/**
 * Vulnerable code and save code now against answers shaped as Software Heritage gives them
 * (swh-web's save-origin API: accepted, running, succeeded, a refusal, a 429). The fixture store:
 * alpha live (pushed after its last snapshot), gamma moved to gamma-new (never archived), beta dead.
 */
class PreservationServiceTest extends ReportTestBase {

    static final String TOKEN = "swh-token-3f1c2a";

    final Map<String, MockResponse> answers = new ConcurrentHashMap<>();
    final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    ArchiveStore archiveStore;

    @BeforeEach
    void fill() throws SQLException {
        DashboardFixtures.fill(db.dataSource());
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE repo SET pushed_at = TIMESTAMP WITH TIME ZONE '2025-06-01 00:00:00+00' WHERE repo_key = 'github.com/lab/alpha'");
        }
        archiveStore = new ArchiveStore(db.dataSource());
        archives.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                MockResponse r = answers.get(request.getMethod() + " " + request.getTarget());
                return r != null ? r : json(404, "swh-not-found.json");
            }
        });
        answers.put("GET /api/1/origin/https://github.com/lab/alpha/visit/latest/?require_snapshot=true", json(200, "swh-visit-latest.json"));
    }

    static MockResponse json(int code, String fixture) {
        try (InputStream in = PreservationServiceTest.class.getResourceAsStream("/report/" + fixture)) {
            return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PreservationService service(boolean save) {
        HttpUrl base = archives.url("/");
        SoftwareHeritageClient swh = SoftwareHeritageClient.create(base, client(Duration.ofSeconds(2)), clock, clock.sleeper(),
                Duration.ofSeconds(60));
        SaveCodeNowClient saver = save
                ? SaveCodeNowClient.create(base, client(Duration.ofSeconds(2)), clock, clock.sleeper(), Duration.ofSeconds(60), TOKEN)
                : null;
        return new PreservationService(archiveStore, store, swh, saver, Duration.ofDays(7), clock);
    }

    private final List<String> progress = new ArrayList<>();

    @Test
    void liveRepositoriesWithoutASnapshotOrWithAnOlderOneAreVulnerableAndTheDeadAreNotAsked() {
        PreservationService.Summary s = service(false).run(100, 10, progress::add);

        assertEquals(2, s.asked(), "alpha and gamma; beta is dead");
        assertEquals(2, s.vulnerable());
        assertEquals(0, s.notAsked());
        List<VulnerableRepo> v = archiveStore.vulnerable(0, 10);
        assertEquals(List.of("github.com/lab/alpha", "github.com/lab/gamma"), v.stream().map(VulnerableRepo::key).toList());
        assertEquals(java.time.Instant.parse("2025-03-14T10:21:52.843298Z"), v.get(0).snapshotAt(), "older than the push of 2025-06-01");
        assertEquals("https://github.com/lab/gamma-new", v.get(1).originUrl(), "a moved repository is asked about under its new name");
        assertNull(v.get(1).snapshotAt());
        assertTrue(seen.stream().noneMatch(r -> r.getMethod().equals("POST")), "save code now is off by default: nothing sent");
        assertTrue(store.cachedArchive(SoftwareHeritageClient.ARCHIVE, "https://github.com/lab/alpha").isPresent(),
                "cached as the report's archive lookups are");

        seen.clear();
        assertEquals(0, service(false).run(100, 10, progress::add).asked(), "answers are reused for the cache period");
        assertTrue(seen.isEmpty());
        clock.advance(Duration.ofDays(8));
        answers.put("GET /api/1/origin/https://github.com/lab/alpha/visit/latest/?require_snapshot=true",
                new MockResponse.Builder().code(200).body("{\"date\": \"2025-07-01T00:00:00+00:00\", \"status\": \"full\"}").build());
        PreservationService.Summary later = service(false).run(1, 10, progress::add);
        assertEquals(1, later.asked(), "one question allowed: the oldest answer is asked again first");
        assertEquals(List.of("github.com/lab/gamma"), archiveStore.vulnerable(0, 10).stream().map(VulnerableRepo::key).toList(),
                "alpha's new snapshot is newer than its last push");
    }

    @Test
    void saveRequestsAreSentWithTheTokenFollowedToTheirSwhidAndRefusalsAreKept() {
        answers.put("POST /api/1/origin/save/git/url/https://github.com/lab/alpha/", json(200, "swh-save-accepted.json"));
        answers.put("POST /api/1/origin/save/git/url/https://github.com/lab/gamma-new/", json(403, "swh-save-forbidden.json"));

        PreservationService.Summary first = service(true).run(100, 10, progress::add);
        assertEquals(1, first.sent());
        assertEquals(1, first.refused());
        RecordedRequest post = seen.stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
        assertEquals("Bearer " + TOKEN, post.getHeaders().get("Authorization"));
        List<SaveRequest> saves = archiveStore.recentSaves(10);
        SaveRequest gamma = saves.stream().filter(r -> r.originUrl().endsWith("gamma-new")).findFirst().orElseThrow();
        assertEquals("rejected", gamma.requestStatus());
        assertTrue(gamma.done());
        assertTrue(gamma.note().contains("HTTP 403") && gamma.note().contains("not allowed"), gamma.note());
        assertTrue(progress.stream().noneMatch(p -> p.contains(TOKEN)) && saves.stream().noneMatch(r -> String.valueOf(r.note()).contains(TOKEN)),
                "the token is never written anywhere");

        answers.put("GET /api/1/origin/save/1081234/", json(200, "swh-save-running.json"));
        seen.clear();
        PreservationService.Summary second = service(true).run(100, 10, progress::add);
        assertEquals(1, second.followed());
        assertEquals(0, second.sent(), "an open request is not sent again, a refused one not for 30 days");
        assertTrue(seen.stream().noneMatch(r -> r.getMethod().equals("POST")));
        assertEquals("running", archiveStore.open(10).get(0).taskStatus());

        answers.put("GET /api/1/origin/save/1081234/", json(200, "swh-save-succeeded.json"));
        PreservationService.Summary third = service(true).run(100, 10, progress::add);
        assertEquals(1, third.archived());
        SaveRequest alpha = archiveStore.recentSaves(10).stream().filter(r -> r.originUrl().endsWith("alpha")).findFirst().orElseThrow();
        assertEquals("swh:1:snp:9c4dd3a5a3d0d4b1ed2d4d6f1b0a84c3b8e1f6a2", alpha.snapshotSwhid());
        assertTrue(alpha.done());
        assertEquals(List.of("github.com/lab/gamma"), archiveStore.vulnerable(0, 10).stream().map(VulnerableRepo::key).toList(),
                "saved: no longer vulnerable");
        assertTrue(archiveStore.open(10).isEmpty());
    }

    @Test
    void aRateLimitStopsTheRunAndLeavesTheRestForTheNextOne() {
        answers.put("POST /api/1/origin/save/git/url/https://github.com/lab/alpha/", new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "3600").addHeader("X-RateLimit-Limit", "10").addHeader("X-RateLimit-Remaining", "0")
                .body("{\"exception\":\"Throttled\",\"reason\":\"Request was throttled. Expected available in 3600 seconds.\"}").build());

        PreservationService.Summary s = service(true).run(100, 10, progress::add);

        assertEquals(0, s.sent());
        assertTrue(s.stoppedBecause().contains("rate limited"), s.stoppedBecause());
        assertTrue(archiveStore.recentSaves(10).isEmpty(), "a 429 is not a refusal: nothing recorded, sent next time");
        assertEquals(1, seen.stream().filter(r -> r.getMethod().equals("POST")).count(), "no second request after the 429");
        assertFalse(archiveStore.toSave(clock.instant(), 10).isEmpty());
    }

    @Test
    void theReportListsTheVulnerableBesideTheDead() throws Exception {
        service(false).run(100, 10, progress::add);
        ReportService reports = new ReportService(store, signals, PROMISE_DAYS, lookup(null), dir.resolve("reports"), clock);
        ReportResult r = reports.write(new ReportRequest(List.of(ReportFormat.MD, ReportFormat.HTML), null, null, null));
        assertEquals(2, r.report().vulnerable().size());
        String md = java.nio.file.Files.readString(dir.resolve("reports/dead-links-latest.md"));
        assertTrue(md.contains("## Vulnerable: live, without a recent Software Heritage copy (2)"), md);
        assertTrue(md.contains("| github.com/lab/alpha | 2025-06-01 | 2025-03-14 | not sent |  |"), md);
        assertTrue(java.nio.file.Files.readString(dir.resolve("reports/dead-links-latest.html")).contains("<h2 id=\"vulnerable\">"));
    }
}
