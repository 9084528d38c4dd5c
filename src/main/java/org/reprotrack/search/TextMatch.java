package org.reprotrack.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * The user's search text as a Lucene query, built clause by clause (no query parser: every character is
 * text, nothing the user types is syntax).
 *
 * <p>The text is cut at white space into chunks and each chunk into words by StandardAnalyzer (as the index splits its text). Every
 * word must match (AND), as a prefix of a word of title, abstract or repository key, or as a prefix of the
 * paper id, a repository key or a part of its path ({@code owner}, {@code name}). A chunk may instead match
 * whole, as a prefix of the paper id or a repository key ({@code hep-th/99}, {@code github.com/lab12}).
 * A word of one character matches whole words and keys only (a one-letter prefix would match a large part
 * of the index). Short prefixes are indexed terms ({@link IndexedFields#TEXT}), so a word costs one term
 * lookup, or a prefix expansion over the few words sharing a longer beginning. Only the first
 * {@value #MAX_WORDS} words count, which bounds the query's cost.
 * Text without any word (only punctuation, such as {@code !!!}) matches nothing.
 */
final class TextMatch {

    static final int MAX_WORDS = 10;

    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");

    private TextMatch() {
    }

    /** The query, or null when the text holds no word (and so matches nothing). */
    static @Nullable Query of(String text, Analyzer analyzer) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String chunk : SPACE.split(text.strip())) {
            if (words == MAX_WORDS) {
                break;
            }
            List<String> own = words(analyzer, chunk, MAX_WORDS - words);
            if (own.isEmpty()) {
                continue;
            }
            words += own.size();
            all.add(chunk(IndexedFields.lower(chunk), own), Occur.FILTER);
        }
        return words == 0 ? null : all.build();
    }

    private static Query chunk(String chunk, List<String> words) {
        BooleanQuery.Builder each = new BooleanQuery.Builder();
        for (String w : words) {
            each.add(new BooleanQuery.Builder()
                    .add(prefix(IndexedFields.TEXT, w), Occur.SHOULD)
                    .add(prefix(IndexedFields.KEY, w), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        Query allWords = each.build();
        boolean oneWordIsTheChunk = words.size() == 1 && words.get(0).equals(chunk);
        if (oneWordIsTheChunk || chunk.length() > IndexedFields.MAX_KEY_LENGTH) {
            return allWords;
        }
        return new BooleanQuery.Builder()
                .add(allWords, Occur.SHOULD)
                .add(prefix(IndexedFields.KEY, chunk), Occur.SHOULD)
                .build();
    }

    /** Terms up to the indexed prefix length are one term; longer ones expand over the few words they start. */
    private static Query prefix(String field, String s) {
        int upTo = field.equals(IndexedFields.KEY) ? IndexedFields.KEY_PREFIXES_UP_TO : IndexedFields.TEXT_PREFIXES_UP_TO;
        Term t = new Term(field, s);
        return s.codePointCount(0, s.length()) <= upTo ? new TermQuery(t) : new PrefixQuery(t);
    }

    /** The first {@code max} words of the chunk, lower-case. */
    private static List<String> words(Analyzer analyzer, String chunk, int max) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexedFields.TEXT, chunk)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (out.size() < max && ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the search text", e);
        }
        return out;
    }
}
