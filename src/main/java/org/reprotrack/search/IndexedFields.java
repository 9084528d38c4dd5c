package org.reprotrack.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a paper's Lucene document, and how a {@link SearchDoc} becomes one. Points and doc values of
 * a field share its name, so Lucene can skip documents that cannot reach the page when it sorts.
 */
final class IndexedFields {

    /** The exact paper id: the update term, and doc values for the orders (and to read the id of a hit). */
    static final String ID = "id";
    /**
     * Words of title, abstract and repository keys (StandardAnalyzer), each with its prefixes of 2 to
     * {@value #TEXT_PREFIXES_UP_TO} characters ({@link PrefixTermsFilter}); documents only, no positions.
     */
    static final String TEXT = "text";
    /**
     * Whole lower-case keys: the paper id, each repository key and the parts of its path, each with its
     * prefixes of 2 to {@value #KEY_PREFIXES_UP_TO} characters.
     */
    static final String KEY = "key";
    /** A longer prefix of a word is searched as a prefix of the whole words: it starts few of them. */
    static final int TEXT_PREFIXES_UP_TO = 6;
    /** Long enough for {@code hep-th/9901001} and {@code github.com/} plus most of an owner. */
    static final int KEY_PREFIXES_UP_TO = 24;
    static final String STATUS = "status";
    static final String YEAR = "year";
    static final String HOST = "host";
    static final String SCORE = "score";
    /** Epoch milliseconds: points for the promise cutoff, doc values for the date orders. */
    static final String PUBLISHED = "published";
    static final String FLAG = "flag";
    static final String PLACEHOLDER = "placeholder";
    static final String PROMISE_OPEN = "promise-open";

    /** Longer keys are not indexed as keys (Lucene rejects terms over 32 KB; no real id or repository is that long). */
    static final int MAX_KEY_LENGTH = 512;

    private static final FieldType TEXT_TYPE = textType();

    private IndexedFields() {
    }

    static Document document(SearchDoc d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.paperId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.paperId())));
        Set<String> keys = new LinkedHashSet<>();
        addKey(keys, d.paperId());
        addText(doc, d.title());
        addText(doc, d.abstractText());
        for (String repo : d.repoKeys()) {
            addText(doc, repo);
            addKey(keys, repo);
            String[] parts = repo.split("/");
            for (int i = 1; i < parts.length; i++) {
                addKey(keys, parts[i]);
            }
        }
        for (String key : keys) {
            doc.add(new StringField(KEY, key, Field.Store.NO));
        }
        doc.add(new StringField(STATUS, d.status().name(), Field.Store.NO));
        doc.add(new SortedDocValuesField(STATUS, new BytesRef(d.status().name())));
        if (d.year() != null) {
            doc.add(new IntPoint(YEAR, d.year()));
        }
        for (String host : d.hosts()) {
            doc.add(new StringField(HOST, lower(host), Field.Store.NO));
        }
        if (d.bestScore() != null) {
            doc.add(new IntPoint(SCORE, d.bestScore()));
        }
        if (d.published() != null) {
            long millis = millis(d.published());
            doc.add(new LongPoint(PUBLISHED, millis));
            doc.add(new NumericDocValuesField(PUBLISHED, millis));
        }
        if (d.placeholder()) {
            doc.add(new StringField(FLAG, PLACEHOLDER, Field.Store.NO));
        }
        if (d.promiseOpen()) {
            doc.add(new StringField(FLAG, PROMISE_OPEN, Field.Store.NO));
        }
        return doc;
    }

    /**
     * Epoch milliseconds, clamped so that {@link Long#MIN_VALUE} stays free for "no date" in the orders and
     * instants beyond the range of a long do not throw.
     */
    static long millis(Instant t) {
        try {
            return Math.max(Long.MIN_VALUE + 1, t.toEpochMilli());
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static void addText(Document doc, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            doc.add(new Field(TEXT, text, TEXT_TYPE));
        }
    }

    /** The key in lower case and its prefixes of 2 to {@value #KEY_PREFIXES_UP_TO} code points. */
    private static void addKey(Set<String> keys, String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return;
        }
        String lower = lower(key);
        int codePoints = 0;
        for (int i = 0; i < lower.length() && codePoints < KEY_PREFIXES_UP_TO; ) {
            i += Character.charCount(lower.codePointAt(i));
            codePoints++;
            if (codePoints >= 2) {
                keys.add(lower.substring(0, i));
            }
        }
        keys.add(lower);
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS);
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.setStored(false);
        t.freeze();
        return t;
    }
}
