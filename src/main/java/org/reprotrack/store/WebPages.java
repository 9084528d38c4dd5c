package org.reprotrack.store;

import java.util.Locale;

/** How an other link becomes the URL of the page checked for it. */
final class WebPages {

    /** Longer URLs are kept as written but not checked (the unique index has a size limit). */
    static final int MAX_URL = 2000;

    private WebPages() {
    }

    /** The link as written, with {@code https://} when it was written without a scheme. */
    static String absolute(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://") ? url : "https://" + url;
    }
}
