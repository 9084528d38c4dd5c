package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Batched raw inserts for generated benchmark data (BENCHMARKS.md, "Dashboard"): rows go in as
 * given, without the ingest's extraction or the audit's status policy. Never used by the
 * application itself. Call {@link #flush()} then {@link #close()}.
 */
public final class BulkWriter implements AutoCloseable {

    private static final int BATCH = 2_000;

    private final Connection c;
    private final PreparedStatement paper;
    private final PreparedStatement repo;
    private final PreparedStatement link;
    private final PreparedStatement check;
    private final PreparedStatement run;
    private int pending;

    public BulkWriter(DataSource dataSource) {
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            paper = c.prepareStatement("""
                    INSERT INTO paper (id, version, title, abstract_text, comments, authors, categories, published, source,
                                       text_hash, first_seen, last_changed) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?)""");
            repo = c.prepareStatement("""
                    INSERT INTO repo (id, repo_key, host, path, first_seen, status, status_since, http_status, detail, moved_to,
                                      last_checked, next_check, first_seen_dead, last_alive, stars, pushed_at, archived, metadata)
                    VALUES (?, ?, 'GITHUB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            link = c.prepareStatement("""
                    INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments)
                    VALUES (?, ?, ?, 'code', 'github.com', ?, ?, FALSE, FALSE)""");
            check = c.prepareStatement("""
                    INSERT INTO check_result (repo_id, audit_run_id, checked_at, status, http_status, detail, moved_to, changed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            run = c.prepareStatement("""
                    INSERT INTO audit_run (id, started_at, finished_at, state, planned, checked, requests, wait_ms, counts, summary)
                    VALUES (?, ?, ?, 'finished', ?, ?, ?, ?, ?, ?)""");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare bulk inserts: " + e.getMessage(), e);
        }
    }

    public void paper(String id, String title, String abstractText, String authors, Instant published, long hash, Instant seen) {
        try {
            paper.setString(1, id);
            paper.setString(2, title);
            paper.setString(3, abstractText);
            paper.setString(4, null);
            paper.setString(5, authors);
            paper.setString(6, "cs.LG");
            paper.setObject(7, Timestamp.of(published).value());
            paper.setLong(8, hash);
            paper.setObject(9, Timestamp.of(seen).value());
            paper.setObject(10, Timestamp.of(seen).value());
            add(paper);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A repository with the state its generated history ended in. */
    public void repo(long id, String path, Instant firstSeen, String status, Instant statusSince, int httpStatus,
            @Nullable String movedTo, Instant lastChecked, @Nullable Instant firstSeenDead, @Nullable Instant lastAlive,
            int stars, boolean archived) {
        try {
            int i = 1;
            repo.setLong(i++, id);
            repo.setString(i++, "github.com/" + path.toLowerCase(java.util.Locale.ROOT));
            repo.setString(i++, path);
            repo.setObject(i++, Timestamp.of(firstSeen).value());
            repo.setString(i++, status);
            repo.setObject(i++, Timestamp.of(statusSince).value());
            repo.setInt(i++, httpStatus);
            repo.setString(i++, "generated");
            repo.setString(i++, movedTo);
            repo.setObject(i++, Timestamp.of(lastChecked).value());
            repo.setObject(i++, Timestamp.of(lastChecked.plusSeconds(86_400)).value());
            repo.setObject(i++, firstSeenDead == null ? null : Timestamp.of(firstSeenDead).value());
            repo.setObject(i++, lastAlive == null ? null : Timestamp.of(lastAlive).value());
            repo.setInt(i++, stars);
            repo.setObject(i++, Timestamp.of(firstSeen).value());
            repo.setBoolean(i++, archived);
            repo.setString(i, "{\"stars\":" + stars + ",\"archived\":" + archived + ",\"license\":\"mit\",\"topics\":[\"bench\"]}");
            add(repo);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void link(String paperId, int position, String url, long repoId, String context) {
        try {
            link.setString(1, paperId);
            link.setInt(2, position);
            link.setString(3, url);
            link.setLong(4, repoId);
            link.setString(5, context);
            add(link);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void check(long repoId, long runId, Instant at, String status, int httpStatus, @Nullable String movedTo, boolean changed) {
        try {
            check.setLong(1, repoId);
            check.setLong(2, runId);
            check.setObject(3, Timestamp.of(at).value());
            check.setString(4, status);
            check.setInt(5, httpStatus);
            check.setString(6, "HTTP " + httpStatus);
            check.setString(7, movedTo);
            check.setBoolean(8, changed);
            add(check);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public void auditRun(long id, Instant started, Instant finished, int checked, String countsJson, String summaryJson) {
        try {
            run.setLong(1, id);
            run.setObject(2, Timestamp.of(started).value());
            run.setObject(3, Timestamp.of(finished).value());
            run.setInt(4, checked);
            run.setInt(5, checked);
            run.setInt(6, checked / 100 + 1);
            run.setLong(7, 0);
            run.setString(8, countsJson);
            run.setString(9, summaryJson);
            add(run);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sends every pending batch and commits. */
    public void flush() {
        try {
            for (PreparedStatement st : new PreparedStatement[] {run, paper, repo, link, check}) {
                st.executeBatch();
            }
            c.commit();
            pending = 0;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Fills the recent checks (V11) and the changes (V13) from the history written; call after the last {@link #flush()}. */
    public void fillHistoryViews() {
        try {
            RecentChecks.rebuild(c);
            ChangedChecks.rebuild(c);
            c.commit();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void add(PreparedStatement st) throws SQLException {
        st.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("bulk insert failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }
}
