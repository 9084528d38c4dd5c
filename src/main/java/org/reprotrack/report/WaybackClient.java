package org.reprotrack.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.Sleeper;
import org.reprotrack.store.ArchiveAnswer;

/**
 * The Wayback Machine: the browse link for a URL (always, free), and the availability API
 * ({@code GET /wayback/available?url=...}), asked only when {@code archives.availability_check} is
 * on because it is slow and unreliable. A closest capture counts only when its status is 200:
 * a capture of the 404 page is no copy.
 */
public final class WaybackClient {
    /** The archive's name in the cache. */
    public static final String ARCHIVE = "wayback";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final HttpUrl availabilityBase;
    private final ArchiveHttp http;

    WaybackClient(HttpUrl availabilityBase, ArchiveHttp http) {
        this.availabilityBase = availabilityBase;
        this.http = http;
    }

    public static WaybackClient create(HttpUrl availabilityBase, OkHttpClient client, Clock clock, Sleeper sleeper, Duration maxWait) {
        return new WaybackClient(availabilityBase, new ArchiveHttp("Wayback Machine", client, clock, sleeper, maxWait, 0));
    }

    /** {@code {waybackBase}/web/{url}}: the Wayback Machine lists whatever captures it has. */
    static String link(HttpUrl waybackBase, String url) {
        return waybackBase.toString().replaceAll("/+$", "") + "/web/" + url;
    }

    /** Whether the availability API knows a good capture of the URL. */
    ArchiveAnswer available(String url) throws ArchiveUnavailable {
        HttpUrl request = availabilityBase.newBuilder().addPathSegments("wayback/available")
                .addQueryParameter("url", url).build();
        ArchiveHttp.Reply reply = http.get(request);
        Instant now = http.clock().instant();
        JsonNode json = reply.json();
        if (reply.code() == 404 || json == null || !json.isObject()) {
            throw new ArchiveUnavailable("Wayback Machine: malformed answer (HTTP " + reply.code() + ")");
        }
        JsonNode closest = json.path("archived_snapshots").path("closest");
        boolean found = closest.path("available").asBoolean(false) && "200".equals(closest.path("status").asText());
        if (!found) {
            return new ArchiveAnswer(ARCHIVE, url, now, false, null, null);
        }
        return new ArchiveAnswer(ARCHIVE, url, now, true, timestamp(closest.path("timestamp").asText(null)),
                closest.path("url").asText(null));
    }

    private static @Nullable Instant timestamp(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
