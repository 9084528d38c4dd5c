/**
 * Reproducibility signals as a service: after an audit's verdicts ({@link org.reprotrack.signals.SignalLane}),
 * fetch the trees and READMEs of changed repositories many per GraphQL query within the budget the
 * verdicts leave ({@link org.reprotrack.signals.SignalBudget}), score them ({@code check.signals}),
 * store them ({@code store.SignalStore}), and refine the recorded verdicts (PLACEHOLDER where there
 * is no code); the verdict hook only reads stored signals (docs/signals-fetch.md). Null is allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.signals;

import org.jspecify.annotations.NullMarked;
