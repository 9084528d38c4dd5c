package org.reprotrack.survival;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the links are grouped by; {@link #param()} is the value of {@code ?by=} and of the CSV's {@code by} column. */
public enum Grouping {
    ALL("all"), YEAR("year"), CATEGORY("category"), HOST("host"), PROMISED("promised"), SCORE("score");

    /** The group of links whose paper has no arXiv category (listing text never enriched, URL lists). */
    public static final String UNKNOWN_CATEGORY = "unknown";
    /** The band of repositories whose checklist signals were never read. */
    public static final String NO_SCORE = "no signals";

    private final String param;

    Grouping(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    /** The grouping a {@code by} parameter names, or null. */
    public static @Nullable Grouping of(String param) {
        for (Grouping g : values()) {
            if (g.param.equals(param.toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        return null;
    }

    /** The group one link falls in. */
    public String group(Subject s) {
        return switch (this) {
            case ALL -> "all";
            case YEAR -> Integer.toString(s.year());
            case CATEGORY -> s.category() == null ? UNKNOWN_CATEGORY : s.category();
            case HOST -> s.host();
            case PROMISED -> s.promised() ? "promised" : "not promised";
            case SCORE -> scoreBand(s.score());
        };
    }

    /** Checklist score bands: 0–1 (little of the checklist), 2–3, 4–5 (most of it). */
    public static String scoreBand(@Nullable Integer score) {
        if (score == null) {
            return NO_SCORE;
        }
        return score <= 1 ? "score 0–1" : score <= 3 ? "score 2–3" : "score 4–5";
    }
}
