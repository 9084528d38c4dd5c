package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One check of a repository from the append-only history; {@code status} is the verdict (a RepoStatus name). */
public record HistoryRow(Instant checkedAt, String status, @Nullable Integer httpStatus, String detail,
        @Nullable String movedTo, boolean changed) {

    /** The check_result columns of a row, in the order {@link #read} takes them. */
    static final String COLUMNS = "checked_at, status, http_status, detail, moved_to, changed";

    /**
     * One page of a repository's rows: {@code sql} selects the six {@link #COLUMNS} and takes the
     * repository id, the offset and the page size, in that order.
     */
    static List<HistoryRow> page(Connection c, String sql, long repoId, int offset, int limit) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, repoId);
            st.setInt(2, offset);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs, 1));
                }
            }
        }
        return rows;
    }

    /** A row from the six {@link #COLUMNS} of a result, the first at {@code column}. */
    static HistoryRow read(ResultSet rs, int column) throws SQLException {
        return new HistoryRow(Timestamp.read(rs, column), rs.getString(column + 1), (Integer) rs.getObject(column + 2),
                rs.getString(column + 3), rs.getString(column + 4), rs.getBoolean(column + 5));
    }
}
