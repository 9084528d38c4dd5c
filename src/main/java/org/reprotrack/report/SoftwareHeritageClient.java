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
import org.reprotrack.store.ArchiveAnswer;

/**
 * Asks Software Heritage whether an origin is archived:
 * {@code GET /api/1/origin/{origin_url}/visit/latest/?require_snapshot=true}. 200 is the last
 * visit that took a snapshot; 404 means no such visit (not archived). The origin URL goes raw
 * into the path, and SWH matches it exactly (github-api.md, 8.1).
 */
public final class SoftwareHeritageClient {
    /** The archive's name in the cache. */
    public static final String ARCHIVE = "swh";

    private final HttpUrl base;
    private final ArchiveHttp http;

    SoftwareHeritageClient(HttpUrl base, ArchiveHttp http) {
        this.base = base;
        this.http = http;
    }

    /**
     * @param base e.g. {@code https://archive.softwareheritage.org}
     * @param maxWait the longest rate-limit wait before the remaining lookups are skipped
     */
    public static SoftwareHeritageClient create(HttpUrl base, OkHttpClient client, Clock clock, Sleeper sleeper, Duration maxWait) {
        return new SoftwareHeritageClient(base, new ArchiveHttp("Software Heritage", client, clock, sleeper, maxWait, 1));
    }

    /** The answer about one origin; {@link ArchiveUnavailable} when there is none this time. */
    ArchiveAnswer latestVisit(String originUrl) throws ArchiveUnavailable {
        HttpUrl url = HttpUrl.get(root() + "/api/1/origin/" + originUrl + "/visit/latest/?require_snapshot=true");
        ArchiveHttp.Reply reply = http.get(url);
        Instant now = http.clock().instant();
        if (reply.code() == 404) {
            return new ArchiveAnswer(ARCHIVE, originUrl, now, false, null, null);
        }
        JsonNode json = reply.json();
        if (json == null || !json.isObject()) {
            throw new ArchiveUnavailable("Software Heritage: malformed answer (HTTP " + reply.code() + ")");
        }
        return new ArchiveAnswer(ARCHIVE, originUrl, now, true, date(json.path("date").asText(null)), browseUrl(originUrl));
    }

    /** Where a person browses the archived origin. */
    String browseUrl(String originUrl) {
        return HttpUrl.get(root() + "/browse/origin/directory/").newBuilder()
                .addQueryParameter("origin_url", originUrl).build().toString();
    }

    private String root() {
        return base.toString().replaceAll("/+$", "");
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
