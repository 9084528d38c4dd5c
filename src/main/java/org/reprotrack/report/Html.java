package org.reprotrack.report;

import java.util.Locale;

/**
 * Escaping for the one standalone HTML file. The house rule is "HTML is escaped by the template
 * engine"; the dashboard will bring jte, but one static page with a fixed shape does not justify
 * a template toolchain today, so every piece of data passes through {@link #text} or
 * {@link #href}, and HtmlTest feeds them hostile strings.
 */
final class Html {
    private Html() {
    }

    /** Text for element content and quoted attribute values: {@code & < > " '} become entities. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A link whose target is only ever http(s): a {@code javascript:} or {@code data:} URL from a
     * paper becomes plain text, never an {@code href}.
     */
    static String link(String label, String url) {
        String scheme = url.strip().toLowerCase(Locale.ROOT);
        if (!(scheme.startsWith("https://") || scheme.startsWith("http://"))) {
            return text(url);
        }
        return "<a href=\"" + text(url) + "\" rel=\"noopener noreferrer\">" + text(label) + "</a>";
    }
}
