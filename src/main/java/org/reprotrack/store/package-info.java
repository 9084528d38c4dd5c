/** The only place with SQL: Flyway migrations (H2 and PostgreSQL), papers, links, repositories, history, audits, reports. Null is allowed only where marked {@code @Nullable}. */
@NullMarked
package org.reprotrack.store;

import org.jspecify.annotations.NullMarked;
