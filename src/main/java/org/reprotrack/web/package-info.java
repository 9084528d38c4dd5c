/**
 * The dashboard: Spark routes (through the instance API, never {@code spark.Spark.*}), jte
 * templates compiled at build time, inline SVG charts and badges, the JSON API. Every
 * {@code spark.*} import of the project is in this package, so the framework can be swapped for
 * its maintained successor (Javalin) here alone. Reads go through the store; writes only start
 * the same services the CLI runs. Null is allowed only where marked {@code @Nullable}.
 */
@NullMarked
package org.reprotrack.web;

import org.jspecify.annotations.NullMarked;
