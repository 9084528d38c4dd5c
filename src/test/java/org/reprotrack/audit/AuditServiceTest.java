package org.reprotrack.audit;

import org.reprotrack.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.App;
import org.reprotrack.audit.FakeForges.Kind;
import org.reprotrack.audit.FakeForges.Repo;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.config.Settings;
import org.reprotrack.config.SettingsLoader;
import org.reprotrack.ingest.FileResult;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperRow;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.RepoRow;
import org.reprotrack.store.TestDatabases;

/**
 * The audit end to end: papers ingested through the real ingest path into an in-memory H2, the
 * service assembled by {@link App#auditService(Settings, org.reprotrack.store.Database, java.time.Clock, org.reprotrack.check.Sleeper, Map)}
 * with every host pointed at a local fake of GitHub and GitLab, a clock that moves only when told,
 * and a sleeper that never waits.
 */
class AuditServiceTest {
    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");
    static final String TOKEN_ENV = "REPROTRACK_TEST_GITHUB_TOKEN";
    static final String TOKEN = "ghp_AuditTestToken7f3c9a0000000000000042";
    static final Duration HEALTHY = Duration.ofHours(168);
    static final Duration PAST_GRACE = Duration.ofHours(25);

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final FakeForges forges = new FakeForges();
    private final TestClock clock = new TestClock(START);
    private final Database db = TestDatabases.memory();
    private final PaperStore papers = new PaperStore(db.dataSource(), clock);
    private final AuditStore store = new AuditStore(db.dataSource());
    private final Recording listener = new Recording();
    private final AtomicInteger files = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server.setDispatcher(forges);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    // ---------------------------------------------------------------- 1. verdicts become statuses

    @Test
    void everyVerdictBecomesTheRepositorysCurrentStatusAndDeathOnlyAfterTheGracePeriod() {
        forges.github("lab/alive", Kind.OK, 101)
                .github("lab/frozen", Kind.ARCHIVED, 102)
                .github("lab/old-name", new Repo(Kind.MOVED, 515436299L, "lab/new-name", null))
                .github("lab/hollow", Kind.EMPTY, 104)
                .github("lab/deleted", Kind.GONE, 0)
                .github("lab/taken-down", Kind.DMCA, 0)
                .gitlab("group/sub/project", 200, "gitlab-project.json");
        ingestUrls("2101.00001,https://github.com/lab/alive",
                "2101.00002,https://github.com/lab/frozen",
                "2101.00003,https://github.com/lab/old-name",
                "2101.00004,https://github.com/lab/hollow",
                "2101.00005,https://github.com/lab/deleted",
                "2101.00006,https://github.com/lab/taken-down",
                "2101.00007,https://gitlab.com/group/sub/project");

        AuditSummary first = audit(service(null), false, 0);

        assertEquals(7, first.checked());
        Map<String, RepoRow> repos = repos();
        assertEquals("OK", repos.get("github.com/lab/alive").status());
        assertEquals("ARCHIVED", repos.get("github.com/lab/frozen").status());
        assertEquals("MOVED", repos.get("github.com/lab/old-name").status());
        assertEquals("lab/new-name", repos.get("github.com/lab/old-name").movedTo());
        assertEquals(515436299L, single("SELECT host_id FROM repo WHERE repo_key = 'github.com/lab/old-name'"),
                "the id behind the new name is kept, so a later reuse of the old name is told apart");
        assertEquals("EMPTY", repos.get("github.com/lab/hollow").status());
        assertEquals("OK", repos.get("gitlab.com/group/sub/project").status());
        for (String dead : List.of("github.com/lab/deleted", "github.com/lab/taken-down")) {
            assertEquals("FAILING", repos.get(dead).status(), dead + ": one dead answer is not yet death");
            assertEquals(START, repos.get(dead).firstSeenDead());
        }
        assertEquals(Map.of("github.com/lab/old-name", "lab/new-name"), first.moved());
        assertEquals(List.of("github.com/lab/deleted", "github.com/lab/taken-down"), first.startedFailing());

        clock.advance(PAST_GRACE);
        AuditSummary second = audit(service(null), false, 0);

        assertEquals(2, second.checked(), "only the failing ones were due again");
        repos = repos();
        assertEquals("NOT_FOUND", repos.get("github.com/lab/deleted").status());
        assertEquals(START, repos.get("github.com/lab/deleted").firstSeenDead(), "first_seen_dead is the first check");
        assertEquals("BLOCKED", repos.get("github.com/lab/taken-down").status());
        assertEquals("dmca", repos.get("github.com/lab/taken-down").blockReason());
        assertEquals(START, repos.get("github.com/lab/taken-down").firstSeenDead());
        assertEquals(List.of("github.com/lab/deleted", "github.com/lab/taken-down"), second.newlyDead());
        assertEquals("OK", repos.get("github.com/lab/alive").status());
    }

    @Test
    void aNameThatNowBelongsToAnotherRepositoryIsReplacedOnceTheGracePeriodHolds() {
        forges.github("lab/reused", Kind.OK, 7);
        ingestUrls("2101.00001,https://github.com/lab/reused");
        audit(service(null), false, 0);
        assertEquals("OK", repos().get("github.com/lab/reused").status());

        forges.github("lab/reused", Kind.OK, 8); // deleted, and someone created a new repository under the name
        clock.advance(HEALTHY.plusHours(1));
        audit(service(null), false, 0);
        assertEquals("REPLACED", lastCheck("github.com/lab/reused").get("STATUS"));
        assertEquals("FAILING", repos().get("github.com/lab/reused").status());

        clock.advance(PAST_GRACE);
        audit(service(null), false, 0);
        assertEquals("REPLACED", repos().get("github.com/lab/reused").status());
        assertEquals(7L, single("SELECT host_id FROM repo WHERE repo_key = 'github.com/lab/reused'"),
                "the id first seen stays: it is what tells our repository from the newcomer");
    }

    @Test
    void aReusedNameIsNotTakenBackForOursWhenGitHubAnswers304ToTheNewcomersEtag() {
        forges.github("lab/reused", new Repo(Kind.OK, 7, "lab/reused", "\"e-7\""));
        ingestUrls("2101.00001,https://github.com/lab/reused");
        audit(service(null), false, 0);

        forges.github("lab/reused", new Repo(Kind.OK, 8, "lab/reused", "\"e-8\""));
        clock.advance(HEALTHY.plusHours(1));
        audit(service(null), false, 0);
        assertEquals("FAILING", repos().get("github.com/lab/reused").status());

        clock.advance(PAST_GRACE);
        audit(service(null), false, 0);

        assertEquals("REPLACED", repos().get("github.com/lab/reused").status(),
                "a 304 to the newcomer's ETag says the newcomer is unchanged, not that ours is back");
        assertEquals(List.of(), forges.conditional.stream().filter(c -> c.endsWith("304")).toList(),
                "no conditional request rests on an answer that gave a dead verdict");
    }

    // ---------------------------------------------------------------- 2. UNKNOWN

    @Test
    void aServerErrorAfterRetriesNeverErasesAnEarlierVerdictAndIsKeptInTheHistoryWithItsReason() {
        forges.github("lab/alive", Kind.OK, 101).github("lab/never-answered", Kind.ERROR, 0);
        ingestUrls("2101.00001,https://github.com/lab/alive", "2101.00002,https://github.com/lab/never-answered");
        audit(service(null), false, 0);
        assertEquals("OK", repos().get("github.com/lab/alive").status());

        forges.github("lab/alive", Kind.ERROR, 101);
        clock.advance(HEALTHY.plusHours(1));
        AuditSummary s = audit(service(null), false, 0);

        assertEquals(Map.of("UNKNOWN", 2), s.verdicts());
        RepoRow alive = repos().get("github.com/lab/alive");
        assertEquals("OK", alive.status(), "UNKNOWN keeps the verdict");
        assertEquals(clock.instant().plus(Duration.ofHours(1)), alive.nextCheck(), "re-checked after the unknown retry");
        Map<String, Object> last = lastCheck("github.com/lab/alive");
        assertEquals("UNKNOWN", last.get("STATUS"));
        assertEquals(502, last.get("HTTP_STATUS"));
        assertTrue(String.valueOf(last.get("DETAIL")).contains("502"), "the reason is kept: " + last.get("DETAIL"));
        assertEquals(Boolean.FALSE, last.get("CHANGED"));
        assertEquals("PENDING", repos().get("github.com/lab/never-answered").status(), "no verdict yet: still pending");
        assertEquals(2L, count("SELECT COUNT(*) FROM check_result r JOIN repo p ON p.id = r.repo_id "
                + "WHERE p.repo_key = 'github.com/lab/never-answered' AND r.status = 'UNKNOWN'"));
    }

    // ---------------------------------------------------------------- 3. history

    @Test
    void everyCheckAddsOneHistoryRowMarkedChangedOnlyWhenTheShownStatusChanged() {
        forges.github("lab/alive", Kind.OK, 101);
        ingestUrls("2101.00001,https://github.com/lab/alive");

        audit(service(null), false, 0);
        clock.advance(HEALTHY.plusHours(1));
        audit(service(null), false, 0);
        forges.github("lab/alive", Kind.ARCHIVED, 101);
        clock.advance(HEALTHY.plusHours(1));
        audit(service(null), false, 0);

        assertEquals(3L, count("SELECT COUNT(*) FROM check_result"));
        List<Map<String, Object>> history = rows("SELECT status, changed FROM check_result ORDER BY id");
        assertEquals(List.of("OK", "OK", "ARCHIVED"), history.stream().map(r -> r.get("STATUS")).toList());
        assertEquals(List.of(true, false, true), history.stream().map(r -> r.get("CHANGED")).toList(),
                "PENDING -> OK changed, OK -> OK did not, OK -> ARCHIVED did");
    }

    // ---------------------------------------------------------------- 4. due

    @Test
    void onlyDueRepositoriesAreCheckedMostOverdueFirstUpToTheLimit() {
        forges.github("lab/a", Kind.OK, 1).github("lab/b", Kind.OK, 2).github("lab/c", Kind.OK, 3);
        ingestUrls("2101.00001,https://github.com/lab/a", "2101.00002,https://github.com/lab/b");
        audit(service(null), false, 0);

        assertEquals(0, store.countDue(clock.instant()), "just checked: nothing is due");
        assertEquals(0, audit(service(null), false, 0).checked());

        clock.advance(Duration.ofHours(2));
        ingestUrls("2101.00003,https://github.com/lab/c");
        assertEquals(1, audit(service(null), false, 0).checked(), "only the new repository was due");

        clock.advance(Duration.ofHours(169)); // a and b are 3 h overdue, c 1 h
        assertEquals(3, store.countDue(clock.instant()));
        long before = count("SELECT COUNT(*) FROM check_result");
        AuditSummary s = audit(service(null), false, 2);

        assertEquals(2, s.checked());
        assertEquals(1, s.stillDue());
        assertEquals(before + 2, count("SELECT COUNT(*) FROM check_result"));
        assertEquals(clock.instant(), repos().get("github.com/lab/a").lastChecked());
        assertEquals(clock.instant(), repos().get("github.com/lab/b").lastChecked());
        assertEquals(START.plus(Duration.ofHours(2)), repos().get("github.com/lab/c").lastChecked(),
                "the least overdue waits for the next run");
    }

    // ---------------------------------------------------------------- 5. no token

    @Test
    void withoutATokenSixtyGitHubRepositoriesAreCheckedAndTheRestStayDue() {
        String[] rows = new String[65];
        for (int i = 0; i < rows.length; i++) {
            forges.github("lab/r" + i, Kind.OK, 1000 + i);
            rows[i] = String.format("2101.%05d,https://github.com/lab/r%d", i + 1, i);
        }
        ingestUrls(rows);

        AuditSummary s = audit(service(null), false, 0);

        assertEquals(60, s.checked());
        assertEquals(60, forges.restRequests());
        assertEquals(5, s.stillDue());
        assertEquals(5, store.countDue(clock.instant()));
        assertEquals(1, listener.notes.size(), listener.notes.toString());
        String note = listener.notes.get(0);
        assertTrue(note.contains("60") && note.contains(TOKEN_ENV), note);
        assertEquals(60, single("SELECT planned FROM audit_run"));
    }

    // ---------------------------------------------------------------- 6. token: GraphQL and ETags

    @Test
    void withATokenTwoHundredFiftyRepositoriesTakeThreeGraphQlQueries() {
        String[] rows = new String[250];
        for (int i = 0; i < rows.length; i++) {
            forges.github("lab/r" + i, Kind.OK, 1000 + i);
            rows[i] = String.format("2101.%05d,https://github.com/lab/r%d", i + 1, i);
        }
        ingestUrls(rows);

        AuditSummary s = audit(service(TOKEN), false, 0);

        assertEquals(250, s.checked());
        assertEquals(3, forges.graphQlQueries(), forges.requests.toString());
        assertEquals(0, forges.restRequests());
        assertEquals(Map.of("OK", 250), store.countByStatus());
        assertTrue(listener.notes.isEmpty(), listener.notes.toString());
    }

    @Test
    void underATokenBlockedRepositoriesAreSettledOverRestAndReachBlockedAndTheDeadLinkReport() {
        forges.github("lab/alive", Kind.OK, 101)
                .github("lab/taken-down", Kind.DMCA, 0)
                .github("lab/disabled", Kind.TOS, 0)
                .github("lab/deleted", Kind.GONE, 0);
        ingestUrls("2101.00001,https://github.com/lab/alive",
                "2101.00002,https://github.com/lab/taken-down",
                "2101.00003,https://github.com/lab/disabled",
                "2101.00004,https://github.com/lab/deleted");

        AuditSummary first = audit(service(TOKEN), false, 0);

        assertEquals(4, first.checked());
        assertEquals(1, forges.graphQlQueries());
        assertEquals(3, forges.restRequests(), "one REST request per null alias: " + forges.requests);
        Map<String, RepoRow> repos = repos();
        for (String key : List.of("github.com/lab/taken-down", "github.com/lab/disabled", "github.com/lab/deleted")) {
            assertEquals("FAILING", repos.get(key).status(), key + ": a verdict at last, dead once so far");
        }
        assertTrue(((String) lastCheck("github.com/lab/taken-down").get("DETAIL"))
                .endsWith("GraphQL said FORBIDDEN: Repository access blocked"), lastCheck("github.com/lab/taken-down").toString());

        clock.advance(PAST_GRACE);
        audit(service(TOKEN), false, 0);

        repos = repos();
        assertEquals("BLOCKED", repos.get("github.com/lab/taken-down").status());
        assertEquals("dmca", repos.get("github.com/lab/taken-down").blockReason());
        assertEquals(451, repos.get("github.com/lab/taken-down").httpStatus());
        assertEquals("BLOCKED", repos.get("github.com/lab/disabled").status());
        assertEquals("tos", repos.get("github.com/lab/disabled").blockReason());
        assertEquals("NOT_FOUND", repos.get("github.com/lab/deleted").status());
        Map<String, String> dead = new LinkedHashMap<>();
        new org.reprotrack.store.ReportStore(db.dataSource()).deadLinks()
                .forEach(l -> dead.put(l.repoKey(), l.status() + " " + l.blockReason()));
        assertEquals(Map.of("github.com/lab/taken-down", "BLOCKED dmca", "github.com/lab/disabled", "BLOCKED tos",
                "github.com/lab/deleted", "NOT_FOUND null"), dead, "what the dead-link report lists");
    }

    @Test
    void overRestWithATokenTheSecondAuditAsksConditionallyAndA304KeepsVerdictAndMetadata() {
        forges.github("lab/alive", new Repo(Kind.OK, 101, "lab/alive", "\"e-101\""));
        ingestUrls("2101.00001,https://github.com/lab/alive");
        Map<String, String> restOnly = Map.of("REPROTRACK_GITHUB_GRAPHQL", "false");

        audit(service(TOKEN, restOnly), false, 0);
        assertEquals(42, repos().get("github.com/lab/alive").stars());
        clock.advance(HEALTHY.plusHours(1));
        audit(service(TOKEN, restOnly), false, 0);

        assertEquals(List.of("/repos/lab/alive -> 304"), forges.conditional);
        assertEquals(2L, count("SELECT COUNT(*) FROM check_result"));
        Map<String, Object> last = lastCheck("github.com/lab/alive");
        assertEquals("OK", last.get("STATUS"));
        assertEquals(304, last.get("HTTP_STATUS"));
        RepoRow row = repos().get("github.com/lab/alive");
        assertEquals("OK", row.status());
        assertEquals(42, row.stars(), "a 304 keeps the metadata of the last full answer");
        assertEquals(clock.instant(), row.lastChecked());
    }

    // ---------------------------------------------------------------- 7. 401

    @Test
    void aRejectedTokenStopsTheAuditNamingTheVariableAndKeepsTheChecksMadeBefore() {
        forges.github("lab/a", Kind.OK, 1).github("lab/b", Kind.OK, 2).github("lab/c", Kind.OK, 3)
                .github("lab/d", Kind.UNAUTHORIZED, 4).github("lab/e", Kind.OK, 5);
        ingestUrls("2101.00001,https://github.com/lab/a", "2101.00002,https://github.com/lab/b",
                "2101.00003,https://github.com/lab/c", "2101.00004,https://github.com/lab/d",
                "2101.00005,https://github.com/lab/e");
        // One request at a time, so "before" is well defined.
        AuditService service = service(TOKEN, Map.of("REPROTRACK_GITHUB_GRAPHQL", "false",
                "REPROTRACK_GITHUB_REST_CONCURRENCY", "1"));

        AuditException e = assertThrows(AuditException.class, () -> service.run(new AuditService.Request(false, 0), listener));

        assertTrue(e.getMessage().contains(TOKEN_ENV), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(3L, count("SELECT COUNT(*) FROM check_result"), "a, b and c were answered before the 401");
        assertEquals("OK", repos().get("github.com/lab/c").status());
        assertEquals("PENDING", repos().get("github.com/lab/d").status(), "a 401 is no verdict on the repository");
        assertEquals("failed", single("SELECT state FROM audit_run"));
        assertEquals(3, single("SELECT checked FROM audit_run"));
    }

    // ---------------------------------------------------------------- 8. token secrecy

    @Test
    void theTokenIsStoredNowhereAndShownNowhere() throws SQLException {
        forges.github("lab/alive", new Repo(Kind.OK, 101, "lab/alive", "\"e-101\""))
                .github("lab/deleted", Kind.GONE, 0)
                .github("lab/old-name", new Repo(Kind.MOVED, 515436299L, "lab/new-name", null))
                .gitlab("group/sub/project", 200, "gitlab-project.json");
        ingestUrls("2101.00001,https://github.com/lab/alive", "2101.00002,https://github.com/lab/deleted",
                "2101.00003,https://github.com/lab/old-name", "2101.00004,https://gitlab.com/group/sub/project");
        List<String> seen = new ArrayList<>();

        seen.add(audit(service(TOKEN), true, 0).toString()); // GraphQL
        clock.advance(HEALTHY.plusHours(1));
        seen.add(audit(service(TOKEN, Map.of("REPROTRACK_GITHUB_GRAPHQL", "false")), true, 0).toString()); // REST + ETags
        forges.revoked = true;
        clock.advance(HEALTHY.plusHours(1));
        AuditException denied = assertThrows(AuditException.class,
                () -> service(TOKEN).run(new AuditService.Request(true, 0), listener));
        seen.add(denied.getMessage());
        seen.add(denied.toString());

        assertTrue(forges.authorizations.contains("Bearer " + TOKEN), "the token was sent, so the scan means something");
        assertTrue(count("SELECT COUNT(*) FROM check_result") >= 8L, "the checks before the 401 stay");
        seen.addAll(listener.all());
        seen.addAll(allText("paper", "link", "repo", "check_result", "audit_run"));
        assertTrue(seen.stream().anyMatch(s -> s.contains("lab/new-name")), "the scan sees stored text");
        for (String s : seen) {
            assertFalse(s.contains(TOKEN), "token leaked into: " + s);
            assertFalse(s.contains(TOKEN.substring(4, 20)), "part of the token leaked into: " + s);
        }
    }

    // ---------------------------------------------------------------- 9. paper status

    @Test
    void aPapersStatusFollowsItsCodeLinks() {
        forges.github("lab/alive", Kind.OK, 101)
                .github("lab/deleted", Kind.GONE, 0)
                .github("lab/hollow", Kind.EMPTY, 103)
                .github("lab/promised", Kind.GONE, 0)
                .github("lab/flaky", Kind.ERROR, 0);
        ingestJsonLines(
                paper("2102.00001", "Our code is at https://github.com/lab/alive ."),
                paper("2102.00002", "Our code is at https://github.com/lab/deleted ."),
                paper("2102.00003", "Our code is at https://github.com/lab/hollow ."),
                paper("2102.00004", "The code will be released at https://github.com/lab/promised ."),
                paper("2102.00005", "Our data is at https://example.org/data ."),
                paper("2102.00006", "Our code is at https://github.com/lab/flaky ."));

        assertEquals(Map.of("2102.00001", PaperStatus.PENDING, "2102.00002", PaperStatus.PENDING,
                "2102.00003", PaperStatus.PENDING, "2102.00004", PaperStatus.PENDING,
                "2102.00005", PaperStatus.NO_CODE_LINK, "2102.00006", PaperStatus.PENDING), paperStatuses(),
                "before any audit");
        assertTrue(paperRows().get("2102.00004").promised(), "the extractor saw the promise");

        audit(service(null), false, 0);
        assertEquals(Map.of("2102.00001", PaperStatus.HAS_CODE, "2102.00002", PaperStatus.PENDING,
                "2102.00003", PaperStatus.NO_CODE_YET, "2102.00004", PaperStatus.PENDING,
                "2102.00005", PaperStatus.NO_CODE_LINK, "2102.00006", PaperStatus.PENDING), paperStatuses(),
                "after one audit: FAILING and UNKNOWN are still pending");

        clock.advance(PAST_GRACE);
        audit(service(null), false, 0);
        assertEquals(Map.of("2102.00001", PaperStatus.HAS_CODE, "2102.00002", PaperStatus.CODE_GONE,
                "2102.00003", PaperStatus.NO_CODE_YET, "2102.00004", PaperStatus.NO_CODE_YET,
                "2102.00005", PaperStatus.NO_CODE_LINK, "2102.00006", PaperStatus.PENDING), paperStatuses(),
                "after the grace period: a confirmed death, and a promise never kept");
    }

    // ---------------------------------------------------------------- 10. audit_run

    @Test
    void theAuditRunRowRecordsWhatTheRunDid() {
        forges.github("lab/alive", Kind.OK, 101).github("lab/deleted", Kind.GONE, 0)
                .gitlab("group/sub/project", 200, "gitlab-project.json");
        ingestUrls("2101.00001,https://github.com/lab/alive", "2101.00002,https://github.com/lab/deleted",
                "2101.00003,https://gitlab.com/group/sub/project");

        AuditSummary s = audit(service(null), false, 0);

        Map<String, Object> run = rows("SELECT * FROM audit_run").get(0);
        assertEquals(s.runId(), ((Number) run.get("ID")).longValue());
        assertEquals("finished", run.get("STATE"));
        assertEquals("due", run.get("MODE"));
        assertEquals(3, run.get("PLANNED"));
        assertEquals(3, run.get("CHECKED"));
        assertTrue(((Number) run.get("REQUESTS")).intValue() > 0, "GitHub requests are counted");
        assertNotNull(run.get("FINISHED_AT"));
        JsonNode counts = FakeForges.tree((String) run.get("COUNTS")).get("repositories");
        assertEquals(2, counts.get("OK").asInt());
        assertEquals(1, counts.get("NOT_FOUND").asInt());
        JsonNode summary = FakeForges.tree((String) run.get("SUMMARY"));
        assertEquals("github.com/lab/deleted", summary.get("started_failing").get(0).asText());
        assertEquals(0L, ((Number) run.get("WAIT_MS")).longValue(), "nothing waited");
    }

    // ================================================================ helpers

    private AuditService service(@Nullable String token) {
        return service(token, Map.of());
    }

    /** The production assembly, every host at the fake, two retries, a sleeper that never waits. */
    private AuditService service(@Nullable String token, Map<String, String> overrides) {
        String base = server.url("/").toString();
        Map<String, String> env = new HashMap<>();
        env.put("REPROTRACK_GITHUB_API_URL", base);
        env.put("REPROTRACK_GITHUB_TOKEN_ENV", TOKEN_ENV);
        env.put("REPROTRACK_GITHUB_MAX_RETRIES", "2");
        env.put("REPROTRACK_GITHUB_CONNECT_TIMEOUT_SECONDS", "5");
        env.put("REPROTRACK_GITHUB_READ_TIMEOUT_SECONDS", "5");
        // These tests count the audit's own requests; signals (trees, READMEs) are tested in SignalServiceTest.
        env.put("REPROTRACK_SIGNALS_DURING_AUDIT", "false");
        for (String host : List.of("GITLAB", "HUGGINGFACE", "BITBUCKET", "CODEBERG", "GITEE", "GIST")) {
            env.put("REPROTRACK_HOSTS_" + host + "_URL", base);
        }
        env.putAll(overrides);
        Settings settings = new SettingsLoader().load(null, env);
        Map<String, String> processEnv = token == null ? Map.of() : Map.of(TOKEN_ENV, token);
        return App.auditService(settings, db, clock, d -> { }, processEnv);
    }

    private AuditSummary audit(AuditService service, boolean all, int limit) {
        return service.run(new AuditService.Request(all, limit), listener);
    }

    private void ingestUrls(String... rows) {
        ingest("urls", ".csv", "paper_id,url\n" + String.join("\n", rows) + "\n", InputFormat.URLS);
    }

    private void ingestJsonLines(String... lines) {
        ingest("papers", ".jsonl", String.join("\n", lines) + "\n", InputFormat.JSONL);
    }

    private void ingest(String name, String suffix, String text, InputFormat format) {
        try {
            Path file = dir.resolve(name + files.incrementAndGet() + suffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            IngestReport report = new IngestService(papers, new LinkExtractor())
                    .ingest(List.of(file), format, IngestListener.SILENT);
            for (FileResult r : report.files()) {
                assertTrue(r.ok() && r.skippedCount() == 0, "the seed file must ingest cleanly: " + r);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String paper(String id, String abstractText) {
        return "{\"id\": \"" + id + "\", \"title\": \"Paper " + id + "\", \"authors\": \"A. Author\", "
                + "\"categories\": \"cs.LG\", \"comments\": null, \"abstract\": \"" + abstractText + "\", "
                + "\"versions\": [{\"version\": \"v1\", \"created\": \"Mon, 4 Jan 2021 10:00:00 GMT\"}]}";
    }

    private Map<String, RepoRow> repos() {
        Map<String, RepoRow> out = new LinkedHashMap<>();
        store.forEachRepo(null, r -> out.put(r.repoKey(), r));
        return out;
    }

    private Map<String, PaperRow> paperRows() {
        Map<String, PaperRow> out = new LinkedHashMap<>();
        papers.forEachPaper(p -> out.put(p.id(), p));
        return out;
    }

    private Map<String, PaperStatus> paperStatuses() {
        Map<String, PaperStatus> out = new LinkedHashMap<>();
        paperRows().forEach((id, p) -> out.put(id, p.status()));
        return out;
    }

    private Map<String, Object> lastCheck(String repoKey) {
        List<Map<String, Object>> r = rows("SELECT c.* FROM check_result c JOIN repo p ON p.id = c.repo_id WHERE p.repo_key = '"
                + repoKey + "' ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY");
        assertFalse(r.isEmpty(), "no check of " + repoKey);
        return r.get(0);
    }

    private Object single(String sql) {
        return rows(sql).get(0).values().iterator().next();
    }

    private long count(String sql) {
        return ((Number) single(sql)).longValue();
    }

    /** Every row as column name (upper case) to value. */
    private List<Map<String, Object>> rows(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every column of every row of the tables, as text. */
    private List<String> allText(String... tables) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (String table : tables) {
                try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table); ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                out.add(table + "." + rs.getMetaData().getColumnLabel(i) + " = " + v);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Everything the audit told its listener, as text. */
    static final class Recording implements AuditListener {
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();
        final List<String> waits = new CopyOnWriteArrayList<>();

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void progress(Progress p) {
            progress.add(p.toString());
        }

        @Override
        public void waiting(String resource, Instant until, String reason) {
            waits.add(resource + " " + until + " " + reason);
        }

        List<String> all() {
            List<String> out = new ArrayList<>(notes);
            out.addAll(progress);
            out.addAll(waits);
            return out;
        }
    }
}
