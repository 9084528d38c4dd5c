/** Settings: config/reprotrack.yml (also the built-in defaults) bound to immutable records, with REPROTRACK_* overrides. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.config;

import org.jspecify.annotations.NullMarked;
