package org.reprotrack.check.hosts;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Everything the host checkers are built from. Base URLs are inputs so tests point every checker at
 * a local MockWebServer.
 *
 * @param gitlab GitLab root ({@code https://gitlab.com/}); the API is under {@code api/v4/}
 * @param huggingface Hugging Face root ({@code https://huggingface.co/})
 * @param bitbucket Bitbucket API root ({@code https://api.bitbucket.org/})
 * @param codeberg Codeberg root ({@code https://codeberg.org/})
 * @param gitee Gitee root ({@code https://gitee.com/})
 * @param gist root of gist pages ({@code https://gist.github.com/})
 * @param userAgent the {@code User-Agent} every request carries
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param maxRetries retries of a transient failure (timeout, 5xx, malformed body) after the first attempt
 * @param retryBaseDelay the wait before the first retry, doubled each time
 * @param maxRetryDelay the longest backoff wait
 * @param maxRateLimitWaits how many host-requested waits (429 Retry-After) one request may sit through
 * @param maxRateLimitWait the longest single wait we accept; a host asking more gets UNKNOWN
 * @param maxRedirects redirect hops followed per check
 */
public record HostsSettings(
        HttpUrl gitlab,
        HttpUrl huggingface,
        HttpUrl bitbucket,
        HttpUrl codeberg,
        HttpUrl gitee,
        HttpUrl gist,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration retryBaseDelay,
        Duration maxRetryDelay,
        int maxRateLimitWaits,
        Duration maxRateLimitWait,
        int maxRedirects) {

    /** Ours: names the project and where to complain. */
    public static final String USER_AGENT = "reprotrack/dev (+https://github.com/reprotrack/reprotrack)";
    /** Root of gist pages. */
    public static final HttpUrl GIST = HttpUrl.get("https://gist.github.com/");

    public HostsSettings {
        Objects.requireNonNull(gitlab, "gitlab");
        Objects.requireNonNull(huggingface, "huggingface");
        Objects.requireNonNull(bitbucket, "bitbucket");
        Objects.requireNonNull(codeberg, "codeberg");
        Objects.requireNonNull(gitee, "gitee");
        Objects.requireNonNull(gist, "gist");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (maxRetries < 0 || maxRateLimitWaits < 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("retries, waits and redirects must be >= 0");
        }
    }

    /** The public hosts, 10 s timeouts, 2 retries, waits of at most 2 min, 5 redirects. */
    public static HostsSettings defaults() {
        return new HostsSettings(GitLabChecker.GITLAB_COM, HuggingFaceChecker.HUGGING_FACE,
                BitbucketChecker.BITBUCKET_API, GiteaChecker.CODEBERG, GiteaChecker.GITEE, GIST, USER_AGENT,
                Duration.ofSeconds(10), Duration.ofSeconds(10), 2, Duration.ofSeconds(1), Duration.ofSeconds(30),
                3, Duration.ofMinutes(2), 5);
    }

    /** Every host at one base URL (a test server). */
    public static HostsSettings forBaseUrl(HttpUrl base) {
        HostsSettings d = defaults();
        return new HostsSettings(base, base, base, base, base, base, d.userAgent, d.connectTimeout, d.readTimeout,
                d.maxRetries, d.retryBaseDelay, d.maxRetryDelay, d.maxRateLimitWaits, d.maxRateLimitWait,
                d.maxRedirects);
    }

    public HostsSettings withTimeouts(Duration connect, Duration read) {
        return new HostsSettings(gitlab, huggingface, bitbucket, codeberg, gitee, gist, userAgent, connect, read,
                maxRetries, retryBaseDelay, maxRetryDelay, maxRateLimitWaits, maxRateLimitWait, maxRedirects);
    }

    public HostsSettings withRetries(int retries, int rateLimitWaits) {
        return new HostsSettings(gitlab, huggingface, bitbucket, codeberg, gitee, gist, userAgent, connectTimeout,
                readTimeout, retries, retryBaseDelay, maxRetryDelay, rateLimitWaits, maxRateLimitWait, maxRedirects);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
