package org.reprotrack.links;

import java.util.Set;

/**
 * The sentence around a link, for display and for promise phrases.
 *
 * <p>A sentence ends at {@code . ! ?} followed by whitespace, except after common abbreviations
 * ({@code e.g.}, {@code et al.}, {@code Fig.}); a hard line break is not an end (arXiv abstracts
 * wrap lines mid-sentence), a blank line is. The result is bounded so a run-on abstract without
 * full stops does not become one huge "sentence".
 */
final class SentenceContext {

    static final int MAX_LENGTH = 300;
    private static final int BEFORE_LINK = 120;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "al", "vs", "fig", "figs", "eq", "eqs", "cf", "resp", "approx", "etc", "no", "sec", "ref", "refs");

    String around(String text, int start, int end) {
        int s = sentenceStart(text, start);
        int e = sentenceEnd(text, end);
        if (e - s > MAX_LENGTH) {
            s = Math.max(s, Math.min(start - BEFORE_LINK, e - MAX_LENGTH));
            s = Math.max(s, 0);
            e = Math.min(e, s + MAX_LENGTH);
        }
        return collapse(text, s, e);
    }

    private static int sentenceStart(String text, int start) {
        for (int i = start - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' && text.charAt(i - 1) == '\n') {
                return i + 1;
            }
            if (Chars.isWhitespace(c) && isTerminator(text, i - 1)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int end) {
        int n = text.length();
        for (int i = end; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n') {
                return i;
            }
            if ((i + 1 == n || Chars.isWhitespace(text.charAt(i + 1))) && isTerminator(text, i)) {
                return i + 1;
            }
        }
        return n;
    }

    private static boolean isTerminator(String text, int i) {
        char c = text.charAt(i);
        if (c == '!' || c == '?') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        int w = i;
        while (w > 0 && (Chars.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
        // an empty word is a digit or bracket before the stop; one letter is an initial ("J. Smith")
        return word.isEmpty() || (word.length() > 1 && !ABBREVIATIONS.contains(word));
    }

    private static String collapse(String text, int s, int e) {
        StringBuilder b = new StringBuilder(e - s);
        boolean space = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Chars.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
