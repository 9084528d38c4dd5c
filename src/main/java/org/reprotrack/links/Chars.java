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

    /** A character of an ASCII host name label (also of GitHub owner names). */
    static boolean isHostChar(char c) {
        return isAlnum(c) || c == '-';
    }

    /** A letter or digit outside ASCII (internationalised hosts and paths: {@code bündnis.de/ä}). */
    static boolean isUnicodeAlnum(char c) {
        if (c < 128) {
            return false;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** A character of a host label, internationalised names included. */
    static boolean isLabelChar(char c) {
        return isHostChar(c) || isUnicodeAlnum(c);
    }

    /**
     * A character that may continue a URL in prose. Excludes what never appears unescaped in the
     * URLs people write and what wraps them in LaTeX or HTML: space, {@code < > " { } | \ ^ `} and
     * non-ASCII punctuation and symbols (a full-width comma or a curly quote glued to a link ends
     * it); non-ASCII letters and digits continue it.
     */
    static boolean isUrlChar(char c) {
        if (c <= ' ' || c == 127) {
            return false;
        }
        if (c > 127) {
            return isUnicodeAlnum(c);
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
