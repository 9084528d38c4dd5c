package org.reprotrack.check.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.signals.SignalFixtures.tree;

import org.junit.jupiter.api.Test;

/** Placeholder rules of issue 11 (docs/checklist.md, "Placeholder"). */
class PlaceholderRulesTest {
    private final PlaceholderDetector detector = new PlaceholderDetector();

    @Test
    void aProjectPageWithItsJavaScriptIsStillAPlaceholder() {
        Placeholder p = detector.detect(tree("rules/page-only"), "# Widgets\n\nWe will release our code soon.\n");
        assertTrue(p.placeholder(), "docs/js/*.js is the page, not the paper's code");
        assertEquals("README:L3: We will release our code soon.", p.promise());
    }

    @Test
    void javaScriptOutsideAPageFolderIsCode() {
        assertFalse(detector.detect(FileTree.of(false, "README.md", "src/widget.js"), "").placeholder());
        assertFalse(detector.detect(FileTree.of(false, "README.md", "docs/index.html", "demo/app.tsx"), "").placeholder());
    }

    @Test
    void aDataReleaseWithoutAnyCodeIsAPlaceholder() {
        Placeholder p = detector.detect(tree("rules/data-only"), "# Prompts\n\nA set of prompts.\n");
        assertTrue(p.placeholder());
        assertEquals("no code: only data, configuration or documents (5 files), none of the paper's implementation",
                p.reason());
    }

    @Test
    void releasedWeightsWithoutCodeAreAModelReleaseNotAPlaceholder() {
        assertFalse(detector.detect(tree("rules/weights-only"), "# W\n").placeholder());
    }

    @Test
    void aTruncatedTreeWithoutListedCodeIsNeverAPlaceholder() {
        FileTree truncated = new FileTree(tree("rules/data-only").files(), true);
        assertFalse(detector.detect(truncated, "Code coming soon.").placeholder());
    }

    @Test
    void aPageScriptDoesNotCountAsCodeForTheChecklistEither() {
        Checklist c = new ChecklistScorer().score(tree("rules/page-only"),
                "## Training\n\nRun the model.\n\n```\npython train.py --lr 0.1\n```\n");
        assertFalse(c.get(ChecklistItem.TRAINING).present(), "a README command needs code in the tree");
    }
}
