package org.reprotrack.check.github;

import org.jspecify.annotations.Nullable;

/**
 * No verdict could be had: the retries were spent on transient failures, or the rate limit did not
 * lift in time. The checkers turn it into an {@code UNKNOWN} result; it never escapes them.
 */
final class CheckFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable Integer httpStatus;

    CheckFailedException(@Nullable Integer httpStatus, String reason) {
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
