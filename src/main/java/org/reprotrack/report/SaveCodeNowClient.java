package org.reprotrack.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Sleeper;

/**
 * Software Heritage's "save code now" (issue 16): {@code POST /api/1/origin/save/git/url/{url}/}
 * asks for a visit of an origin, {@code GET /api/1/origin/save/{id}/} follows it. Answers, as
 * swh-web documents them: {@code id}, {@code save_request_status} (accepted, rejected, pending),
 * {@code save_task_status} (not created, not yet scheduled, scheduled, running, succeeded, failed),
 * {@code visit_date}, {@code snapshot_swhid}, {@code note}. A 400 or 403 (an origin SWH will not
 * save) is a refusal with its {@code reason}; a 429 or an outage is {@link ArchiveUnavailable}.
 * Anonymous and authenticated clients have different limits: the token (from the environment
 * variable the config names) is sent as a bearer token and never written anywhere.
 */
public final class SaveCodeNowClient {

    private final HttpUrl base;
    private final ArchiveHttp http;

    SaveCodeNowClient(HttpUrl base, ArchiveHttp http) {
        this.base = base;
        this.http = http;
    }

    /**
     * @param token a Software Heritage API token, or null to ask anonymously
     * @param maxWait the longest rate-limit wait before the remaining requests are left for the next run
     */
    public static SaveCodeNowClient create(HttpUrl base, OkHttpClient client, Clock clock, Sleeper sleeper, Duration maxWait,
            @Nullable String token) {
        return new SaveCodeNowClient(base, new ArchiveHttp("Software Heritage save code now", client, clock, sleeper, maxWait, 1)
                .withToken(token));
    }

    /** What Software Heritage said about one save request. */
    public record Answer(@Nullable Long id, String requestStatus, @Nullable String taskStatus, @Nullable Instant visitDate,
            @Nullable String snapshotSwhid, @Nullable String note, boolean refused) {

        /** The request ended: rejected, or its task succeeded or failed. */
        public boolean done() {
            return refused || "rejected".equals(requestStatus) || "succeeded".equals(taskStatus) || "failed".equals(taskStatus);
        }
    }

    /** Asks Software Heritage to visit a git origin now. */
    Answer save(String originUrl) throws ArchiveUnavailable {
        return answer(http.post(HttpUrl.get(root() + "/api/1/origin/save/git/url/" + originUrl + "/")));
    }

    /** The current state of a request sent before. */
    Answer follow(long id) throws ArchiveUnavailable {
        return answer(http.getAnswer(HttpUrl.get(root() + "/api/1/origin/save/" + id + "/")));
    }

    private Answer answer(ArchiveHttp.Reply reply) throws ArchiveUnavailable {
        JsonNode json = reply.json();
        if (reply.code() == 400 || reply.code() == 403 || reply.code() == 404) {
            String reason = json == null ? null : text(json, "reason");
            return new Answer(null, "rejected", null, null, null,
                    "refused by Software Heritage (HTTP " + reply.code() + ")" + (reason == null ? "" : ": " + reason), true);
        }
        if (json == null || !json.isObject() || text(json, "save_request_status") == null) {
            throw new ArchiveUnavailable("Software Heritage: malformed save answer (HTTP " + reply.code() + ")");
        }
        JsonNode id = json.get("id");
        return new Answer(id != null && id.canConvertToLong() ? id.asLong() : null, text(json, "save_request_status"),
                text(json, "save_task_status"), date(text(json, "visit_date")), text(json, "snapshot_swhid"), text(json, "note"), false);
    }

    private String root() {
        return base.toString().replaceAll("/+$", "");
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static @Nullable Instant date(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
