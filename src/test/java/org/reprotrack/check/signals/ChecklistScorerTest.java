package org.reprotrack.check.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.signals.SignalFixtures.readme;
import static org.reprotrack.check.signals.SignalFixtures.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecklistScorerTest {
    private final ChecklistScorer scorer = new ChecklistScorer();

    private Checklist score(FileTree tree, String readme) {
        return scorer.score(tree, readme);
    }

    private static String evidence(Checklist c, ChecklistItem item) {
        return c.get(item).evidence();
    }

    @Test
    void aCompleteRepositoryScoresFiveWithEvidenceForEveryItem() {
        Checklist c = score(tree("complete"), readme("complete"));

        assertEquals(5, c.score());
        assertEquals("requirements.txt", evidence(c, ChecklistItem.DEPENDENCIES));
        assertEquals("train.py", evidence(c, ChecklistItem.TRAINING));
        assertEquals("eval.py", evidence(c, ChecklistItem.EVALUATION));
        assertEquals("README:L27: - [Widgets R50](https://drive.google.com/file/d/1AbCdEf/view) trained on ImageNet.",
                evidence(c, ChecklistItem.PRETRAINED_MODELS));
        assertEquals("commands README:L14: CUDA_VISIBLE_DEVICES=0,1 python train.py --config configs/base.yaml;"
                        + " table README:L31: | Model        | Top-1 Acc | Top-5 Acc |",
                evidence(c, ChecklistItem.RESULTS));
    }

    @Test
    void aRepositoryWithCodeButNoTrainingEvaluationWeightsOrTableScoresOnlyWhatItHas() {
        Checklist c = score(tree("partial"), readme("partial"));

        assertEquals(0, c.score(), "main.py without a train command, no dependency file, no table: " + c);
        for (ItemResult item : c.items()) {
            assertFalse(item.present());
            assertNull(item.evidence());
        }
    }

    @Test
    void readmeCommandsNamingTrainAndTestCountForMainPyRepositories() {
        Checklist c = score(tree("partial"), readme("main-train-command"));

        assertEquals("README:L6: $ python main.py --mode train --epochs 100", evidence(c, ChecklistItem.TRAINING));
        assertEquals("README:L7: $ python main.py --mode test --ckpt best.pt", evidence(c, ChecklistItem.EVALUATION));
        assertFalse(c.get(ChecklistItem.RESULTS).present(), "commands without a results table");
    }

    @Test
    void readmeCommandsDoNotCountWhenTheTreeHoldsNoCode() {
        Checklist c = score(tree("readme-only"), readme("main-train-command"));

        assertFalse(c.get(ChecklistItem.TRAINING).present());
        assertFalse(c.get(ChecklistItem.EVALUATION).present());
    }

    @Test
    void unitTestsAreNotEvaluationCodeButSetupPyIsADependencySpecification() {
        Checklist c = score(tree("unit-tests"), "");

        assertFalse(c.get(ChecklistItem.EVALUATION).present(), "tests/test_core.py tests the code");
        assertEquals("setup.py", evidence(c, ChecklistItem.DEPENDENCIES));
    }

    @ParameterizedTest(name = "{0} is a dependency specification")
    @CsvSource({"environment.yml", "pyproject.toml", "Pipfile", "env/conda_env.yaml", "docker/Dockerfile", "package.json",
            "Cargo.toml", "go.mod", "DESCRIPTION", "requirements/base.txt", "requirements-dev.txt"})
    void dependencyFiles(String path) {
        Checklist c = score(FileTree.of(false, "README.md", path, "src/x.py"), "");
        assertEquals(path, evidence(c, ChecklistItem.DEPENDENCIES));
    }

    @Test
    void aPipInstallLineInTheReadmeIsADependencySpecificationWhenNoFileIs() {
        Checklist c = score(FileTree.of(false, "README.md", "run.py"), "```\npip install torch==2.1 numpy\n```\n");
        assertEquals("README:L2: pip install torch==2.1 numpy", evidence(c, ChecklistItem.DEPENDENCIES));
    }

    @ParameterizedTest(name = "{0} is training code")
    @CsvSource({"train.py", "tools/train_net.py", "scripts/train_imagenet.sh", "run_train.py", "finetune.py",
            "src/training/loop.py", "notebooks/train.ipynb"})
    void trainingFiles(String path) {
        Checklist c = score(FileTree.of(false, "README.md", path), "");
        assertEquals(path, evidence(c, ChecklistItem.TRAINING));
    }

    @ParameterizedTest(name = "{0} is evaluation code")
    @CsvSource({"eval.py", "evaluate.py", "tools/test.py", "val.py", "scripts/eval_coco.sh", "eval/metrics.py",
            "test.py"})
    void evaluationFiles(String path) {
        Checklist c = score(FileTree.of(false, "README.md", path), "");
        assertEquals(path, evidence(c, ChecklistItem.EVALUATION));
    }

    @ParameterizedTest(name = "{0} is not training code")
    @CsvSource({"trainer_notes.md", "pretrained.py", "constraints.py", "data/train.csv"})
    void notTrainingFiles(String path) {
        Checklist c = score(FileTree.of(false, "README.md", path), "");
        assertFalse(c.get(ChecklistItem.TRAINING).present(), path);
    }

    @Test
    void weightFilesInTheTreeArePretrainedModels() {
        Checklist c = score(FileTree.of(false, "README.md", "infer.py", "checkpoints/best.pth"), "");
        assertEquals("checkpoints/best.pth", evidence(c, ChecklistItem.PRETRAINED_MODELS));
    }

    @Test
    void aHuggingFaceModelLinkIsAPretrainedModelButADatasetLinkIsNot() {
        Checklist c = score(FileTree.of(false, "README.md", "lm.py"), readme("hub-weights"));
        assertEquals("README:L3: Weights: https://huggingface.co/acme/tiny-lm", evidence(c, ChecklistItem.PRETRAINED_MODELS));

        Checklist data = score(FileTree.of(false, "README.md", "lm.py"), "Data: https://huggingface.co/datasets/acme/x\n");
        assertFalse(data.get(ChecklistItem.PRETRAINED_MODELS).present());
    }

    @Test
    void aDriveLinkToADatasetIsNotAPretrainedModel() {
        Checklist c = score(FileTree.of(false, "README.md", "seg.py"), readme("dataset-drive"));
        assertFalse(c.get(ChecklistItem.PRETRAINED_MODELS).present());
    }

    @Test
    void aDirectLinkToACheckpointFileIsAPretrainedModel() {
        Checklist c = score(FileTree.of(false, "x.py"), "Get it: https://example.org/files/model_best.ckpt\n");
        assertTrue(c.get(ChecklistItem.PRETRAINED_MODELS).present());
    }

    @Test
    void anyLinkUnderACheckpointsHeadingIsAPretrainedModel() {
        Checklist c = score(FileTree.of(false, "x.py"), "## Checkpoints\n\n[Here](https://example.org/get?id=42)\n");
        assertEquals("README:L3: [Here](https://example.org/get?id=42)", evidence(c, ChecklistItem.PRETRAINED_MODELS));
    }

    @Test
    void aResultsTableNeedsNumbersAndACommandToCount() {
        String words = "| Method | Venue |\n|---|---|\n| Ours | CVPR |\n\n```\npython run.py\n```\n";
        assertFalse(score(FileTree.of(false, "run.py"), words).get(ChecklistItem.RESULTS).present(), "no number in the table");

        String noCommand = "| Method | mAP |\n|---|---|\n| Ours | 41.2 |\n\n```\npip install -r requirements.txt\n```\n";
        assertFalse(score(FileTree.of(false, "run.py"), noCommand).get(ChecklistItem.RESULTS).present(),
                "installing is not reproducing");

        String html = "<table>\n<tr><th>Model</th><th>BLEU</th></tr>\n<tr><td>base</td><td><b>27.3</b></td></tr>\n</table>\n"
                + "\n```sh\nbash scripts/eval.sh\n```\n";
        assertTrue(score(FileTree.of(false, "run.py", "scripts/eval.sh"), html).get(ChecklistItem.RESULTS).present(),
                "an HTML table counts");
    }

    @Test
    void aTableInsideACodeBlockIsNotAResultsTable() {
        String fenced = "```\n| a | b |\n|---|---|\n| 1 | 2 |\npython x.py\n```\n";
        assertFalse(score(FileTree.of(false, "x.py"), fenced).get(ChecklistItem.RESULTS).present());
    }

    @Test
    void aTruncatedTreeIsScoredOnWhatItLists() {
        Checklist c = score(new FileTree(tree("complete").files(), true), readme("complete"));
        assertEquals(5, c.score());
    }
}
