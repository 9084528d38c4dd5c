/**
 * Full-text paper search (Lucene): an index of {@link org.reprotrack.search.SearchDoc}s that answers the
 * dashboard's paper list with a search text, the same filters and orders as the SQL list, one page at a time.
 * Null is allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.search;

import org.jspecify.annotations.NullMarked;
