package org.reprotrack.web;

/** The dashboard could not start (typically: the port is taken); the message says what to do. */
public final class DashboardStartException extends RuntimeException {

    public DashboardStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
