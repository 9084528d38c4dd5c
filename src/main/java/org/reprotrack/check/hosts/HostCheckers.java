package org.reprotrack.check.hosts;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.Retry;
import org.reprotrack.check.Sleeper;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * The checker for each code host but GitHub, built once from {@link HostsSettings} over one shared
 * HTTP client. Each host has its own transport, so a rate limit at one host never holds another.
 */
public final class HostCheckers {
    private final Map<CodeHost, RepoChecker> byHost = new EnumMap<>(CodeHost.class);
    private final HttpChecker http;

    /**
     * @param client the shared client, with redirects off (see {@link #newClient(HostsSettings)})
     * @param random uniform numbers in [0, 1) for retry jitter
     */
    public HostCheckers(HostsSettings settings, OkHttpClient client, Clock clock, Sleeper sleeper,
            DoubleSupplier random) {
        Objects.requireNonNull(settings, "settings");
        Retry retry = new Retry(settings.maxRetries(), settings.retryBaseDelay(), settings.maxRetryDelay(), sleeper,
                random);
        int hops = settings.maxRedirects();
        this.http = new HttpChecker(transport("web", settings, client, retry, sleeper, clock), hops);
        byHost.put(CodeHost.GITLAB, new GitLabChecker(settings.gitlab(),
                transport("gitlab", settings, client, retry, sleeper, clock), hops));
        byHost.put(CodeHost.HUGGINGFACE, new HuggingFaceChecker(settings.huggingface(),
                transport("huggingface", settings, client, retry, sleeper, clock), hops));
        byHost.put(CodeHost.BITBUCKET, new BitbucketChecker(settings.bitbucket(),
                transport("bitbucket", settings, client, retry, sleeper, clock), hops));
        byHost.put(CodeHost.CODEBERG, new GiteaChecker(settings.codeberg(),
                transport("codeberg", settings, client, retry, sleeper, clock), GiteaChecker.Dialect.GITEA, hops));
        byHost.put(CodeHost.GITEE, new GiteaChecker(settings.gitee(),
                transport("gitee", settings, client, retry, sleeper, clock), GiteaChecker.Dialect.GITEE, hops));
        byHost.put(CodeHost.ANONYMOUS_4OPEN, new WebPageChecker(CodeHost.ANONYMOUS_4OPEN, http, RepoRef::url));
        byHost.put(CodeHost.SOURCEFORGE, new WebPageChecker(CodeHost.SOURCEFORGE, http, RepoRef::url));
        String gist = settings.gist().toString();
        byHost.put(CodeHost.GIST, new WebPageChecker(CodeHost.GIST, http, ref -> gist + ref.path()));
    }

    /**
     * Redirects off: a followed redirect would hide a rename and lose the final URL, so the checkers
     * follow them themselves. Connection-failure retries off: {@link Retry} owns retrying.
     */
    public static OkHttpClient newClient(HostsSettings settings) {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
    }

    /** The checker for a host; empty for GitHub, which {@code org.reprotrack.check.github} checks. */
    public Optional<RepoChecker> forHost(CodeHost host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /** The plain-HTTP probe, for links that name no repository. */
    public HttpChecker http() {
        return http;
    }

    private static HostHttp transport(String name, HostsSettings s, OkHttpClient client, Retry retry, Sleeper sleeper,
            Clock clock) {
        return new HostHttp(name, client, s.userAgent(), retry, sleeper, clock, s.maxRateLimitWaits(),
                s.maxRateLimitWait());
    }
}
