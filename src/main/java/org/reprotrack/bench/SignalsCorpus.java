package org.reprotrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.TreeFile;

/**
 * Reads a signals corpus ({@code shared/corpus/signals} layout): one {@code repos/<owner>__<name>.json}
 * snapshot per repository, holding the recursive tree listing and the root README, as the audit
 * would see them.
 *
 * <p>The tree is read the way {@code GitHubContents} reads GitHub's recursive tree: only blobs
 * become files. A submodule ({@code type: commit}) is someone else's repository pinned at a commit;
 * its files are not listed, so it is neither code nor furniture of this one and is left out, as in
 * production. A {@code size_is_lower_bound} size (a large file the snapshot did not keep) is kept as
 * the lower bound: the file is there, only its exact size is unknown.
 */
final class SignalsCorpus {

    /** One repository snapshot. */
    record Snapshot(String repo, FileTree tree, String readme, int submodules) {}

    private final ObjectMapper json = new ObjectMapper();

    /** Every snapshot under {@code corpus/repos}, sorted by file name. */
    List<Snapshot> read(Path corpus) throws IOException {
        Path repos = corpus.resolve("repos");
        if (!Files.isDirectory(repos)) {
            throw new IOException(repos + " is not a folder: give --corpus the folder that holds repos/ (and labels.jsonl)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(repos)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.json snapshots in " + repos);
        }
        List<Snapshot> out = new ArrayList<>(files.size());
        for (Path f : files) {
            out.add(parse(f));
        }
        return out;
    }

    Snapshot parse(Path file) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a JSON snapshot (" + e.getMessage() + ")", e);
        }
        String repo = node.path("repo").asText("");
        if (repo.isEmpty()) {
            throw new IOException(file + ": no \"repo\" field");
        }
        JsonNode entries = node.get("tree");
        if (entries == null || !entries.isArray()) {
            throw new IOException(file + ": no \"tree\" array");
        }
        List<TreeFile> files = new ArrayList<>(entries.size());
        int submodules = 0;
        for (JsonNode e : entries) {
            String path = e.path("path").asText("");
            String type = e.path("type").asText("blob");
            if (path.isEmpty()) {
                continue;
            }
            if ("commit".equals(type)) {
                submodules++;
            } else if ("blob".equals(type)) {
                JsonNode size = e.get("size");
                files.add(new TreeFile(path, size != null && size.canConvertToLong() ? size.asLong() : -1));
            }
        }
        JsonNode readme = node.get("readme_text");
        boolean truncated = node.path("truncated").asBoolean(false);
        return new Snapshot(repo, new FileTree(files, truncated), readme == null || readme.isNull() ? "" : readme.asText(),
                submodules);
    }
}
