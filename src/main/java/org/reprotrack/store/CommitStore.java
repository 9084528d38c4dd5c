package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads what {@link HeadCommits} keeps: a repository's head and each paper's commit at publication. */
public final class CommitStore {

    private final DataSource dataSource;

    public CommitStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public RepoCommits of(long repoId) {
        try (Connection c = dataSource.getConnection()) {
            String head;
            RepoCommits base;
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT head_commit, head_since, pinned_commit, pinned_found, pinned_checked_at, pinned_gone_since FROM repo WHERE id = ?""")) {
                st.setLong(1, repoId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new RepoCommits(null, null, null, null, null, null, List.of());
                    }
                    head = rs.getString(1);
                    Object found = rs.getObject(4);
                    base = new RepoCommits(head, Timestamp.read(rs, 2), rs.getString(3), found == null ? null : rs.getBoolean(4),
                            Timestamp.read(rs, 5), Timestamp.read(rs, 6), List.of());
                }
            }
            List<RepoCommits.PaperCommit> papers = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT paper_id, commit_oid, seen_at FROM paper_commit WHERE repo_id = ? ORDER BY seen_at, paper_id FETCH FIRST 200 ROWS ONLY")) {
                st.setLong(1, repoId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String commit = rs.getString(2);
                        Boolean changed = head == null ? null : !head.equals(commit);
                        Boolean rewritten = null; // only the earliest paper's commit is asked about
                        if (commit.equals(base.pinned()) && base.pinnedFound() != null) {
                            rewritten = !base.pinnedFound();
                        } else if (Boolean.FALSE.equals(changed)) {
                            rewritten = Boolean.FALSE; // still the head: it resolves
                        }
                        papers.add(new RepoCommits.PaperCommit(rs.getString(1), commit, Timestamp.read(rs, 3), changed, rewritten));
                    }
                }
            }
            return new RepoCommits(base.head(), base.headSince(), base.pinned(), base.pinnedFound(), base.pinnedCheckedAt(),
                    base.pinnedGoneSince(), papers);
        } catch (SQLException e) {
            throw new StoreException("cannot read the commits of repository " + repoId + ": " + e.getMessage(), e);
        }
    }
}
