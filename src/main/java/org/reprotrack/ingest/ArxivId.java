package org.reprotrack.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An arXiv identifier without its version, plus the version when one was written.
 *
 * <p>New-style ids are {@code YYMM.NNNN} up to {@code 1412} and {@code YYMM.NNNNN} from
 * {@code 1501} on; old-style ids are {@code archive[.SUBJ]/YYMMNNN}. The subject class of an
 * old-style id is dropped ({@code math.AG/0309136} becomes {@code math/0309136}) because arXiv's
 * canonical id, and the metadata snapshot, have no subject class: keeping it would make one paper
 * look like two.
 *
 * @param id canonical id without version
 * @param version the {@code vN} suffix, null if none was written
 */
record ArxivId(String id, @Nullable Integer version) {

    /** Where an id was found inside a longer text: the id and the index just after it. */
    record Match(ArxivId arxivId, int end) {}

    private static final Pattern OLD_STYLE = Pattern.compile("([a-z]+(?:-[a-z]+)?)(?:\\.[A-Za-z][A-Za-z-]{0,15})?/(\\d{7})");
    private static final Pattern URL = Pattern.compile(
            "(?i)^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?$");
    private static final Pattern PREFIX = Pattern.compile("(?i)^arxiv:");

    /**
     * Reads an id that starts at {@code start} and may be followed by other text with no
     * separator, as in a listing marker {@code arXiv:2108.088393D point cloud}. The id's length
     * follows from its form. A version's length cannot: {@code v13D} is version 1 followed by
     * "3D", but {@code v23Hypergraphs} is version 23 followed by "Hypergraphs". We take one digit
     * unless the digits after it are glued to a capitalised word or end the text, the only cases
     * seen on real listings where a two-digit version is the likelier reading.
     */
    static @Nullable Match parseGlued(CharSequence s, int start) {
        int end = idEnd(s, start);
        if (end < 0) {
            return null;
        }
        String id = canonical(s.subSequence(start, end).toString());
        if (end < s.length() && s.charAt(end) == 'v' && end + 1 < s.length() && isDigit(s.charAt(end + 1))
                && s.charAt(end + 1) != '0') {
            int digitsEnd = end + 1;
            while (digitsEnd < s.length() && isDigit(s.charAt(digitsEnd)) && digitsEnd - end <= 6) {
                digitsEnd++;
            }
            int versionEnd = end + 2;
            if (digitsEnd > versionEnd && (digitsEnd == s.length() || Character.isWhitespace(s.charAt(digitsEnd))
                    || startsCapitalisedWord(s, digitsEnd))) {
                versionEnd = digitsEnd;
            }
            int version = Integer.parseInt(s.subSequence(end + 1, versionEnd).toString());
            return new Match(new ArxivId(id, version), versionEnd);
        }
        return new Match(new ArxivId(id, null), end);
    }

    /**
     * Reads a whole string as an id: {@code 2406.11111v2}, {@code arXiv:hep-th/9901001},
     * {@code math.AG/0309136} or an arXiv abs/pdf URL. Surrounding whitespace is ignored.
     */
    static @Nullable ArxivId parse(String text) {
        String s = text.strip();
        Matcher url = URL.matcher(s);
        if (url.matches()) {
            s = url.group(1);
        }
        s = PREFIX.matcher(s).replaceFirst("");
        int end = idEnd(s, 0);
        if (end < 0) {
            return null;
        }
        String id = canonical(s.substring(0, end));
        if (end == s.length()) {
            return new ArxivId(id, null);
        }
        if (s.charAt(end) == 'v' && end + 1 < s.length() && end + 8 >= s.length()
                && s.substring(end + 1).chars().allMatch(ArxivId::isDigit) && s.charAt(end + 1) != '0') {
            return new ArxivId(id, Integer.parseInt(s.substring(end + 1)));
        }
        return null;
    }

    /** The id of an arXiv abs or pdf URL, null if {@code url} is not one. */
    static @Nullable ArxivId fromUrl(String url) {
        Matcher m = URL.matcher(url.strip());
        return m.matches() ? parse(m.group(1)) : null;
    }

    /** Index just after a well-formed id starting at {@code start}, or -1. */
    private static int idEnd(CharSequence s, int start) {
        if (start + 4 <= s.length() && allDigits(s, start, start + 4)) {
            int yy = num(s, start, start + 2);
            int mm = num(s, start + 2, start + 4);
            int yymm = yy * 100 + mm;
            if (mm < 1 || mm > 12 || yymm < 704 || start + 5 > s.length() || s.charAt(start + 4) != '.') {
                return -1;
            }
            int digits = yymm <= 1412 ? 4 : 5;
            int end = start + 5 + digits;
            return end <= s.length() && allDigits(s, start + 5, end) ? end : -1;
        }
        Matcher m = OLD_STYLE.matcher(s);
        m.region(start, s.length());
        if (m.lookingAt()) {
            String digits = m.group(2);
            int yy = Integer.parseInt(digits.substring(0, 2));
            int mm = Integer.parseInt(digits.substring(2, 4));
            if (mm >= 1 && mm <= 12 && (yy >= 91 || yy <= 7)) {
                return m.end();
            }
        }
        return -1;
    }

    private static String canonical(String id) {
        int slash = id.indexOf('/');
        if (slash < 0) {
            return id;
        }
        String archive = id.substring(0, slash);
        int dot = archive.indexOf('.');
        return (dot < 0 ? archive : archive.substring(0, dot)).toLowerCase(Locale.ROOT) + id.substring(slash);
    }

    private static boolean startsCapitalisedWord(CharSequence s, int i) {
        return i + 1 < s.length() && Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i + 1));
    }

    private static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int num(CharSequence s, int from, int to) {
        return Integer.parseInt(s.subSequence(from, to).toString());
    }

    @Override
    public String toString() {
        return version == null ? id : id + "v" + version;
    }
}
