package org.reprotrack.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Emits, for each word, its prefixes of 2 to {@code upTo} characters (code points) and the word itself:
 * {@code learning} gives {@code le, lea, lear, learn, learni, learning}. A search for a short prefix is then
 * one term instead of an expansion over every word that starts with it. Positions are not kept (the field
 * indexes documents only), so the extra terms do not disturb anything.
 */
final class PrefixTermsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final int upTo;
    private char[] word = new char[16];
    private int[] ends = new int[8];
    private int count;
    private int next;

    PrefixTermsFilter(TokenStream input, int upTo) {
        super(input);
        if (upTo < 2) {
            throw new IllegalArgumentException("upTo must be at least 2");
        }
        this.upTo = upTo;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next == count) {
            if (!input.incrementToken()) {
                return false;
            }
            split();
        }
        term.copyBuffer(word, 0, ends[next++]);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        count = 0;
        next = 0;
    }

    /** Remembers the current word and the ends (in chars) of the terms to emit for it. */
    private void split() {
        int length = term.length();
        word = ArrayUtil.grow(word, length);
        System.arraycopy(term.buffer(), 0, word, 0, length);
        ends = ArrayUtil.grow(ends, upTo + 1);
        count = 0;
        next = 0;
        int codePoints = 0;
        for (int i = 0; i < length && codePoints < upTo; ) {
            i += Character.charCount(Character.codePointAt(word, i, length));
            codePoints++;
            if (codePoints >= 2 && i < length) {
                ends[count++] = i;
            }
        }
        ends[count++] = length;
    }
}
