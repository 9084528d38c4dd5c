package org.reprotrack.check.signals;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.reprotrack.check.signals.Readme.Line;

/**
 * Scores a repository on the five items of the ML Code Completeness Checklist from its file tree
 * and README. Pure and thread-safe. Every rule is written down, with its reasons, in
 * {@code docs/checklist.md}; keep the two in step.
 *
 * <p>File evidence beats README evidence (a file is there; a README line may be stale), and among
 * files the shallowest, then the first by path, is named.
 */
public final class ChecklistScorer {

    // ---- 1. dependencies
    private static final Set<String> DEPENDENCY_FILES = Set.of(
            "setup.py", "setup.cfg", "pyproject.toml", "pipfile", "pipfile.lock", "poetry.lock", "uv.lock",
            "environment.yml", "environment.yaml", "conda.yml", "conda.yaml", "dockerfile", "docker-compose.yml",
            "docker-compose.yaml", "package.json", "cargo.toml", "go.mod", "description", "renv.lock", "project.toml",
            "manifest.toml", "pom.xml", "build.gradle", "build.gradle.kts", "vcpkg.json", "conanfile.txt",
            "conanfile.py", "singularity", "apptainer.def", "flake.nix", "shell.nix", "gemfile", "install.r",
            "requirements.jl");
    private static final Pattern DEPENDENCY_NAME = Pattern.compile(
            "^(requirements[^/]*\\.(txt|in)|environment[^/]*\\.ya?ml|conda[^/]*\\.ya?ml|[^/]*\\.dockerfile"
                    + "|dockerfile\\.[^/]+|[^/]*\\.def)$");
    private static final Set<String> REQUIREMENTS_DIRS = Set.of("requirements", "envs", "environments", "docker");

    // ---- 2. training
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("py", "sh", "ipynb", "jl", "r", "lua", "m", "bash");
    private static final Pattern TRAIN_NAME = Pattern.compile(
            "^((train|training|finetune|fine_tune|fine-tune|pretrain)([._\\-].*)?|.*[._\\-](train|training|finetune))\\.[a-z]+$");
    private static final Set<String> TRAIN_DIRS = Set.of("train", "training", "trainer", "trainers");

    // ---- 3. evaluation
    private static final Pattern EVAL_NAME = Pattern.compile(
            "^((eval|evaluate|evaluation|evaluator|val|validate|validation|test|testing|benchmark)([._\\-].*)?"
                    + "|.*[._\\-](eval|evaluate|evaluation|test|val))\\.[a-z]+$");
    private static final Set<String> EVAL_DIRS = Set.of("eval", "evaluation", "evaluate", "evaluations", "benchmark",
            "benchmarks");
    /** Unit-test suites: a {@code test_*.py} there tests the code, it does not evaluate the model. */
    private static final Set<String> UNIT_TEST_DIRS = Set.of("tests", "test", "unittests", "unit_tests", "testing",
            "__tests__", "spec");

    // ---- 4. pre-trained models
    private static final Pattern MODEL_HUB = Pattern.compile(
            "(?i)https?://(www\\.)?(huggingface\\.co|hf\\.co)/(?!datasets/|spaces/|docs/|papers/|blog/)[\\w.\\-]+/[\\w.\\-]+"
                    + "|https?://(www\\.)?modelscope\\.cn/models/");
    private static final Pattern WEIGHT_URL = Pattern.compile(
            "(?i)https?://\\S+\\.(pth|pt|ckpt|h5|hdf5|safetensors|onnx|pdparams|caffemodel|tflite)(\\?\\S*)?(?=[\\s)\"'>\\]]|$)");
    private static final Pattern STORAGE = Pattern.compile(
            "(?i)https?://(www\\.)?(drive\\.google\\.com|docs\\.google\\.com/uc|zenodo\\.org|(www\\.)?dropbox\\.com"
                    + "|github\\.com/[\\w.\\-]+/[\\w.\\-]+/releases|onedrive\\.live\\.com|1drv\\.ms|[\\w\\-]+\\.sharepoint\\.com"
                    + "|pan\\.baidu\\.com|figshare\\.com|[\\w.\\-]*figshare\\.com|storage\\.googleapis\\.com"
                    + "|[\\w.\\-]*s3[\\w.\\-]*\\.amazonaws\\.com|[\\w\\-]+\\.blob\\.core\\.windows\\.net|osf\\.io|[\\w\\-]*\\.?box\\.com"
                    + "|huggingface\\.co|hf\\.co)");
    private static final Pattern STRONG_MODEL_WORD = Pattern.compile(
            "(?i)pre-?trained|checkpoints?|\\bweights\\b|model[ _-]?zoo|\\bckpts?\\b|trained models?");
    private static final Pattern MODEL_WORD = Pattern.compile("(?i)\\bmodels?\\b");
    private static final Pattern DATA_WORD = Pattern.compile("(?i)\\b(data|datasets?|corpus|benchmark data)\\b");
    private static final Pattern ANY_LINK = Pattern.compile("(?i)https?://\\S+");

    // ---- 5. results table and commands
    private static final Pattern TABLE_SEPARATOR = Pattern.compile(
            "^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?\\s*$|^\\s*\\|\\s*:?-{3,}:?\\s*\\|\\s*$");
    private static final Pattern NUMERIC_CELL = Pattern.compile(
            "^[\\s*_~<>=≈]*[+\\-]?\\d+([.,]\\d+)?\\s*(%|x|×|ms|s|m|k|b)?\\s*(±\\s*\\d+([.,]\\d+)?\\s*%?)?[\\s*_]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_NUMERIC_CELL = Pattern.compile(
            "(?i)<td[^>]*>\\s*(<(b|strong|i|em|u)>\\s*)*[+\\-]?\\d+([.,]\\d+)?\\s*%?\\s*(</(b|strong|i|em|u)>\\s*)*</td>");
    private static final Pattern HTML_TABLE_START = Pattern.compile("(?i)<table\\b");

    /** Scores a repository; an empty README string means the repository has none. */
    public Checklist score(FileTree tree, String readmeText) {
        Readme readme = Readme.parse(readmeText);
        boolean hasCode = tree.files().stream().anyMatch(FileKinds::code);
        Map<ChecklistItem, ItemResult> items = new EnumMap<>(ChecklistItem.class);
        items.put(ChecklistItem.DEPENDENCIES, dependencies(tree, readme));
        items.put(ChecklistItem.TRAINING, scripts(ChecklistItem.TRAINING, tree, readme, hasCode, TRAIN_NAME, TRAIN_DIRS,
                Commands.TRAIN_WORD));
        items.put(ChecklistItem.EVALUATION, scripts(ChecklistItem.EVALUATION, tree, readme, hasCode, EVAL_NAME, EVAL_DIRS,
                Commands.EVAL_WORD));
        items.put(ChecklistItem.PRETRAINED_MODELS, pretrained(tree, readme));
        items.put(ChecklistItem.RESULTS, results(readme));
        return Checklist.of(items);
    }

    private static ItemResult dependencies(FileTree tree, Readme readme) {
        Optional<TreeFile> file = first(tree, f -> DEPENDENCY_FILES.contains(f.lowerName())
                || DEPENDENCY_NAME.matcher(f.lowerName()).matches()
                || (FileKinds.under(f, REQUIREMENTS_DIRS) && (f.extension().equals("txt") || f.extension().equals("yml")
                        || f.extension().equals("yaml"))));
        if (file.isPresent()) {
            return ItemResult.present(ChecklistItem.DEPENDENCIES, file.get().path());
        }
        return readme.lines().stream().filter(Commands::installs).findFirst()
                .map(l -> ItemResult.present(ChecklistItem.DEPENDENCIES, l.evidence()))
                .orElse(ItemResult.absent(ChecklistItem.DEPENDENCIES));
    }

    /**
     * Training and evaluation follow one shape: a script named for the task, or code in a folder
     * named for it, else a README command that names the task, but only if the tree has code for
     * the command to run.
     */
    private static ItemResult scripts(ChecklistItem item, FileTree tree, Readme readme, boolean hasCode, Pattern name,
            Set<String> dirs, Pattern commandWord) {
        Optional<TreeFile> file = first(tree, f -> FileKinds.code(f) && !unitTest(f)
                && ((SCRIPT_EXTENSIONS.contains(f.extension()) && name.matcher(f.lowerName()).matches())
                        || FileKinds.under(f, dirs)));
        if (file.isPresent()) {
            return ItemResult.present(item, file.get().path());
        }
        if (!hasCode) {
            return ItemResult.absent(item);
        }
        return readme.lines().stream()
                .filter(l -> Commands.runs(l) && commandWord.matcher(l.text()).find())
                .findFirst()
                .map(l -> ItemResult.present(item, l.evidence()))
                .orElse(ItemResult.absent(item));
    }

    private static boolean unitTest(TreeFile f) {
        return FileKinds.under(f, UNIT_TEST_DIRS) && f.lowerName().startsWith("test");
    }

    private static ItemResult pretrained(FileTree tree, Readme readme) {
        Optional<TreeFile> file = first(tree, FileKinds::weights);
        if (file.isPresent()) {
            return ItemResult.present(ChecklistItem.PRETRAINED_MODELS, file.get().path());
        }
        for (Line l : readme.lines()) {
            String t = l.text();
            boolean strongHere = STRONG_MODEL_WORD.matcher(t).find();
            boolean strongSection = STRONG_MODEL_WORD.matcher(l.heading()).find();
            boolean modelHere = MODEL_WORD.matcher(t).find() && !DATA_WORD.matcher(t).find();
            if (MODEL_HUB.matcher(t).find() || WEIGHT_URL.matcher(t).find()
                    || (STORAGE.matcher(t).find() && (strongHere || strongSection || modelHere))
                    || (strongSection && ANY_LINK.matcher(t).find() && !DATA_WORD.matcher(t).find())) {
                return ItemResult.present(ChecklistItem.PRETRAINED_MODELS, l.evidence());
            }
        }
        return ItemResult.absent(ChecklistItem.PRETRAINED_MODELS);
    }

    private static ItemResult results(Readme readme) {
        Optional<Line> table = resultsTable(readme.lines());
        Optional<Line> command = readme.lines().stream().filter(Commands::runs).findFirst();
        if (table.isEmpty() || command.isEmpty()) {
            return ItemResult.absent(ChecklistItem.RESULTS);
        }
        Line c = command.get();
        // Command first: it is the shorter, and the part a reader most needs to find again.
        return ItemResult.present(ChecklistItem.RESULTS, "commands README:L" + c.number() + ": " + c.text().strip()
                + "; table README:L" + table.get().number() + ": " + table.get().text().strip());
    }

    /** The header line of the first Markdown or HTML table with a numeric data cell. */
    private static Optional<Line> resultsTable(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Line sep = lines.get(i);
            if (sep.fenced() || !TABLE_SEPARATOR.matcher(sep.text()).matches() || !lines.get(i - 1).text().contains("|")) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && lines.get(j).text().contains("|") && !lines.get(j).fenced(); j++) {
                if (numericRow(lines.get(j).text())) {
                    return Optional.of(lines.get(i - 1));
                }
            }
        }
        Line tableStart = null;
        for (Line l : lines) {
            if (l.fenced()) {
                continue;
            }
            if (HTML_TABLE_START.matcher(l.text()).find()) {
                tableStart = l;
            }
            if (tableStart != null && HTML_NUMERIC_CELL.matcher(l.text()).find()) {
                return Optional.of(tableStart);
            }
        }
        return Optional.empty();
    }

    private static boolean numericRow(String row) {
        String s = row.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        for (String cell : s.split("\\|")) {
            if (NUMERIC_CELL.matcher(cell.replace("**", "")).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<TreeFile> first(FileTree tree, Predicate<TreeFile> rule) {
        return tree.files().stream().filter(rule)
                .min(Comparator.comparingInt(TreeFile::depth).thenComparing(TreeFile::path));
    }
}
