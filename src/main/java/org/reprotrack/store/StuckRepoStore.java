package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Repositories stuck without a verdict: checked {@link #AFTER_CHECKS} times or more in a row and
 * answered each time without one (UNKNOWN: a timeout, a 5xx, a GraphQL error REST could not settle,
 * a 403 without a block). An audit cannot tell what they are, so they are listed with the last
 * reason for a person to look at (the audits page, {@code reprotrack status}, the report). The
 * listing never turns into a verdict: their status stays what it was (often PENDING).
 */
public final class StuckRepoStore {

    /** Checks in a row without a verdict before a repository is listed (issue 12). */
    public static final int AFTER_CHECKS = 3;

    private final DataSource dataSource;

    public StuckRepoStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One stuck repository.
     *
     * @param key the repository key ({@code github.com/owner/name})
     * @param url the link as first seen
     * @param status its shown status, unchanged by the checks without a verdict
     * @param checks checks in a row without a verdict
     * @param since the first of those checks
     * @param lastChecked the last of them
     * @param reason what the last check said (its detail)
     */
    public record StuckRepo(String key, String url, String status, int checks, @Nullable Instant since,
            @Nullable Instant lastChecked, @Nullable String reason) {
    }

    /** The stuck repositories, longest stuck first, at most {@code limit}. */
    public List<StuckRepo> list(int limit) {
        List<StuckRepo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT repo_key, path, status, unknown_checks, unknown_since, last_checked, detail FROM repo
                WHERE unknown_checks >= ? ORDER BY unknown_checks DESC, unknown_since, repo_key FETCH FIRST ? ROWS ONLY""")) {
            st.setInt(1, AFTER_CHECKS);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    // the key's domain, the path as first spelt: the link a person can open
                    String url = "https://" + key.substring(0, Math.max(0, key.indexOf('/'))) + "/" + rs.getString(2);
                    out.add(new StuckRepo(key, url, rs.getString(3), rs.getInt(4),
                            Timestamp.read(rs, 5), Timestamp.read(rs, 6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the repositories without a verdict: " + e.getMessage(), e);
        }
        return out;
    }

    /** How many repositories are stuck. */
    public int count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM repo WHERE unknown_checks >= ?")) {
            st.setInt(1, AFTER_CHECKS);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the repositories without a verdict: " + e.getMessage(), e);
        }
    }
}
