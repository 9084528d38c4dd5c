package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoMetadata;

/**
 * Reads {@link RepoMetadata} from GitHub's two shapes of a repository. Every field is optional
 * (API versions drop fields; github-api.md §0), so a missing or odd field becomes null, never an
 * error.
 */
final class RepoMetadataParser {
    private RepoMetadataParser() {
    }

    /** A REST full-repository object ({@code GET /repos/{owner}/{repo}}). */
    static RepoMetadata fromRest(JsonNode r) {
        List<String> topics = new ArrayList<>();
        JsonNode t = r.get("topics");
        if (t != null && t.isArray()) {
            t.forEach(n -> {
                if (n.isTextual()) {
                    topics.add(n.asText());
                }
            });
        }
        return new RepoMetadata(
                integer(r, "stargazers_count"),
                integer(r, "forks_count"),
                // REST counts open pull requests as issues too; GraphQL's issues(states: OPEN) does not.
                integer(r, "open_issues_count"),
                bool(r, "archived"),
                bool(r, "disabled"),
                bool(r, "fork"),
                ApiResponse.text(r, "language"),
                ApiResponse.text(r.get("license"), "spdx_id"),
                ApiResponse.text(r, "default_branch"),
                instant(r, "created_at"),
                instant(r, "pushed_at"),
                instant(r, "updated_at"),
                ApiResponse.text(r, "description"),
                topics,
                blankToNull(ApiResponse.text(r, "homepage")));
    }

    /** A GraphQL {@code Repository} selected with {@link GraphQlQuery#FRAGMENT}. */
    static RepoMetadata fromGraphQl(JsonNode r) {
        List<String> topics = new ArrayList<>();
        JsonNode nodes = path(r, "repositoryTopics", "nodes");
        if (nodes != null && nodes.isArray()) {
            nodes.forEach(n -> {
                String name = ApiResponse.text(n.get("topic"), "name");
                if (name != null) {
                    topics.add(name);
                }
            });
        }
        return new RepoMetadata(
                integer(r, "stargazerCount"),
                integer(r, "forkCount"),
                integer(r.get("issues"), "totalCount"),
                bool(r, "isArchived"),
                bool(r, "isDisabled"),
                bool(r, "isFork"),
                ApiResponse.text(r.get("primaryLanguage"), "name"),
                ApiResponse.text(r.get("licenseInfo"), "spdxId"),
                ApiResponse.text(r.get("defaultBranchRef"), "name"),
                instant(r, "createdAt"),
                instant(r, "pushedAt"),
                instant(r, "updatedAt"),
                ApiResponse.text(r, "description"),
                topics,
                blankToNull(ApiResponse.text(r, "homepageUrl")),
                ApiResponse.text(path(r, "defaultBranchRef", "target"), "oid"),
                null,
                null);
    }

    static @Nullable Long id(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v != null && v.canConvertToLong() && v.isIntegralNumber() ? v.asLong() : null;
    }

    private static @Nullable JsonNode path(JsonNode r, String a, String b) {
        JsonNode x = r.get(a);
        return x == null ? null : x.get(b);
    }

    private static @Nullable Integer integer(@Nullable JsonNode r, String field) {
        JsonNode v = r == null ? null : r.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }

    private static @Nullable Boolean bool(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    private static @Nullable Instant instant(JsonNode r, String field) {
        String v = ApiResponse.text(r, field);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
