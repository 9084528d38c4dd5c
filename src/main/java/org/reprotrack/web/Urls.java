package org.reprotrack.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import spark.Request;

/** Links between pages: the same query with another page number, and path remainders. */
final class Urls {

    private Urls() {
    }

    /** This request's path and query parameters (sorted, re-encoded) with {@code page} set to {@code page}. */
    static String withPage(Request req, int page) {
        StringBuilder sb = new StringBuilder(req.pathInfo()).append('?');
        for (String name : new TreeSet<>(req.queryParams())) {
            if (name.equals("page")) {
                continue;
            }
            String value = req.queryParams(name);
            if (value != null && !value.isEmpty()) {
                sb.append(enc(name)).append('=').append(enc(value)).append('&');
            }
        }
        return sb.append("page=").append(page).toString();
    }

    static @Nullable String prev(Request req, int page) {
        return page > 1 ? withPage(req, page - 1) : null;
    }

    static @Nullable String next(Request req, int page, boolean hasNext) {
        return hasNext ? withPage(req, page + 1) : null;
    }

    /** What {@code *} matched, decoded once (ids like {@code hep-th/9901001} and keys like {@code github.com/a/b} hold slashes). */
    static String rest(Request req) {
        String[] splat = req.splat();
        if (splat.length == 0 || splat[0] == null || splat[0].isEmpty()) {
            throw new NotFoundException("nothing named");
        }
        String s = splat[0];
        try {
            return s.indexOf('%') >= 0 ? URLDecoder.decode(s, StandardCharsets.UTF_8) : s;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed escape in the path");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
