/** See ARCHITECTURE notes in the README: one package per pipeline stage. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.cli;

import org.jspecify.annotations.NullMarked;
