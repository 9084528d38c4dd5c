package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoMetadata;

/**
 * Keeps the commit ids a check learned (V19, issue 16), in the check's transaction: the head of
 * the default branch and since when, each paper's publication commit (the first head seen after
 * its first version), and whether the recorded publication commit still resolves. The check's
 * own metadata JSON keeps the head at every check; this is the derived state the pages read.
 */
final class HeadCommits {

    private HeadCommits() {
    }

    static void record(Connection c, long repoId, CheckResult r) throws SQLException {
        RepoMetadata m = r.metadata();
        if (m == null) {
            return;
        }
        Object at = Timestamp.of(r.checkedAt()).value();
        String head = m.headCommit();
        if (head != null) {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE repo SET head_since = CASE WHEN head_commit = ? THEN head_since ELSE ? END, head_commit = ? WHERE id = ?""")) {
                st.setString(1, head);
                st.setObject(2, at);
                st.setString(3, head);
                st.setLong(4, repoId);
                st.executeUpdate();
            }
            int added;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO paper_commit (paper_id, repo_id, commit_oid, seen_at)
                    SELECT DISTINCT l.paper_id, l.repo_id, ?, ? FROM link l JOIN paper p ON p.id = l.paper_id
                    WHERE l.repo_id = ? AND l.kind = 'code' AND (p.published IS NULL OR p.published <= ?)
                      AND NOT EXISTS (SELECT 1 FROM paper_commit pc WHERE pc.paper_id = l.paper_id AND pc.repo_id = l.repo_id)""")) {
                st.setString(1, head);
                st.setObject(2, at);
                st.setLong(3, repoId);
                st.setObject(4, at);
                added = st.executeUpdate();
            }
            if (added > 0) {
                try (PreparedStatement st = c.prepareStatement("UPDATE repo SET pinned_commit = ? WHERE id = ? AND pinned_commit IS NULL")) {
                    st.setString(1, head);
                    st.setLong(2, repoId);
                    st.executeUpdate();
                }
            }
        }
        if (m.askedCommit() != null && m.askedCommitFound() != null) {
            boolean found = m.askedCommitFound();
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE repo SET pinned_found = ?, pinned_checked_at = ?,
                                    pinned_gone_since = CASE WHEN ? THEN NULL ELSE COALESCE(pinned_gone_since, ?) END
                    WHERE id = ? AND pinned_commit = ?""")) {
                st.setBoolean(1, found);
                st.setObject(2, at);
                st.setBoolean(3, found);
                st.setObject(4, at);
                st.setLong(5, repoId);
                st.setString(6, m.askedCommit());
                st.executeUpdate();
            }
        }
    }
}
