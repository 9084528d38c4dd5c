package org.reprotrack.check.hosts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RetryAfter;

/**
 * How long a host asks us to wait, read from the headers the hosts we check actually send:
 * {@code Retry-After} (seconds or HTTP date; GitLab, Hugging Face, Bitbucket), the IETF draft
 * {@code RateLimit: "api";r=0;t=120} (Hugging Face) and {@code RateLimit-Remaining} /
 * {@code RateLimit-Reset} (GitLab: reset as Unix time).
 */
final class RateLimitHeaders {
    private static final Pattern DRAFT_T = Pattern.compile("(?:^|[;,\\s])t=(\\d+)");
    /** Below this, a {@code RateLimit-Reset} is a delay in seconds; above, a Unix time. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    /** The wait a throttled (429) answer asks for; null when it names none. */
    static @Nullable Duration retryAfter(Headers headers, Clock clock) {
        Duration d = RetryAfter.parse(headers.get("Retry-After"), clock);
        if (d != null) {
            return d;
        }
        String draft = headers.get("RateLimit");
        if (draft != null) {
            Matcher m = DRAFT_T.matcher(draft);
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        Instant reset = resetAt(headers, clock);
        if (reset != null) {
            Duration until = Duration.between(clock.instant(), reset);
            return until.isNegative() ? Duration.ZERO : until;
        }
        return null;
    }

    /**
     * When a spent budget comes back: a successful answer with {@code RateLimit-Remaining: 0} says
     * the next request would be throttled. Null when the budget is not spent or the reset is unknown.
     */
    static @Nullable Instant budgetSpentUntil(Headers headers, Clock clock) {
        String remaining = headers.get("RateLimit-Remaining");
        if (remaining == null || !remaining.strip().equals("0")) {
            return null;
        }
        return resetAt(headers, clock);
    }

    private static @Nullable Instant resetAt(Headers headers, Clock clock) {
        String v = headers.get("RateLimit-Reset");
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(n) : clock.instant().plusSeconds(Math.max(0, n));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
