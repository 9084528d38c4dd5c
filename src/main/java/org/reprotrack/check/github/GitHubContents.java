package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.TreeFile;

/**
 * Reads a repository's file tree ({@code GET /repos/{o}/{r}/git/trees/{branch}?recursive=1}) and
 * README ({@code GET /repos/{o}/{r}/readme}) through the same {@link GitHubTransport} as the
 * checks: the rate-limit gate, the retry policy, the headers and the token all apply, and the
 * requests count in the same budget. Both are conditional when an ETag is given: a 304 costs no
 * primary budget with a token. Thread-safe.
 */
public final class GitHubContents {
    /** README bodies beyond this are cut: the rules read headings, tables and commands near the top. */
    static final int MAX_README_CHARS = 512 * 1024;

    private final HttpUrl baseUrl;
    private final GitHubTransport transport;

    GitHubContents(HttpUrl baseUrl, GitHubTransport transport) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * The files at the head of {@code ref}. A {@code truncated} listing is returned as it is
     * (flagged): what it lists is real, and the caller marks its verdicts partial.
     *
     * @throws BadCredentialsException when GitHub rejects the token
     */
    public Fetched<FileTree> tree(String owner, String name, String ref, @Nullable String etag) {
        // recursive is on for any value, even 0 (github-api.md): only "1" is ever sent.
        HttpUrl url = repo(owner, name).addPathSegment("git").addPathSegment("trees").addPathSegment(ref)
                .addQueryParameter("recursive", "1").build();
        ApiResponse a;
        try {
            a = transport.execute(get(url, etag), ApiResource.CORE);
        } catch (CheckFailedException e) {
            return Fetched.failed(e.httpStatus(), e.reason());
        }
        return switch (a.code()) {
            case 200 -> parseTree(a);
            case 304 -> notModified(a, etag);
            case 404 -> new Fetched<>(Fetched.Outcome.MISSING, null, null, 404, "");
            case 409 -> new Fetched<>(Fetched.Outcome.EMPTY_REPOSITORY, null, null, 409, "");
            default -> Fetched.failed(a.code(), "HTTP " + a.code() + (a.message() == null ? "" : ": " + a.message()));
        };
    }

    /**
     * The README GitHub would show, decoded from the base64 {@code content}; {@code MISSING} when
     * the repository has none.
     *
     * @throws BadCredentialsException when GitHub rejects the token
     */
    public Fetched<String> readme(String owner, String name, @Nullable String etag) {
        HttpUrl url = repo(owner, name).addPathSegment("readme").build();
        ApiResponse a;
        try {
            a = transport.execute(get(url, etag), ApiResource.CORE);
        } catch (CheckFailedException e) {
            return Fetched.failed(e.httpStatus(), e.reason());
        }
        return switch (a.code()) {
            case 200 -> parseReadme(a);
            case 304 -> notModified(a, etag);
            case 404 -> new Fetched<>(Fetched.Outcome.MISSING, null, null, 404, "");
            default -> Fetched.failed(a.code(), "HTTP " + a.code() + (a.message() == null ? "" : ": " + a.message()));
        };
    }

    private static Fetched<FileTree> parseTree(ApiResponse a) {
        JsonNode json = Objects.requireNonNull(a.json());
        JsonNode entries = json.get("tree");
        if (entries == null || !entries.isArray()) {
            return Fetched.failed(200, "tree answer without a tree");
        }
        List<TreeFile> files = new ArrayList<>(entries.size());
        for (JsonNode e : entries) {
            String path = ApiResponse.text(e, "path");
            if (path != null && "blob".equals(ApiResponse.text(e, "type"))) {
                JsonNode size = e.get("size");
                files.add(new TreeFile(path, size != null && size.canConvertToLong() ? size.asLong() : -1));
            }
        }
        JsonNode truncated = json.get("truncated");
        FileTree tree = new FileTree(files, truncated != null && truncated.asBoolean(false));
        return new Fetched<>(Fetched.Outcome.FOUND, tree, a.etag(), 200, "");
    }

    private static Fetched<String> parseReadme(ApiResponse a) {
        JsonNode json = Objects.requireNonNull(a.json());
        String content = ApiResponse.text(json, "content");
        String encoding = ApiResponse.text(json, "encoding");
        if (content == null) {
            return Fetched.failed(200, "README answer without content");
        }
        String text;
        if (encoding == null || encoding.equals("base64")) {
            try {
                text = new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Fetched.failed(200, "README content is not base64");
            }
        } else {
            text = content;
        }
        if (text.length() > MAX_README_CHARS) {
            text = text.substring(0, MAX_README_CHARS);
        }
        return new Fetched<>(Fetched.Outcome.FOUND, text, a.etag(), 200, "");
    }

    private static <T> Fetched<T> notModified(ApiResponse a, @Nullable String sent) {
        return new Fetched<>(Fetched.Outcome.NOT_MODIFIED, null, a.etag() != null ? a.etag() : sent, 304, "");
    }

    private static Request get(HttpUrl url, @Nullable String etag) {
        Request.Builder b = new Request.Builder().url(url).get();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return b.build();
    }

    private HttpUrl.Builder repo(String owner, String name) {
        return baseUrl.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(name);
    }
}
