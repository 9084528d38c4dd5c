package org.reprotrack.links;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Joins a code-host URL that text extracted from a PDF broke with spaces:
 * {@code https: //github.com/a/b}, {@code https://github. com/a/b},
 * {@code https: // github. com/ owner/ repo-name}, {@code https: //anonymous.4open.science/r/X-1A2B}.
 *
 * <p>A space is joined only at the three places where PDF extraction puts one and prose never
 * does, and only while the pieces still build a code host's repository:
 * <ul>
 *   <li>after the scheme's colon or after its {@code //} ({@code https: //}, {@code https:// });
 *   <li>after a dot inside the host, when the host so far and the next piece form (a label prefix
 *       of) a code host's domain written in lower case ({@code github. com}, {@code anonymous. 4open.science});
 *   <li>after a {@code /} of the path, while the path does not yet name a repository (owner and
 *       name; {@code datasets/} and {@code spaces/} on Hugging Face take one more), and only for
 *       a piece that cannot be a word of the sentence: it continues with a {@code /}, or holds a
 *       digit, {@code - _ .} or a capital after its first letter, or the URL already had a space
 *       joined (it is visibly broken) and the piece is not a common English word.
 * </ul>
 * At most two spaces (one line break among them) are joined at one place. The result must name a
 * repository ({@link RepoRefParser}) and at least one space must have been joined; otherwise
 * nothing is returned and the ordinary scan handles the text. Spaces before a dot or a slash,
 * hosts that are not code hosts and pieces that are ordinary words are left alone.
 */
final class SpacedUrls {

    /** Longest run of whitespace joined at one place. */
    private static final int MAX_GAP = 2;
    /** The code hosts' domains, lower case (read for every sentence's full stop: no copy per call). */
    static final String[] DOMAINS = java.util.Arrays.stream(CodeHost.values()).map(CodeHost::domain).toArray(String[]::new);
    private static final String[] SCHEMES = {"https", "http"};

    /** Words that follow a URL in a sentence; never joined as a path piece. */
    private static final Set<String> SENTENCE_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "for", "to", "of", "in", "on", "at", "by", "as", "is",
            "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "with", "from",
            "via", "see", "our", "we", "you", "code", "codes", "data", "dataset", "datasets", "model", "models",
            "page", "project", "repository", "repo", "here", "there", "where", "which", "while", "will", "can",
            "also", "more", "details", "available", "released", "github", "gitlab", "link", "url", "website",
            "under", "upon", "after", "before", "if", "when", "than", "then", "so", "all", "any", "each", "both",
            "including", "etc", "e.g", "i.e", "paper", "supplementary", "material", "materials", "demo", "video");

    private final RepoRefParser repos = new RepoRefParser();

    /**
     * Whether a dot at {@code dot}, followed by whitespace, may end the first part of a code host
     * ({@code github. com}): cheap, so the scan can use it as an anchor.
     */
    static boolean isHostDotAnchor(String text, int dot) {
        int n = text.length();
        if (dot == 0 || dot + 2 >= n || !Chars.isAlnum(text.charAt(dot - 1)) || !isGap(text.charAt(dot + 1))) {
            return false;
        }
        int s = dot;
        while (s > 0 && (Chars.isHostChar(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        if (text.regionMatches(true, s, "www.", 0, 4) && dot - s > 4) {
            s += 4;
        }
        // the host so far and its dot start a code host's domain ("github." of "github.com")
        int len = dot - s;
        for (String d : DOMAINS) {
            if (len < d.length() && d.charAt(len) == '.' && text.regionMatches(true, s, d, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a colon at {@code colon} ends a scheme followed by a space before or after its
     * {@code //} ({@code https: //}, {@code https:// github}).
     */
    static boolean isSpacedSchemeAnchor(String text, int colon) {
        int n = text.length();
        if (colon == 0 || !Chars.isLetter(text.charAt(colon - 1)) || colon + 1 >= n) {
            return false;
        }
        int p = skipGap(text, colon + 1);
        if (!text.startsWith("//", p)) {
            return false;
        }
        return p > colon + 1 || (p + 2 < n && isGap(text.charAt(p + 2)));
    }

    /**
     * The repaired URL starting at {@code start} (a scheme, or a host without one), or null when no
     * space was joined or the pieces do not name a repository on a code host.
     *
     * @param limit where the URL must end at the latest (the text's end, or a LaTeX argument's)
     */
    @Nullable
    FoundUrl read(String text, int start, int limit) {
        StringBuilder url = new StringBuilder();
        int p = start;
        boolean joined = false;
        String scheme = schemeAt(text, p, limit);
        if (scheme != null) {
            url.append(text, p, p + scheme.length()).append(':');
            p += scheme.length() + 1;
            int q = skipGap(text, p);
            joined |= q > p;
            if (!text.startsWith("//", q)) {
                return null;
            }
            url.append("//");
            p = q + 2;
            q = skipGap(text, p);
            joined |= q > p;
            p = q;
        }
        // the host: labels, a gap allowed right after a dot while it still builds a code host
        int hostStart = url.length();
        int hostJoin = hostStart;
        while (true) {
            int e = p;
            while (e < limit && Chars.isHostChar(text.charAt(e))) {
                e++;
            }
            if (e == p) {
                return null;
            }
            url.append(text, p, e);
            p = e;
            if (p < limit && text.charAt(p) == '.') {
                int q = skipGap(text, p + 1);
                if (q == p + 1) {
                    url.append('.');
                    p++;
                    continue;
                }
                String host = url.substring(hostStart).toLowerCase(Locale.ROOT) + ".";
                String next = label(text, q, limit);
                if (!next.isEmpty() && next.equals(next.toLowerCase(Locale.ROOT)) && isDomainPrefix(stripWww(host) + next)) {
                    url.append('.');
                    p = q;
                    joined = true;
                    hostJoin = url.length();
                    continue;
                }
            }
            break;
        }
        String host = stripWww(url.substring(hostStart).toLowerCase(Locale.ROOT));
        CodeHost codeHost = CodeHost.ofDomain(host).orElse(null);
        if (codeHost == null || p >= limit || text.charAt(p) != '/') {
            return null;
        }
        // the path: a gap after a slash is joined only while the repository is not yet named
        int segments = 0;
        String firstSegment = "";
        int lastJoin = Math.max(hostJoin, hostStart);
        int end;
        while (true) {
            // here text.charAt(p) == '/'
            url.append('/');
            p++;
            int q = skipGap(text, p);
            if (q > p) {
                String piece = piece(text, q, limit);
                if (!needsMore(codeHost, segments, firstSegment) || !joinable(text, q, limit, piece, joined)) {
                    end = p;
                    break;
                }
                joined = true;
                lastJoin = url.length();
                p = q;
            }
            int e = p;
            while (e < limit && Chars.isUrlChar(text.charAt(e)) && text.charAt(e) != '/') {
                e++;
            }
            if (e > p) {
                if (segments == 0) {
                    firstSegment = text.substring(p, e).toLowerCase(Locale.ROOT);
                }
                segments++;
            }
            url.append(text, p, e);
            p = e;
            if (p >= limit || text.charAt(p) != '/') {
                end = p;
                break;
            }
        }
        if (!joined) {
            return null;
        }
        // trailing prose punctuation goes as for any URL; it is at the end of both text and url
        int trimmedLength = UrlEnds.trim(url, 0, url.length());
        if (trimmedLength < lastJoin) {
            return null; // an unbalanced bracket before the last joined space: not one URL
        }
        end -= url.length() - trimmedLength;
        url.setLength(trimmedLength);
        String result = url.toString();
        if (repos.parse(UrlParts.of(result)) == null) {
            return null;
        }
        return new FoundUrl(result, start, end);
    }

    /** The scheme ({@code http}, {@code https}) spelled at {@code p} and followed by a colon, or null. */
    private static @Nullable String schemeAt(String text, int p, int limit) {
        for (String s : SCHEMES) {
            if (p + s.length() < limit && text.regionMatches(true, p, s, 0, s.length()) && text.charAt(p + s.length()) == ':') {
                return s;
            }
        }
        return null;
    }

    /** Whether the path still lacks a segment of the repository's name on this host. */
    private static boolean needsMore(CodeHost host, int segments, String first) {
        int wanted = switch (host) {
            case GIST -> 1;
            case HUGGINGFACE -> first.equals("datasets") || first.equals("spaces") ? 3 : 2;
            default -> 2;
        };
        return segments < wanted;
    }

    /** Whether a piece after a slash and a gap is the rest of the path rather than the sentence's next word. */
    private static boolean joinable(String text, int q, int limit, String piece, boolean alreadyBroken) {
        if (piece.isEmpty() || SENTENCE_WORDS.contains(piece.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int after = q + piece.length();
        if (after < limit && text.charAt(after) == '/') {
            return true;
        }
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (Chars.isDigit(c) || c == '-' || c == '_' || (c == '.' && i + 1 < piece.length()) || (i > 0 && c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return alreadyBroken && Chars.isLetter(piece.charAt(0));
    }

    /** The path segment starting at {@code q}: letters, digits, {@code . _ -}, without a trailing dot. */
    private static String piece(String text, int q, int limit) {
        int e = q;
        while (e < limit && (Chars.isHostChar(text.charAt(e)) || text.charAt(e) == '_' || text.charAt(e) == '.')) {
            e++;
        }
        while (e > q && text.charAt(e - 1) == '.') {
            e--;
        }
        return text.substring(q, e);
    }

    /** The host labels starting at {@code q}, dots included. */
    private static String label(String text, int q, int limit) {
        int e = q;
        while (e < limit && (Chars.isHostChar(text.charAt(e)) || text.charAt(e) == '.')) {
            e++;
        }
        while (e > q && text.charAt(e - 1) == '.') {
            e--;
        }
        return text.substring(q, e);
    }

    /** Whether {@code s} is a code host's domain or its beginning up to a dot ({@code github.}, {@code anonymous.4open}). */
    private static boolean isDomainPrefix(String s) {
        for (String d : DOMAINS) {
            if (d.equals(s) || (d.startsWith(s) && (s.endsWith(".") || d.charAt(s.length()) == '.'))) {
                return true;
            }
        }
        return false;
    }

    private static String stripWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** Past at most {@link #MAX_GAP} whitespace characters with at most one line break; {@code p} when none. */
    private static int skipGap(String text, int p) {
        int q = p;
        int breaks = 0;
        while (q < text.length() && q - p < MAX_GAP && isGap(text.charAt(q))) {
            if (text.charAt(q) == '\n' && ++breaks > 1) {
                return p;
            }
            q++;
        }
        return q < text.length() && isGap(text.charAt(q)) ? p : q;
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u00a0';
    }
}
