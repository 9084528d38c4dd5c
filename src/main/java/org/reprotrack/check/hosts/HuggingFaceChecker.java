package org.reprotrack.check.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * Checks a Hugging Face model, data set or Space with {@code GET /api/{models|datasets|spaces}/{id}}
 * (github-api.md §7.3). The status alone says little: anonymous requests for missing <em>and</em>
 * private repositories get 401, so the verdict comes from the {@code X-Error-Code} header. Thread-safe.
 */
public final class HuggingFaceChecker implements RepoChecker {
    /** huggingface.co. */
    public static final HttpUrl HUGGING_FACE = HttpUrl.get("https://huggingface.co/");

    private static final String DISABLED_MESSAGE = "access to this resource is disabled";

    private final HttpUrl baseUrl;
    private final HostHttp http;
    private final int maxRedirects;

    HuggingFaceChecker(HttpUrl baseUrl, HostHttp http, int maxRedirects) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.maxRedirects = maxRedirects;
    }

    /** A repository id split into its kind ({@code models}, {@code datasets}, {@code spaces}) and id. */
    record HubId(String kind, String id) {
        static HubId of(String path) {
            for (String kind : new String[] {"datasets", "spaces", "models"}) {
                if (path.startsWith(kind + "/")) {
                    return new HubId(kind, path.substring(kind.length() + 1));
                }
            }
            // owner/model, or a legacy model without owner (bert-base-uncased)
            return new HubId("models", path);
        }

        /** The path as {@link RepoRef} spells it: models carry no prefix. */
        String refPath() {
            return kind.equals("models") ? id : kind + "/" + id;
        }
    }

    HttpUrl apiUrl(HubId hub) {
        return baseUrl.newBuilder().addPathSegment("api").addPathSegment(hub.kind()).addPathSegments(hub.id()).build();
    }

    @Override
    public CheckResult check(KnownState known) {
        RepoRef ref = known.ref();
        HostResults.requireHost(ref, CodeHost.HUGGINGFACE);
        HubId hub = HubId.of(ref.path());
        HostAnswer a;
        try {
            a = http.getJson(apiUrl(hub), baseUrl, maxRedirects, Set.of());
        } catch (HostCheckFailedException e) {
            return HostResults.unknown(ref, now(), e);
        }
        if (a.code() == 200) {
            return found(known, hub, a);
        }
        String errorCode = a.headers().get("X-Error-Code");
        String errorMessage = a.headers().get("X-Error-Message");
        String detail = (errorCode == null ? "HTTP " + a.code() : errorCode)
                + (errorMessage == null ? "" : ": " + errorMessage);
        if ("RepoNotFound".equals(errorCode)) {
            return HostResults.bare(ref, now(), RepoStatus.NOT_FOUND, a, detail);
        }
        if ("GatedRepo".equals(errorCode)) {
            // Gated: the repository is there and anyone may ask for access; the code is reachable.
            return HostResults.bare(ref, now(), RepoStatus.OK, a, "gated: " + detail);
        }
        if (errorMessage != null && errorMessage.toLowerCase(Locale.ROOT).contains(DISABLED_MESSAGE)) {
            return HostResults.of(ref, now(), RepoStatus.BLOCKED, a, detail, null, null, null, "disabled");
        }
        if (a.code() == 404 && errorCode == null) {
            // A plain 404 on the API path: the Hub has no such repository (no 401 to disambiguate).
            return HostResults.bare(ref, now(), RepoStatus.NOT_FOUND, a, detail);
        }
        if (a.code() == 401 || a.code() == 403) {
            return CheckResult.unknown(ref, now(), a.code(), "forbidden: " + detail);
        }
        return HostResults.unexpected(ref, now(), a);
    }

    private CheckResult found(KnownState known, HubId asked, HostAnswer a) {
        JsonNode r = Objects.requireNonNull(a.json());
        RepoRef ref = known.ref();
        String id = JsonFields.text(r, "id");
        boolean renamed = id != null && !id.toLowerCase(Locale.ROOT).equals(asked.id().toLowerCase(Locale.ROOT));
        String detail = a.url().toString();
        JsonNode gated = JsonFields.node(r, "gated");
        if (gated != null && !(gated.isBoolean() && !gated.booleanValue())) {
            detail += " (gated: " + gated.asText() + ")";
        }
        RepoStatus status;
        String blockReason = null;
        if (JsonFields.isTrue(r, "disabled")) {
            status = RepoStatus.BLOCKED;
            blockReason = "disabled";
        } else if (JsonFields.isTrue(r, "private")) {
            // Visible to our token only: for the paper's readers it is as gone as a deleted one.
            status = RepoStatus.NOT_FOUND;
        } else if (renamed) {
            status = RepoStatus.MOVED;
        } else {
            status = RepoStatus.OK;
        }
        String movedTo = renamed ? new HubId(asked.kind(), id).refPath() : null;
        return HostResults.of(ref, now(), status, a, detail, metadata(r), movedTo, null, blockReason);
    }

    static RepoMetadata metadata(JsonNode r) {
        List<String> tags = JsonFields.texts(r, "tags");
        List<String> topics = new ArrayList<>();
        String tagLicense = null;
        for (String t : tags) {
            if (t.startsWith("license:")) {
                tagLicense = tagLicense == null ? t.substring("license:".length()) : tagLicense;
            } else if (t.indexOf(':') < 0) {
                topics.add(t); // namespaced tags (arxiv:, region:, dataset:) are facts, not topics
            }
        }
        String license = cardLicense(JsonFields.node(r, "cardData"));
        return new RepoMetadata(
                JsonFields.integer(r, "likes"),
                null,
                null,
                null,
                JsonFields.bool(r, "disabled"),
                null,
                null,
                license != null ? license : tagLicense,
                null,
                JsonFields.instant(r, "createdAt"),
                JsonFields.instant(r, "lastModified"),
                JsonFields.instant(r, "lastModified"),
                null,
                topics,
                null);
    }

    /** {@code cardData.license} is a string, or a list of them in some cards. */
    private static @Nullable String cardLicense(@Nullable JsonNode card) {
        JsonNode l = JsonFields.node(card, "license");
        if (l == null) {
            return null;
        }
        if (l.isArray()) {
            return l.size() == 0 || !l.get(0).isTextual() ? null : l.get(0).asText();
        }
        return l.isTextual() && !l.asText().isBlank() ? l.asText() : null;
    }

    private Instant now() {
        return http.clock().instant();
    }
}
