package org.reprotrack.check.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.signals.SignalFixtures.readme;
import static org.reprotrack.check.signals.SignalFixtures.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of issue 11 (docs/checklist.md, "Rule changes"), each with a case that counts and one
 * that does not, on fixtures under {@code src/test/resources/signals/rules/}.
 */
class ChecklistRulesTest {
    private final ChecklistScorer scorer = new ChecklistScorer();

    private ItemResult item(FileTree tree, String readme, ChecklistItem item) {
        return scorer.score(tree, readme).get(item);
    }

    private static FileTree code() {
        return FileTree.of(false, "README.md", "main.py", "nets/widget.py");
    }

    // ---- dependencies

    @Test
    void aRequirementsSectionListingPackagesIsADependencySpecification() {
        ItemResult r = item(code(), readme("rules/requirements-section"), ChecklistItem.DEPENDENCIES);
        assertEquals("README:L7: - Python 3.8", r.evidence());
    }

    @Test
    void aPassingSentenceOrAPointerToAnotherDocumentIsNot() {
        assertFalse(item(code(), readme("rules/requirements-sentence"), ChecklistItem.DEPENDENCIES).present());
    }

    @Test
    void aLabelledInlineListCounts() {
        ItemResult r = item(code(), readme("rules/requirements-inline"), ChecklistItem.DEPENDENCIES);
        assertEquals("README:L3: Requirements: Python 3.7, PyTorch 1.4, numpy, scipy >= 1.2.", r.evidence());
    }

    @Test
    void aPackageTableInAnIndentedBlockUnderRequirementsCounts() {
        ItemResult r = item(tree("rules/indented"), readme("rules/indented-block"), ChecklistItem.DEPENDENCIES);
        assertEquals("README:L20: numpy      1.15.1", r.evidence());
    }

    @Test
    void anInlineInstallCommandCountsButNotOneWhoseFileIsMissing() {
        String inline = "# X\n\nYou can install the kernels with `pip install blocksparse`.\n";
        assertTrue(item(code(), inline, ChecklistItem.DEPENDENCIES).present());

        String missing = "# X\n\n```\npip install -r requirements.txt\nconda env create -f environment.yml\n```\n";
        assertFalse(item(code(), missing, ChecklistItem.DEPENDENCIES).present(), "neither file is in the tree");
        assertFalse(item(tree("rules/missing-scripts"), readme("rules/missing-scripts"), ChecklistItem.DEPENDENCIES)
                .present(), "inline pip install -r of a missing file");
    }

    // ---- training

    @Test
    void aTrainingScriptNamedForTheTaskCountsWhateverItsPrefix() {
        for (String path : new String[] {"run_pretraining.py", "trainval.py", "tools/main_finetune.py", "train_net.sh"}) {
            assertEquals(path, item(FileTree.of(false, "README.md", path), "", ChecklistItem.TRAINING).evidence(), path);
        }
        assertFalse(item(FileTree.of(false, "README.md", "constraint.py", "pretrained.py"), "", ChecklistItem.TRAINING)
                .present(), "a word that only contains 'train' is not a training script");
    }

    @Test
    void aCommandSettingALearningRateTrainsEvenWithoutTheWord() {
        ItemResult r = item(tree("rules/indented"), readme("rules/indented-block"), ChecklistItem.TRAINING);
        assertEquals("README:L13: CUDA_VISIBLE_DEVICES=0 python main.py --dataset WN --lr 10 \\", r.evidence());
    }

    @Test
    void aBackslashContinuationIsPartOfTheCommand() {
        String readme = "# X\n\n```\npython main.py --data-dir ./data \\\n    --train-steps=5000 \\\n    --gpus 4\n```\n";
        assertEquals("README:L4: python main.py --data-dir ./data \\", item(code(), readme, ChecklistItem.TRAINING).evidence());
    }

    @Test
    void theInstructionToRunTheExperimentScriptIsTraining() {
        assertEquals("README:L13: python run.py",
                item(tree("rules/run-entry"), readme("rules/stats-table"), ChecklistItem.TRAINING).evidence());
        assertEquals("README:L3: To run the experiments, use the scripts run_widgets.py and run_mixture.py respectively.",
                item(tree("rules/run-prose"), readme("rules/run-prose"), ChecklistItem.TRAINING).evidence());
    }

    @Test
    void examplesOfALibraryAreNotTraining() {
        assertFalse(item(tree("rules/library-only"), readme("rules/library-only"), ChecklistItem.TRAINING).present());
    }

    @Test
    void aDemoOrAScriptThatLoadsACheckpointIsNotTraining() {
        assertFalse(item(tree("rules/demo-only"), readme("rules/demo-only"), ChecklistItem.TRAINING).present());
        String loads = "# X\n\n## Getting started\n\n```\npython main.py --checkpoint out/w.pt --input img.png\n```\n";
        assertFalse(item(code(), loads, ChecklistItem.TRAINING).present());
    }

    @Test
    void aTrainingSectionCountsWhenWhatItNamesIsThere() {
        assertEquals("README:L3: ## Training",
                item(tree("rules/train-section"), readme("rules/train-section"), ChecklistItem.TRAINING).evidence());
        assertFalse(item(tree("rules/train-section-missing-doc"), readme("rules/train-section"), ChecklistItem.TRAINING)
                .present(), "TRAINING.md is not in the tree");
    }

    @Test
    void aTrainingSectionThatPromisesTheCodeIsNotTrainingCode() {
        String readme = "# X\n\n## Training\n\nThe training code will be released soon.\n";
        assertFalse(item(tree("rules/train-section"), readme, ChecklistItem.TRAINING).present());
    }

    @Test
    void commandsForScriptsTheTreeLacksProveNothing() {
        Checklist c = scorer.score(tree("rules/missing-scripts"), readme("rules/missing-scripts"));
        assertFalse(c.get(ChecklistItem.TRAINING).present(), "scripts/train_widgets.sh is missing");
        assertFalse(c.get(ChecklistItem.EVALUATION).present(), "tools/test_widgets.py is missing; datasets/coco_eval.py is a library part");
        assertFalse(c.get(ChecklistItem.RESULTS).present(), "the only commands run missing scripts");
    }

    @Test
    void onATruncatedTreeNoScriptIsCalledMissing() {
        FileTree truncated = new FileTree(tree("rules/missing-scripts").files(), true);
        Checklist c = scorer.score(truncated, readme("rules/missing-scripts"));
        assertTrue(c.get(ChecklistItem.TRAINING).present());
        assertTrue(c.get(ChecklistItem.RESULTS).present());
    }

    // ---- evaluation

    @Test
    void evaluationGivenInProseWithAnInlineCommandCounts() {
        ItemResult r = item(tree("rules/prose-commands"), readme("rules/prose-commands"), ChecklistItem.EVALUATION);
        assertEquals("README:L5: To evaluate a trained widget, run `python score_widgets.py --ckpt out/best.pt`.", r.evidence());
    }

    @Test
    void unitTestsBesideTheCodeTheyTestAreNotEvaluation() {
        assertFalse(item(tree("unit-tests"), "", ChecklistItem.EVALUATION).present());
        assertFalse(item(tree("rules/unit-tests"), "", ChecklistItem.EVALUATION).present(),
                "utils_test.py and test_utils.py beside utils.py, test_layers.py with layers.py");
    }

    @Test
    void scriptsThatTestAModelOnADataSetAreEvaluation() {
        assertEquals("experiments/robustness_test.py",
                item(tree("rules/eval-named-scripts"), "", ChecklistItem.EVALUATION).evidence());
    }

    @Test
    void anEvaluationFlagCountsButATestSplitInATrainingCommandDoesNot() {
        String flag = "# X\n\n```\npython main.py --model base --eval true\n```\n";
        assertTrue(item(code(), flag, ChecklistItem.EVALUATION).present());
        String split = "# X\n\n```\npython main.py data/train.npy data/processed_test.npy --epochs 10\n```\n";
        assertFalse(item(code(), split, ChecklistItem.EVALUATION).present());
    }

    @Test
    void anEvaluationSectionWithCodeCountsOneWithOnlyProseDoesNot() {
        assertEquals("README:L3: ### Linear-probe evaluation",
                item(code(), readme("rules/eval-section"), ChecklistItem.EVALUATION).evidence());
        assertFalse(item(code(), "# X\n\n## Evaluation\n\nWe evaluate on ImageNet and COCO.\n", ChecklistItem.EVALUATION)
                .present());
    }

    // ---- pre-trained models

    @Test
    void dataShardsAndDataSplitsSavedAsTensorsAreNotWeights() {
        assertFalse(item(tree("rules/weights-data"), "", ChecklistItem.PRETRAINED_MODELS).present());
    }

    @Test
    void weightsInACheckpointFolderATensorflowCheckpointOrADownloadScriptCount() {
        assertEquals("checkpoints/run1/model.pkl", item(tree("rules/weights-tree"), "", ChecklistItem.PRETRAINED_MODELS).evidence());
        assertEquals("released/widget.cptk.data-00000-of-00001",
                item(tree("rules/weights-tf"), "", ChecklistItem.PRETRAINED_MODELS).evidence());
        assertEquals("scripts/download_pretrained_models.sh",
                item(tree("rules/weights-download-script"), "", ChecklistItem.PRETRAINED_MODELS).evidence());
    }

    @Test
    void aTableColumnHeadedCheckpointMakesItsLinksWeights() {
        ItemResult r = item(code(), readme("rules/weights-column"), ChecklistItem.PRETRAINED_MODELS);
        assertTrue(r.present());
        assertTrue(r.evidence().startsWith("README:L7: | W-S | 79.1 |"), r.evidence());
    }

    @Test
    void paperLinksInAModelColumnAndThirdPartyRepositoryPagesAreNotWeights() {
        assertFalse(item(code(), readme("rules/weights-paper-column"), ChecklistItem.PRETRAINED_MODELS).present());
        assertFalse(item(code(), "## Pretrained weights\n\nWe start from [their repo](https://github.com/other/backbone).\n",
                ChecklistItem.PRETRAINED_MODELS).present());
    }

    @Test
    void aReferenceStyleLinkIsFollowed() {
        assertEquals("README:L3: Pre-trained models are on the [Resources][2] page.",
                item(code(), readme("rules/weights-reference"), ChecklistItem.PRETRAINED_MODELS).evidence());
    }

    @Test
    void aDataLinkUnderAModelsAndDataHeadingIsData() {
        assertFalse(item(code(), readme("rules/data-link"), ChecklistItem.PRETRAINED_MODELS).present());
    }

    @ParameterizedTest
    @ValueSource(strings = {"```python\nnet = widget_net('w50', pretrained=True)\n```\n",
            "Calling `load(name)` returns the model. It will download the model as necessary.\n"})
    void aLoaderThatFetchesTheReleasedWeightsCounts(String readme) {
        assertTrue(item(code(), "# X\n\n" + readme, ChecklistItem.PRETRAINED_MODELS).present(), readme);
    }

    @Test
    void aLoaderMentionWithoutCodeInTheTreeDoesNotCount() {
        assertFalse(item(FileTree.of(false, "README.md"), "# X\n\n```\nnet('w', pretrained=True)\n```\n",
                ChecklistItem.PRETRAINED_MODELS).present());
    }

    // ---- results

    @ParameterizedTest
    @ValueSource(strings = {"3.7e-02 +/- 0.4", "13.73 &pm; 0.06", "41.2 ± 0.3", "[81.2](https://example.org/log)",
            "**51.4%**", "<sub>0.51</sub>", "161 *fps*", "-0.5", "1,234.5"})
    void resultNumbers(String cell) {
        assertTrue(ResultsRule.numeric(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVPR", "ResNet-50", "[paper](https://arxiv.org/abs/1)", "v1.2.3 beta", "---", ""})
    void notResultNumbers(String cell) {
        assertFalse(ResultsRule.numeric(cell), cell);
    }

    @Test
    void aTableWithScientificNumbersAndAnInlineCommandIsResults() {
        ItemResult r = item(tree("rules/prose-commands"), readme("rules/prose-commands"), ChecklistItem.RESULTS);
        assertTrue(r.present());
        assertTrue(r.evidence().startsWith("commands README:L5:"), r.evidence());
    }

    @Test
    void anIndentedCommandAndATableWithShortSeparatorsAreResults() {
        assertTrue(item(tree("rules/indented"), readme("rules/indented-block"), ChecklistItem.RESULTS).present());
    }

    @Test
    void aDemoCommandDoesNotProduceTheTable() {
        assertFalse(item(tree("rules/demo-only"), readme("rules/demo-only"), ChecklistItem.RESULTS).present());
    }

    @Test
    void aDataSetStatisticsTableIsNotResults() {
        assertFalse(item(tree("rules/run-entry"), readme("rules/stats-table"), ChecklistItem.RESULTS).present());
    }

    @Test
    void aPythonVersionLineIsNotACommand() {
        String readme = "| Model | PSNR |\n|---|---|\n| W | 32.1 |\n\n```python\npython 3.9.5\npytorch 1.11.0\n```\n";
        assertFalse(item(code(), readme, ChecklistItem.RESULTS).present());
    }
}
