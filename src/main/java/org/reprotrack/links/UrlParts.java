package org.reprotrack.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host and path segments of a URL as written in prose (scheme optional).
 *
 * @param host lower case, without {@code www.}, user info or port
 * @param segments the non-empty path segments before any {@code ?query} or {@code #fragment}, as written
 */
record UrlParts(String host, List<String> segments) {

    static UrlParts of(String url) {
        if (url.startsWith("git@") && url.indexOf(':') > 4) {
            // git's SSH form git@host:owner/repo: the colon separates host and path
            int colon = url.indexOf(':');
            return of(url.substring(4, colon) + "/" + url.substring(colon + 1));
        }
        int i = url.indexOf("://");
        int hostStart = i >= 0 ? i + 3 : 0;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String host = url.substring(hostStart, hostEnd);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int pathEnd = hostEnd;
        while (pathEnd < url.length() && url.charAt(pathEnd) != '?' && url.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        List<String> segments = new ArrayList<>();
        for (String seg : url.substring(hostEnd, pathEnd).split("/")) {
            if (!seg.isEmpty()) {
                segments.add(seg);
            }
        }
        return new UrlParts(host, List.copyOf(segments));
    }

    /** Segment {@code i}, or the empty string past the end. */
    String segment(int i) {
        return i < segments.size() ? segments.get(i) : "";
    }
}
