package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** The commit at publication per paper, the head, and a rewritten history, as checks record them (issue 16). */
class HeadCommitsTest extends OnBothDatabases {

    static final RepoRef REF = new RepoRef(CodeHost.GITHUB, "lab/alpha");
    static final String C1 = "1111111111111111111111111111111111111111";
    static final String C2 = "2222222222222222222222222222222222222222";
    static final Instant DAY1 = Instant.parse("2026-01-10T08:00:00Z");
    static final StatusPolicy POLICY = new StatusPolicy(Duration.ofHours(24), Duration.ofHours(168), List.of(Duration.ofHours(1)),
            Duration.ofHours(720), Duration.ofHours(1));

    private static RepoMetadata head(String commit) {
        return new RepoMetadata(1, 1, 1, false, false, false, null, null, "main", null, null, null, null, List.of(), null, commit, null, null);
    }

    private static DueRepo alpha(AuditStore store) {
        return store.load(List.of(1L), "none").get(1L);
    }

    private static void check(AuditStore store, Instant at, RepoMetadata m) {
        DueRepo repo = alpha(store);
        CheckResult ok = new CheckResult(REF, at, RepoStatus.OK, 200, "found", m, null, null, 101L, null, null);
        store.record(null, repo, ok, POLICY.apply(repo.state(), repo.movedTo(), ok), "none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void eachPaperKeepsTheFirstHeadAfterItsFirstVersionAndARewrittenHistoryIsFlagged(String kind) throws SQLException {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM link WHERE repo_id <> 1");
                // a paper whose first version comes after the first check: its commit is the head of a later check
                st.execute("INSERT INTO paper (id, published, source, text_hash, first_seen, last_changed) VALUES ('2602.00009', "
                        + "TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00', 'x', 1, TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00', "
                        + "TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00')");
                st.execute("INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments) VALUES "
                        + "('2602.00009', 0, 'https://github.com/lab/alpha', 'code', 'github.com', 1, '', FALSE, FALSE)");
            }
            AuditStore audit = new AuditStore(db.dataSource());
            CommitStore commits = new CommitStore(db.dataSource());

            check(audit, DAY1, head(C1));
            assertEquals(C1, alpha(audit).known().pinnedCommit());
            assertNull(alpha(audit).known().commitToAsk(), "the head is the recorded commit");
            check(audit, Instant.parse("2026-02-02T08:00:00Z"), head(C2));

            RepoCommits r = commits.of(1);
            assertEquals(C2, r.head());
            assertEquals(Instant.parse("2026-02-02T08:00:00Z"), r.headSince());
            assertEquals(C1, r.pinned());
            assertEquals(List.of("2101.00001:" + C1, "hep-th/9901001:" + C1, "2602.00009:" + C2),
                    r.papers().stream().map(p -> p.paperId() + ":" + p.commit()).toList());
            assertEquals(Boolean.TRUE, r.papers().get(0).changed(), "the code changed since the 2021 paper");
            assertEquals(Boolean.FALSE, r.papers().get(2).changed());
            assertNull(r.papers().get(0).rewritten(), "not asked yet");
            assertEquals(C1, alpha(audit).known().commitToAsk(), "the head moved: ask about C1");

            Instant day3 = Instant.parse("2026-02-03T08:00:00Z");
            check(audit, day3, head(C2).withAskedCommit(C1, false));
            r = commits.of(1);
            assertTrue(r.rewritten());
            assertEquals(day3, r.pinnedGoneSince());
            assertEquals(Boolean.TRUE, r.papers().get(0).rewritten());
            check(audit, day3.plus(Duration.ofDays(1)), head(C2).withAskedCommit(C1, false));
            assertEquals(day3, commits.of(1).pinnedGoneSince(), "gone since the first answer that said so");
            check(audit, day3.plus(Duration.ofDays(2)), head(C2).withAskedCommit(C1, true));
            assertFalse(commits.of(1).rewritten());
            assertNull(commits.of(1).pinnedGoneSince());
        }
    }
}
