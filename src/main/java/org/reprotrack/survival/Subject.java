package org.reprotrack.survival;

import org.jspecify.annotations.Nullable;

/**
 * One code link observed for survival: the time from its paper's first version to the first
 * confirmed death of its repository (an event), or to the last check of a repository not
 * confirmed dead (censored), with what the link is grouped by.
 *
 * @param days the observed time in days (not negative)
 * @param died the time is a confirmed death, not a censoring
 * @param year the paper's publication year
 * @param category the paper's arXiv primary category, if known
 * @param host the code host of the link ({@code github.com})
 * @param promised the link was promised ("code will be released at …")
 * @param score the repository's checklist score (0–5), if its signals were read
 */
public record Subject(double days, boolean died, int year, @Nullable String category, String host, boolean promised,
        @Nullable Integer score) {
}
