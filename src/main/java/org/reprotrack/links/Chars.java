package org.reprotrack.links;

/** Character classes shared by the URL scanner; ASCII only, no allocation. */
final class Chars {

    private Chars() {}

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    /** A character of a host name label or the dot between labels. */
    static boolean isHostChar(char c) {
        return isAlnum(c) || c == '-';
    }

    /**
     * A character that may continue a URL in prose. Excludes what never appears unescaped in the
     * URLs people write and what wraps them in LaTeX or HTML: space, {@code < > " { } | \ ^ `} and
     * anything outside ASCII (a full-width comma or a curly quote glued to a link ends it).
     */
    static boolean isUrlChar(char c) {
        if (c <= ' ' || c >= 127) {
            return false;
        }
        switch (c) {
            case '<', '>', '"', '{', '}', '|', '\\', '^', '`':
                return false;
            default:
                return true;
        }
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0';
    }
}
