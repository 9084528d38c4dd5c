package org.reprotrack.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprotrack.survival.Estimate;
import org.reprotrack.survival.GroupFigures;
import org.reprotrack.survival.Grouping;
import org.reprotrack.survival.SurvivalFigures;
import org.reprotrack.survival.SurvivalStep;

/**
 * The survival figures as CSV (RFC 4180, header row) for a librarian's or a meta-science study's
 * own analysis. Two tables: {@code summary}, one row per group (links, deaths, median, S at 1, 3
 * and 5 years with 95 % bounds), and {@code steps}, the whole curve (one row per event time).
 * Times are days since the paper's first version; an empty field is an estimate beyond the data.
 */
public final class SurvivalCsv {

    /** Which table. */
    public enum Table {
        SUMMARY, STEPS
    }

    static final List<String> SUMMARY_HEADER = List.of("by", "group", "links", "deaths", "median_days", "median_lower", "median_upper",
            "s_1y", "s_1y_lower", "s_1y_upper", "s_3y", "s_3y_lower", "s_3y_upper", "s_5y", "s_5y_lower", "s_5y_upper");
    static final List<String> STEPS_HEADER = List.of("by", "group", "days", "at_risk", "deaths", "censored", "survival", "std_err",
            "lower_95", "upper_95");

    private SurvivalCsv() {
    }

    /** The table for the given groupings (all of them when {@code by} is empty). */
    public static String write(SurvivalFigures figures, List<Grouping> by, Table table) {
        StringBuilder out = new StringBuilder(Csv.record(table == Table.SUMMARY ? SUMMARY_HEADER : STEPS_HEADER));
        for (Grouping g : by.isEmpty() ? List.of(Grouping.values()) : by) {
            for (GroupFigures f : figures.of(g)) {
                if (table == Table.SUMMARY) {
                    List<String> row = new ArrayList<>(List.of(g.param(), f.group(), Integer.toString(f.curve().subjects()),
                            Integer.toString(f.curve().events())));
                    for (Estimate e : List.of(f.median(), f.oneYear(), f.threeYears(), f.fiveYears())) {
                        row.add(number(e.value()));
                        row.add(number(e.lower()));
                        row.add(number(e.upper()));
                    }
                    out.append(Csv.record(row));
                } else {
                    for (SurvivalStep s : f.curve().steps()) {
                        out.append(Csv.record(List.of(g.param(), f.group(), number(s.time()), Integer.toString(s.atRisk()),
                                Integer.toString(s.events()), Integer.toString(s.censored()), number(s.survival()), number(s.stdErr()),
                                number(s.lower()), number(s.upper()))));
                    }
                }
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
