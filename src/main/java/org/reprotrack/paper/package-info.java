/**
 * The paper record that ingest reads and the store keeps: its own package so the store does not
 * depend on the readers that produce it. Null is allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.paper;

import org.jspecify.annotations.NullMarked;
