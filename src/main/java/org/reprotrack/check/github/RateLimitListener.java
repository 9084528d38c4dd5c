package org.reprotrack.check.github;

import java.time.Instant;

/**
 * Told when the client stops sending because of a rate limit, so a progress line can say
 * "budget spent; waiting until 10:42:00Z". Called from worker threads; implementations must be
 * thread-safe and quick.
 */
@FunctionalInterface
public interface RateLimitListener {
    /**
     * @param resource the rate-limit bucket ({@code core}, {@code graphql}, or {@code *} for a
     *     pause of the whole client)
     * @param until when sending resumes
     * @param reason why, in words ("budget spent", "secondary rate limit")
     */
    void waiting(String resource, Instant until, String reason);

    /** Ignores every wait. */
    RateLimitListener NONE = (resource, until, reason) -> { };
}
