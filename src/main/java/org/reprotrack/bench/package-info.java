/** See ARCHITECTURE notes in the README: one package per pipeline stage. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.bench;

import org.jspecify.annotations.NullMarked;
