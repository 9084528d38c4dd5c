package org.reprotrack.check.hosts;

import java.util.Objects;
import java.util.function.Function;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** A repository on a host without an API, checked as the web page its link names. */
final class WebPageChecker implements RepoChecker {
    private final CodeHost host;
    private final HttpChecker http;
    private final Function<RepoRef, String> pageUrl;

    /** @param pageUrl the page to probe for a repository of {@code host} */
    WebPageChecker(CodeHost host, HttpChecker http, Function<RepoRef, String> pageUrl) {
        this.host = Objects.requireNonNull(host, "host");
        this.http = Objects.requireNonNull(http, "http");
        this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
    }

    @Override
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        HostResults.requireHost(ref, host);
        return http.check(pageUrl.apply(ref)).toCheckResult(ref);
    }
}
