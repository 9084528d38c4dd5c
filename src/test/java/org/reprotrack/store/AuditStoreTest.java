package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** What the audit store hands back to a checker: an ETag only to the token it was made with. */
class AuditStoreTest {
    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    static final String TOKEN_A = "1111111111111111";
    static final String TOKEN_B = "2222222222222222";
    static final RepoRef REF = new RepoRef(CodeHost.GITHUB, "lab/alive");

    private final Database db = TestDatabases.memory();
    private final AuditStore store = new AuditStore(db.dataSource());
    private final StatusPolicy policy = new StatusPolicy(Duration.ofHours(24), Duration.ofHours(168),
            List.of(Duration.ofHours(1)), Duration.ofHours(720), Duration.ofHours(1));

    @BeforeEach
    void seed() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO repo (repo_key, host, path, first_seen) VALUES ('github.com/lab/alive', 'GITHUB', 'lab/alive', ?)")) {
            st.setObject(1, Timestamp.of(NOW).value());
            st.executeUpdate();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void recordOk(String etag, String tokenFingerprint) {
        DueRepo repo = store.select(NOW, true, 10, tokenFingerprint).get(0);
        CheckResult ok = new CheckResult(REF, NOW, RepoStatus.OK, 200, "found", null, etag, null, 101L, null, null);
        store.record(null, repo, ok, policy.apply(repo.state(), repo.movedTo(), ok), tokenFingerprint);
    }

    private DueRepo selectWith(String tokenFingerprint) {
        return store.select(NOW, true, 10, tokenFingerprint).get(0);
    }

    @Test
    void anEtagStoredUnderOneTokenIsNotSentWithAnother() {
        recordOk("\"e-a\"", TOKEN_A);

        assertEquals("\"e-a\"", selectWith(TOKEN_A).known().etag(), "the same token gets its ETag back");
        assertNull(selectWith(TOKEN_B).known().etag(), "another token's ETag would buy a 304 it did not pay for");
        assertNull(selectWith("none").known().etag(), "nor is it sent without a token");
    }

    @Test
    void aNewEtagUnderAnotherTokenTakesTheOwnershipWithIt() {
        recordOk("\"e-a\"", TOKEN_A);
        recordOk("\"e-b\"", TOKEN_B);

        assertEquals("\"e-b\"", selectWith(TOKEN_B).known().etag());
        assertNull(selectWith(TOKEN_A).known().etag());
    }

    @Test
    void theRestOfWhatIsKnownDoesNotDependOnTheToken() {
        recordOk("\"e-a\"", TOKEN_A);

        DueRepo other = selectWith(TOKEN_B);
        assertEquals(101L, other.known().hostId());
        assertEquals(RepoStatus.OK, other.known().lastStatus());
    }

    @Test
    void aDeadVerdictDropsTheEtagSoNo304CanBeTakenForOk() {
        recordOk("\"e-a\"", TOKEN_A);
        DueRepo repo = selectWith(TOKEN_A);
        CheckResult gone = new CheckResult(REF, NOW.plusSeconds(60), RepoStatus.NOT_FOUND, 404, "Not Found", null,
                "\"e-404\"", null, null, null, null);
        store.record(null, repo, gone, policy.apply(repo.state(), repo.movedTo(), gone), TOKEN_A);

        assertNull(selectWith(TOKEN_A).known().etag());
    }

    private void recordMoved(Instant at, String to) {
        DueRepo repo = selectWith(TOKEN_A);
        CheckResult moved = new CheckResult(REF, at, RepoStatus.MOVED, 301, "Moved Permanently", null, null, to, 101L, null, null);
        store.record(null, repo, moved, policy.apply(repo.state(), repo.movedTo(), moved), TOKEN_A);
    }

    @Test
    void aRenameToAnotherNameIsAChangeSoTheRepositoryPageListsEveryMove() {
        recordMoved(NOW, "lab/first");
        recordMoved(NOW.plusSeconds(60), "lab/second");
        recordMoved(NOW.plusSeconds(120), "Lab/Second");

        DashboardStore dashboard = new DashboardStore(db.dataSource());
        long id = dashboard.repo("github.com/lab/alive").orElseThrow().id();
        assertEquals(List.of("lab/first", "lab/second"), List.copyOf(dashboard.moves(id).keySet()));
        assertEquals(2, dashboard.history(id, true, 0, 10).size(), "the first move and the rename; the same name again is no change");
        assertEquals(3, dashboard.history(id, false, 0, 10).size());
    }
}
