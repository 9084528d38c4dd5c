package org.reprotrack.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.signals.SignalFixtures.readme;
import static org.reprotrack.check.signals.SignalFixtures.tree;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoState;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubSettings;
import org.reprotrack.check.github.RateLimitListener;
import org.reprotrack.check.github.Secret;
import org.reprotrack.check.signals.ChecklistItem;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.store.Database;
import org.reprotrack.store.DueRepo;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.SignalTarget;
import org.reprotrack.store.TestDatabases;

/** Fetch, score and store against a fake GitHub on 127.0.0.1 and an in-memory H2. */
class SignalServiceTest {
    static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    static final Instant PUSHED = Instant.parse("2026-01-20T08:00:00Z");
    static final Instant CREATED = Instant.parse("2025-11-02T09:00:00Z");
    static final String REPO = "lab/widgets";

    private final MockWebServer server = new MockWebServer();
    private final FakeGitHubContents github = new FakeGitHubContents();
    private final Database db = TestDatabases.memory();
    private final SignalStore store = new SignalStore(db.dataSource());
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private @Nullable GitHubChecker checker;
    private long repoId;

    @BeforeEach
    void start() throws IOException, SQLException {
        server.setDispatcher(github);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        checker = new GitHubChecker(GitHubSettings.forBaseUrl(server.url("/"), Secret.of("ghp_SIGNALSTEST000000000000000000000001"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withRetries(1, 1, 1),
                clock, d -> { }, RateLimitListener.NONE, () -> 0.5);
        repoId = insertRepo(REPO);
    }

    @AfterEach
    void stop() {
        checker.close();
        server.close();
        db.close();
    }

    private SignalService service() {
        return new SignalService(store, clock, "fp-1");
    }

    private static RepoMetadata metadata(Instant pushed, @Nullable String licence, boolean archived) {
        return new RepoMetadata(3, 0, 0, archived, false, false, "Python", licence, "main", CREATED, pushed, pushed, null,
                List.of(), null);
    }

    private SignalService.Refresh refresh(Instant pushed, @Nullable String etag) {
        return service().refreshIfChanged(repoId, new RepoRef(CodeHost.GITHUB, REPO), null, metadata(pushed, "MIT", false),
                etag, checker.contents());
    }

    private void serve(String fixture, String treeEtag, String readmeEtag) {
        github.tree(REPO, "main", tree(fixture), treeEtag);
        github.readme(REPO, readme(fixture), readmeEtag);
    }

    @Test
    void aCompleteRepositoryIsFetchedOnceScoredFiveAndStoredWithItsEvidence() {
        serve("complete", "\"t1\"", "\"r1\"");

        SignalService.Refresh r = refresh(PUSHED, "\"repo-1\"");

        assertEquals(SignalService.Outcome.FETCHED, r.outcome());
        assertEquals(List.of("/repos/lab/widgets/git/trees/main?recursive=1 -> 200", "/repos/lab/widgets/readme -> 200"),
                github.log);
        RepoSignals s = store.load(repoId, "fp-1");
        assertNotNull(s);
        assertEquals(5, s.score());
        assertEquals("train.py", s.checklist().get(ChecklistItem.TRAINING).evidence());
        assertFalse(s.placeholder().placeholder());
        assertFalse(s.partial());
        assertEquals(8, s.files(), "blobs only: the tree entry of a folder is not a file");
        assertEquals("MIT", s.licence());
        assertEquals(CREATED, s.createdAt());
        assertEquals(PUSHED, s.basedOnPushedAt());
        assertEquals("\"t1\"", s.treeEtag());
        assertEquals("\"r1\"", s.readmeEtag());
        assertEquals(T0, s.firstNonPlaceholderAt());
        assertFalse(s.seenAsPlaceholder());
    }

    @Test
    void noRequestIsSentWhenPushedAtAndTheEtagAreUnchanged() {
        serve("complete", "\"t1\"", "\"r1\"");
        refresh(PUSHED, "\"repo-1\"");

        SignalService.Refresh again = refresh(PUSHED, "\"repo-1\"");

        assertEquals(SignalService.Outcome.UNCHANGED, again.outcome());
        assertEquals(2, github.requests(), "the two requests of the first fetch only");
        assertEquals(5, again.signals().score());
    }

    @Test
    void aMovedPushedAtAsksConditionallyAndTwo304sReuseTheStoredVerdicts() {
        serve("complete", "\"t1\"", "\"r1\"");
        refresh(PUSHED, "\"repo-1\"");
        clock = Clock.fixed(T0.plus(Duration.ofDays(3)), ZoneOffset.UTC);

        SignalService.Refresh r = refresh(PUSHED.plus(Duration.ofDays(2)), "\"repo-2\"");

        assertEquals(SignalService.Outcome.NOT_MODIFIED, r.outcome());
        assertEquals(List.of("/repos/lab/widgets/git/trees/main?recursive=1 [\"t1\"] -> 304",
                "/repos/lab/widgets/readme [\"r1\"] -> 304"), github.log.subList(2, 4));
        RepoSignals s = store.load(repoId, "fp-1");
        assertEquals(5, s.score());
        assertEquals(PUSHED.plus(Duration.ofDays(2)), s.basedOnPushedAt(), "the next change is measured from here");
        assertEquals(T0.plus(Duration.ofDays(3)), s.fetchedAt());
        assertEquals(T0, s.firstNonPlaceholderAt(), "kept across fetches");
    }

    @Test
    void aMovedRepositoryEtagAloneIsAChange() {
        serve("complete", "\"t1\"", "\"r1\"");
        refresh(PUSHED, "\"repo-1\"");

        assertEquals(SignalService.Outcome.NOT_MODIFIED, refresh(PUSHED, "\"repo-2\"").outcome());
        assertEquals(4, github.requests());
    }

    @Test
    void etagsOfAnotherTokenAreNotSent() {
        serve("complete", "\"t1\"", "\"r1\"");
        refresh(PUSHED, "\"repo-1\"");

        new SignalService(store, clock, "fp-other").refreshIfChanged(repoId, new RepoRef(CodeHost.GITHUB, REPO), null,
                metadata(PUSHED.plusSeconds(60), "MIT", false), null, checker.contents());

        assertEquals(List.of("/repos/lab/widgets/git/trees/main?recursive=1 -> 200", "/repos/lab/widgets/readme -> 200"),
                github.log.subList(2, 4));
    }

    @Test
    void aChangedReadmeWithAnUnchangedTreeIsScoredAgainOnBothBodies() {
        serve("partial", "\"t1\"", "\"r1\"");
        refresh(PUSHED, null);
        assertEquals(0, store.load(repoId, "fp-1").score());
        github.readme(REPO, readme("main-train-command"), "\"r2\"");

        SignalService.Refresh r = refresh(PUSHED.plusSeconds(3600), null);

        assertEquals(SignalService.Outcome.FETCHED, r.outcome());
        assertEquals(List.of("/repos/lab/widgets/git/trees/main?recursive=1 [\"t1\"] -> 304",
                "/repos/lab/widgets/readme [\"r1\"] -> 200", "/repos/lab/widgets/git/trees/main?recursive=1 -> 200"),
                github.log.subList(2, 5));
        assertEquals(2, r.signals().score(), "training and evaluation commands now");
    }

    @Test
    void aTruncatedTreeIsScoredOnWhatItListsAndMarkedPartial() {
        FileTree complete = tree("complete");
        github.tree(REPO, "main", new FileTree(complete.files(), true), "\"t1\"");
        github.readme(REPO, readme("complete"), "\"r1\"");

        RepoSignals s = refresh(PUSHED, null).signals();

        assertTrue(s.partial());
        assertEquals(5, s.score());
        assertFalse(s.placeholder().placeholder());
    }

    @Test
    void theAuditHookRecordsPlaceholderFromTheStoredSignalsWithoutSendingARequest() {
        serve("readme-only", "\"t1\"", "\"r1\"");
        assertEquals(SignalService.Outcome.FETCHED, refresh(PUSHED, "\"repo-1\"").outcome());
        long before = github.requests();

        CheckResult refined = service().afterCheck(due(), ok(RepoStatus.OK, PUSHED), checker);

        assertEquals(RepoStatus.PLACEHOLDER, refined.status());
        assertEquals("placeholder: no code: only README.md", refined.detail());
        assertEquals("\"repo-1\"", refined.etag(), "the check's own evidence is kept");
        assertEquals(before, github.requests(), "the verdict never waits for a request");
    }

    @Test
    void theAuditHookLeavesAVerdictWithoutStoredSignalsAsItIsAndSendsNothing() {
        serve("readme-only", "\"t1\"", "\"r1\"");

        CheckResult result = ok(RepoStatus.OK, PUSHED);

        assertSame(result, service().afterCheck(due(), result, checker));
        assertEquals(0, github.requests());
    }

    @Test
    void whenCodeArrivesThePlaceholderBecomesOkAndTheFirstNonPlaceholderTimeIsKept() {
        serve("coming-soon", "\"t1\"", "\"r1\"");
        refresh(PUSHED, "\"repo-1\"");
        assertEquals(RepoStatus.PLACEHOLDER, service().afterCheck(due(), ok(RepoStatus.OK, PUSHED), checker).status());
        Instant later = T0.plus(Duration.ofDays(40));
        clock = Clock.fixed(later, ZoneOffset.UTC);
        serve("complete", "\"t2\"", "\"r2\"");
        refresh(PUSHED.plus(Duration.ofDays(39)), "\"repo-2\"");

        // An audit's 304 repeats the last verdict, PLACEHOLDER: the stored signals now found code.
        CheckResult refined = service().afterCheck(due(), ok(RepoStatus.PLACEHOLDER, PUSHED.plus(Duration.ofDays(39))), checker);

        assertEquals(RepoStatus.OK, refined.status());
        RepoSignals s = store.load(repoId, "fp-1");
        assertEquals(later, s.firstNonPlaceholderAt());
        assertTrue(s.seenAsPlaceholder(), "the arrival of code is bracketed by two fetches");
    }

    @Test
    void theHookLeavesDeadVerdictsAloneAndSendsNothing() {
        CheckResult gone = CheckResult.unknown(new RepoRef(CodeHost.GITHUB, REPO), T0, 404, "x");
        assertSame(gone, service().afterCheck(due(), gone, checker));
        assertEquals(0, github.requests());
    }

    @Test
    void aTreeAnswering409MeansTheRepositoryIsEmpty() {
        github.emptyRepository(REPO, "main");

        assertEquals(SignalService.Outcome.EMPTY_REPOSITORY, refresh(PUSHED, null).outcome());
        assertNull(store.load(repoId, "fp-1"));
    }

    @Test
    void staleSignalsAreThoseNeverFetchedOrWhosePushedAtMoved() throws SQLException {
        long other = insertRepo("lab/other");
        markChecked(repoId, PUSHED);
        markChecked(other, PUSHED);
        serve("complete", "\"t1\"", "\"r1\"");
        github.tree("lab/other", "main", tree("readme-only"), "\"o1\"");
        github.readme("lab/other", readme("readme-only"), "\"o2\"");

        // GraphQL off: the lane reads each repository's REST tree and README, as the fake serves them.
        GitHubChecker rest = new GitHubChecker(GitHubSettings.forBaseUrl(server.url("/"),
                        Secret.of("ghp_SIGNALSTEST000000000000000000000001"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).withRetries(1, 1, 1).withGraphQl(false, 100),
                clock, d -> { }, RateLimitListener.NONE, () -> 0.5);
        SignalService.Summary first = new SignalLane(service(), org.reprotrack.check.github.SignalsLimits.DEFAULTS, 0.1,
                Duration.ofSeconds(60), d -> { }).refresh(0, rest, null, org.reprotrack.audit.AuditListener.SILENT, () -> false);
        rest.close();
        assertEquals(java.util.Map.of(SignalService.Outcome.FETCHED, 2), first.outcomes());
        assertEquals(1, first.placeholders());
        assertEquals(List.of(), store.stale(10));

        markChecked(other, PUSHED.plusSeconds(5));
        List<SignalTarget> stale = store.stale(10);
        assertEquals(List.of("lab/other"), stale.stream().map(t -> t.ref().path()).toList());
    }

    private DueRepo due() {
        RepoRef ref = new RepoRef(CodeHost.GITHUB, REPO);
        return new DueRepo(repoId, new KnownState(ref, null, 1L, null, null),
                new RepoState(CurrentStatus.OK, T0, null, T0, 0, null), null);
    }

    private static CheckResult ok(RepoStatus status, Instant pushed) {
        return new CheckResult(new RepoRef(CodeHost.GITHUB, REPO), T0, status, 200, "found", metadata(pushed, null, false),
                "\"repo-1\"", null, 1L, null, null);
    }

    private long insertRepo(String path) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO repo (repo_key, host, path, first_seen) VALUES (?, 'GITHUB', ?, ?)",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, "github.com/" + path);
            st.setString(2, path);
            st.setObject(3, T0.atOffset(ZoneOffset.UTC));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** What an audit leaves on the repo row: status OK, pushed_at, metadata with the default branch. */
    private void markChecked(long id, Instant pushed) throws SQLException {
        String metadata = "{\"default_branch\":\"main\",\"pushed_at\":\"" + pushed + "\",\"created_at\":\"" + CREATED
                + "\",\"topics\":[]}";
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE repo SET status = 'OK', pushed_at = ?, metadata = ? WHERE id = ?")) {
            st.setObject(1, pushed.atOffset(ZoneOffset.UTC));
            st.setString(2, metadata);
            st.setLong(3, id);
            st.executeUpdate();
        }
    }
}
