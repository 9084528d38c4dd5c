package org.reprotrack.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One transaction on a pooled connection: committed when the body returns, rolled back when it throws. */
final class Tx {

    @FunctionalInterface
    interface Body<T> {
        T run(Connection c) throws SQLException;
    }

    private Tx() {
    }

    /**
     * @param what what the body does, for the error message ("record the check of x")
     * @throws StoreException when the database fails
     */
    static <T> T run(DataSource dataSource, String what, Body<T> body) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = body.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
