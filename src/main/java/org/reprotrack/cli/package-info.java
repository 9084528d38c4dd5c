/** The command line (picocli): thin commands over the services the composition root builds; exit codes 0, 1, 2. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.cli;

import org.jspecify.annotations.NullMarked;
