/**
 * Reproducibility signals of one repository, as pure functions of its file tree and README: the
 * five items of the ML Code Completeness Checklist ({@link org.reprotrack.check.signals.ChecklistScorer})
 * and the placeholder verdict ({@link org.reprotrack.check.signals.PlaceholderDetector}). No HTTP,
 * no database: fetching lives in {@code check.github.GitHubContents}, storing in
 * {@code store.SignalStore}. The rules are documented in {@code docs/checklist.md}. Null is
 * allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.check.signals;

import org.jspecify.annotations.NullMarked;
