package org.reprotrack.search;

import java.time.Instant;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.reprotrack.store.PaperQuery;

/** The filters of a {@link PaperQuery} as non-scoring clauses, with the meaning of the SQL paper list. */
final class Filters {

    private Filters() {
    }

    static void addTo(BooleanQuery.Builder b, PaperQuery q) {
        if (q.status() != null) {
            b.add(new TermQuery(new Term(IndexedFields.STATUS, q.status().name())), Occur.FILTER);
        }
        if (q.year() != null) {
            b.add(IntPoint.newExactQuery(IndexedFields.YEAR, q.year()), Occur.FILTER);
        }
        if (q.host() != null) {
            b.add(new TermQuery(new Term(IndexedFields.HOST, IndexedFields.lower(q.host()))), Occur.FILTER);
        }
        if (q.minScore() != null) {
            b.add(IntPoint.newRangeQuery(IndexedFields.SCORE, q.minScore(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (q.placeholder()) {
            b.add(new TermQuery(new Term(IndexedFields.FLAG, IndexedFields.PLACEHOLDER)), Occur.FILTER);
        }
        if (q.promiseCutoff() != null) {
            b.add(new TermQuery(new Term(IndexedFields.FLAG, IndexedFields.PROMISE_OPEN)), Occur.FILTER);
            b.add(LongPoint.newRangeQuery(IndexedFields.PUBLISHED, Long.MIN_VALUE, lastMillisBefore(q.promiseCutoff())),
                    Occur.FILTER);
        }
    }

    /** The last indexed millisecond strictly before the cutoff (dates are indexed to the millisecond). */
    static long lastMillisBefore(Instant cutoff) {
        long millis = IndexedFields.millis(cutoff);
        boolean subMillis = cutoff.getNano() % 1_000_000 != 0;
        return subMillis ? millis : millis - 1;
    }
}
