package org.reprotrack.web.view;

import java.util.Locale;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.PaperStatus;

/** Words and CSS classes for statuses, one place for the whole dashboard. */
public final class StatusStyle {

    private StatusStyle() {
    }

    /** A paper status as a reader says it. */
    public static String paper(PaperStatus s) {
        return switch (s) {
            case HAS_CODE -> "has code";
            case CODE_GONE -> "code gone";
            case NO_CODE_YET -> "not released";
            case NO_CODE_LINK -> "no code link";
            case PROMISED_NO_LINK -> "promised, no link";
            case PENDING -> "unknown";
        };
    }

    public static String paperCss(PaperStatus s) {
        return switch (s) {
            case HAS_CODE -> "s-ok";
            case CODE_GONE -> "s-dead";
            case NO_CODE_YET -> "s-nocode";
            case NO_CODE_LINK -> "s-none";
            case PROMISED_NO_LINK -> "s-nocode";
            case PENDING -> "s-pending";
        };
    }

    /** A repository or web page status (a CurrentStatus name, or a RepoStatus verdict name from the history). */
    public static String repo(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static String repoCss(String status) {
        if (status.equals("UNKNOWN")) {
            return "s-pending";
        }
        CurrentStatus s;
        try {
            s = CurrentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return "s-pending";
        }
        return switch (s) {
            case OK, ARCHIVED, MOVED -> "s-ok";
            case EMPTY, PLACEHOLDER -> "s-nocode";
            case FAILING -> "s-failing";
            case REPLACED, NOT_FOUND, BLOCKED -> "s-dead";
            case PENDING -> "s-pending";
        };
    }

    /** The URL parameter for a paper status. */
    public static String param(PaperStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** A checklist item as the pages name it. */
    public static String checklistItem(org.reprotrack.check.signals.ChecklistItem item) {
        return switch (item) {
            case DEPENDENCIES -> "Dependency specification";
            case TRAINING -> "Training code";
            case EVALUATION -> "Evaluation code";
            case PRETRAINED_MODELS -> "Pre-trained models";
            case RESULTS -> "README with results and commands";
        };
    }
}
