package org.reprotrack.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 64-bit FNV-1a hash of a paper's link-bearing text, with runs of whitespace counted as one
 * space and leading or trailing whitespace ignored, so the same abstract read with and without hard line breaks hashes the same. It decides
 * whether links must be recomputed; a collision (about 1 in 10^7 at 10^6 papers squared over
 * 2^64) would only skip one link refresh.
 */
final class TextHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private TextHash() {
    }

    static long of(@Nullable String abstractText, @Nullable String comments, List<String> listed) {
        long h = OFFSET;
        h = mix(h, abstractText);
        h = mix(h, comments);
        for (String url : listed) {
            h = mix(h, url);
        }
        return h;
    }

    private static long mix(long h, @Nullable String text) {
        if (text == null) {
            return (h ^ 0x1F) * PRIME;
        }
        boolean started = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C) : c >= 0x85 && Character.isWhitespace(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                h = (h ^ ' ') * PRIME;
                pendingSpace = false;
            }
            started = true;
            h = (h ^ c) * PRIME;
        }
        return (h ^ 0x1E) * PRIME;
    }
}
