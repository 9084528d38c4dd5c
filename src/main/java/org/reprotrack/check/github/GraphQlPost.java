package org.reprotrack.check.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What every GraphQL query of ours shares, the verdicts' and the signals': the POST that carries it
 * and the reading of its {@code errors} (per alias, and whether GitHub says the budget is spent).
 */
final class GraphQlPost {
    private static final MediaType JSON = Objects.requireNonNull(MediaType.parse("application/json; charset=utf-8"));

    private GraphQlPost() {
    }

    /** The POST of one query with its variables. */
    static Request request(ObjectMapper mapper, HttpUrl url, String query, Map<String, ?> variables) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("query", query);
        payload.put("variables", variables);
        try {
            return new Request.Builder().url(url).post(RequestBody.create(mapper.writeValueAsBytes(payload), JSON)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a GraphQL request", e);
        }
    }

    /** Each alias's first error, by the alias its {@code path} starts with. */
    static Map<String, JsonNode> byAlias(List<JsonNode> errors) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode e : errors) {
            JsonNode path = e.get("path");
            if (path != null && path.isArray() && !path.isEmpty() && path.get(0).isTextual()) {
                out.putIfAbsent(path.get(0).asText(), e);
            }
        }
        return out;
    }

    /** Both spellings GitHub has used, and the message as a last resort. */
    static boolean rateLimited(JsonNode error) {
        String type = ApiResponse.text(error, "type");
        if ("RATE_LIMITED".equals(type) || "RATE_LIMIT".equals(type)) {
            return true;
        }
        String message = ApiResponse.text(error, "message");
        return message != null && message.toLowerCase(Locale.ROOT).matches(".*api rate limit (already )?exceeded.*");
    }
}
