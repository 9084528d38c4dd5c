package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * A small store for dashboard tests, with hostile text where users' data is untrusted: titles,
 * abstracts, comments, authors, link URLs, repository descriptions and topics.
 */
public final class DashboardFixtures {

    public static final String SCRIPT_TITLE = "Fixture <script>alert(\"title\")</script> & \"quotes\" 'single'";
    public static final String ABSTRACT = "We close a textarea </textarea><script>alert('abstract')</script> and code at https://github.com/lab/alpha";
    public static final String DESCRIPTION = "<script>alert('description')</script>";
    public static final String TOPIC = "<svg onload=alert(1)>";
    public static final String AUTHORS = "O'Brien <img src=x onerror=alert(1)>";
    /** The day of the first check; tests run with "now" a few days later. */
    public static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

    private DashboardFixtures() {
    }

    /** Fills a migrated, empty store. */
    public static void fill(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            paper(c, "2101.00001", SCRIPT_TITLE, ABSTRACT, "<b>comments</b> </textarea>", "2021-01-05T00:00:00Z");
            paper(c, "2102.00002", "Gone paper about graphs", "Code was at github.com/lab/beta", null, "2021-02-05T00:00:00Z");
            paper(c, "2103.00003", "Paper without code", "No link here, 100% text", null, "2022-03-05T00:00:00Z");
            paper(c, "2104.00004", "Moved paper", "See github.com/lab/gamma", null, "2022-04-05T00:00:00Z");
            paper(c, "hep-th/9901001", "An old-style id", "Code at github.com/lab/alpha too", null, "1999-01-05T00:00:00Z");
            st.execute("INSERT INTO audit_run (id, started_at, finished_at, state, planned, checked, requests, wait_ms, counts, summary) VALUES "
                    + "(1, TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-10 08:05:00+00', 'finished', 3, 3, 3, 0, '{\"OK\":3}', '{\"newly_dead\":[],\"recovered\":[],\"moved\":{}}'),"
                    + "(2, TIMESTAMP WITH TIME ZONE '2026-01-12 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-12 08:07:00+00', 'finished', 3, 3, 4, 1500, '{\"OK\":1,\"NOT_FOUND\":1,\"MOVED\":1}', "
                    + "'{\"newly_dead\":[\"github.com/lab/beta\"],\"recovered\":[],\"moved\":{\"github.com/lab/gamma\":\"lab/gamma-new\"}}')");
            repo(c, 1, "lab/alpha", "OK", null, "{\"stars\":12,\"license\":\"mit\",\"description\":\"" + DESCRIPTION.replace("\"", "\\\"")
                    + "\",\"topics\":[\"" + TOPIC + "\",\"\\\"quoted\\\"\"],\"archived\":false}");
            repo(c, 2, "lab/beta", "NOT_FOUND", null, null);
            repo(c, 3, "lab/gamma", "MOVED", "lab/gamma-new", null);
            link(c, "2101.00001", 0, "https://github.com/lab/alpha", "code", "github.com", 1L);
            link(c, "2101.00001", 1, "javascript:alert('link')", "other", "example.org", null);
            link(c, "2102.00002", 0, "github.com/lab/beta", "code", "github.com", 2L);
            link(c, "2104.00004", 0, "github.com/lab/gamma", "code", "github.com", 3L);
            link(c, "hep-th/9901001", 0, "github.com/lab/alpha", "code", "github.com", 1L);
            check(c, 1, 1, T0, "OK", 200, null, true);
            check(c, 1, 2, T0.plus(2, ChronoUnit.DAYS), "OK", 200, null, false);
            check(c, 2, 1, T0, "OK", 200, null, true);
            check(c, 2, 2, T0.plus(2, ChronoUnit.DAYS), "NOT_FOUND", 404, null, true);
            check(c, 3, 1, T0, "OK", 200, null, true);
            check(c, 3, 2, T0.plus(2, ChronoUnit.DAYS), "MOVED", 301, "lab/gamma-new", true);
            RecentChecks.rebuild(c); // the checks above went in as raw rows, not through AuditStore
            ChangedChecks.rebuild(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checklist evidence as a README line could hold it: untrusted, shown escaped. */
    public static final String EVIDENCE = "README:L4: <script>alert('evidence')</script> python train.py";
    public static final String PROMISE = "Code coming soon <img src=x onerror=alert('promise')>";

    /**
     * Adds reproducibility signals to a filled store: alpha scores 3 of 5 (with hostile evidence),
     * gamma is a placeholder, and 2104.00004's link to gamma was promised (a promise not kept: the
     * paper is from 2022).
     */
    public static void signals(DataSource ds) {
        SignalStore store = new SignalStore(ds);
        java.util.List<org.reprotrack.check.signals.ItemResult> alpha = java.util.List.of(
                org.reprotrack.check.signals.ItemResult.present(org.reprotrack.check.signals.ChecklistItem.DEPENDENCIES, "requirements.txt"),
                org.reprotrack.check.signals.ItemResult.present(org.reprotrack.check.signals.ChecklistItem.TRAINING, EVIDENCE),
                org.reprotrack.check.signals.ItemResult.present(org.reprotrack.check.signals.ChecklistItem.EVALUATION, "eval.py"),
                org.reprotrack.check.signals.ItemResult.absent(org.reprotrack.check.signals.ChecklistItem.PRETRAINED_MODELS),
                org.reprotrack.check.signals.ItemResult.absent(org.reprotrack.check.signals.ChecklistItem.RESULTS));
        store.save(1, new org.reprotrack.check.signals.RepoSignals(new org.reprotrack.check.signals.Checklist(alpha),
                new org.reprotrack.check.signals.Placeholder(false, null, null), false, 12, true, "mit", null, null, null, null, null,
                T0, T0, false), "none");
        java.util.List<org.reprotrack.check.signals.ItemResult> none = java.util.Arrays.stream(
                org.reprotrack.check.signals.ChecklistItem.values()).map(org.reprotrack.check.signals.ItemResult::absent).toList();
        store.save(3, new org.reprotrack.check.signals.RepoSignals(new org.reprotrack.check.signals.Checklist(none),
                new org.reprotrack.check.signals.Placeholder(true, "only a README <b>reason</b>", PROMISE), false, 1, true,
                null, null, null, null, null, null, T0, null, true), "none");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE link SET promised = TRUE WHERE paper_id = '2104.00004'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void paper(Connection c, String id, String title, String abs, String comments, String published) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO paper (id, version, title, abstract_text, comments, authors, published, source, text_hash, first_seen, last_changed)
                VALUES (?, 2, ?, ?, ?, ?, ?, 'fixture', 1, ?, ?)""")) {
            st.setString(1, id);
            st.setString(2, title);
            st.setString(3, abs);
            st.setString(4, comments);
            st.setString(5, AUTHORS);
            st.setObject(6, Timestamp.of(Instant.parse(published)).value());
            st.setObject(7, Timestamp.of(T0).value());
            st.setObject(8, Timestamp.of(T0).value());
            st.executeUpdate();
        }
    }

    private static void repo(Connection c, long id, String path, String status, String movedTo, String metadata) throws SQLException {
        boolean dead = status.equals("NOT_FOUND");
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO repo (id, repo_key, host, path, first_seen, status, status_since, http_status, detail, moved_to,
                                  last_checked, last_alive, first_seen_dead, stars, archived, metadata)
                VALUES (?, ?, 'GITHUB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")) {
            Instant last = T0.plus(2, ChronoUnit.DAYS);
            st.setLong(1, id);
            st.setString(2, "github.com/" + path);
            st.setString(3, path);
            st.setObject(4, Timestamp.of(T0).value());
            st.setString(5, status);
            st.setObject(6, Timestamp.of(status.equals("OK") ? T0 : last).value());
            st.setInt(7, dead ? 404 : status.equals("MOVED") ? 301 : 200);
            st.setString(8, dead ? "Not Found <script>alert('detail')</script>" : "ok");
            st.setString(9, movedTo);
            st.setObject(10, Timestamp.of(last).value());
            st.setObject(11, Timestamp.of(dead ? T0 : last).value());
            st.setObject(12, dead ? Timestamp.of(last).value() : null);
            st.setInt(13, 12);
            st.setString(14, metadata);
            st.executeUpdate();
        }
    }

    private static void link(Connection c, String paper, int pos, String url, String kind, String host, Long repo) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, FALSE)""")) {
            st.setString(1, paper);
            st.setInt(2, pos);
            st.setString(3, url);
            st.setString(4, kind);
            st.setString(5, host);
            st.setObject(6, repo);
            st.setString(7, "context " + url);
            st.executeUpdate();
        }
    }

    private static void check(Connection c, long repo, long run, Instant at, String status, int http, String movedTo, boolean changed)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO check_result (repo_id, audit_run_id, checked_at, status, http_status, detail, moved_to, changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setLong(1, repo);
            st.setLong(2, run);
            st.setObject(3, Timestamp.of(at).value());
            st.setString(4, status);
            st.setInt(5, http);
            st.setString(6, "HTTP " + http + " </textarea>");
            st.setString(7, movedTo);
            st.setBoolean(8, changed);
            st.executeUpdate();
        }
    }
}
