package org.reprotrack.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The figures {@code /metrics} exposes from the database, so they hold for every node of a cluster
 * (issue 17): checks by verdict and GitHub usage summed over the audit runs, repositories and papers
 * by status, the audit queue, job runs by state, webhook deliveries by state. Each query is an
 * aggregate over a small table or an index; nothing reads the check history.
 */
public final class OpsStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public OpsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One reading.
     *
     * @param checks checks by verdict, over every audit run
     * @param githubRequests GitHub requests sent by every audit run
     * @param githubWaitSeconds time audits waited for GitHub's rate limits
     * @param dueRepos repositories due for a check now: the audit queue
     * @param jobs job runs by "job state"
     * @param deliveries webhook deliveries by "webhook state"
     */
    public record Snapshot(Map<String, Long> checks, long githubRequests, double githubWaitSeconds, Map<String, Long> repos,
            Map<String, Long> papers, long dueRepos, Map<List<String>, Long> jobs, Map<List<String>, Long> deliveries) {
    }

    public Snapshot snapshot(Instant now) {
        return Tx.run(dataSource, "read the metrics", c -> {
            Map<String, Long> checks = new TreeMap<>();
            long requests = 0;
            long waitMs = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT counts, requests, wait_ms FROM audit_run"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    addCounts(checks, rs.getString(1));
                    requests += rs.getLong(2);
                    waitMs += rs.getLong(3);
                }
            }
            Map<String, Long> repos = counts(c, "SELECT status, COUNT(*) FROM repo GROUP BY status");
            Map<String, Long> papers = counts(c, "SELECT code_status, COUNT(*) FROM paper_listing GROUP BY code_status");
            long due;
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM repo WHERE next_check IS NULL OR next_check <= ?")) {
                st.setObject(1, Timestamp.of(now).value());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    due = rs.getLong(1);
                }
            }
            return new Snapshot(checks, requests, waitMs / 1000.0, repos, papers, due,
                    pairs(c, "SELECT job, state, COUNT(*) FROM job_run GROUP BY job, state"),
                    pairs(c, "SELECT webhook, state, COUNT(*) FROM webhook_outbox GROUP BY webhook, state"));
        });
    }

    /** True when a trivial query answers: the database is reachable. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("SELECT 1")) {
            st.setQueryTimeout(5);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Adds one run's counts: {"repositories": {status: n}, "pages": ...}, or the older flat {status: n}. */
    private static void addCounts(Map<String, Long> checks, String json) {
        if (json == null || json.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // a malformed row counts nothing rather than failing every scrape
        }
        JsonNode repos = node.has("repositories") ? node.path("repositories") : node;
        repos.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                checks.merge(e.getKey(), e.getValue().asLong(), Long::sum);
            }
        });
    }

    private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static Map<List<String>, Long> pairs(Connection c, String sql) throws SQLException {
        Map<List<String>, Long> counts = new java.util.HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                counts.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
        }
        return counts;
    }
}
