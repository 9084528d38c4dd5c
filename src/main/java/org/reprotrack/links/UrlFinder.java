package org.reprotrack.links;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the URLs in prose, with or without a scheme.
 *
 * <p>A single pass looks for anchors: {@code ://}, a dot between an alphanumeric and a letter, and
 * LaTeX {@code \href{}. Most abstracts have none or only {@code e.g.}, so they cost one scan of
 * their characters and no allocation. Around an anchor we look at the enclosing token only
 * (whitespace and {@code \} delimit tokens; neither occurs in a URL written in prose).
 */
final class UrlFinder {

    private static final String HREF = "href{";
    /** Schemes we follow, longest first so {@code https} wins over {@code http}. */
    private static final String[] SCHEMES = {"https", "http", "ftps", "ftp"};
    /** Longest LaTeX argument we follow; a missing brace must not make us skip the rest of the text. */
    private static final int MAX_ARGUMENT = 2_000;

    private final DomainRules domains = new DomainRules();
    private final LineBreaks lineBreaks = new LineBreaks(domains);
    private final SpacedUrls spacedUrls = new SpacedUrls();

    /** The URLs in {@code text}, in order of appearance. */
    List<FoundUrl> find(String text) {
        @Nullable List<FoundUrl> out = null;
        int n = text.length();
        int floor = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean href = c == '\\' && text.startsWith(HREF, i + 1);
            boolean anchor = href || (c == '.' && isDotAnchor(text, i)) || (c == ':' && isSchemeAnchor(text, i));
            boolean spacedAnchor = !anchor && ((c == ':' && SpacedUrls.isSpacedSchemeAnchor(text, i))
                    || (c == '.' && SpacedUrls.isHostDotAnchor(text, i)));
            if (!anchor && !spacedAnchor) {
                i++;
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            int resume;
            if (href) {
                resume = href(text, i, out);
            } else {
                int ts = i;
                while (ts > floor && !isTokenBreak(text.charAt(ts - 1))) {
                    ts--;
                }
                int te = i;
                while (te < n && !isTokenBreak(text.charAt(te))) {
                    te++;
                }
                FoundUrl repaired = spacedAnchor || brokenAtEnd(text, ts, te) ? spaced(text, ts, te) : null;
                if (repaired != null) {
                    out.add(repaired);
                    resume = repaired.end();
                } else {
                    resume = spacedAnchor ? i + 1 : scan(text, ts, te, out);
                }
            }
            floor = Math.max(resume, i + 1);
            i = floor;
        }
        return out == null ? List.of() : out;
    }

    /**
     * Whether the token {@code [ts, te)} ends where a space may have broken a code-host URL: in
     * {@code :}, {@code /} or {@code .} before whitespace, and it names a code host.
     */
    private static boolean brokenAtEnd(String text, int ts, int te) {
        if (te >= text.length() || te - ts < 4 || ":/.".indexOf(text.charAt(te - 1)) < 0 || !Chars.isWhitespace(text.charAt(te))) {
            return false;
        }
        if (text.startsWith("//", te - 2)) {
            return true; // "https:// github.com/…": the host is in the next token
        }
        for (String d : SpacedUrls.DOMAINS) {
            int label = d.indexOf('.');
            for (int k = ts; k + label <= te; k++) {
                if (text.regionMatches(true, k, d, 0, label)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A code-host URL broken by spaces ({@link SpacedUrls}) that starts in the token {@code [ts, te)}:
     * at a scheme in it ({@code at:https: //…}), else at its first host character.
     */
    private @Nullable FoundUrl spaced(String text, int ts, int te) {
        int n = text.length();
        for (int k = ts; k < te; k++) {
            char c = text.charAt(k);
            if (c == 'h' || c == 'H') {
                FoundUrl u = spacedUrls.read(text, k, n);
                if (u != null) {
                    return u;
                }
            }
        }
        int k = ts;
        while (k < te && !Chars.isAlnum(text.charAt(k))) {
            k++;
        }
        if (k >= te || (k > 0 && "/@.".indexOf(text.charAt(k - 1)) >= 0)) {
            return null;
        }
        return spacedUrls.read(text, k, n);
    }

    /** {@code \href{URL}{text}}: the URL only; the text is skipped even when it looks like a link. */
    private int href(String text, int backslash, List<FoundUrl> out) {
        int open = backslash + HREF.length();
        int close = closingBrace(text, open);
        if (close < 0) {
            return open + 1;
        }
        scan(text, open + 1, close, out);
        int q = close + 1;
        while (q < text.length() && Chars.isWhitespace(text.charAt(q))) {
            q++;
        }
        if (q < text.length() && text.charAt(q) == '{') {
            int textClose = closingBrace(text, q);
            if (textClose >= 0) {
                return textClose + 1;
            }
        }
        return close + 1;
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        int limit = Math.min(text.length(), open + MAX_ARGUMENT);
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Scans {@code [p, to)} for URLs; returns where scanning may resume (past a joined line). */
    private int scan(String text, int p, int to, List<FoundUrl> out) {
        int resume = to;
        while (p < to) {
            int a = nextAnchor(text, p, to);
            if (a < 0) {
                break;
            }
            int next = text.charAt(a) == ':' ? schemeUrl(text, p, a, to, out) : bareUrl(text, p, a, to, out);
            resume = Math.max(resume, next);
            p = Math.max(next, a + 1);
        }
        return resume;
    }

    private static int nextAnchor(String text, int p, int to) {
        for (int i = p; i < to; i++) {
            char c = text.charAt(i);
            if ((c == '.' && isDotAnchor(text, i)) || (c == ':' && isSchemeAnchor(text, i))) {
                return i;
            }
        }
        return -1;
    }

    private int schemeUrl(String text, int p, int colon, int to, List<FoundUrl> out) {
        int letters = colon;
        while (letters > p && Chars.isLetter(text.charAt(letters - 1))) {
            letters--;
        }
        // the scheme is the known suffix of the letters: "Code:https://" and "athttps://" both work
        int s = -1;
        for (String scheme : SCHEMES) {
            int start = colon - scheme.length();
            if (start >= letters && text.regionMatches(true, start, scheme, 0, scheme.length())) {
                s = start;
                break;
            }
        }
        if (s < 0) {
            return colon + 3;
        }
        int end = finish(text, s, colon + 3, to, true, out);
        // a rejected host may hide a second URL ("https://githubhttps://github.com/..."): look after "://"
        return end < 0 ? colon + 3 : end;
    }

    private int bareUrl(String text, int p, int dot, int to, List<FoundUrl> out) {
        int s = dot;
        while (s > p && (Chars.isLabelChar(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        while (s < dot && !Chars.isAlnum(text.charAt(s))) {
            s++;
        }
        int hostEnd = dot;
        while (hostEnd < to && (Chars.isLabelChar(text.charAt(hostEnd)) || text.charAt(hostEnd) == '.')) {
            hostEnd++;
        }
        int he = hostEnd;
        while (he > dot && !Chars.isAlnum(text.charAt(he - 1))) {
            he--;
        }
        char before = s > 0 ? text.charAt(s - 1) : ' ';
        if (isScpStyleGit(text, s, he, to)) {
            int end = finish(text, s - 4, s, to, false, out);
            return end < 0 ? dot + 1 : end;
        }
        if (before == '@' || (hostEnd < to && text.charAt(hostEnd) == '@')) {
            return skipEmail(text, hostEnd, to); // name@host is an e-mail address
        }
        // a rejected dot may be glued to a URL ("acceptance.https://..."): resume right after it
        if (Chars.isAlnum(before) || "_/.-%&=+~#$".indexOf(before) >= 0) {
            return dot + 1; // part of a path, a file name or an identifier
        }
        boolean hasPath = he < to && text.charAt(he) == '/';
        if (!domains.wellFormed(text, s, he) || !domains.plausibleBareHost(text.substring(s, he), hasPath)) {
            return dot + 1;
        }
        int end = finish(text, s, s, to, false, out);
        return end < 0 ? dot + 1 : end;
    }

    /** {@code git@github.com:owner/repo.git}, git's SSH form: looks like an e-mail address but names a repository. */
    private static boolean isScpStyleGit(String text, int s, int he, int to) {
        return s >= 4 && text.startsWith("git@", s - 4) && (s == 4 || !Chars.isAlnum(text.charAt(s - 5)))
                && he < to && text.charAt(he) == ':' && CodeHost.ofDomain(text.substring(s, he)).isPresent();
    }

    private static int skipEmail(String text, int from, int to) {
        int i = from;
        while (i < to && (Chars.isHostChar(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '@')) {
            i++;
        }
        return i;
    }

    /**
     * Takes the URL that starts at {@code s} (host at {@code hostStart}) to its end, joining a
     * continuation line when {@link LineBreaks} says so, and records it if its host is well formed.
     *
     * @return where scanning resumes, or -1 when the host is not well formed
     */
    private int finish(String text, int s, int hostStart, int to, boolean scheme, List<FoundUrl> out) {
        int rawEnd = UrlEnds.extent(text, s, to);
        int cont = rawEnd == to && scheme ? lineBreaks.continuation(text, hostStart, to) : -1;
        String w;
        int ws;
        int wEnd;
        if (cont >= 0) {
            w = text.substring(s, to) + text.substring(to + 1, cont);
            ws = 0;
            wEnd = w.length();
        } else {
            w = text;
            ws = s;
            wEnd = rawEnd;
        }
        int h = ws + (hostStart - s);
        int e = UrlEnds.trim(w, ws, hostRunEnd(w, h, wEnd));
        if (!hostOk(w, h, e, w.startsWith("git@", ws))) {
            return -1;
        }
        int firstLine = to - s;
        int textEnd = cont >= 0 && e - ws > firstLine ? to + 1 + (e - ws - firstLine) : s + (e - ws);
        out.add(new FoundUrl(w.substring(ws, e), s, textEnd));
        return textEnd;
    }

    /**
     * Where the URL ends if its host (with user info and port) is not followed by a path, query or
     * fragment: {@code http://example.org'/>} is {@code http://example.org}, {@code https://example.org-}
     * drops the hyphen.
     */
    private static int hostRunEnd(String w, int h, int end) {
        int run = h;
        while (run < end && isHostRunChar(w.charAt(run))) {
            run++;
        }
        int trimmed = run;
        while (trimmed > h && (w.charAt(trimmed - 1) == '.' || w.charAt(trimmed - 1) == '-')) {
            trimmed--;
        }
        boolean pathFollows = run < end && "/?#".indexOf(w.charAt(run)) >= 0;
        return trimmed < run || (run < end && !pathFollows) ? trimmed : end;
    }

    private static boolean isHostRunChar(char c) {
        return Chars.isLabelChar(c) || c == '.' || c == ':' || c == '@' || c == '_' || c == '~' || c == '%';
    }

    private boolean hostOk(String w, int h, int e, boolean scpStyle) {
        int hostEnd = h;
        int at = -1;
        while (hostEnd < e && "/?#".indexOf(w.charAt(hostEnd)) < 0) {
            if (w.charAt(hostEnd) == '@') {
                at = hostEnd;
            }
            hostEnd++;
        }
        int start = at >= 0 ? at + 1 : h;
        int port = w.indexOf(':', start);
        if (port < 0 || port >= hostEnd) {
            return dotted(w, start, hostEnd) && domains.wellFormed(w, start, hostEnd);
        }
        if (port + 1 == hostEnd) {
            return false; // "https://githubhttps://github.com/...": a scheme, not a port
        }
        for (int i = port + 1; i < hostEnd; i++) {
            if (!Chars.isDigit(w.charAt(i)) && !scpStyle) {
                return false;
            }
        }
        return dotted(w, start, port) && domains.wellFormed(w, start, port);
    }

    /** A host of one label is a local name ("http://foo") and never a paper's link, except localhost. */
    private static boolean dotted(String w, int start, int end) {
        int dot = w.indexOf('.', start);
        return (dot >= 0 && dot < end) || w.regionMatches(true, start, "localhost", 0, Math.max(end - start, 9));
    }

    private static boolean isDotAnchor(String text, int i) {
        return i > 0 && i + 1 < text.length() && Chars.isAlnum(text.charAt(i - 1)) && Chars.isLetter(text.charAt(i + 1));
    }

    private static boolean isSchemeAnchor(String text, int i) {
        return i > 0 && i + 2 < text.length() && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/'
                && Chars.isLetter(text.charAt(i - 1));
    }

    private static boolean isTokenBreak(char c) {
        return Chars.isWhitespace(c) || c == '\\';
    }
}
