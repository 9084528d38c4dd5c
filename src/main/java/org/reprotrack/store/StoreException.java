package org.reprotrack.store;

/** A database failure, with a message for the user; the SQL cause is kept for the log. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
