package org.reprotrack.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Hand-built papers, links and repository states, written straight into the tables a report reads. */
final class History {
    private final DataSource ds;

    History(DataSource ds) {
        this.ds = ds;
    }

    History paper(String id, @Nullable String title) {
        update("""
                INSERT INTO paper (id, title, source, text_hash, first_seen, last_changed)
                VALUES (?, ?, 'test', 0, ?, ?)""", id, title, ts(Instant.EPOCH), ts(Instant.EPOCH));
        return this;
    }

    /** Sets a paper's first version, which starts the promise clock. */
    History published(String id, Instant published) {
        update("UPDATE paper SET published = ? WHERE id = ?", ts(published), id);
        return this;
    }

    /** The repository metadata of the last check (licence, creation), as JSON. */
    History metadata(String repoPath, String json) {
        update("UPDATE repo SET metadata = ? WHERE path = ?", json, repoPath);
        return this;
    }

    /** A GitHub repository, PENDING until {@link #state} says otherwise. */
    History repo(String path) {
        update("INSERT INTO repo (repo_key, host, path, first_seen) VALUES (?, 'GITHUB', ?, ?)",
                "github.com/" + path.toLowerCase(java.util.Locale.ROOT), path, ts(Instant.EPOCH));
        return this;
    }

    History link(String paperId, int position, String url, String repoPath, boolean promised) {
        update("""
                INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments)
                VALUES (?, ?, ?, 'code', 'github.com', (SELECT id FROM repo WHERE path = ?), 'ctx', ?, FALSE)""",
                paperId, position, url, repoPath, promised);
        return this;
    }

    /** Sets the derived state of a repository, as the audit would after some checks. */
    History state(String repoPath, String status, @Nullable Instant statusSince, @Nullable Instant firstSeenDead,
            @Nullable Instant lastAlive, @Nullable Integer httpStatus) {
        update("""
                UPDATE repo SET status = ?, status_since = ?, first_seen_dead = ?, last_alive = ?, http_status = ?
                WHERE path = ?""", status, ts(statusSince), ts(firstSeenDead), ts(lastAlive), httpStatus, repoPath);
        return this;
    }

    History evidence(String repoPath, @Nullable String blockReason, @Nullable String movedTo, @Nullable Integer stars,
            @Nullable Instant pushedAt) {
        update("UPDATE repo SET block_reason = ?, moved_to = ?, stars = ?, pushed_at = ? WHERE path = ?",
                blockReason, movedTo, stars, ts(pushedAt), repoPath);
        return this;
    }

    long repoId(String repoPath) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("SELECT id FROM repo WHERE path = ?")) {
            st.setString(1, repoPath);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private void update(String sql, @Nullable Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    st.setNull(i + 1, Types.NULL);
                } else {
                    st.setObject(i + 1, args[i]);
                }
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
