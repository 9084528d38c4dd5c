/**
 * Reproducibility signals as a service: fetch a repository's tree and README when it changed,
 * score it ({@code check.signals}), store it ({@code store.SignalStore}), and refine the audit's
 * verdict to PLACEHOLDER where there is no code. Null is allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.signals;

import org.jspecify.annotations.NullMarked;
