/**
 * Operations (issue 17): Prometheus metrics through Micrometer ({@link org.reprotrack.ops.Metrics})
 * and the health probes ({@link org.reprotrack.ops.Readiness}) the dashboard serves on its port at
 * {@code /metrics}, {@code /healthz} and {@code /readyz}. See docs/operations.md.
 */
@NullMarked
package org.reprotrack.ops;

import org.jspecify.annotations.NullMarked;
