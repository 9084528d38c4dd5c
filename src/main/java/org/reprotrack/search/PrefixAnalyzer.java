package org.reprotrack.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * The index-time analyzer: the words of the given analyzer (StandardAnalyzer: lower-case, split at word
 * boundaries), each with its short prefixes ({@link PrefixTermsFilter}). Searches split their text with the
 * plain analyzer.
 */
final class PrefixAnalyzer extends AnalyzerWrapper {

    private final Analyzer words;
    private final int upTo;

    PrefixAnalyzer(Analyzer words, int upTo) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.words = words;
        this.upTo = upTo;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return words;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), new PrefixTermsFilter(components.getTokenStream(), upTo));
    }
}
