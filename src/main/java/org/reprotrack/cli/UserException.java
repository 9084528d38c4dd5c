package org.reprotrack.cli;

/** A failure caused by what the user asked for, with a message saying what to do next. */
public final class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
