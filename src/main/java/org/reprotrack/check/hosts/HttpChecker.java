package org.reprotrack.check.hosts;

import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.reprotrack.check.RepoStatus;

/**
 * Is a web page there? For hosts without an API (anonymous.4open.science, SourceForge, gists) and
 * for any other link. {@code HEAD} first; {@code GET} (reading a few KB at most) when the server
 * refuses HEAD with 405, 501 or 403. Redirects are followed here, across hosts, a bounded number of
 * times: a page that ends on another host's login page is still reachable. Thread-safe.
 */
public final class HttpChecker {
    /** Answers to HEAD that say "ask me with GET" rather than anything about the page. */
    private static final Set<Integer> HEAD_REFUSED = Set.of(405, 501, 403);

    private final HostHttp http;
    private final int maxRedirects;

    HttpChecker(HostHttp http, int maxRedirects) {
        this.http = Objects.requireNonNull(http, "http");
        this.maxRedirects = maxRedirects;
    }

    /** Probes one URL. Never throws for what the server does; a URL that is not http(s) is UNKNOWN. */
    public UrlCheck check(String url) {
        HttpUrl start = HttpUrl.parse(url);
        if (start == null) {
            return new UrlCheck(url, http.clock().instant(), RepoStatus.UNKNOWN, null, "not an http(s) URL", url, 0);
        }
        HttpUrl current = start;
        boolean useGet = false;
        for (int hops = 0; ; hops++) {
            HostAnswer a;
            try {
                if (!useGet) {
                    a = send(current, "HEAD");
                    if (HEAD_REFUSED.contains(a.code())) {
                        useGet = true; // this server family will likely refuse HEAD on the next hop too
                        a = send(current, "GET");
                    }
                } else {
                    a = send(current, "GET");
                }
            } catch (HostCheckFailedException e) {
                return new UrlCheck(url, http.clock().instant(), RepoStatus.UNKNOWN, e.httpStatus(), e.reason(),
                        current.toString(), hops);
            }
            HttpUrl target = a.isRedirect() ? a.location() : null;
            if (target == null) {
                return classify(url, a, current, hops);
            }
            if (hops >= maxRedirects) {
                return new UrlCheck(url, http.clock().instant(), RepoStatus.UNKNOWN, a.code(),
                        "too many redirects (more than " + maxRedirects + ")", current.toString(), hops);
            }
            current = target;
        }
    }

    private HostAnswer send(HttpUrl url, String method) throws HostCheckFailedException {
        Request request = new Request.Builder().url(url).method(method, null).build();
        // 501 to HEAD means "not implemented", not a server failure: do not retry it.
        Set<Integer> passThrough = method.equals("HEAD") ? Set.of(501) : Set.of();
        return http.execute(request, HostHttp.Body.DISCARD, passThrough, Set.of());
    }

    private UrlCheck classify(String url, HostAnswer a, HttpUrl at, int hops) {
        int code = a.code();
        RepoStatus status;
        String detail;
        if (code >= 200 && code < 300) {
            status = RepoStatus.OK;
            detail = "HTTP " + code;
        } else if (code == 404 || code == 410) {
            status = RepoStatus.NOT_FOUND;
            detail = "HTTP " + code;
        } else if (code == 451) {
            status = RepoStatus.BLOCKED;
            detail = "HTTP 451: unavailable for legal reasons";
        } else if (code == 401 || code == 403) {
            status = RepoStatus.UNKNOWN;
            detail = "forbidden (HTTP " + code + ")";
        } else if (a.isRedirect()) {
            status = RepoStatus.UNKNOWN;
            detail = "redirect without a usable Location (HTTP " + code + ")";
        } else {
            status = RepoStatus.UNKNOWN;
            detail = "unexpected HTTP " + code;
        }
        return new UrlCheck(url, http.clock().instant(), status, code, detail, at.toString(), hops);
    }
}
