/**
 * Collections (issue 17): named lists of papers (a conference's accepted papers, a journal's, a
 * lab's), filled from a file of ids, an arXiv API query or a dashboard filter, and the scope of the
 * dashboard's collection pages, the API's {@code ?collection=}, {@code report --collection} and
 * audit priority.
 */
@NullMarked
package org.reprotrack.collection;

import org.jspecify.annotations.NullMarked;
