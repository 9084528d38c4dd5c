package org.reprotrack.report;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.SignalRow;

/**
 * A row's reproducibility signals (issue 7): what the repository holds, not only whether it answers.
 *
 * @param checklistScore 0 to 5 items of the ML Code Completeness Checklist; null until signals were fetched
 * @param placeholder the last fetch found no code; null until fetched
 * @param licence SPDX id, {@code none}, or null when unknown
 * @param releaseLagDays days from the earliest linking paper's first version to the repository's creation
 * @param promiseNotKept the row's paper promised this repository, and it still shows no code past the promise period
 */
public record RowSignals(
        @Nullable Integer checklistScore,
        @Nullable Boolean placeholder,
        @Nullable String licence,
        @Nullable Long releaseLagDays,
        boolean promiseNotKept) {

    /** Nothing known: no signals stored, no promise broken. */
    public static final RowSignals NONE = new RowSignals(null, null, null, null, false);

    static RowSignals of(@Nullable SignalRow s, boolean promiseNotKept) {
        if (s == null) {
            return new RowSignals(null, null, null, null, promiseNotKept);
        }
        return new RowSignals(s.score(), s.placeholder(), s.licence(), s.releaseLagDays(), promiseNotKept);
    }

    /**
     * The compact cell of Markdown and HTML, parts left out when unknown:
     * {@code score 3/5; placeholder no; licence MIT; release lag 40 d; promise not kept}.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (checklistScore != null) {
            parts.add("score " + checklistScore + "/5");
        }
        if (placeholder != null) {
            parts.add("placeholder " + (placeholder ? "yes" : "no"));
        }
        if (licence != null && !licence.isBlank()) {
            parts.add("licence " + licence);
        }
        if (releaseLagDays != null) {
            parts.add("release lag " + releaseLagDays + " d");
        }
        if (promiseNotKept) {
            parts.add("promise not kept");
        }
        return String.join("; ", parts);
    }
}
