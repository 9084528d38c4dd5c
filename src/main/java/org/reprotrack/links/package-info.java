/** Finding links in abstracts and telling code repositories from other links. Pure: no I/O. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.links;

import org.jspecify.annotations.NullMarked;
