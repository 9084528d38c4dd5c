package org.reprotrack.check.github;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds the headers GitHub asks every client to send (status-model.md, "Client rules"), and the
 * token when there is one. The only place that reads the token.
 */
final class GitHubHeaders implements Interceptor {
    static final String API_VERSION = "2022-11-28";
    static final String ACCEPT = "application/vnd.github+json";

    private final String userAgent;
    private final @Nullable Secret token;

    GitHubHeaders(String userAgent, @Nullable Secret token) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.token = token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder b = chain.request().newBuilder()
                .header("User-Agent", userAgent)
                .header("X-GitHub-Api-Version", API_VERSION);
        if (chain.request().header("Accept") == null) {
            b.header("Accept", ACCEPT);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token.reveal());
        }
        return chain.proceed(b.build());
    }

    @Override
    public String toString() {
        return "GitHubHeaders[userAgent=" + userAgent + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
