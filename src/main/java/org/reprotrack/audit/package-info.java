/**
 * The audit: picks due repositories from the store, checks them through the host checkers of
 * {@code check}, and records every answer. Sits above {@code check} and {@code store} so neither
 * depends on the other's services.
 */
@NullMarked
package org.reprotrack.audit;

import org.jspecify.annotations.NullMarked;
