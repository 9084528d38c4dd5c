package org.reprotrack.check.signals;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One checklist item's verdict.
 *
 * @param item the item
 * @param present whether the repository has it
 * @param evidence what made it present: a file path, or {@code README:L<n>: <line>}; null when absent
 */
public record ItemResult(ChecklistItem item, boolean present, @Nullable String evidence) {

    /** Evidence is cut to this many characters: enough to find the line again. */
    public static final int MAX_EVIDENCE = 200;

    public ItemResult {
        Objects.requireNonNull(item, "item");
        if (present && evidence == null) {
            throw new IllegalArgumentException(item + " is present without evidence");
        }
        if (evidence != null && evidence.length() > MAX_EVIDENCE) {
            evidence = evidence.substring(0, MAX_EVIDENCE - 1) + "…";
        }
    }

    public static ItemResult present(ChecklistItem item, String evidence) {
        return new ItemResult(item, true, evidence);
    }

    public static ItemResult absent(ChecklistItem item) {
        return new ItemResult(item, false, null);
    }
}
