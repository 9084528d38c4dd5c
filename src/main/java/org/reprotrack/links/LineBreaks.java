package org.reprotrack.links;

/**
 * Joins a URL that a hard line break split ({@code https://github.\ncom/owner/repo}).
 *
 * <p>arXiv abstracts keep the submitter's line breaks, and a few of them fall inside a URL. We join
 * only when it is unambiguous: the line ends the URL in the middle (a host ending in {@code .}, or a
 * {@code /} or {@code -}), and the next line starts with something that cannot be an ordinary word
 * (the rest of a host followed by a path, or a path fragment with a {@code /}, digit, {@code _} or
 * {@code -}). Joining a link with the next word of the sentence would mangle a good link, which is
 * worse than missing a broken one.
 */
final class LineBreaks {

    private final DomainRules domains;

    LineBreaks(DomainRules domains) {
        this.domains = domains;
    }

    /**
     * The end of the continuation line's URL part when the URL {@code [start, lineEnd)} continues
     * after the newline at {@code lineEnd}; -1 when it does not.
     *
     * @param hostStart where the host starts (after the scheme)
     */
    int continuation(String text, int hostStart, int lineEnd) {
        int n = text.length();
        if (lineEnd >= n || text.charAt(lineEnd) != '\n' || lineEnd <= hostStart) {
            return -1;
        }
        char last = text.charAt(lineEnd - 1);
        if (last != '.' && last != '/' && last != '-') {
            return -1;
        }
        int cs = lineEnd + 1;
        int ce = UrlEnds.extent(text, cs, n);
        int ct = UrlEnds.trim(text, cs, ce);
        if (ct <= cs || text.startsWith("http", cs)) {
            return -1;
        }
        boolean inHost = text.lastIndexOf('/', lineEnd - 2) < hostStart;
        if (last == '.') {
            return inHost && restOfHost(text, hostStart, lineEnd, cs, ct) ? ce : -1;
        }
        return clearlyUrlPart(text, cs, ct) ? ce : -1;
    }

    private boolean restOfHost(String text, int hostStart, int lineEnd, int cs, int ct) {
        int hk = cs;
        while (hk < ct && (Chars.isHostChar(text.charAt(hk)) || text.charAt(hk) == '.')) {
            hk++;
        }
        if (hk == cs || (hk < ct && text.charAt(hk) != '/' && text.charAt(hk) != ':')) {
            return false;
        }
        String host = text.substring(hostStart, lineEnd) + text.substring(cs, hk);
        if (!host.equals(host.toLowerCase(java.util.Locale.ROOT)) || !domains.wellFormed(host, 0, host.length())) {
            return false;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        // "https://example.\nin this paper" must not become example.in: a word-like TLD needs a path
        return domains.isKnownTld(tld) && (hk < ct || tld.length() > 2);
    }

    private static boolean clearlyUrlPart(String text, int cs, int ct) {
        for (int i = cs; i < ct; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '_' || c == '-' || c == '=' || c == '?' || c == '#' || Chars.isDigit(c)
                    || (i > cs && c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }
}
