package org.reprotrack.check.signals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checklist items 2 and 3, training and evaluation code (docs/checklist.md). A file named for the
 * task; else, when the tree has code, the README: a command that trains or evaluates, a section
 * headed for the task, or (training only) the instruction to run the repository's experiment
 * script. A README command or section that names a script the tree does not hold proves nothing.
 */
final class ExperimentRule {
    private ExperimentRule() {
    }

    static final Set<String> SCRIPT_EXTENSIONS = Set.of("py", "sh", "ipynb", "jl", "r", "lua", "m", "bash");
    /** A name with a training word as one of its parts: train.py, run_pretraining.py, trainval.py, main_finetune.sh. */
    private static final Pattern TRAIN_NAME = Pattern.compile(
            "(^|[._\\-])(train|training|trainval|finetune|finetuning|fine[_\\-]tune|fine[_\\-]tuning|pretrain|pretraining)([._\\-]|$)");
    private static final Set<String> TRAIN_DIRS = Set.of("train", "training", "trainer", "trainers");
    private static final Pattern EVAL_NAME = Pattern.compile(
            "(^|[._\\-])(eval|evaluate|evaluation|evaluator|val|validate|validation|test|testing|benchmark|inference_eval)([._\\-]|$)");
    private static final Set<String> EVAL_DIRS = Set.of("eval", "evaluation", "evaluate", "evaluations", "benchmark",
            "benchmarks");
    /** Unit-test suites: a {@code test_*.py} there tests the code, it does not evaluate the model. */
    private static final Set<String> UNIT_TEST_DIRS = Set.of("tests", "test", "unittests", "unit_tests", "unittest",
            "testing", "__tests__", "spec", "specs");
    /** The unit-test naming conventions (pytest, go test, ...): {@code test_x.py}, {@code x_test.py}. */
    private static final Pattern UNIT_TEST_NAME = Pattern.compile("^(test_.+|.+_test|.+_tests)\\.[a-z0-9]+$");
    /**
     * Library folders: a file named {@code *_eval} in {@code models/} is a model variant, one in
     * {@code datasets/} a data-set helper; neither is a script that evaluates trained models.
     */
    private static final Set<String> LIBRARY_DIRS = Set.of("models", "model", "nets", "networks", "network", "modules",
            "layers", "backbones", "ops", "datasets", "dataset", "data", "dataloaders", "loaders", "utils", "third_party",
            "thirdparty", "external", "vendor");

    /** What a script, or its README section, is for when it is not training the paper's models. */
    private static final Pattern NOT_TRAINING = Pattern.compile("(?i)(?<![a-z])(demo|demos|example|examples|infer|inference"
            + "|predict|prediction|predictions|test|testing|tests|eval|evaluate|evaluation|evaluating|val|validate|validation"
            + "|sample|samples|sampling|generate|generation|download|downloads|preprocess|preprocessing|prepare|preparation"
            + "|prep|data|dataset|datasets|export|convert|conversion|visuali[sz]e|visuali[sz]ation|vis|viz|plot|plots|setup"
            + "|install|installation|build|compile|app|gradio|serve|server|api|benchmark|colab|quick ?start|onnx|tensorrt"
            + "|deploy|deployment)(?![a-z])");
    /** A command that loads trained weights uses a model; it does not train one. */
    private static final Pattern LOADS_MODEL = Pattern.compile(
            "(?i)(?:^|\\s)--?(?:checkpoint|ckpt|resume|load|model[_-]?path|model[_-]?file|pretrained[_-]?model|restore|snapshot)"
                    + "(?:[\\s=]+(?!''|\"\")\\S)");
    private static final Pattern RUN_VERB = Pattern.compile("(?i)(?<![a-z])(run|runs|running|execute|launch|use the script|use the scripts|call)(?![a-z])");
    private static final Pattern DOC_LINK = Pattern.compile("\\]\\((?!https?:|#|mailto:)([^)\\s]+)\\)");

    /**
     * A unit test: a {@code test*} file in a test folder, or a {@code test_X}/{@code X_test} file
     * in any folder when the tree also has the {@code X} it tests ({@code utils.py} beside
     * {@code test_utils.py}). A {@code test_imagenet.py} with no {@code imagenet.py} tests a model
     * on a data set: that is evaluation.
     */
    static boolean unitTest(TreeFile f, TreeIndex index) {
        String name = f.lowerName();
        if (FileKinds.under(f, UNIT_TEST_DIRS) && (name.startsWith("test") || UNIT_TEST_NAME.matcher(name).matches())) {
            return true;
        }
        var m = UNIT_TEST_NAME.matcher(name);
        if (!m.matches()) {
            return false;
        }
        String ext = f.extension();
        String stem = stem(name);
        String subject = stem.startsWith("test_") ? stem.substring(5)
                : stem.endsWith("_tests") ? stem.substring(0, stem.length() - 6) : stem.substring(0, stem.length() - 5);
        return !subject.isEmpty() && index.hasExactly(subject + "." + ext);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    static ItemResult training(FileTree tree, TreeIndex index, Readme readme, boolean hasCode) {
        ChecklistItem item = ChecklistItem.TRAINING;
        Optional<TreeFile> file = Rules.first(tree, f -> FileKinds.code(f) && !unitTest(f, index)
                && ((SCRIPT_EXTENSIONS.contains(f.extension()) && TRAIN_NAME.matcher(stem(f.lowerName())).find())
                        || FileKinds.under(f, TRAIN_DIRS)));
        if (file.isPresent()) {
            return ItemResult.present(item, file.get().path());
        }
        if (!hasCode) {
            return ItemResult.absent(item);
        }
        // A command that trains: runs a training script or sets a training mode, a learning rate or
        // an epoch budget; failing that, one that names training anywhere (a Hydra override).
        for (boolean anywhere : new boolean[] {false, true}) {
            for (Readme.Line l : readme.lines()) {
                List<String> commands = Commands.of(l);
                boolean says = anywhere && !commands.isEmpty() && saysAround(l, Commands.TRAIN_WORD);
                for (String c : commands) {
                    if (Commands.runs(c) && runsPresentScript(c, index) && (anywhere
                            ? says || Commands.TRAIN_WORD.matcher(c).find()
                            : Commands.trainFlag(c) || Commands.script(c).filter(s -> TRAIN_NAME.matcher(
                                    stem(s.name().toLowerCase(java.util.Locale.ROOT))).find()).isPresent())) {
                        return ItemResult.present(item, l.evidence());
                    }
                }
            }
        }
        // A section headed for training that names nothing missing from the tree.
        Optional<Readme.Line> section = taskSection(readme, index, Commands.TRAIN_WORD, false);
        if (section.isPresent()) {
            return ItemResult.present(item, section.get().evidence());
        }
        // The instruction to run the repository's experiment script, not a demo, an evaluation or a tool.
        for (Readme.Line l : readme.lines()) {
            // The heading, or the prose around an inline command ("run `python main.py` to see a
            // demo"), may say the command is for something else.
            if (NOT_TRAINING.matcher(l.heading()).find()
                    || !l.fenced() && NOT_TRAINING.matcher(l.prose()).find()) {
                continue;
            }
            for (String c : Commands.of(l)) {
                Optional<Commands.Script> s = Commands.script(c);
                if (Commands.runs(c) && s.isPresent() && index.hasAny(s.get().candidates())
                        && !NOT_TRAINING.matcher(s.get().path()).find() && !Commands.evalFlag(c)
                        && !LOADS_MODEL.matcher(c).find()) {
                    return ItemResult.present(item, l.evidence());
                }
            }
            if (!l.fenced() && RUN_VERB.matcher(l.text()).find()) {
                for (String s : Commands.scripts(l.text())) {
                    if (index.has(s) && !NOT_TRAINING.matcher(s).find()) {
                        return ItemResult.present(item, l.evidence());
                    }
                }
            }
        }
        return ItemResult.absent(item);
    }

    static ItemResult evaluation(FileTree tree, TreeIndex index, Readme readme, boolean hasCode) {
        ChecklistItem item = ChecklistItem.EVALUATION;
        Optional<TreeFile> file = Rules.first(tree, f -> FileKinds.code(f) && !unitTest(f, index)
                && ((SCRIPT_EXTENSIONS.contains(f.extension()) && EVAL_NAME.matcher(stem(f.lowerName())).find()
                        && !FileKinds.under(f, LIBRARY_DIRS))
                        || FileKinds.under(f, EVAL_DIRS)));
        if (file.isPresent()) {
            return ItemResult.present(item, file.get().path());
        }
        if (!hasCode) {
            return ItemResult.absent(item);
        }
        // A command that evaluates: runs an evaluation script, or sets an evaluation switch or mode.
        for (Readme.Line l : readme.lines()) {
            List<String> commands = Commands.of(l);
            boolean says = !commands.isEmpty() && saysAround(l, Commands.EVAL_WORD);
            for (String c : commands) {
                if (!Commands.runs(c) || !runsPresentScript(c, index)) {
                    continue;
                }
                Optional<Commands.Script> s = Commands.script(c);
                boolean evalScript = s.isPresent() && EVAL_NAME.matcher(stem(s.get().name().toLowerCase(java.util.Locale.ROOT))).find();
                if (evalScript || Commands.evalFlag(c) || says) {
                    return ItemResult.present(item, l.evidence());
                }
            }
        }
        // A section headed for evaluation that shows how (code), naming nothing missing.
        Optional<Readme.Line> section = taskSection(readme, index, Commands.EVAL_WORD, true);
        return section.map(l -> ItemResult.present(item, l.evidence())).orElse(ItemResult.absent(item));
    }

    /** The prose around an inline command names the task: "To evaluate, run `python x.py`". */
    private static boolean saysAround(Readme.Line l, Pattern word) {
        return !l.fenced() && word.matcher(l.prose()).find();
    }

    /** The command runs a script the tree holds, or names none this rule can check. */
    static boolean runsPresentScript(String command, TreeIndex index) {
        Optional<Commands.Script> s = Commands.script(command);
        return s.isEmpty() || index.hasAny(s.get().candidates());
    }

    /**
     * The first line of a section whose heading names the task, that says something, promises
     * nothing ("coming soon"), and whose commands, script names and document links all exist in the
     * tree. With {@code needsCode}, the
     * section must also show code (a code block or an inline command).
     */
    private static Optional<Readme.Line> taskSection(Readme readme, TreeIndex index, Pattern word, boolean needsCode) {
        for (Readme.Section s : readme.sections()) {
            if (!word.matcher(s.heading()).find()) {
                continue;
            }
            List<Readme.Line> lines = s.lines();
            boolean content = false;
            boolean code = false;
            boolean missing = false;
            for (int i = 1; i < lines.size(); i++) {
                Readme.Line l = lines.get(i);
                if (l.text().isBlank()) {
                    continue;
                }
                content = true;
                // "Training code coming soon" under a Training heading shows nothing yet.
                missing |= !l.fenced() && PlaceholderDetector.COMING.matcher(l.text()).find();
                code |= l.fenced() || Commands.runs(l);
                for (String c : Commands.of(l)) {
                    if (Commands.runs(c) && !runsPresentScript(c, index)) {
                        missing = true;
                    }
                }
                if (!l.fenced()) {
                    for (String script : Commands.scripts(l.text().replaceAll("https?://\\S+", ""))) {
                        missing |= !index.has(script);
                    }
                    var doc = DOC_LINK.matcher(l.text());
                    while (doc.find()) {
                        String target = doc.group(1).replaceAll("#.*$", "");
                        missing |= !target.isEmpty() && !target.endsWith("/") && !index.has(target);
                    }
                }
            }
            if (content && !missing && (!needsCode || code) && !lines.isEmpty()) {
                return Optional.of(lines.get(0));
            }
        }
        return Optional.empty();
    }
}
