package org.reprotrack.audit;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.github.BudgetShare;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubSettings;
import org.reprotrack.check.github.RateLimitListener;
import org.reprotrack.check.github.Secret;

/**
 * How this process reaches GitHub: the client settings and the token read from the environment
 * variable named in the config. The token stays inside {@link Secret}; what the store keeps to
 * tie ETags to a token is a fingerprint (a truncated SHA-256), from which the token cannot be
 * recovered.
 */
public final class GitHubAccess {

    private final GitHubSettings settings;
    private final String tokenEnv;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BudgetShare share;

    public GitHubAccess(GitHubSettings settings, String tokenEnv, Clock clock, Sleeper sleeper) {
        this(settings, tokenEnv, clock, sleeper, BudgetShare.NONE);
    }

    /** @param share the rate-limit budget this token shares with the other nodes of a cluster */
    public GitHubAccess(GitHubSettings settings, String tokenEnv, Clock clock, Sleeper sleeper, BudgetShare share) {
        this.share = share;
        this.settings = settings;
        this.tokenEnv = tokenEnv;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The token from the environment, or null when the variable is unset or blank. */
    public static @Nullable Secret token(java.util.Map<String, String> env, String tokenEnv) {
        String value = env.get(tokenEnv);
        return value == null || value.isBlank() ? null : Secret.of(value);
    }

    public boolean hasToken() {
        return settings.token() != null;
    }

    /** The name of the variable the token comes from, for messages. */
    public String tokenEnv() {
        return tokenEnv;
    }

    /** Checks go in GraphQL batches (a token and GraphQL on), else one REST call per repository. */
    boolean batches() {
        return settings.graphQlUsable();
    }

    /** GraphQL chunks in flight at once. */
    int parallelChunks() {
        return settings.graphQlConcurrency();
    }

    /** REST checks in flight at once. */
    int restConcurrency() {
        return settings.restConcurrency();
    }

    /** {@code none}, or 16 hex digits of SHA-256 of the token. */
    public String tokenFingerprint() {
        Secret token = settings.token();
        return token == null ? "none" : token.fingerprint();
    }

    /** A checker for one run; close it after. */
    GitHubChecker open(RateLimitListener listener) {
        return new GitHubChecker(settings, clock, sleeper, listener, () -> ThreadLocalRandom.current().nextDouble(), share);
    }
}
