package org.reprotrack.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.PaperQuery;

/**
 * A Lucene index of papers answering the paper list when it has a search text: the words of the text (see
 * {@link TextMatch}), the filters and orders of the SQL list, one page at a time.
 *
 * <p>Threads: {@link #search} may run from any number of threads at once, also while {@link #apply} or
 * {@link #clear} runs (each search reads one committed state; changes show once they are committed).
 * Changes are serialised. One instance per directory: a second one on the same directory fails to open
 * (Lucene's write lock). Close it once, after the last search.
 *
 * <p>The index does not know the database: the caller feeds it changes with a version of its choosing (for
 * example the highest change sequence applied), kept in the commit, so that after a restart it can send only
 * what changed since {@link #version()}.
 */
public final class PaperSearchIndex implements AutoCloseable {

    private static final String VERSION = "version";
    private static final String SOURCE = "source";

    private final Directory directory;
    /** Splits search texts into words; the writer's analyzer adds the prefixes to the same words. */
    private final Analyzer words;
    private final Analyzer indexing;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long version;
    private volatile String source;
    private boolean closed;

    private PaperSearchIndex(Directory directory, Analyzer words, Analyzer indexing, IndexWriter writer,
            SearcherManager searchers) {
        this.directory = directory;
        this.words = words;
        this.indexing = indexing;
        this.writer = writer;
        this.searchers = searchers;
        this.version = Long.parseLong(committed(writer, VERSION, "0"));
        this.source = committed(writer, SOURCE, "");
    }

    /**
     * Opens the index in a directory (created when missing, an existing index is kept), or in memory when
     * {@code dir} is null.
     */
    public static PaperSearchIndex open(@Nullable Path dir) {
        List<Closeable> opened = new ArrayList<>();
        try {
            Directory directory = dir == null ? new ByteBuffersDirectory() : FSDirectory.open(Files.createDirectories(dir));
            opened.add(directory);
            Analyzer words = new StandardAnalyzer();
            opened.add(words);
            Analyzer indexing = new PrefixAnalyzer(words, IndexedFields.TEXT_PREFIXES_UP_TO);
            opened.add(indexing);
            IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig(indexing).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            opened.add(0, writer);
            SearcherManager searchers = new SearcherManager(writer, null);
            return new PaperSearchIndex(directory, words, indexing, writer, searchers);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(opened);
            throw new UncheckedIOException("cannot open the search index at " + (dir == null ? "memory" : dir) + ": " + e.getMessage(), e);
        }
    }

    /** The version of the last commit ({@link #apply}), 0 for a new or cleared index. */
    public long version() {
        return version;
    }

    /** What the index was built from, as given to {@link #clear(String)}; empty for a new index. */
    public String source() {
        return source;
    }

    /**
     * Adds or replaces papers (by id), removes papers, and commits with the version; searches see the change
     * when this returns. Applying the same batch again leaves the same index. A paper both upserted and
     * deleted is deleted; a paper upserted twice keeps the last one. Unknown ids to delete are ignored.
     * The writer flushes to the directory as its buffer fills, so a batch can be as large as the collection
     * the caller holds. When this throws, part of the batch may be held back for the next commit: apply the
     * batch again (the committed version stays the previous one until then).
     */
    public synchronized void apply(Collection<SearchDoc> upserts, Collection<String> deletedPaperIds, long version) {
        try {
            for (SearchDoc d : upserts) {
                writer.updateDocument(new Term(IndexedFields.ID, d.paperId()), IndexedFields.document(d));
            }
            if (!deletedPaperIds.isEmpty()) {
                writer.deleteDocuments(deletedPaperIds.stream().map(id -> new Term(IndexedFields.ID, id)).toArray(Term[]::new));
            }
            commit(version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index: " + e.getMessage(), e);
        }
    }

    /**
     * Removes every paper and commits version 0 (before a full rebuild).
     *
     * @param newSource what the index is about to be built from (kept in the commit, see {@link #source()})
     */
    public synchronized void clear(String newSource) {
        try {
            writer.deleteAll();
            source = newSource;
            commit(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index: " + e.getMessage(), e);
        }
    }

    /**
     * One page of the papers matching the query's search text and filters, in its order.
     *
     * @throws IllegalArgumentException when the query has no search text (the SQL list serves those)
     */
    public SearchHits search(PaperQuery q) {
        if (q.search() == null) {
            throw new IllegalArgumentException("a search needs a search text");
        }
        Query text = TextMatch.of(q.search(), words);
        if (text == null) {
            return SearchHits.NONE;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.FILTER);
        Filters.addTo(query, q);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return page(searcher, query.build(), q);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index: " + e.getMessage(), e);
        }
    }

    /** Closes the index; searches after this fail. Committed changes are kept on disk. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            IOUtils.close(searchers, writer, indexing, words, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index: " + e.getMessage(), e);
        }
    }

    /** Collects the best offset + limit + 1 hits only (a bounded queue), never every match. */
    private static SearchHits page(IndexSearcher searcher, Query query, PaperQuery q) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        if (q.offset() >= maxDoc) {
            return SearchHits.NONE;
        }
        int end = q.offset() + q.limit();
        int wanted = (int) Math.min((long) end + 1, maxDoc);
        TopFieldDocs top = searcher.search(query, wanted, Sorts.of(q.sort()));
        ScoreDoc[] hits = top.scoreDocs;
        List<String> ids = new ArrayList<>(q.limit());
        for (int i = q.offset(); i < Math.min(hits.length, end); i++) {
            Object[] values = ((FieldDoc) hits[i]).fields;
            ids.add(((BytesRef) values[values.length - 1]).utf8ToString());
        }
        return new SearchHits(ids, hits.length > end);
    }

    private void commit(long newVersion) throws IOException {
        writer.setLiveCommitData(Map.of(VERSION, Long.toString(newVersion), SOURCE, source).entrySet());
        writer.commit();
        version = newVersion;
        searchers.maybeRefreshBlocking();
    }

    private static String committed(IndexWriter writer, String key, String absent) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (key.equals(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return absent;
    }
}
