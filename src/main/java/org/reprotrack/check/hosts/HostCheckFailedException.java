package org.reprotrack.check.hosts;

import org.jspecify.annotations.Nullable;

/**
 * No answer worth a verdict: retries spent on transient failures, or a rate limit that did not lift
 * in time. The checkers turn it into an {@code UNKNOWN} result; it never escapes them.
 */
final class HostCheckFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable Integer httpStatus;

    HostCheckFailedException(@Nullable Integer httpStatus, String reason) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
    }

    @Nullable Integer httpStatus() {
        return httpStatus;
    }

    String reason() {
        String m = getMessage();
        return m == null ? "unknown failure" : m;
    }
}
