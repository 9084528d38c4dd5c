package org.reprotrack.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Plays GitHub (REST {@code /repos/{o}/{r}}, {@code /repositories/{id}}, {@code /repos/{o}/{r}/commits},
 * GraphQL {@code POST /graphql}) and GitLab ({@code /api/v4/projects/...}) from a table of
 * repositories the test changes between audits. Answers are built from the fixtures under
 * {@code src/test/resources/audit/}.
 */
final class FakeForges extends Dispatcher {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_ID = "0687:0D5B:29F123D:4E0B9D8:62D6351D";

    /** What GitHub says about a name. */
    enum Kind { OK, ARCHIVED, EMPTY, MOVED, GONE, DMCA, TOS, ERROR, UNAUTHORIZED }

    /**
     * @param id the repository id GitHub shows
     * @param fullName the name GitHub shows now (differs from the asked name for MOVED)
     * @param etag sent with 200 answers; an If-None-Match equal to it gets 304
     */
    record Repo(Kind kind, long id, String fullName, @Nullable String etag) {
    }

    private final Map<String, Repo> github = new ConcurrentHashMap<>();
    private final Map<String, String> gitlab = new ConcurrentHashMap<>();
    /** Every request as {@code METHOD target}, in arrival order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Targets that carried {@code If-None-Match}, and what they got. */
    final List<String> conditional = new CopyOnWriteArrayList<>();
    /** Authorization headers seen, to prove the token was sent. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Every request answers 401, as GitHub does once a token is revoked. */
    volatile boolean revoked;

    FakeForges github(String askedName, Kind kind, long id) {
        return github(askedName, new Repo(kind, id, askedName, null));
    }

    FakeForges github(String askedName, Repo repo) {
        github.put(askedName.toLowerCase(Locale.ROOT), repo);
        return this;
    }

    FakeForges gitlab(String fullPath, int code, String fixture) {
        gitlab.put(fullPath, code + " " + fixture);
        return this;
    }

    long graphQlQueries() {
        return requests.stream().filter(r -> r.equals("POST /graphql")).count();
    }

    long restRequests() {
        return requests.stream().filter(r -> r.startsWith("GET /repos") || r.startsWith("GET /repositories")).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        requests.add(request.getMethod() + " " + target);
        String auth = request.getHeaders().get("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        if (target.startsWith("/api/v4/projects/")) {
            return gitlabProject(URLDecoder.decode(target.substring("/api/v4/projects/".length()), StandardCharsets.UTF_8));
        }
        if (revoked) {
            return file(401, "bad-credentials-401.json");
        }
        if (target.equals("/graphql")) {
            return graphQl(tree(request.getBody().utf8()));
        }
        if (target.startsWith("/repositories/")) {
            long id = Long.parseLong(target.substring("/repositories/".length()));
            return github.values().stream().filter(r -> r.id() == id && r.kind() == Kind.MOVED).findFirst()
                    .map(r -> repoAnswer(r, false))
                    .orElse(file(404, "not-found-404.json"));
        }
        if (target.startsWith("/repos/")) {
            String path = target.substring("/repos/".length());
            if (path.endsWith("/commits?per_page=1")) {
                String name = path.substring(0, path.length() - "/commits?per_page=1".length());
                Repo r = byCurrentName(name);
                return r != null && r.kind() == Kind.EMPTY ? file(409, "empty-409.json") : file(200, "commits-one.json");
            }
            Repo r = github.get(path.toLowerCase(Locale.ROOT));
            if (r == null) {
                return file(404, "not-found-404.json");
            }
            String ifNoneMatch = request.getHeaders().get("If-None-Match");
            if (ifNoneMatch != null && ifNoneMatch.equals(r.etag()) && (r.kind() == Kind.OK || r.kind() == Kind.ARCHIVED)) {
                conditional.add(target + " -> 304");
                return new MockResponse.Builder().code(304).addHeader("ETag", r.etag())
                        .addHeader("X-GitHub-Request-Id", REQUEST_ID).build();
            }
            if (ifNoneMatch != null) {
                conditional.add(target + " -> full answer");
            }
            return switch (r.kind()) {
                case OK, ARCHIVED, EMPTY -> repoAnswer(r, true);
                case MOVED -> json(301, read("moved-301.json")).addHeader("X-GitHub-Request-Id", REQUEST_ID)
                        .addHeader("Location", "https://api.github.com/repositories/" + r.id()).build();
                case GONE -> file(404, "not-found-404.json");
                case DMCA -> file(451, "dmca-451.json");
                case TOS -> file(403, "tos-403.json");
                case ERROR -> file(502, "server-error-502.json");
                case UNAUTHORIZED -> {
                    revoked = true; // as when a token is revoked mid-run: every later request is refused too
                    yield file(401, "bad-credentials-401.json");
                }
            };
        }
        return new MockResponse.Builder().code(418).body("{\"message\":\"no route for " + target + "\"}").build();
    }

    private @Nullable Repo byCurrentName(String name) {
        return github.values().stream().filter(r -> r.fullName().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private MockResponse repoAnswer(Repo r, boolean withEtag) {
        String body = read("github-repo.json")
                .replace("${id}", Long.toString(r.id()))
                .replace("${name}", r.fullName().substring(r.fullName().indexOf('/') + 1))
                .replace("${full_name}", r.fullName())
                .replace("${size}", r.kind() == Kind.EMPTY ? "0" : "1234")
                .replace("${archived}", Boolean.toString(r.kind() == Kind.ARCHIVED));
        MockResponse.Builder b = json(200, body).addHeader("X-GitHub-Request-Id", REQUEST_ID)
                .addHeader("x-ratelimit-resource", "core").addHeader("x-ratelimit-remaining", "4321");
        if (withEtag && r.etag() != null) {
            b.addHeader("ETag", r.etag());
        }
        return b.build();
    }

    /**
     * Aliases {@code r<i>} answered from the table; a name GitHub does not show is {@code null} with a
     * NOT_FOUND error, a blocked one (DMCA, TOS) {@code null} with FORBIDDEN "Repository access blocked".
     */
    private MockResponse graphQl(JsonNode payload) {
        JsonNode vars = payload.get("variables");
        ObjectNode data = JSON.createObjectNode();
        ArrayNode errors = JSON.createArrayNode();
        for (int i = 0; vars.has("o" + i); i++) {
            String asked = vars.get("o" + i).asText() + "/" + vars.get("n" + i).asText();
            Repo r = github.get(asked.toLowerCase(Locale.ROOT));
            if (r != null && (r.kind() == Kind.OK || r.kind() == Kind.ARCHIVED || r.kind() == Kind.EMPTY
                    || r.kind() == Kind.MOVED)) {
                data.set("r" + i, tree(read("graphql-repo.json")
                        .replace("${id}", Long.toString(r.id()))
                        .replace("${full_name}", r.fullName())
                        .replace("${archived}", Boolean.toString(r.kind() == Kind.ARCHIVED))
                        .replace("${empty}", Boolean.toString(r.kind() == Kind.EMPTY))));
            } else if (r != null && (r.kind() == Kind.DMCA || r.kind() == Kind.TOS)) {
                // a blocked repository: null, and FORBIDDEN without a reason (issue 12)
                data.putNull("r" + i);
                ObjectNode e = errors.addObject().put("type", "FORBIDDEN").put("message", "Repository access blocked");
                e.putArray("path").add("r" + i);
            } else {
                data.putNull("r" + i);
                ObjectNode e = errors.addObject().put("type", "NOT_FOUND")
                        .put("message", "Could not resolve to a Repository with the name '" + asked + "'.");
                e.putArray("path").add("r" + i);
            }
        }
        data.putObject("rateLimit").put("cost", 1).put("remaining", 4990).put("resetAt", "2026-01-10T11:00:00Z");
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        if (!errors.isEmpty()) {
            body.set("errors", errors);
        }
        return json(200, body.toString()).addHeader("x-ratelimit-resource", "graphql")
                .addHeader("x-ratelimit-remaining", "4990").build();
    }

    private MockResponse gitlabProject(String fullPath) {
        String answer = gitlab.get(fullPath);
        if (answer == null) {
            return json(404, "{\"message\":\"404 Project Not Found\"}").build();
        }
        int space = answer.indexOf(' ');
        return json(Integer.parseInt(answer.substring(0, space)), read(answer.substring(space + 1))).build();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse file(int code, String name) {
        return json(code, read(name)).addHeader("X-GitHub-Request-Id", REQUEST_ID).build();
    }

    static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8").body(body);
    }

    static String read(String name) {
        try (InputStream in = FakeForges.class.getResourceAsStream("/audit/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
