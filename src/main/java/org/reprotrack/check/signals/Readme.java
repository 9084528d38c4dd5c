package org.reprotrack.check.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A README split into lines, each knowing whether it is code (a fenced block, or an indented block
 * after a blank line), under which heading it sits, and, for code lines that continue with a
 * trailing backslash, the whole command. Also resolves reference-style links ({@code [text][1]} with
 * {@code [1]: url} further down). The context the README rules need ("a Drive link under a
 * Pretrained models heading", "a command in a Training section").
 *
 * <p>Every pattern here is linear on one line (no nested quantifiers over the same characters), so
 * a long hostile README costs time proportional to its length.
 */
final class Readme {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_HEADING = Pattern.compile("(?i)^\\s*<h[1-6][^>]*>(.*?)(</h[1-6]>)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern INDENTED = Pattern.compile("^(?: {4}|\\t)\\s*\\S.*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+\\S.*");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[([^\\]]{1,100})\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern REFERENCE_USE = Pattern.compile("\\]\\s?\\[([^\\]]{0,100})\\]");
    private static final int MAX_JOINED = 2000;

    /**
     * @param number 1-based line number
     * @param text the line as written
     * @param fenced code: inside a fenced block (the fence lines themselves are not), or an indented
     *     code block
     * @param heading the nearest heading above, lower case, empty before the first
     * @param joined for the first line of a code command, the line with the lines its trailing
     *     backslashes continue onto (one logical command); otherwise the text
     */
    record Line(int number, String text, boolean fenced, String heading, String joined) {
        String evidence() {
            return "README:L" + number + ": " + text.strip();
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        /** The text without its inline code spans: what the prose around a command says. */
        String prose() {
            return text.indexOf('`') < 0 ? text : INLINE_CODE.matcher(text).replaceAll(" ");
        }

        /** The {@code `inline code`} spans of a prose line; none for code lines. */
        List<String> inlineCode() {
            if (fenced || text.indexOf('`') < 0) {
                return List.of();
            }
            List<String> spans = new ArrayList<>();
            Matcher m = INLINE_CODE.matcher(text);
            while (m.find()) {
                spans.add(m.group(1).strip());
            }
            return spans;
        }
    }

    private final List<Line> lines;
    private final Map<String, String> references;

    private Readme(List<Line> lines, Map<String, String> references) {
        this.lines = lines;
        this.references = references;
    }

    static Readme parse(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean[] code = new boolean[raw.length];
        boolean[] skip = new boolean[raw.length];
        String[] headings = new String[raw.length];
        Map<String, String> references = new HashMap<>();
        boolean fenced = false;
        boolean indented = false;
        boolean inList = false;
        String heading = "";
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            if (FENCE.matcher(t).matches()) {
                fenced = !fenced;
                skip[i] = true;
                indented = false;
                continue;
            }
            if (fenced) {
                code[i] = true;
                headings[i] = heading;
                continue;
            }
            boolean blankBefore = i == 0 || raw[i - 1].isBlank();
            // An indented block starts after a blank line, outside a list (where indentation
            // continues the item), and goes on while lines stay indented or blank.
            if (t.isBlank()) {
                // keeps indented/inList state
            } else if (INDENTED.matcher(t).matches()) {
                if (!indented && blankBefore && !inList) {
                    indented = true;
                }
            } else {
                indented = false;
                inList = LIST_ITEM.matcher(t).matches() || (inList && !blankBefore);
            }
            code[i] = indented && !t.isBlank();
            if (!code[i]) {
                var atx = ATX_HEADING.matcher(t);
                var html = HTML_HEADING.matcher(t);
                if (atx.matches()) {
                    heading = atx.group(1).toLowerCase(Locale.ROOT);
                    inList = false;
                } else if (html.matches()) {
                    heading = html.group(1).replaceAll("<[^>]*>", "").toLowerCase(Locale.ROOT);
                    inList = false;
                } else if (SETEXT.matcher(t).matches() && i > 0 && !raw[i - 1].isBlank() && !raw[i - 1].contains("|")) {
                    heading = raw[i - 1].strip().toLowerCase(Locale.ROOT);
                }
                Matcher ref = REFERENCE_DEFINITION.matcher(t);
                if (ref.matches()) {
                    references.putIfAbsent(ref.group(1).strip().toLowerCase(Locale.ROOT), ref.group(2));
                }
            }
            headings[i] = heading;
        }
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (skip[i]) {
                continue;
            }
            String joined = raw[i];
            boolean continuation = i > 0 && code[i - 1] && raw[i - 1].stripTrailing().endsWith("\\");
            if (code[i] && !continuation) {
                StringBuilder sb = new StringBuilder();
                int j = i;
                String part = raw[j];
                while (part.stripTrailing().endsWith("\\") && j + 1 < raw.length && code[j + 1] && sb.length() < MAX_JOINED) {
                    String s = part.stripTrailing();
                    sb.append(s, 0, s.length() - 1).append(' ');
                    part = raw[++j].strip();
                }
                joined = sb.append(part).toString();
            }
            lines.add(new Line(i + 1, raw[i], code[i], headings[i], joined));
        }
        return new Readme(List.copyOf(lines), Map.copyOf(references));
    }

    List<Line> lines() {
        return lines;
    }

    boolean blank() {
        return lines.stream().allMatch(l -> l.text().isBlank());
    }

    /**
     * The line with the targets of its reference-style links appended ({@code [Resources][3]} and
     * {@code [3]: https://...} become {@code ... https://...}), so link rules see the URL.
     */
    String withReferences(Line line) {
        String t = line.text();
        if (references.isEmpty() || t.indexOf("][") < 0 && t.indexOf("] [") < 0) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t);
        Matcher m = REFERENCE_USE.matcher(t);
        while (m.find()) {
            String url = references.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            if (url != null) {
                sb.append(' ').append(url);
            }
        }
        return sb.toString();
    }

    /** A heading and the lines under it, up to the next heading. */
    record Section(String heading, List<Line> lines) {}

    /** The README cut at its headings; lines before the first heading form a section with an empty heading. */
    List<Section> sections() {
        List<Section> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || !lines.get(i).heading().equals(lines.get(start).heading())) {
                out.add(new Section(lines.get(start).heading(), lines.subList(start, i)));
                start = i;
            }
        }
        return out;
    }
}
