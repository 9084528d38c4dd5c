/**
 * Checkers for the code hosts other than GitHub (GitLab, Hugging Face, Bitbucket, Codeberg, Gitee)
 * and for plain web pages (anonymous.4open.science, SourceForge, gists, any other link). One
 * shared HTTP client with redirects off; each host gets its own {@link
 * org.reprotrack.check.hosts.HostHttp} so one host's rate limit never pauses another. HTTP only:
 * no database, no CLI. Null is allowed only where marked {@code @Nullable}.
 *
 * <pre>{@code
 * HostsSettings settings = HostsSettings.defaults();
 * OkHttpClient client = HostCheckers.newClient(settings);
 * HostCheckers checkers = new HostCheckers(settings, client, Clock.systemUTC(), Sleeper.SYSTEM,
 *         () -> ThreadLocalRandom.current().nextDouble());
 * CheckResult r = checkers.forHost(CodeHost.GITLAB).orElseThrow().check(KnownState.fresh(ref));
 * UrlCheck page = checkers.http().check("https://example.org/code");
 * }</pre>
 */
@NullMarked
package org.reprotrack.check.hosts;

import org.jspecify.annotations.NullMarked;
