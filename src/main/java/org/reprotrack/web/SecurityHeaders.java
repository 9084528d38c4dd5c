package org.reprotrack.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** The headers every answer carries, from a route or from Jetty itself. */
final class SecurityHeaders {

    /** No script at all, styles only from our own file, never framed. */
    static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("Content-Security-Policy", CSP);
        ALL.put("X-Content-Type-Options", "nosniff");
        ALL.put("Referrer-Policy", "no-referrer");
        ALL.put("X-Frame-Options", "DENY");
        ALL.put("Server", "reprotrack");
    }

    private SecurityHeaders() {
    }

    /** Sets each header with {@code set} (name, value). */
    static void apply(BiConsumer<String, String> set) {
        ALL.forEach(set);
    }
}
