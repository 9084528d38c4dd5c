package org.reprotrack.report;

import java.util.regex.Pattern;

/**
 * Text that stays text in a GitHub-flavoured Markdown table cell: line breaks become spaces (a
 * newline would end the row), {@code |} is escaped (it would end the cell), Markdown punctuation
 * is backslash-escaped (except an underscore inside a word, which GFM leaves alone) and {@code < > &} become entities (GitHub would otherwise render or strip
 * HTML).
 */
final class Markdown {
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|\\\\`]+");

    private Markdown() {
    }

    static String cell(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    sb.append(' ');
                }
                case '\n', '\t', '\u2028', '\u2029', '\u0085' -> sb.append(' ');
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '_' -> {
                    // GFM never reads an underscore inside a word as emphasis: NOT_FOUND stays readable in an e-mail
                    boolean inWord = i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    sb.append(inWord ? "_" : "\\_");
                }
                case '|', '\\', '`', '*', '[', ']', '~' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    /** A link cell: an autolink {@code <url>} when the URL is plain http(s), else the URL as escaped text. */
    static String url(String url) {
        return SAFE_URL.matcher(url).matches() ? "<" + url + ">" : cell(url);
    }

    /** A link with a short label, {@code [label](<url>)}, or nothing when the URL is not plain http(s). */
    static String link(String label, String url) {
        return SAFE_URL.matcher(url).matches() && url.indexOf(')') < 0 ? "[" + cell(label) + "](<" + url + ">)" : "";
    }
}
