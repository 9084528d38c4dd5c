/**
 * Dead-link reports: which code links died, since when, what changed since the previous report,
 * and where an archived copy survives (Software Heritage, Wayback Machine), written as CSV, JSON,
 * Markdown and standalone HTML. Reads through {@code store}; never imports {@code cli}.
 */
@NullMarked
package org.reprotrack.report;

import org.jspecify.annotations.NullMarked;
