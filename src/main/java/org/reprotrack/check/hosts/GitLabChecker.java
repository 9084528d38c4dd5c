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
 * Checks a GitLab project with {@code GET /api/v4/projects/{url-encoded full path}} (github-api.md
 * §7.1). Renamed projects answer with a redirect to {@code /api/v4/projects/{id}} (GitLab 16.7+),
 * which we follow on the same base URL and report as MOVED. Thread-safe.
 */
public final class GitLabChecker implements RepoChecker {
    /** gitlab.com. */
    public static final HttpUrl GITLAB_COM = HttpUrl.get("https://gitlab.com/");

    private final HttpUrl baseUrl;
    private final HostHttp http;
    private final int maxRedirects;

    GitLabChecker(HttpUrl baseUrl, HostHttp http, int maxRedirects) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.maxRedirects = maxRedirects;
    }

    /** The API URL for a project: the full path is one segment, so its slashes travel as {@code %2F}. */
    HttpUrl projectUrl(String fullPath) {
        return baseUrl.newBuilder().addPathSegments("api/v4/projects").addPathSegment(fullPath).build();
    }

    @Override
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        HostResults.requireHost(ref, CodeHost.GITLAB);
        HostAnswer a;
        try {
            a = http.getJson(projectUrl(ref.path()), baseUrl, maxRedirects, Set.of());
        } catch (HostCheckFailedException e) {
            return HostResults.unknown(ref, now(), e);
        }
        switch (a.code()) {
            case 200:
                return found(known, a);
            case 404:
                // GitLab does not tell a private project from a missing one: both are gone for readers.
                return HostResults.bare(ref, now(), RepoStatus.NOT_FOUND, a, a.messageOr("404 Project Not Found"));
            case 401:
            case 403:
                // Not GitLab's way of hiding a project (that is 404): a token or IP problem, no verdict.
                return CheckResult.unknown(ref, now(), a.code(), "forbidden: " + a.messageOr("HTTP " + a.code()));
            default:
                return HostResults.unexpected(ref, now(), a);
        }
    }

    private CheckResult found(KnownState known, HostAnswer a) {
        JsonNode p = Objects.requireNonNull(a.json());
        RepoRef ref = known.ref();
        Long id = JsonFields.longValue(p, "id");
        String current = JsonFields.text(p, "path_with_namespace");
        String webUrl = JsonFields.text(p, "web_url");
        String detail = webUrl == null ? a.url().toString() : webUrl;
        Instant deletion = JsonFields.instant(p, "marked_for_deletion_at");
        String deletionOn = deletion != null ? deletion.toString() : JsonFields.text(p, "marked_for_deletion_on");
        if (deletionOn != null) {
            detail += " (marked for deletion " + deletionOn + ")";
        }
        boolean renamed = current != null && !current.toLowerCase(Locale.ROOT).equals(ref.path().toLowerCase(Locale.ROOT));
        RepoStatus status;
        if (known.hostId() != null && id != null && !known.hostId().equals(id)) {
            status = RepoStatus.REPLACED;
        } else if (JsonFields.isTrue(p, "empty_repo")) {
            status = RepoStatus.EMPTY;
        } else if (renamed) {
            status = RepoStatus.MOVED;
        } else if (JsonFields.isTrue(p, "archived")) {
            status = RepoStatus.ARCHIVED;
        } else {
            status = RepoStatus.OK;
        }
        return HostResults.of(ref, now(), status, a, detail, metadata(p), renamed ? current : null, id, null);
    }

    static RepoMetadata metadata(JsonNode p) {
        List<String> topics = JsonFields.texts(p, "topics");
        if (topics.isEmpty()) {
            topics = JsonFields.texts(p, "tag_list"); // the pre-13 name, still in old self-hosted instances
        }
        JsonNode license = JsonFields.node(p, "license");
        return new RepoMetadata(
                JsonFields.integer(p, "star_count"),
                JsonFields.integer(p, "forks_count"),
                JsonFields.integer(p, "open_issues_count"),
                JsonFields.bool(p, "archived"),
                null,
                JsonFields.node(p, "forked_from_project") != null ? Boolean.TRUE : null,
                null,
                license == null ? null : JsonFields.text(license, "key"),
                JsonFields.text(p, "default_branch"),
                JsonFields.instant(p, "created_at"),
                JsonFields.instant(p, "last_activity_at"),
                JsonFields.instant(p, "updated_at"),
                JsonFields.text(p, "description"),
                topics,
                null);
    }

    private Instant now() {
        return http.clock().instant();
    }
}
