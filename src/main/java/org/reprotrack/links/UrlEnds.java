package org.reprotrack.links;

/**
 * Where a URL written in prose ends: the prose around it (sentence punctuation, closing brackets and
 * quotes that the URL did not open) is not part of it.
 */
final class UrlEnds {

    private UrlEnds() {}

    /** The end of the run of URL characters starting at {@code from}, at most {@code limit}. */
    static int extent(CharSequence s, int from, int limit) {
        int i = from;
        while (i < limit && Chars.isUrlChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The end of the URL in {@code [start, end)} once unbalanced closers and trailing punctuation
     * are dropped. {@code (a)} inside a URL stays (Wikipedia style); {@code )} closing the prose
     * parenthesis or a Markdown {@code [text](url)} goes.
     */
    static int trim(CharSequence s, int start, int end) {
        int e = cutAtUnbalancedCloser(s, start, end);
        boolean changed = true;
        while (changed && e > start) {
            changed = false;
            char c = s.charAt(e - 1);
            switch (c) {
                case '.', ',', ';', ':', '!', '?', '*', '$', '(', '[':
                    e--;
                    changed = true;
                    break;
                case '\'':
                    // a closing quote of the prose, unless the URL holds a pair ("a'b'")
                    if (count(s, start, e, '\'') % 2 == 1) {
                        e--;
                        changed = true;
                    }
                    break;
                case ')', ']':
                    if (!balanced(s, start, e, c == ')' ? '(' : '[', c)) {
                        e--;
                        changed = true;
                    }
                    break;
                default:
                    break;
            }
        }
        return e;
    }

    private static int cutAtUnbalancedCloser(CharSequence s, int start, int end) {
        int paren = 0;
        int bracket = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                paren++;
            } else if (c == '[') {
                bracket++;
            } else if (c == ')') {
                if (paren == 0) {
                    return i;
                }
                paren--;
            } else if (c == ']') {
                if (bracket == 0) {
                    return i;
                }
                bracket--;
            }
        }
        return end;
    }

    private static int count(CharSequence s, int start, int end, char c) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean balanced(CharSequence s, int start, int end, char open, char close) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth >= 0;
    }
}
