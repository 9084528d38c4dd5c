package org.reprotrack.report;

import java.util.Set;

/**
 * The papers a report covers: one collection's (issue 17).
 *
 * @param name the collection, also the report's sub-folder
 * @param paperIds its members
 */
public record ReportScope(String name, Set<String> paperIds) {

    public ReportScope {
        paperIds = Set.copyOf(paperIds);
    }
}
