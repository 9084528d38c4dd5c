package org.reprotrack.check.github;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of what one client has spent and waited.
 *
 * @param requestsSent requests sent, all resources
 * @param requestsByResource requests sent per bucket ({@code core}, {@code graphql})
 * @param waits how many times a thread waited for a rate limit
 * @param totalWait the sum of those waits
 * @param remaining the last {@code x-ratelimit-remaining} seen per bucket
 */
public record RateLimitStats(
        long requestsSent,
        Map<String, Long> requestsByResource,
        long waits,
        Duration totalWait,
        Map<String, Integer> remaining) {

    public RateLimitStats {
        requestsByResource = Map.copyOf(requestsByResource);
        remaining = Map.copyOf(remaining);
    }
}
