/**
 * How long the code of a paper stays reachable (issue 16, docs/survival.md): the Kaplan–Meier
 * estimator with Greenwood's variance and pointwise 95 % bands ({@link org.reprotrack.survival.KaplanMeier}),
 * the per-link observations the store gives ({@link org.reprotrack.survival.Subject}), and the
 * figures by publication year, arXiv primary category, code host, promise and checklist score
 * band, computed once per refresh of the listing ({@link org.reprotrack.survival.SurvivalFigures}).
 * Pure: no I/O, no SQL.
 */
@NullMarked
package org.reprotrack.survival;

import org.jspecify.annotations.NullMarked;
