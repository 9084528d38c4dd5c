/**
 * View models of the dashboard's templates: small records holding what a page shows, already
 * formatted, so templates only place and escape text. Null only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.web.view;

import org.jspecify.annotations.NullMarked;
