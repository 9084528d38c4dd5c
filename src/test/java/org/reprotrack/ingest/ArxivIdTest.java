package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ArxivIdTest {

    private static String glued(String s) {
        ArxivId.Match m = ArxivId.parseGlued(s, 0);
        return m == null ? "none" : m.arxivId() + "|" + s.substring(m.end());
    }

    @Test
    void newStyleIdsHaveFourDigitsUpTo1412AndFiveFrom1501() {
        assertEquals("1412.1234|5 rest", glued("1412.12345 rest"));
        assertEquals("1501.12345|6 rest", glued("1501.123456 rest"));
        assertEquals("0704.0001|x", glued("0704.0001x"));
    }

    @Test
    void textStartingWithADigitIsNotPartOfTheId() {
        assertEquals("2108.08839|3D point cloud", glued("2108.088393D point cloud"));
        assertEquals("2108.08728|Point clouds", glued("2108.08728Point clouds"));
    }

    @Test
    void versionSuffixIsSeparatedFromTheId() {
        assertEquals("2406.11111v2|We study", glued("2406.11111v2We study"));
        assertEquals("2406.11111v2|", glued("2406.11111v2"));
    }

    @Test
    void aVersionFollowedByDigitTextKeepsOneDigit() {
        assertEquals("2312.00001v1|3D Gaussian Splatting", glued("2312.00001v13D Gaussian Splatting"));
        assertEquals("2312.00001v1|3DGS employs", glued("2312.00001v13DGS employs"));
    }

    @Test
    void digitsGluedToACapitalisedWordBelongToTheVersion() {
        assertEquals("2312.00326v23|Hypergraphs as", glued("2312.00326v23Hypergraphs as"));
        assertEquals("2312.00326v12|", glued("2312.00326v12"));
    }

    @Test
    void oldStyleIdsWithAndWithoutSubjectClass() {
        assertEquals("hep-th/9901001|Strings", glued("hep-th/9901001Strings"));
        assertEquals("math/0309136v1|Rest", glued("math.AG/0309136v1Rest"));
        assertEquals("cond-mat/0101001|", glued("cond-mat.str-el/0101001"));
    }

    @Test
    void malformedIdsAreRejected() {
        assertEquals("none", glued("2113.12345"));
        assertEquals("none", glued("0612.1234"));
        assertEquals("none", glued("2108.0872"));
        assertEquals("none", glued("hep-th/990100"));
        assertEquals("none", glued("hep-th/9913001"));
        assertEquals("none", glued("foo"));
    }

    @Test
    void wholeStringParsingAcceptsPrefixVersionAndUrls() {
        assertEquals(new ArxivId("2108.08728", 3), ArxivId.parse(" arXiv:2108.08728v3 "));
        assertEquals(new ArxivId("2108.08728", 12), ArxivId.parse("2108.08728v12"));
        assertEquals(new ArxivId("math/0309136", null), ArxivId.parse("math.AG/0309136"));
        assertEquals(new ArxivId("2108.08728", 1), ArxivId.parse("https://arxiv.org/abs/2108.08728v1"));
        assertEquals(new ArxivId("hep-th/9901001", null), ArxivId.parse("http://arxiv.org/pdf/hep-th/9901001.pdf"));
        assertNull(ArxivId.parse("2108.08728x"));
        assertNull(ArxivId.parse("10.1000/xyz"));
    }
}
