package org.reprotrack.check.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
 * Checks a repository on a Gitea-like forge: Codeberg ({@code GET /api/v1/repos/{owner}/{repo}}) or
 * Gitee ({@code GET /api/v5/repos/{owner}/{repo}}, GitHub-shaped JSON). The two differ only in path
 * and field names, which {@link Dialect} holds. Thread-safe.
 */
public final class GiteaChecker implements RepoChecker {
    /** codeberg.org. */
    public static final HttpUrl CODEBERG = HttpUrl.get("https://codeberg.org/");
    /** gitee.com. */
    public static final HttpUrl GITEE = HttpUrl.get("https://gitee.com/");

    /** Where the API lives and how its JSON names things. */
    public enum Dialect {
        /** Gitea and Forgejo (Codeberg). */
        GITEA("api/v1/repos", "stars_count", "empty", Set.of(), CodeHost.CODEBERG),
        /**
         * Gitee. Its semantics are not documented where we could read them (github-api.md §7.4): 403
         * is treated as throttling and retried, never as a verdict.
         */
        GITEE("api/v5/repos", "stargazers_count", "empty_repo", Set.of(403), CodeHost.GITEE);

        final String apiPath;
        final String starsField;
        final String emptyField;
        final Set<Integer> throttleStatuses;
        final CodeHost host;

        Dialect(String apiPath, String starsField, String emptyField, Set<Integer> throttleStatuses, CodeHost host) {
            this.apiPath = apiPath;
            this.starsField = starsField;
            this.emptyField = emptyField;
            this.throttleStatuses = throttleStatuses;
            this.host = host;
        }
    }

    private final HttpUrl baseUrl;
    private final HostHttp http;
    private final Dialect dialect;
    private final int maxRedirects;

    GiteaChecker(HttpUrl baseUrl, HostHttp http, Dialect dialect, int maxRedirects) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.maxRedirects = maxRedirects;
    }

    @Override
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        HostResults.requireHost(ref, dialect.host);
        String[] parts = ref.path().split("/");
        if (parts.length != 2) {
            return CheckResult.unknown(ref, now(), null, "not an owner/repo path: " + ref.path());
        }
        HttpUrl url = baseUrl.newBuilder().addPathSegments(dialect.apiPath)
                .addPathSegment(parts[0]).addPathSegment(parts[1]).build();
        HostAnswer a;
        try {
            a = http.getJson(url, baseUrl, maxRedirects, dialect.throttleStatuses);
        } catch (HostCheckFailedException e) {
            return HostResults.unknown(ref, now(), e);
        }
        switch (a.code()) {
            case 200:
                return found(known, a);
            case 404:
                return HostResults.bare(ref, now(), RepoStatus.NOT_FOUND, a, a.messageOr("Not Found"));
            case 401:
            case 403:
                return CheckResult.unknown(ref, now(), a.code(), "forbidden: " + a.messageOr("HTTP " + a.code()));
            default:
                return HostResults.unexpected(ref, now(), a);
        }
    }

    private CheckResult found(KnownState known, HostAnswer a) {
        JsonNode r = Objects.requireNonNull(a.json());
        RepoRef ref = known.ref();
        Long id = JsonFields.longValue(r, "id");
        String fullName = JsonFields.text(r, "full_name");
        boolean renamed = fullName != null
                && !fullName.toLowerCase(Locale.ROOT).equals(ref.path().toLowerCase(Locale.ROOT));
        RepoStatus status;
        if (known.hostId() != null && id != null && !known.hostId().equals(id)) {
            status = RepoStatus.REPLACED;
        } else if (JsonFields.isTrue(r, "private")) {
            status = RepoStatus.NOT_FOUND; // visible to our credentials only
        } else if (JsonFields.isTrue(r, dialect.emptyField)) {
            status = RepoStatus.EMPTY;
        } else if (renamed) {
            status = RepoStatus.MOVED;
        } else if (JsonFields.isTrue(r, "archived")) {
            status = RepoStatus.ARCHIVED;
        } else {
            status = RepoStatus.OK;
        }
        String html = JsonFields.text(r, "html_url");
        return HostResults.of(ref, now(), status, a, html == null ? a.url().toString() : html, metadata(r),
                renamed ? fullName : null, id, null);
    }

    RepoMetadata metadata(JsonNode r) {
        String language = JsonFields.text(r, "language");
        String website = JsonFields.text(r, "website");
        if (website == null) {
            website = JsonFields.text(r, "homepage");
        }
        JsonNode license = JsonFields.node(r, "license");
        return new RepoMetadata(
                JsonFields.integer(r, dialect.starsField),
                JsonFields.integer(r, "forks_count"),
                JsonFields.integer(r, "open_issues_count"),
                JsonFields.bool(r, "archived"),
                null,
                JsonFields.bool(r, "fork"),
                language == null || language.isBlank() ? null : language,
                license != null && license.isTextual() ? license.asText() : null,
                JsonFields.text(r, "default_branch"),
                JsonFields.instant(r, "created_at"),
                JsonFields.instant(r, "pushed_at"),
                JsonFields.instant(r, "updated_at"),
                JsonFields.text(r, "description"),
                JsonFields.texts(r, "topics"),
                website == null || website.isBlank() ? null : website);
    }

    private Instant now() {
        return http.clock().instant();
    }
}
