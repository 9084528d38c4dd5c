package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.reprotrack.links.PaperPromises;

/**
 * Works out {@code paper.promised} for every stored paper (migration V15_1): a promised code link,
 * or a sentence of the abstract or comments that promises code, models or data. Reads in id order
 * in pages, so any number of papers fits in memory, and writes only the papers that promise.
 */
public final class PaperPromisedFill {

    private static final int PAGE = 1000;

    private PaperPromisedFill() {}

    /** Fills the flag on {@code c}; returns how many papers are promised. */
    public static int fill(Connection c) throws SQLException {
        PaperPromises promises = new PaperPromises();
        int promised = 0;
        String after = "";
        try (PreparedStatement read = c.prepareStatement("""
                SELECT p.id, p.abstract_text, p.comments,
                       (SELECT COUNT(*) FROM link l WHERE l.paper_id = p.id AND l.kind = 'code' AND l.promised)
                FROM paper p WHERE p.id > ? ORDER BY p.id FETCH FIRST %d ROWS ONLY""".formatted(PAGE));
             PreparedStatement write = c.prepareStatement("UPDATE paper SET promised = TRUE WHERE id = ?")) {
            while (true) {
                read.setString(1, after);
                List<String> flagged = new ArrayList<>();
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getString(1);
                        if (rs.getLong(4) > 0 || promises.promised(rs.getString(2), rs.getString(3))) {
                            flagged.add(after);
                        }
                    }
                }
                for (String id : flagged) {
                    write.setString(1, id);
                    write.addBatch();
                }
                if (!flagged.isEmpty()) {
                    write.executeBatch();
                }
                promised += flagged.size();
                if (rows < PAGE) {
                    return promised;
                }
            }
        }
    }
}
