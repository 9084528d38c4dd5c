package org.reprotrack.check.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checklist item 5, a README with results and the commands that produce them (docs/checklist.md):
 * a results table (Markdown or HTML, with a number that is a measurement) and an experiment command
 * that runs a script the tree holds and is not a demo.
 */
final class ResultsRule {
    private ResultsRule() {
    }

    /** One cell of a table's separator row: dashes with optional alignment colons. */
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-+:?");

    /**
     * {@code |---|:--:|}: one or more dashes per column, optional colons and outer pipes (a single
     * column needs its pipes). Checked cell by cell: a regex with a repeated group recurses per
     * column and overflows the stack on a hostile row of thousands of columns.
     */
    static boolean separator(String line) {
        String s = line.strip();
        boolean leadingPipe = s.startsWith("|");
        if (s.isEmpty() || s.indexOf('-') < 0) {
            return false;
        }
        List<String> cells = cells(s);
        if (cells.size() < 2 && !leadingPipe) {
            return false;
        }
        for (String cell : cells) {
            if (!SEPARATOR_CELL.matcher(cell.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final String NUMBER = "[+\\-]?(?:\\d+(?:[.,]\\d+)*|\\.\\d+)(?:[eE][+\\-]?\\d+)?";
    /**
     * A measurement: {@code 79.3}, {@code 79.3%}, {@code 41.2 ± 0.3}, {@code 3.7e-02 +/- 0.4},
     * {@code 13.73 &pm; 0.06}, {@code 161 fps}; markup and link text already removed.
     */
    private static final Pattern NUMERIC_CELL = Pattern.compile(
            "^[\\s~<>=≈(]*" + NUMBER + "\\s*(?:%|x|×|ms|s|m|k|b|g|fps|db|m/s)?\\s*(?:(?:±|\\+/-|\\+-|\\+/−|&pm;|&plusmn;)\\s*"
                    + NUMBER + "\\s*%?)?[\\s)]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_NUMERIC_CELL = Pattern.compile(
            "(?i)<td[^>]*>\\s*(<(b|strong|i|em|u|a)[^>]*>\\s*)*[+\\-]?\\d+([.,]\\d+)?([eE][+\\-]?\\d+)?\\s*%?\\s*(</(b|strong|i|em|u|a)>\\s*)*</td>");
    private static final Pattern HTML_TABLE_START = Pattern.compile("(?i)<table\\b");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>");
    /** A table under a heading about the data describes the data (sizes, splits), it reports no result. */
    private static final Pattern DATA_HEADING = Pattern.compile("(?i)\\b(data|datasets?|statistics|stats)\\b");
    private static final Pattern RESULTS_HEADING = Pattern.compile(
            "(?i)result|performance|accuracy|benchmark|evaluat|comparison|leaderboard|score|metric");
    /** Commands that show the model on an input or set things up, not how its reported numbers were obtained. */
    private static final Pattern DEMO = Pattern.compile(
            "(?i)(?<![a-z])(demo|demos|infer|inference|predict|prediction|example|examples|app|gradio|visuali[sz]e|visuali[sz]ation|vis|viz|colab"
                    + "|download|downloads|prepare|preprocess|preprocessing|install|installation|setup|build|compile)(?![a-z])");

    static ItemResult judge(TreeIndex index, Readme readme) {
        Optional<Readme.Line> table = resultsTable(readme.lines());
        if (table.isEmpty()) {
            return ItemResult.absent(ChecklistItem.RESULTS);
        }
        for (Readme.Line l : readme.lines()) {
            if (DEMO.matcher(l.heading()).find()) {
                continue;
            }
            for (String c : Commands.of(l)) {
                if (!Commands.runs(c) || !ExperimentRule.runsPresentScript(c, index)) {
                    continue;
                }
                Optional<Commands.Script> s = Commands.script(c);
                if (s.isPresent() && DEMO.matcher(s.get().path()).find()) {
                    continue;
                }
                // Command first: it is the shorter, and the part a reader most needs to find again.
                return ItemResult.present(ChecklistItem.RESULTS, "commands README:L" + l.number() + ": " + l.text().strip()
                        + "; table README:L" + table.get().number() + ": " + table.get().text().strip());
            }
        }
        return ItemResult.absent(ChecklistItem.RESULTS);
    }

    /** The cells of a Markdown table row, without the outer pipes; {@code \|} does not split. */
    static List<String> cells(String row) {
        String s = row.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** The header line of the first Markdown or HTML table with a measurement in a data row. */
    private static Optional<Readme.Line> resultsTable(List<Readme.Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Readme.Line sep = lines.get(i);
            if (sep.fenced() || !separator(sep.text()) || !lines.get(i - 1).text().contains("|")
                    || dataTable(sep.heading())) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && lines.get(j).text().contains("|") && !lines.get(j).fenced(); j++) {
                if (numericRow(lines.get(j).text())) {
                    return Optional.of(lines.get(i - 1));
                }
            }
        }
        Readme.Line tableStart = null;
        for (Readme.Line l : lines) {
            if (l.fenced()) {
                continue;
            }
            if (HTML_TABLE_START.matcher(l.text()).find()) {
                tableStart = dataTable(l.heading()) ? null : l;
            }
            if (tableStart != null && HTML_NUMERIC_CELL.matcher(l.text()).find()) {
                return Optional.of(tableStart);
            }
        }
        return Optional.empty();
    }

    private static boolean dataTable(String heading) {
        return DATA_HEADING.matcher(heading).find() && !RESULTS_HEADING.matcher(heading).find();
    }

    private static boolean numericRow(String row) {
        for (String cell : cells(row)) {
            if (numeric(cell)) {
                return true;
            }
        }
        return false;
    }

    /** A cell that is a measurement once markup is gone: bold, italics, tags, and link text kept for its text. */
    static boolean numeric(String cell) {
        if (cell.length() > 200) {
            return false;
        }
        String s = LINK.matcher(cell).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("").replace("*", "").replace("_", " ").replace("`", "").replace("&nbsp;", " ");
        return NUMERIC_CELL.matcher(s).matches();
    }
}
