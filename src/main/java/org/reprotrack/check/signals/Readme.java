package org.reprotrack.check.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A README split into lines, each knowing whether it sits in a fenced code block and under which
 * heading: the context the README rules need ("a Drive link under a Pretrained models heading").
 */
final class Readme {
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_HEADING = Pattern.compile("(?i)^\\s*<h[1-6][^>]*>(.*?)(</h[1-6]>)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");

    /**
     * @param number 1-based line number
     * @param text the line as written
     * @param fenced inside a fenced code block (the fence lines themselves are not)
     * @param heading the nearest heading above, lower case, empty before the first
     */
    record Line(int number, String text, boolean fenced, String heading) {
        String evidence() {
            return "README:L" + number + ": " + text.strip();
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private final List<Line> lines;

    private Readme(List<Line> lines) {
        this.lines = lines;
    }

    static Readme parse(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        boolean fenced = false;
        String heading = "";
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            if (FENCE.matcher(t).matches()) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                var atx = ATX_HEADING.matcher(t);
                var html = HTML_HEADING.matcher(t);
                if (atx.matches()) {
                    heading = atx.group(1).toLowerCase(Locale.ROOT);
                } else if (html.matches()) {
                    heading = html.group(1).replaceAll("<[^>]*>", "").toLowerCase(Locale.ROOT);
                } else if (SETEXT.matcher(t).matches() && i > 0 && !raw[i - 1].isBlank() && !raw[i - 1].contains("|")) {
                    heading = raw[i - 1].strip().toLowerCase(Locale.ROOT);
                }
            }
            lines.add(new Line(i + 1, t, fenced, heading));
        }
        return new Readme(List.copyOf(lines));
    }

    List<Line> lines() {
        return lines;
    }

    boolean blank() {
        return lines.stream().allMatch(l -> l.text().isBlank());
    }
}
