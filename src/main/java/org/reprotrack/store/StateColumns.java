package org.reprotrack.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.reprotrack.check.RepoState;

/**
 * The audit state columns that {@code repo} and {@code web_page} share (V2, V3): the same
 * StatusPolicy state, written the same way after a check of either.
 */
final class StateColumns {

    /** The SET list of the state columns, in the order {@link #bind} fills them. */
    static final String SET = "status = ?, status_since = ?, first_seen_dead = ?, last_alive = ?, failing_checks = ?, "
            + "next_check = ?, last_checked = ?, detail = ?";

    private StateColumns() {
    }

    /** Binds {@link #SET}'s parameters from 1; returns the next parameter index. */
    static int bind(PreparedStatement st, RepoState next, Instant checkedAt, String detail) throws SQLException {
        int i = 1;
        st.setString(i++, next.status().name());
        st.setObject(i++, Timestamp.orNull(next.statusSince()));
        st.setObject(i++, Timestamp.orNull(next.firstSeenDead()));
        st.setObject(i++, Timestamp.orNull(next.lastAlive()));
        st.setInt(i++, next.failingChecks());
        st.setObject(i++, Timestamp.orNull(next.nextCheck()));
        st.setObject(i++, Timestamp.orNull(checkedAt));
        st.setString(i++, detail);
        return i;
    }
}
