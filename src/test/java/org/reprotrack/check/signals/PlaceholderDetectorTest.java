package org.reprotrack.check.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.signals.SignalFixtures.readme;
import static org.reprotrack.check.signals.SignalFixtures.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderDetectorTest {
    private final PlaceholderDetector detector = new PlaceholderDetector();

    @Test
    void aReadmeOnlyRepositoryIsAPlaceholder() {
        Placeholder p = detector.detect(tree("readme-only"), readme("readme-only"));
        assertTrue(p.placeholder());
        assertEquals("no code: only README.md", p.reason());
        assertNull(p.promise());
    }

    @Test
    void aReadmeThatSaysCodeIsComingMakesARepositoryWithConfigsButNoCodeAPlaceholder() {
        Placeholder p = detector.detect(tree("coming-soon"), readme("coming-soon"));
        assertTrue(p.placeholder());
        assertEquals("README:L5: **Code coming soon!** Stay tuned.", p.promise());
        assertEquals("no code, and the README says it is coming: README:L5: **Code coming soon!** Stay tuned.", p.reason());
    }

    @Test
    void onlyImagesAndALicenceIsAPlaceholder() {
        Placeholder p = detector.detect(tree("images-licence"), "");
        assertTrue(p.placeholder());
        assertEquals("no code: only README, licence, images or documents (3 files)", p.reason());
    }

    @Test
    void aDataReleaseWithoutCodeIsAPlaceholderOfThePapersCode() {
        Placeholder p = detector.detect(tree("data-release"), readme("data-release"));
        assertTrue(p.placeholder(), "nothing of the paper's implementation is there");
        assertEquals("no code: only data, configuration or documents (3 files), none of the paper's implementation",
                p.reason());
        assertNull(p.promise());
    }

    @Test
    void codeWithAPromiseOfMoreIsAPartialReleaseNotAPlaceholder() {
        Placeholder p = detector.detect(tree("partial"), readme("coming-soon"));
        assertFalse(p.placeholder());
        assertEquals("README:L5: **Code coming soon!** Stay tuned.", p.promise(), "the promise is kept as evidence");
    }

    @Test
    void aTruncatedTreeIsNeverCalledAPlaceholder() {
        assertFalse(detector.detect(tree("truncated"), "code coming soon").placeholder(),
                "an absence in a truncated listing is not proven");
    }

    @Test
    void aCompleteRepositoryIsNotAPlaceholder() {
        assertFalse(detector.detect(tree("complete"), readme("complete")).placeholder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"The code will be released soon.", "Code and models will be made publicly available.",
            "We will release the code upon acceptance.", "Implementation is coming soon", "Source code to be released.",
            "Code will be available after the paper is accepted.", "🚧 Under construction"})
    void promisesOfCode(String line) {
        Placeholder p = detector.detect(FileTree.of(false, "README.md", "configs/a.yaml"), "# X\n\n" + line + "\n");
        assertTrue(p.placeholder(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Released the code on 2024-01-01.", "The dataset is available on Zenodo.",
            "This code is released under the MIT licence."})
    void notPromises(String line) {
        Placeholder p = detector.detect(FileTree.of(false, "README.md", "src/a.py"), "# X\n\n" + line + "\n");
        assertFalse(p.placeholder(), line);
        assertNull(p.promise(), line);
    }
}
