/** What a check can say (verdicts, current status, paper status) and the rules that derive status from history; checkers per host below. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.check;

import org.jspecify.annotations.NullMarked;
