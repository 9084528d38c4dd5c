package org.reprotrack.check.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One complete answer: status, headers, the body parsed as JSON when JSON was asked for and given,
 * and the URL that gave it (after any redirects we followed).
 *
 * @param redirects how many redirects were followed to get here
 */
record HostAnswer(int code, Headers headers, @Nullable JsonNode json, HttpUrl url, int redirects) {

    boolean isRedirect() {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** The redirect target, resolved against the URL that sent it; null when absent or not http(s). */
    @Nullable HttpUrl location() {
        String l = headers.get("Location");
        return l == null || l.isBlank() ? null : url.resolve(l.strip());
    }

    HostAnswer afterRedirects(int hops) {
        return new HostAnswer(code, headers, json, url, hops);
    }

    /** The host's error message from a JSON body: {@code message}, {@code error} (text), or Bitbucket's {@code error.message}. */
    @Nullable String message() {
        String m = JsonFields.text(json, "message");
        if (m != null) {
            return m;
        }
        JsonNode error = json == null ? null : json.get("error");
        if (error != null && error.isObject()) {
            return JsonFields.text(error, "message");
        }
        return JsonFields.text(json, "error");
    }

    /** {@code message} or, without one, the fallback. */
    String messageOr(String fallback) {
        String m = message();
        return m == null || m.isBlank() ? fallback : m;
    }
}
