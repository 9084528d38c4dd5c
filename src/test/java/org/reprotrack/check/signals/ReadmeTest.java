package org.reprotrack.check.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a README is cut into lines, code, sections and links. */
class ReadmeTest {

    @Test
    void indentedBlocksAfterABlankLineAreCodeButListContinuationsAreNot() {
        Readme r = Readme.parse("# X\n\nText\n\n    python main.py\n\n- item\n    continued\n");
        List<Readme.Line> lines = r.lines();
        assertTrue(lines.get(4).fenced(), "indented block");
        assertFalse(lines.get(7).fenced(), "continuation of a list item");
    }

    @Test
    void backslashContinuationsAreJoinedIntoOneCommand() {
        Readme r = Readme.parse("```\npython a.py \\\n  --x 1 \\\n  --y 2\nnext\n```\n");
        assertEquals("python a.py  --x 1  --y 2", r.lines().get(0).joined());
        assertEquals("next", r.lines().get(3).joined());
    }

    @Test
    void sectionsFollowHeadings() {
        Readme r = Readme.parse("intro\n## Training\nrun it\n## Evaluation\nscore it\n");
        List<Readme.Section> s = r.sections();
        assertEquals(List.of("", "training", "evaluation"), s.stream().map(Readme.Section::heading).toList());
        assertEquals(2, s.get(1).lines().size());
    }

    @Test
    void referenceLinksResolveToTheirTargets() {
        Readme r = Readme.parse("See the [Resources][3] page.\n\n[3]: https://example.org/r\n");
        assertEquals("See the [Resources][3] page. https://example.org/r", r.withReferences(r.lines().get(0)));
    }

    @Test
    void inlineCodeSpansAreCommandsButABareFileNameIsAMention() {
        Readme.Line l = Readme.parse("Run `python eval.py --ckpt x` or read `model.py`.").lines().get(0);
        assertEquals(List.of("python eval.py --ckpt x"), Commands.of(l));
    }

    @Test
    void aSeparatorRowOfThousandsOfColumnsIsReadWithoutOverflowingTheStack() {
        assertTrue(ResultsRule.separator("|" + ":--:|".repeat(50_000)));
        assertTrue(ResultsRule.separator(":--- | ---:"));
        assertFalse(ResultsRule.separator("---"), "a rule line, not a one-column table");
        assertFalse(ResultsRule.separator("| a | b |"));
    }

    /**
     * A README built to make a careless regex backtrack: very long lines of near-matches for every
     * rule (table rows, numbers, links, paths, install lines, promises). It must simply finish; a
     * catastrophic pattern would not finish in any reasonable time on this size.
     */
    @Test
    void aLargeHostileReadmeIsScoredWithoutHanging() {
        StringBuilder sb = new StringBuilder("# Hostile\n\n## Requirements\n\n");
        String[] pieces = {"1.2.3.4.5.6.7.8.9.", "a/b/c/d/e/f/g/h/", "| 1 | 2 | 3 ", "[x](", "--lr --lr --lr ",
                "python python python ", "`a` `b` `", "https://drive.google.com/", "code will be ", "±±±±",
                "- numpy 1", "    ", "e-e-e-e-1", "train_train_train_", "* * * * "};
        for (String piece : pieces) {
            sb.append(piece.repeat(5_000)).append("!\n");
            
        }
        sb.append("|").append(" 1.0 |".repeat(20_000)).append("\n|").append("---|".repeat(20_000)).append("\n");
        sb.append("```\n").append("python a.py \\\n".repeat(20_000)).append("```\n");
        String readme = sb.toString();
        assertTrue(readme.length() > 1_000_000, "big enough to hang a quadratic or exponential pattern");
        FileTree tree = FileTree.of(false, "README.md", "a.py");

        Checklist c = new ChecklistScorer().score(tree, readme);
        Placeholder p = new PlaceholderDetector().detect(tree, readme);

        assertEquals(5, c.items().size());
        assertFalse(p.placeholder());
    }
}
