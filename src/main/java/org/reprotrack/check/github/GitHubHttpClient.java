package org.reprotrack.check.github;

import okhttp3.OkHttpClient;
import org.reprotrack.check.Retry;

/** Builds the one {@link OkHttpClient} the GitHub checkers share. */
final class GitHubHttpClient {
    private GitHubHttpClient() {
    }

    /**
     * Redirects off: a followed 301 would hide the rename, and OkHttp would follow it to whatever
     * host {@code Location} names. Connection-failure retries off: {@link Retry} owns retrying, so
     * the attempt count stays the one configured.
     */
    static OkHttpClient create(GitHubSettings settings) {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .addInterceptor(new GitHubHeaders(settings.userAgent(), settings.token()))
                .build();
    }
}
