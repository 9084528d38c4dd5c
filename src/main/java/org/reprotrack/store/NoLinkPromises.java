package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reprotrack.check.PaperStatus;

/**
 * Promises made without a link (issue 12): papers that promise code, models or data
 * ({@code paper.promised}, V15) and still have no code link more than {@code signals.promise_days}
 * after their first version. Their clock runs from the first version, like a promised repository's.
 */
final class NoLinkPromises {

    private NoLinkPromises() {}

    /** The papers promised without a code link and first published before {@code cutoff}, by id. */
    static List<BrokenPromise> notKept(Connection c, Instant now, Instant cutoff) throws SQLException {
        List<BrokenPromise> broken = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT p.id, p.published FROM paper p
                WHERE p.promised AND p.published IS NOT NULL AND p.published < ?
                  AND NOT EXISTS (SELECT 1 FROM link l WHERE l.paper_id = p.id AND l.kind = 'code')
                ORDER BY p.id""")) {
            st.setObject(1, Timestamp.of(cutoff).value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant published = Timestamp.read(rs, 2);
                    broken.add(new BrokenPromise(rs.getString(1), null, PaperStatus.PROMISED_NO_LINK.name(), published,
                            Duration.between(published, now).toDays()));
                }
            }
        }
        return broken;
    }
}
