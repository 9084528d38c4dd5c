package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * Checks one GitHub repository with {@code GET /repos/{owner}/{repo}} (github-api.md §1.3):
 * conditional when an ETag is known, 301s followed by repository id on our own base URL, an
 * emptiness probe where the size says it might be empty. Thread-safe.
 */
public final class GitHubRestChecker {
    private static final Pattern REPOSITORY_ID = Pattern.compile("/repositories/(\\d+)/?$");

    private final HttpUrl baseUrl;
    private final GitHubTransport transport;
    private final int maxRedirects;

    GitHubRestChecker(HttpUrl baseUrl, GitHubTransport transport, int maxRedirects) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.maxRedirects = maxRedirects;
    }

    /**
     * The verdict for one repository. Transient failures and rate limits give UNKNOWN with the reason;
     * never a dead verdict.
     *
     * @throws BadCredentialsException when GitHub rejects the token: the audit must stop
     * @throws IllegalArgumentException for a repository not on GitHub
     */
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        if (ref.host() != CodeHost.GITHUB) {
            throw new IllegalArgumentException("not a GitHub repository: " + ref.key());
        }
        String[] parts = ref.path().split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return CheckResult.unknown(ref, now(), null, "not an owner/name path: " + ref.path());
        }
        Request.Builder request = new Request.Builder().url(repoUrl(parts[0], parts[1])).get();
        if (known.etag() != null) {
            // Free with a token; without one a 304 still counts, but costs no more than a 200.
            request.header("If-None-Match", known.etag());
        }
        try {
            return classify(known, transport.execute(request.build(), ApiResource.CORE), 0);
        } catch (CheckFailedException e) {
            return CheckResult.unknown(ref, now(), e.httpStatus(), e.reason());
        }
    }

    private CheckResult classify(KnownState known, ApiResponse a, int hops) throws CheckFailedException {
        RepoRef ref = known.ref();
        switch (a.code()) {
            case 200:
                return found(known, a, hops);
            case 304:
                return notModified(known, a);
            case 301:
            case 302:
            case 307:
            case 308:
                return follow(known, a, hops);
            case 404:
                return new CheckResult(ref, now(), RepoStatus.NOT_FOUND, 404, messageOr(a, "Not Found"), null,
                        a.etag(), null, null, null, a.requestId());
            case 451:
                return blocked(known, a, "dmca");
            case 403:
                if (a.block() != null) {
                    return blocked(known, a, "unavailable");
                }
                // SSO enforcement, a fine-grained token without access: a configuration problem, no verdict.
                return CheckResult.unknown(ref, now(), 403, "forbidden: " + messageOr(a, "no message"));
            default:
                return CheckResult.unknown(ref, now(), a.code(),
                        "unexpected HTTP " + a.code() + ": " + messageOr(a, "no message"));
        }
    }

    private CheckResult found(KnownState known, ApiResponse a, int hops) throws CheckFailedException {
        JsonNode repo = Objects.requireNonNull(a.json());
        Long id = RepoMetadataParser.id(repo, "id");
        String fullName = ApiResponse.text(repo, "full_name");
        if (id == null || fullName == null) {
            return CheckResult.unknown(known.ref(), now(), a.code(), "answer without repository id or name");
        }
        RepoMetadata metadata = RepoMetadataParser.fromRest(repo);
        Verdict.Observed seen = new Verdict.Observed(known.ref().path(), fullName, id, known.hostId(),
                Boolean.TRUE.equals(metadata.archived()), Boolean.TRUE.equals(metadata.disabled()),
                bool(repo, "private"), false);
        RepoStatus status = Verdict.of(seen);
        if (mayBeEmpty(status, repo) && empty(fullName)) {
            status = Verdict.of(new Verdict.Observed(seen.askedName(), seen.currentName(), seen.id(), seen.knownId(),
                    seen.archived(), seen.disabled(), seen.privateRepo(), true));
        }
        boolean moved = Verdict.renamed(known.ref().path(), fullName);
        String detail = switch (status) {
            case MOVED -> "moved to " + fullName;
            case REPLACED -> "name now belongs to repository " + id + " (was " + known.hostId() + ")";
            case EMPTY -> "Git Repository is empty.";
            case BLOCKED -> "disabled";
            case NOT_FOUND -> "repository is private";
            case ARCHIVED -> "archived";
            case OK, PLACEHOLDER, UNKNOWN -> "found";
        };
        return new CheckResult(known.ref(), now(), status, hops > 0 ? 301 : 200, detail, metadata,
                hops > 0 ? null : a.etag(), moved ? fullName : null, id,
                status == RepoStatus.BLOCKED ? "disabled" : null, a.requestId());
    }

    /**
     * {@code size} is 0 at creation and stale for an hour, so it cannot say "empty"; but a repository
     * with commits older than an hour has a size above 0, so only a zero size (or none) is worth the
     * extra request that can say it: {@code /commits} answers 409 when there are no commits.
     */
    private static boolean mayBeEmpty(RepoStatus status, JsonNode repo) {
        if (status != RepoStatus.OK && status != RepoStatus.ARCHIVED && status != RepoStatus.MOVED) {
            return false;
        }
        JsonNode size = repo.get("size");
        return size == null || !size.isNumber() || size.asLong() == 0;
    }

    private boolean empty(String fullName) throws CheckFailedException {
        String[] parts = fullName.split("/", 2);
        HttpUrl url = repoUrl(parts[0], parts.length > 1 ? parts[1] : "").newBuilder()
                .addPathSegment("commits")
                .addQueryParameter("per_page", "1")
                .build();
        ApiResponse probe = transport.execute(new Request.Builder().url(url).get().build(), ApiResource.CORE);
        return probe.code() == 409;
    }

    private CheckResult notModified(KnownState known, ApiResponse a) {
        RepoStatus last = known.lastStatus();
        RepoStatus status = last == null || !last.definitive() ? RepoStatus.OK : last;
        String etag = a.etag() != null ? a.etag() : known.etag();
        return new CheckResult(known.ref(), now(), status, 304, "not modified since the last check",
                known.lastMetadata(), etag, null, known.hostId(), null, a.requestId());
    }

    /**
     * We follow a redirect ourselves, and only to {@code /repositories/{id}} on our own base URL: a
     * followed 301 would hide the rename, and the token must not travel to a host named in a header.
     */
    private CheckResult follow(KnownState known, ApiResponse a, int hops) throws CheckFailedException {
        if (hops >= maxRedirects) {
            return CheckResult.unknown(known.ref(), now(), a.code(), "too many redirects (" + hops + ")");
        }
        String id = repositoryId(a.headers().get("Location"));
        if (id == null) {
            id = repositoryId(ApiResponse.text(a.json(), "url"));
        }
        if (id == null) {
            return CheckResult.unknown(known.ref(), now(), a.code(), "redirect without a repository id");
        }
        HttpUrl target = baseUrl.newBuilder().addPathSegment("repositories").addPathSegment(id).build();
        ApiResponse next = transport.execute(new Request.Builder().url(target).get().build(), ApiResource.CORE);
        return classify(known, next, hops + 1);
    }

    private static @Nullable String repositoryId(@Nullable String location) {
        if (location == null) {
            return null;
        }
        Matcher m = REPOSITORY_ID.matcher(location.strip());
        return m.find() ? m.group(1) : null;
    }

    private CheckResult blocked(KnownState known, ApiResponse a, String fallbackReason) {
        JsonNode block = a.block();
        String reason = ApiResponse.text(block, "reason");
        if (reason == null) {
            reason = fallbackReason;
        }
        String since = ApiResponse.text(block, "created_at");
        String detail = messageOr(a, "Repository access blocked") + " (" + reason
                + (since == null ? "" : ", since " + since) + ")";
        return new CheckResult(known.ref(), now(), RepoStatus.BLOCKED, a.code(), detail, null, a.etag(), null, null,
                reason, a.requestId());
    }

    private HttpUrl repoUrl(String owner, String name) {
        // addPathSegment encodes: an odd name cannot change the path we ask for.
        return baseUrl.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(name).build();
    }

    private static String messageOr(ApiResponse a, String fallback) {
        String m = a.message();
        return m == null ? fallback : m;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    private Instant now() {
        return transport.clock().instant();
    }
}
