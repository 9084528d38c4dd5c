package org.reprotrack.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paper-level promises (issue 12, point 4): any sentence of abstract or comments, with or without a link. */
class PaperPromisesTest {

    private final PaperPromises promises = new PaperPromises();

    @ParameterizedTest(name = "promise: {0}")
    @ValueSource(strings = {
        "Code will be released.",
        "All code and models will be made available upon acceptance.",
        "Our code and pretrained models will be publicly released.",
        "We will release our code and models.",
        "We will publicly release RGBench to accelerate future research.",
        "The dataset will be open-sourced.",
        "Code to be released on acceptance.",
        "We plan to release the benchmark in a future update.",
        "Code and data: coming soon.",
        "Dataset and code will be further released.",
        "The source code will be made available after publication.",
        "Code will be made public once the paper is accepted.",
        "Code is available at this https URL.",
        "Our code and data can be found at this http URL",
        "The weights will be available on Hugging Face.",
        "Source code will be available on GitHub.",
        "All hardware designs, software will be open-sourced.",
    })
    void sentencePromisingCodeModelsOrDataFlagsThePaper(String sentence) {
        assertTrue(promises.promised("We propose a method. " + sentence + " Results are strong.", null), sentence);
    }

    @ParameterizedTest(name = "no promise: {0}")
    @ValueSource(strings = {
        "Code is available at https://github.com/alice/fastnet.",
        "We release a benchmark of 10k images.",
        "Code was released in [12] and reused here.",
        "The code will not be released.",
        "We do not plan to release the code.",
        "There are no plans to release the dataset, and it will never be public.",
        "Code and data will be available upon reasonable request.",
        "The lessons and insights gained will also be shared.",
        "Our project page will be available at https://alice.github.io/fastnet.",
        "Following the publication of ImageNet, many models were trained on it.",
        "The final version will be available at IEEE Xplore.",
        "Demo videos can be found at this https URL.",
        "Code is available at \\href{https://github.com/alice/fastnet}{this https URL}.",
        "This will be used to train a model.",
        "We will show that the data are noisy.",
    })
    void sentenceThatDoesNotPromiseLeavesThePaperUnflagged(String sentence) {
        assertFalse(promises.promised("We propose a method. " + sentence + " Results are strong.", null), sentence);
    }

    @Test
    void promiseInTheCommentsCounts() {
        assertTrue(promises.promised("We propose a method.", "10 pages. Code will be released upon acceptance."));
    }

    @Test
    void promiseSplitAcrossHardLineBreaksIsOneSentence() {
        assertTrue(promises.promised("We propose a method. Our code\nand models will be\nmade publicly available.", null));
    }

    @Test
    void thePromisingSentenceIsReturnedWithWhitespaceCollapsed() {
        assertEquals("Code and models will be\u0020released soon.",
                promises.promise("A method. Code and models will be\n  released soon. More text.", null));
    }

    @Test
    void noTextNoPromise() {
        assertNull(promises.promise(null, null));
        assertFalse(promises.promised("", ""));
    }
}
