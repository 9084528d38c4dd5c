package org.reprotrack.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.PaperSort;
import spark.Request;

/** Query parameters, validated: anything unusable is a {@link BadRequestException} naming the parameter. */
final class Params {

    static final int DEFAULT_PER_PAGE = 25;
    private static final int MAX_PAGE = 10_000;
    private static final int MAX_SEARCH = 200;
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]{1,100}");

    private Params() {
    }

    /**
     * The paper list's filters, order and page, from {@code q, status, host, year, score, placeholder,
     * promise_not_kept, sort, page, per_page}.
     *
     * @param promiseCutoff papers published before this have broken a promise when their code is still missing
     */
    static PaperQuery paperQuery(Request req, java.time.Instant promiseCutoff) {
        String q = text(req, "q", MAX_SEARCH);
        PaperStatus status = status(req.queryParams("status"));
        String host = text(req, "host", 100);
        if (host != null) {
            host = host.toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                throw new BadRequestException("host must be a host name such as github.com");
            }
        }
        Integer year = null;
        String y = blankToNull(req.queryParams("year"));
        if (y != null) {
            year = integer("year", y, 1990, 2100);
        }
        Integer score = null;
        String sc = blankToNull(req.queryParams("score"));
        if (sc != null) {
            score = integer("score", sc, 0, 5);
        }
        boolean placeholder = flag(req, "placeholder");
        boolean promiseNotKept = flag(req, "promise_not_kept");
        PaperSort sort = PaperSort.PUBLISHED_DESC;
        String s = blankToNull(req.queryParams("sort"));
        if (s != null) {
            sort = PaperSort.ofParam(s);
            if (sort == null) {
                throw new BadRequestException("sort must be one of id, -id, published, -published, status");
            }
        }
        int perPage = perPage(req);
        int page = page(req);
        return new PaperQuery(q, status, host, year, score, placeholder, promiseNotKept ? promiseCutoff : null, sort,
                (page - 1) * perPage, perPage);
    }

    /** A yes/no filter: {@code 1}, {@code true}, {@code yes} or {@code on} is yes; absent, empty, {@code 0}, {@code false}, {@code no} is no. */
    private static boolean flag(Request req, String name) {
        String v = blankToNull(req.queryParams(name));
        if (v == null) {
            return false;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new BadRequestException(name + " must be true or false");
        };
    }

    static int page(Request req) {
        String p = blankToNull(req.queryParams("page"));
        return p == null ? 1 : integer("page", p, 1, MAX_PAGE);
    }

    static int perPage(Request req) {
        String p = blankToNull(req.queryParams("per_page"));
        return p == null ? DEFAULT_PER_PAGE : integer("per_page", p, 1, PaperQuery.MAX_LIMIT);
    }

    private static @Nullable PaperStatus status(@Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return PaperStatus.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of has_code, code_gone, no_code_yet, no_code_link, pending");
        }
    }

    private static @Nullable String text(Request req, String name, int max) {
        String v = blankToNull(req.queryParams(name));
        if (v != null && (v.length() > max || v.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequestException(name + " must be at most " + max + " characters of text");
        }
        return v == null ? null : v.strip();
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max);
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
