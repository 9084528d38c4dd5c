package org.reprotrack.web;

/** A query parameter the dashboard cannot use; its message is shown to the client (400). */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
