package org.reprotrack.check.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * Checks a Bitbucket Cloud repository with {@code GET /2.0/repositories/{workspace}/{slug}}
 * (github-api.md §7.2). Bitbucket has no archived or empty flag we trust, so a 200 is OK.
 *
 * <p>403 is UNKNOWN, not NOT_FOUND: anonymous requests for a private repository are answered 403 by
 * some Bitbucket versions and 404 by others, and a 403 can also be an IP block; an answer that
 * cannot tell "gone" from "not for you" must not start the dead clock. Thread-safe.
 */
public final class BitbucketChecker implements RepoChecker {
    /** Bitbucket Cloud's API. */
    public static final HttpUrl BITBUCKET_API = HttpUrl.get("https://api.bitbucket.org/");

    private final HttpUrl baseUrl;
    private final HostHttp http;
    private final int maxRedirects;

    BitbucketChecker(HttpUrl baseUrl, HostHttp http, int maxRedirects) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.maxRedirects = maxRedirects;
    }

    @Override
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        HostResults.requireHost(ref, CodeHost.BITBUCKET);
        String[] parts = ref.path().split("/");
        if (parts.length != 2) {
            return CheckResult.unknown(ref, now(), null, "not a workspace/slug path: " + ref.path());
        }
        HttpUrl url = baseUrl.newBuilder().addPathSegments("2.0/repositories")
                .addPathSegment(parts[0]).addPathSegment(parts[1]).build();
        HostAnswer a;
        try {
            a = http.getJson(url, baseUrl, maxRedirects, Set.of());
        } catch (HostCheckFailedException e) {
            return HostResults.unknown(ref, now(), e);
        }
        switch (a.code()) {
            case 200:
                return found(ref, a);
            case 404:
                return HostResults.bare(ref, now(), RepoStatus.NOT_FOUND, a, a.messageOr("Repository not found"));
            case 401:
            case 403:
                return CheckResult.unknown(ref, now(), a.code(), "forbidden: " + a.messageOr("HTTP " + a.code()));
            default:
                return HostResults.unexpected(ref, now(), a);
        }
    }

    private CheckResult found(RepoRef ref, HostAnswer a) {
        JsonNode r = Objects.requireNonNull(a.json());
        String fullName = JsonFields.text(r, "full_name");
        boolean renamed = fullName != null
                && !fullName.toLowerCase(Locale.ROOT).equals(ref.path().toLowerCase(Locale.ROOT));
        RepoStatus status;
        if (JsonFields.isTrue(r, "is_private")) {
            status = RepoStatus.NOT_FOUND; // visible to our credentials only
        } else {
            status = renamed ? RepoStatus.MOVED : RepoStatus.OK;
        }
        JsonNode html = JsonFields.node(JsonFields.node(r, "links"), "html");
        String href = JsonFields.text(html, "href");
        return HostResults.of(ref, now(), status, a, href == null ? a.url().toString() : href, metadata(r),
                renamed ? fullName : null, null, null);
    }

    static RepoMetadata metadata(JsonNode r) {
        String language = JsonFields.text(r, "language");
        String website = JsonFields.text(r, "website");
        return new RepoMetadata(
                null, null, null, null, null,
                JsonFields.node(r, "parent") != null ? Boolean.TRUE : null,
                language == null || language.isBlank() ? null : language,
                null,
                JsonFields.text(JsonFields.node(r, "mainbranch"), "name"),
                JsonFields.instant(r, "created_on"),
                null,
                JsonFields.instant(r, "updated_on"),
                JsonFields.text(r, "description"),
                List.of(),
                website == null || website.isBlank() ? null : website);
    }

    private Instant now() {
        return http.clock().instant();
    }
}
