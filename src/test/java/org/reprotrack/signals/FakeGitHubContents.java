package org.reprotrack.signals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.TreeFile;

/**
 * Plays GitHub's trees and README endpoints from a table the test changes: each answer carries an
 * ETag, and a request whose {@code If-None-Match} equals it gets 304.
 */
final class FakeGitHubContents extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Answer(int code, String body, @Nullable String etag) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** {@code target [If-None-Match] -> code}, in arrival order. */
    final List<String> log = new CopyOnWriteArrayList<>();

    void tree(String repo, String branch, FileTree tree, String etag) {
        ObjectNode body = JSON.createObjectNode().put("sha", "abc").put("truncated", tree.truncated());
        ArrayNode entries = body.putArray("tree");
        for (TreeFile f : tree.files()) {
            entries.addObject().put("path", f.path()).put("mode", "100644").put("type", "blob").put("size", f.size());
        }
        entries.addObject().put("path", "some-dir").put("mode", "040000").put("type", "tree");
        answers.put("/repos/" + repo + "/git/trees/" + branch + "?recursive=1", new Answer(200, body.toString(), etag));
    }

    void emptyRepository(String repo, String branch) {
        answers.put("/repos/" + repo + "/git/trees/" + branch + "?recursive=1",
                new Answer(409, "{\"message\":\"Git Repository is empty.\"}", null));
    }

    void readme(String repo, String text, String etag) {
        String content = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        ObjectNode body = JSON.createObjectNode().put("name", "README.md").put("path", "README.md")
                .put("encoding", "base64").put("content", content);
        answers.put("/repos/" + repo + "/readme", new Answer(200, body.toString(), etag));
    }

    void noReadme(String repo) {
        answers.put("/repos/" + repo + "/readme", new Answer(404, "{\"message\":\"Not Found\"}", null));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        String sent = request.getHeaders().get("If-None-Match");
        Answer a = answers.get(target);
        MockResponse.Builder r = new MockResponse.Builder().addHeader("Content-Type", "application/json");
        if (a == null) {
            r.code(404).body("{\"message\":\"Not Found\"}");
        } else if (sent != null && sent.equals(a.etag())) {
            r.code(304).addHeader("ETag", a.etag());
        } else {
            r.code(a.code()).body(a.body());
            if (a.etag() != null) {
                r.addHeader("ETag", a.etag());
            }
        }
        MockResponse built = r.build();
        log.add(target + (sent == null ? "" : " [" + sent + "]") + " -> " + built.getCode());
        return built;
    }

    long requests() {
        return log.size();
    }
}
