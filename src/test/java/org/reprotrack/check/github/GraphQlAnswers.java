package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Plays GraphQL: each POST to {@code /graphql} is answered by the next scripted function of its
 * payload (the last one repeats); every other request goes to the REST {@link Routes}.
 */
final class GraphQlAnswers extends Dispatcher {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Routes rest;
    private final Clock clock;
    private final Deque<Answer> script = new ArrayDeque<>();
    final List<JsonNode> payloads = new CopyOnWriteArrayList<>();
    final List<Instant> arrivals = new CopyOnWriteArrayList<>();

    GraphQlAnswers(Routes rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    /** The answer to one query, from its payload. */
    interface Answer extends Function<JsonNode, MockResponse.Builder> { }

    GraphQlAnswers then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!"/graphql".equals(request.getTarget())) {
            return rest.dispatch(request);
        }
        try {
            JsonNode payload = MAPPER.readTree(request.getBody().utf8());
            payloads.add(payload);
            arrivals.add(clock.instant());
            Answer next;
            synchronized (script) {
                next = script.size() > 1 ? script.poll() : script.peek();
            }
            return next.apply(payload).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many repositories a query asked about. */
    static int size(JsonNode payload) {
        return payload.get("variables").size() / 2;
    }

    static String owner(JsonNode payload, int i) {
        return payload.get("variables").get("o" + i).asText();
    }

    static String name(JsonNode payload, int i) {
        return payload.get("variables").get("n" + i).asText();
    }

    /** Every alias found under the name asked, with id 1000 + its index in the query. */
    static MockResponse.Builder allFound(JsonNode payload) {
        ObjectNode data = MAPPER.createObjectNode();
        for (int i = 0; i < size(payload); i++) {
            data.set("r" + i, repo(1000 + i, owner(payload, i) + "/" + name(payload, i)));
        }
        return answer(data);
    }

    static MockResponse.Builder answer(ObjectNode data) {
        ObjectNode rl = data.putObject("rateLimit");
        rl.put("cost", 1).put("remaining", 4990).put("resetAt", "2026-01-10T11:00:00Z");
        ObjectNode body = MAPPER.createObjectNode();
        body.set("data", data);
        return Fixtures.json(200, body.toString()).addHeader("x-ratelimit-resource", "graphql");
    }

    /** A repository as our fragment selects it. */
    static ObjectNode repo(long id, String nameWithOwner) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("databaseId", id).put("nameWithOwner", nameWithOwner)
                .put("isArchived", false).put("isDisabled", false).put("isEmpty", false)
                .put("isFork", false).put("isPrivate", false)
                .put("stargazerCount", 12).put("forkCount", 3)
                .put("pushedAt", "2025-05-01T12:00:00Z").put("createdAt", "2024-01-02T03:04:05Z")
                .put("updatedAt", "2025-06-01T00:00:00Z").put("description", "code for the paper")
                .put("homepageUrl", "");
        r.putObject("primaryLanguage").put("name", "Python");
        r.putObject("licenseInfo").put("spdxId", "Apache-2.0");
        r.putObject("defaultBranchRef").put("name", "main");
        r.putObject("repositoryTopics").putArray("nodes").addObject().putObject("topic").put("name", "deep-learning");
        r.putObject("issues").put("totalCount", 4);
        return r;
    }
}
