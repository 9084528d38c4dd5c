package org.reprotrack.check.github;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Everything the GitHub checkers are built from. Base URLs are inputs so tests point the checkers
 * at a local MockWebServer; {@code toString()} shows the token as {@code ***}.
 *
 * @param restBaseUrl the REST API root, {@code https://api.github.com/}
 * @param graphQlUrl the GraphQL endpoint, by default {@code restBaseUrl + graphql}
 * @param token the API token; without one REST gets 60 requests an hour and GraphQL is unavailable
 * @param userAgent the {@code User-Agent}; GitHub rejects requests without one
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param maxRetries how many times a transient failure (timeout, 5xx, malformed body) is retried
 * @param maxRateLimitWaits how many rate-limit waits one request may sit through before it is UNKNOWN
 * @param maxSecondaryStrikes how many secondary-limit pauses in a row the client accepts before giving up
 * @param restConcurrency REST requests in flight at once
 * @param graphQlConcurrency GraphQL queries in flight at once
 * @param graphQlBatchSize repositories per GraphQL query (at most 100)
 * @param maxRedirects how many 301 hops a REST check follows
 * @param useGraphQl batch through GraphQL when a token is present
 */
public record GitHubSettings(
        HttpUrl restBaseUrl,
        HttpUrl graphQlUrl,
        @Nullable Secret token,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        int maxRateLimitWaits,
        int maxSecondaryStrikes,
        int restConcurrency,
        int graphQlConcurrency,
        int graphQlBatchSize,
        int maxRedirects,
        boolean useGraphQl) {

    /** The public GitHub API. */
    public static final HttpUrl GITHUB_API = Objects.requireNonNull(HttpUrl.parse("https://api.github.com/"));

    /** GitHub's batch-size practice (github-api.md §5.6) and the largest alias count we send. */
    public static final int MAX_BATCH = 100;

    public GitHubSettings {
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(graphQlUrl, "graphQlUrl");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        atLeast(maxRetries, 0, "maxRetries");
        atLeast(maxRateLimitWaits, 0, "maxRateLimitWaits");
        atLeast(maxSecondaryStrikes, 0, "maxSecondaryStrikes");
        atLeast(restConcurrency, 1, "restConcurrency");
        atLeast(graphQlConcurrency, 1, "graphQlConcurrency");
        atLeast(maxRedirects, 0, "maxRedirects");
        if (graphQlBatchSize < 1 || graphQlBatchSize > MAX_BATCH) {
            throw new IllegalArgumentException("graphQlBatchSize must be 1.." + MAX_BATCH + ": " + graphQlBatchSize);
        }
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** Defaults for the public API: REST concurrency 4, GraphQL 2, 3 retries, batches of 100. */
    public static GitHubSettings defaults(@Nullable Secret token) {
        return forBaseUrl(GITHUB_API, token);
    }

    /** Defaults against another API root (GitHub Enterprise, or a test server). */
    public static GitHubSettings forBaseUrl(HttpUrl restBaseUrl, @Nullable Secret token) {
        return new GitHubSettings(restBaseUrl, graphQlUrlFor(restBaseUrl), token, defaultUserAgent(),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 3, 5, 5, 4, 2, MAX_BATCH, 3, true);
    }

    /** {@code base + graphql}: {@code https://api.github.com/graphql}. */
    public static HttpUrl graphQlUrlFor(HttpUrl restBaseUrl) {
        return restBaseUrl.newBuilder().addPathSegment("graphql").build();
    }

    /** {@code reprotrack/<version> (+https://github.com/reprotrack)}. */
    public static String defaultUserAgent() {
        String version = GitHubSettings.class.getPackage().getImplementationVersion();
        return "reprotrack/" + (version == null ? "0.1.0" : version) + " (+https://github.com/reprotrack)";
    }

    public GitHubSettings withTimeouts(Duration connect, Duration read) {
        return new GitHubSettings(restBaseUrl, graphQlUrl, token, userAgent, connect, read, maxRetries,
                maxRateLimitWaits, maxSecondaryStrikes, restConcurrency, graphQlConcurrency, graphQlBatchSize,
                maxRedirects, useGraphQl);
    }

    public GitHubSettings withRetries(int retries, int rateLimitWaits, int secondaryStrikes) {
        return new GitHubSettings(restBaseUrl, graphQlUrl, token, userAgent, connectTimeout, readTimeout, retries,
                rateLimitWaits, secondaryStrikes, restConcurrency, graphQlConcurrency, graphQlBatchSize,
                maxRedirects, useGraphQl);
    }

    public GitHubSettings withConcurrency(int rest, int graphQl) {
        return new GitHubSettings(restBaseUrl, graphQlUrl, token, userAgent, connectTimeout, readTimeout, maxRetries,
                maxRateLimitWaits, maxSecondaryStrikes, rest, graphQl, graphQlBatchSize, maxRedirects, useGraphQl);
    }

    public GitHubSettings withGraphQl(boolean use, int batchSize) {
        return new GitHubSettings(restBaseUrl, graphQlUrl, token, userAgent, connectTimeout, readTimeout, maxRetries,
                maxRateLimitWaits, maxSecondaryStrikes, restConcurrency, graphQlConcurrency, batchSize, maxRedirects,
                use);
    }

    /** GraphQL needs a token; REST works without one. */
    public boolean graphQlUsable() {
        return useGraphQl && token != null;
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }
}
