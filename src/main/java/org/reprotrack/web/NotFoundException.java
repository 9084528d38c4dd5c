package org.reprotrack.web;

/** A paper, repository or path the store does not know (404); its message is shown to the client. */
final class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
