package org.reprotrack.audit;

/** An audit that had to stop (bad credentials, another audit running); the message says what to do. */
public final class AuditException extends RuntimeException {
    public AuditException(String message) {
        super(message);
    }
}
