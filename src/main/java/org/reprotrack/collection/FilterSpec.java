package org.reprotrack.collection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.PaperSort;

/**
 * The dashboard's paper filters as a query string ({@code status=code_gone&year=2024&host=github.com&score=3&placeholder=1&promise_not_kept=1}),
 * the way a user copies them from the address bar. Paging and sort are ignored; text search is refused.
 */
final class FilterSpec {

    private FilterSpec() {
    }

    static PaperQuery parse(String filter, Instant promiseCutoff) {
        String s = filter.strip();
        int question = s.indexOf('?');
        if (question >= 0) {
            s = s.substring(question + 1);
        }
        PaperStatus status = null;
        String host = null;
        Integer year = null;
        Integer score = null;
        boolean placeholder = false;
        boolean promise = false;
        for (String pair : s.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "status" -> status = status(value);
                case "host" -> host = value.toLowerCase(Locale.ROOT);
                case "year" -> year = number(key, value, 1990, 2100);
                case "score" -> score = number(key, value, 0, 5);
                case "placeholder" -> placeholder = flag(key, value);
                case "promise_not_kept" -> promise = flag(key, value);
                case "page", "per_page", "sort", "collection" -> {
                    // paging, order and scope do not change which papers match
                }
                case "q" -> throw new IllegalArgumentException("a collection cannot be made from a text search (q=);"
                        + " use status, year, host, score, placeholder or promise_not_kept");
                default -> throw new IllegalArgumentException("unknown filter '" + key
                        + "': use status, year, host, score, placeholder or promise_not_kept");
            }
        }
        return new PaperQuery(null, status, host, year, score, placeholder, promise ? promiseCutoff : null, PaperSort.ID, 0, 1);
    }

    private static PaperStatus status(String v) {
        try {
            return PaperStatus.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of has_code, code_gone, no_code_yet, no_code_link, pending");
        }
    }

    private static int number(String key, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max);
    }

    private static boolean flag(String key, @Nullable String v) {
        return switch (v == null ? "" : v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false");
        };
    }
}
