package org.reprotrack.check.github;

import org.jspecify.annotations.Nullable;

/**
 * GitHub answered 401: the configured token is wrong, expired or revoked. Not a verdict on any
 * repository; the audit must stop. The message never contains the token.
 */
public final class BadCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String requestId;

    public BadCredentialsException(@Nullable String apiMessage, @Nullable String requestId) {
        super("GitHub rejected the configured token (HTTP 401"
                + (apiMessage == null ? "" : ", \"" + apiMessage + "\"")
                + "): check that it is valid and not expired"
                + (requestId == null ? "" : " [request " + requestId + "]"));
        this.requestId = requestId;
    }

    /** GitHub's {@code x-github-request-id}, for a support ticket. */
    public @Nullable String requestId() {
        return requestId;
    }
}
