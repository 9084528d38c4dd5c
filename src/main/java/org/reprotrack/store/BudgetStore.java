package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The last known GitHub rate-limit budget per token fingerprint and bucket ({@code rate_budget},
 * V17), shared by the nodes that use one token. Within a window (one reset time) a write only
 * lowers the count, whichever node writes first; a later reset starts a new window; an answer of
 * an older window changes nothing. Never holds the token, only its fingerprint.
 */
public final class BudgetStore {

    /** One bucket's budget. */
    public record Budget(int remaining, Instant resetAt) {
    }

    private static final String POSTGRES = """
            INSERT INTO rate_budget (token_fingerprint, resource, remaining, reset_at, seen_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (token_fingerprint, resource) DO UPDATE SET
                remaining = CASE WHEN EXCLUDED.reset_at > rate_budget.reset_at THEN EXCLUDED.remaining
                                 ELSE LEAST(rate_budget.remaining, EXCLUDED.remaining) END,
                reset_at = EXCLUDED.reset_at, seen_at = EXCLUDED.seen_at
            WHERE EXCLUDED.reset_at >= rate_budget.reset_at""";

    private static final String H2 = """
            MERGE INTO rate_budget t
            USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(32)), CAST(? AS INTEGER),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (token_fingerprint, resource, remaining, reset_at, seen_at)
            ON t.token_fingerprint = s.token_fingerprint AND t.resource = s.resource
            WHEN MATCHED AND s.reset_at >= t.reset_at THEN UPDATE SET
                remaining = CASE WHEN s.reset_at > t.reset_at THEN s.remaining ELSE LEAST(t.remaining, s.remaining) END,
                reset_at = s.reset_at, seen_at = s.seen_at
            WHEN NOT MATCHED THEN INSERT (token_fingerprint, resource, remaining, reset_at, seen_at)
                VALUES (s.token_fingerprint, s.resource, s.remaining, s.reset_at, s.seen_at)""";

    private final DataSource dataSource;

    public BudgetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records what a node read in GitHub's headers for the token with {@code fingerprint}. */
    public void record(String fingerprint, String resource, int remaining, Instant resetAt, Instant now) {
        Tx.run(dataSource, "record the rate-limit budget", c -> {
            try (PreparedStatement st = c.prepareStatement(Upsert.isH2(c) ? H2 : POSTGRES)) {
                st.setString(1, fingerprint);
                st.setString(2, resource);
                st.setInt(3, remaining);
                st.setObject(4, Timestamp.of(resetAt).value());
                st.setObject(5, Timestamp.of(now).value());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The budgets known for the token with {@code fingerprint}, per bucket. */
    public Map<String, Budget> read(String fingerprint) {
        Map<String, Budget> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT resource, remaining, reset_at FROM rate_budget WHERE token_fingerprint = ?")) {
            st.setString(1, fingerprint);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Budget(rs.getInt(2), Timestamp.read(rs, 3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the shared rate-limit budget: " + e.getMessage(), e);
        }
        return out;
    }
}
