package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.TreeFile;

/**
 * The REST tree of a repository GraphQL could not list within its bounds, completed when GitHub
 * truncates it (more than 100,000 entries or 7 MB, github-api.md §6): a truncated folder is listed
 * alone, without recursion, and each of its subfolders asked recursively in turn, the same way
 * down. At most {@code maxCalls} listings per repository; a tree still incomplete then is
 * returned {@code truncated}, which the rules treat as partial.
 */
final class RestTreeWalker {

    private final HttpUrl baseUrl;
    private final GitHubTransport transport;

    RestTreeWalker(HttpUrl baseUrl, GitHubTransport transport) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * @param files the blobs listed
     * @param truncated some folder could not be listed within the bound
     * @param failed why the first listing failed (nothing listed), else null
     * @param refused the budget refused a listing: the walk stopped short for want of budget, not
     *     at its bound, so the tree should be read again rather than stored partial
     */
    record Listing(List<TreeFile> files, boolean truncated, @Nullable String failed, boolean refused) {
    }

    /** One listing of a tree: its entries as GitHub gave them. */
    private record Entry(String path, String type, @Nullable String sha, long size) {
    }

    private record Page(List<Entry> entries, boolean truncated) {
    }

    /**
     * @param treeish a commit or tree SHA, or {@code HEAD}
     * @param maybeSend asked before every request; false stops the walk (the tree is then partial)
     */
    Listing walk(String owner, String name, String treeish, int maxCalls, BooleanSupplier maybeSend) {
        int[] calls = {0};
        List<TreeFile> files = new ArrayList<>();
        boolean[] refused = {false};
        BooleanSupplier send = () -> {
            boolean ok = maybeSend.getAsBoolean();
            refused[0] |= !ok;
            return ok;
        };
        if (!send.getAsBoolean()) {
            return new Listing(List.of(), true, "budget", true);
        }
        Page first;
        try {
            calls[0]++;
            first = list(owner, name, treeish, true);
        } catch (CheckFailedException e) {
            return new Listing(List.of(), true, e.reason(), false);
        }
        boolean complete = complete(owner, name, "", treeish, first, files, calls, maxCalls, send);
        return new Listing(files, !complete, null, refused[0]);
    }

    /** Adds a folder's files; a truncated recursive page is redone folder by folder. */
    private boolean complete(String owner, String name, String prefix, String sha, Page recursive, List<TreeFile> files,
            int[] calls, int maxCalls, BooleanSupplier maybeSend) {
        if (!recursive.truncated()) {
            recursive.entries().stream().filter(e -> e.type().equals("blob"))
                    .forEach(e -> files.add(new TreeFile(prefix + e.path(), e.size())));
            return true;
        }
        if (calls[0] >= maxCalls || !maybeSend.getAsBoolean()) {
            keepListed(prefix, recursive, files);
            return false;
        }
        Page flat;
        try {
            calls[0]++;
            flat = list(owner, name, sha, false);
        } catch (CheckFailedException e) {
            keepListed(prefix, recursive, files);
            return false;
        }
        boolean complete = !flat.truncated();
        for (Entry e : flat.entries()) {
            if (e.type().equals("blob")) {
                files.add(new TreeFile(prefix + e.path(), e.size()));
            } else if (e.type().equals("tree") && e.sha() != null) {
                String sub = prefix + e.path() + "/";
                if (calls[0] >= maxCalls || !maybeSend.getAsBoolean()) {
                    keepListed(sub, under(recursive, e.path() + "/"), files);
                    complete = false;
                    continue;
                }
                Page page;
                try {
                    calls[0]++;
                    page = list(owner, name, e.sha(), true);
                } catch (CheckFailedException x) {
                    keepListed(sub, under(recursive, e.path() + "/"), files);
                    complete = false;
                    continue;
                }
                complete &= complete(owner, name, sub, e.sha(), page, files, calls, maxCalls, maybeSend);
            }
        }
        return complete;
    }

    /** What a truncated page listed below {@code dir}, as a page of its own (paths relative to it). */
    private static Page under(Page page, String dir) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : page.entries()) {
            if (e.path().startsWith(dir)) {
                out.add(new Entry(e.path().substring(dir.length()), e.type(), e.sha(), e.size()));
            }
        }
        return new Page(out, true);
    }

    private static void keepListed(String prefix, Page page, List<TreeFile> files) {
        page.entries().stream().filter(e -> e.type().equals("blob"))
                .forEach(e -> files.add(new TreeFile(prefix + e.path(), e.size())));
    }

    private Page list(String owner, String name, String sha, boolean recursive) throws CheckFailedException {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(name)
                .addPathSegment("git").addPathSegment("trees").addPathSegment(sha);
        if (recursive) {
            url.addQueryParameter("recursive", "1"); // any value recurses (github-api.md §6): omit it for one level
        }
        ApiResponse a = transport.execute(new Request.Builder().url(url.build()).get().build(), ApiResource.CORE);
        JsonNode json = a.json();
        JsonNode tree = json == null ? null : json.get("tree");
        if (a.code() != 200 || tree == null || !tree.isArray()) {
            throw new CheckFailedException(a.code(), "tree listing answered HTTP " + a.code());
        }
        List<Entry> entries = new ArrayList<>(tree.size());
        for (JsonNode e : tree) {
            String path = ApiResponse.text(e, "path");
            String type = ApiResponse.text(e, "type");
            if (path != null && type != null) {
                JsonNode size = e.get("size");
                entries.add(new Entry(path, type, ApiResponse.text(e, "sha"),
                        size != null && size.canConvertToLong() ? size.asLong() : -1));
            }
        }
        return new Page(entries, json.path("truncated").asBoolean(false));
    }
}
