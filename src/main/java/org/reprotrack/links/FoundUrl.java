package org.reprotrack.links;

/**
 * A URL found in a text.
 *
 * @param url the URL as written, without the prose around it; a URL that a hard line break split
 *     is joined back, so {@code url} is not always a substring of the text
 * @param start where it starts in the text
 * @param end where it ends in the text (exclusive), after the continuation line if it was joined
 */
record FoundUrl(String url, int start, int end) {}
