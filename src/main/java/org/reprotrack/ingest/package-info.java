/** Reading papers: the four input formats (streamed), the arXiv API client, and the ingest and enrichment services. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.ingest;

import org.jspecify.annotations.NullMarked;
