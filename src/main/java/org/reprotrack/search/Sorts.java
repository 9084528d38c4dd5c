package org.reprotrack.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.reprotrack.store.PaperSort;

/**
 * The orders of {@link PaperSort} on doc values. Each ends on the id, whose value is the last sort value of
 * every hit (that is how the index reads the ids of a page). Papers without a date come first when the date
 * ascends and last when it descends (where H2 puts them in the SQL list).
 */
final class Sorts {

    private Sorts() {
    }

    static Sort of(PaperSort sort) {
        return switch (sort) {
            case ID -> new Sort(id(false));
            case ID_DESC -> new Sort(id(true));
            case PUBLISHED -> new Sort(published(false), id(false));
            case PUBLISHED_DESC -> new Sort(published(true), id(true));
            case STATUS -> new Sort(new SortField(IndexedFields.STATUS, SortField.Type.STRING), id(false));
        };
    }

    /**
     * Without skipping by the indexed ids: papers are added roughly in id order, so in descending order every
     * match is more competitive than the last and Lucene rebuilt its skipping after each one (measured on
     * 100,000 papers: 40 to 80 ms for a common word by descending id, 5 to 15 ms without).
     */
    private static SortField id(boolean reverse) {
        SortField f = new SortField(IndexedFields.ID, SortField.Type.STRING, reverse);
        f.setOptimizeSortWithIndexedData(false);
        return f;
    }

    /** No date sorts as the smallest value: first ascending, last descending. */
    private static SortField published(boolean reverse) {
        SortField f = new SortField(IndexedFields.PUBLISHED, SortField.Type.LONG, reverse);
        f.setMissingValue(Long.MIN_VALUE);
        return f;
    }
}
