package org.reprotrack.check.signals;

import java.util.EnumMap;
import java.util.Map;

/**
 * Scores a repository on the five items of the ML Code Completeness Checklist from its file tree
 * and README. Pure and thread-safe. Every rule is written down, with its reasons and the example
 * that motivated it, in {@code docs/checklist.md}; keep the two in step. One class per item:
 * {@link DependencyRule}, {@link ExperimentRule} (training and evaluation), {@link WeightRule},
 * {@link ResultsRule}.
 *
 * <p>File evidence beats README evidence (a file is there; a README line may be stale), and among
 * files the shallowest, then the first by path, is named. README evidence that names a script counts
 * only when the tree holds that script; on a truncated tree nothing is called missing.
 */
public final class ChecklistScorer {

    /** Scores a repository; an empty README string means the repository has none. */
    public Checklist score(FileTree tree, String readmeText) {
        Readme readme = Readme.parse(readmeText == null ? "" : readmeText);
        TreeIndex index = new TreeIndex(tree);
        boolean hasCode = tree.files().stream().anyMatch(FileKinds::code);
        Map<ChecklistItem, ItemResult> items = new EnumMap<>(ChecklistItem.class);
        items.put(ChecklistItem.DEPENDENCIES, DependencyRule.judge(tree, index, readme));
        items.put(ChecklistItem.TRAINING, ExperimentRule.training(tree, index, readme, hasCode));
        items.put(ChecklistItem.EVALUATION, ExperimentRule.evaluation(tree, index, readme, hasCode));
        items.put(ChecklistItem.PRETRAINED_MODELS, WeightRule.judge(tree, readme, hasCode));
        items.put(ChecklistItem.RESULTS, ResultsRule.judge(index, readme));
        return Checklist.of(items);
    }
}
