package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RetryAfter;

/**
 * One answer from GitHub, read completely: status, headers and the body parsed as JSON (null when
 * there was none or it was not JSON).
 */
record ApiResponse(int code, Headers headers, @Nullable JsonNode json) {

    private static final Pattern SECONDARY = Pattern.compile("\\bsecondary rate\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIMARY_TEXT =
            Pattern.compile("API rate limit (already )?exceeded", Pattern.CASE_INSENSITIVE);

    /** GitHub's {@code message}, if the body had one. */
    @Nullable String message() {
        return text(json, "message");
    }

    @Nullable String requestId() {
        return headers.get("x-github-request-id");
    }

    @Nullable String etag() {
        return headers.get("ETag");
    }

    /** The {@code block} object of a blocked repository (451, or 403 for ToS). */
    @Nullable JsonNode block() {
        JsonNode b = json == null ? null : json.get("block");
        return b == null || !b.isObject() ? null : b;
    }

    boolean secondaryRateLimitMessage() {
        String m = message();
        return m != null && SECONDARY.matcher(m).find();
    }

    boolean primaryRateLimitMessage() {
        String m = message();
        return m != null && PRIMARY_TEXT.matcher(m).find();
    }

    boolean budgetSpentHeader() {
        return "0".equals(headers.get("x-ratelimit-remaining"));
    }

    @Nullable Instant resetAt() {
        Long reset = RateLimitGate.longHeader(headers, "x-ratelimit-reset");
        return reset == null ? null : Instant.ofEpochSecond(reset);
    }

    /** {@code retry-after} in seconds or, defensively, as an HTTP date (github-api.md §4.3). */
    @Nullable Duration retryAfter(Clock clock) {
        return RetryAfter.parse(headers.get("retry-after"), clock);
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
