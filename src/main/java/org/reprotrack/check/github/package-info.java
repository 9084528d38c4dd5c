/**
 * The GitHub checkers: REST per repository, GraphQL in batches, one shared HTTP client behind a
 * rate-limit gate and a retry policy. HTTP only: no database, no CLI. Null is allowed only where
 * marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.check.github;

import org.jspecify.annotations.NullMarked;
