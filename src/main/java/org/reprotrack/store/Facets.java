package org.reprotrack.store;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * Keys of {@code paper_facet}: one per combination of the list's equality filters (status, year,
 * code host), each a value or {@code *}. A paper has a row under every key a filter could ask for,
 * so any filtered list is one index range. A key is stored as the 64-bit FNV-1a hash of its text
 * ({@code HAS_CODE|2021|github.com}): two of the few thousand keys a store has colliding would
 * take odds of about 1 in 10^12.
 */
final class Facets {

    private static final String ANY = "*";

    private Facets() {
    }

    /** The key of a list query's filters (absent filters are {@code *}). */
    static long key(@Nullable PaperStatus status, @Nullable Integer year, @Nullable String host) {
        return hash((status == null ? ANY : status.name()) + "|" + (year == null ? ANY : year.toString()) + "|"
                + (host == null ? ANY : host.toLowerCase(Locale.ROOT)));
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Every key a paper is listed under: 4, plus 4 per code host (papers without a date only under year {@code *}). */
    static Set<Long> of(Listing l) {
        Set<Long> keys = new LinkedHashSet<>();
        for (PaperStatus status : new PaperStatus[] {null, l.status()}) {
            for (Integer year : new Integer[] {null, l.year()}) {
                keys.add(key(status, year, null));
                for (String host : l.hosts()) {
                    keys.add(key(status, year, host));
                }
            }
        }
        return keys;
    }
}
