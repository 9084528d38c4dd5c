package org.reprotrack.web.view;

import java.util.List;
import org.reprotrack.survival.Estimate;
import org.reprotrack.survival.GroupFigures;
import org.reprotrack.survival.Grouping;
import org.reprotrack.survival.SurvivalFigures;

/** The /survival page: one grouping's curves and table of estimates. */
public record SurvivalView(SurvivalFigures figures, Grouping by, List<GroupFigures> groups, SurvivalChart chart) {

    /** The groupings offered as tabs, with their labels. */
    public static final List<Grouping> CHOICES = List.of(Grouping.ALL, Grouping.YEAR, Grouping.CATEGORY, Grouping.HOST,
            Grouping.PROMISED, Grouping.SCORE);

    public static String label(Grouping g) {
        return switch (g) {
            case ALL -> "All links";
            case YEAR -> "Publication year";
            case CATEGORY -> "arXiv primary category";
            case HOST -> "Code host";
            case PROMISED -> "Promised or not";
            case SCORE -> "Checklist score";
        };
    }

    /** A survival estimate as a percentage with its band, or a dash. */
    public static String percent(Estimate e) {
        if (!e.known()) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, "%.1f %% (%.1f–%.1f)", 100 * e.value(), 100 * e.lower(), 100 * e.upper());
    }

    /** A median in days with its band (years in words), or "not reached". */
    public static String median(Estimate e) {
        if (!e.known()) {
            return "not reached";
        }
        String lower = Double.isNaN(e.lower()) ? "–" : String.format(java.util.Locale.ROOT, "%.0f", e.lower());
        String upper = Double.isNaN(e.upper()) ? "–" : String.format(java.util.Locale.ROOT, "%.0f", e.upper());
        return String.format(java.util.Locale.ROOT, "%.0f days (%s–%s)", e.value(), lower, upper);
    }
}
