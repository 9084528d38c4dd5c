package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.signals.ChecklistScorer;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.PlaceholderDetector;
import org.reprotrack.check.signals.RepoSignals;

/** The promise clock, licence and release lag as the store answers them. */
class SignalStoreTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final int PROMISE_DAYS = 90;

    private final Database db = TestDatabases.memory();
    private final SignalStore store = new SignalStore(db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPromiseIsNotKeptOnlyMoreThanTheSettingsDaysAfterTheFirstVersion() throws SQLException {
        long early = repo("lab/early", "PLACEHOLDER", null);
        long late = repo("lab/late", "EMPTY", null);
        paper("2601.00001", NOW.minus(Duration.ofDays(91)), early, true);
        paper("2601.00002", NOW.minus(Duration.ofDays(89)), late, true);

        List<BrokenPromise> broken = store.promisesNotKept(NOW, PROMISE_DAYS);

        assertEquals(List.of(new BrokenPromise("2601.00001", "github.com/lab/early", "PLACEHOLDER",
                NOW.minus(Duration.ofDays(91)), 91)), broken);
        assertEquals(2, store.promisesNotKept(NOW.plus(Duration.ofDays(2)), PROMISE_DAYS).size(), "89 days become 91");
    }

    @Test
    void onlyPromisedLinksToRepositoriesWithoutCodeCount() throws SQLException {
        Instant old = NOW.minus(Duration.ofDays(400));
        paper("2601.00001", old, repo("lab/not-promised", "NOT_FOUND", null), false);
        paper("2601.00002", old, repo("lab/kept", "OK", null), true);
        paper("2601.00003", old, repo("lab/gone", "NOT_FOUND", null), true);
        paper("2601.00004", old, repo("lab/failing", "FAILING", null), true);
        long hollow = repo("lab/hollow-but-ok", "OK", null);
        paper("2601.00005", old, hollow, true);
        store.save(hollow, signals(FileTree.of(false, "README.md"), "code coming soon", null), "none");

        List<String> broken = store.promisesNotKept(NOW, PROMISE_DAYS).stream().map(BrokenPromise::repoKey).toList();

        assertEquals(List.of("github.com/lab/gone", "github.com/lab/hollow-but-ok"), broken,
                "a FAILING repository is not yet confirmed gone; stored signals that find no code count before the next audit");
    }

    @Test
    void licenceAndReleaseLagComeFromTheLastChecksMetadataAndTheEarliestPaper() throws SQLException {
        Instant created = Instant.parse("2026-03-11T10:00:00Z");
        long licensed = repo("lab/licensed", "OK", "{\"license\":\"Apache-2.0\",\"created_at\":\"" + created + "\",\"topics\":[]}");
        paper("2601.00001", Instant.parse("2026-01-10T10:00:00Z"), licensed, false);
        paper("2601.00002", Instant.parse("2026-02-10T10:00:00Z"), licensed, false);
        long unlicensed = repo("lab/unlicensed", "OK", "{\"created_at\":\"2025-12-01T00:00:00Z\",\"topics\":[]}");
        paper("2601.00003", Instant.parse("2026-01-01T00:00:00Z"), unlicensed, false);
        repo("lab/unchecked", "PENDING", null);
        store.save(licensed, signals(FileTree.of(false, "train.py"), "", Instant.parse("2026-03-21T10:00:00Z")), "none");

        List<SignalRow> rows = new ArrayList<>();
        store.forEachRepo(rows::add);

        assertEquals(List.of("github.com/lab/licensed", "github.com/lab/unchecked", "github.com/lab/unlicensed"),
                rows.stream().map(SignalRow::repoKey).toList());
        SignalRow l = rows.get(0);
        assertEquals("Apache-2.0", l.licence());
        assertEquals(60L, l.releaseLagDays(), "from the first paper's first version to the repository's creation");
        assertEquals(70L, l.codeLagDays());
        assertEquals(1, l.score());
        assertNull(rows.get(1).licence(), "never checked: unknown, not 'none'");
        assertNull(rows.get(1).score());
        assertEquals("none", rows.get(2).licence());
        assertEquals(-31L, rows.get(2).releaseLagDays(), "the repository came before the preprint");
    }

    private static RepoSignals signals(FileTree tree, String readme, @Nullable Instant firstCode) {
        var placeholder = new PlaceholderDetector().detect(tree, readme);
        return new RepoSignals(new ChecklistScorer().score(tree, readme), placeholder, false, tree.files().size(), true,
                null, null, null, null, null, null, NOW, firstCode, false);
    }

    private long repo(String path, String status, @Nullable String metadata) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO repo (repo_key, host, path, first_seen, status, metadata) VALUES (?, 'GITHUB', ?, ?, ?, ?)",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, "github.com/" + path);
            st.setString(2, path);
            st.setObject(3, NOW.atOffset(ZoneOffset.UTC));
            st.setString(4, status);
            st.setString(5, metadata);
            st.executeUpdate();
            try (var keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void paper(String id, Instant published, long repoId, boolean promised) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO paper (id, published, source, text_hash, first_seen, last_changed) VALUES (?, ?, 'test', 0, ?, ?)""")) {
                st.setString(1, id);
                st.setObject(2, published.atOffset(ZoneOffset.UTC));
                st.setObject(3, NOW.atOffset(ZoneOffset.UTC));
                st.setObject(4, NOW.atOffset(ZoneOffset.UTC));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments)
                    VALUES (?, 0, 'https://github.com/x', 'code', 'github.com', ?, 'code at', ?, FALSE)""")) {
                st.setString(1, id);
                st.setLong(2, repoId);
                st.setBoolean(3, promised);
                st.executeUpdate();
            }
        }
    }
}
