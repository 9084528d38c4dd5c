package org.reprotrack.check.signals;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checklist item 1, dependencies: a specification file in the tree, an install command in the
 * README whose file (if it names one) exists, or a README requirements list (docs/checklist.md).
 */
final class DependencyRule {
    private DependencyRule() {
    }

    private static final Set<String> DEPENDENCY_FILES = Set.of(
            "setup.py", "setup.cfg", "pyproject.toml", "pipfile", "pipfile.lock", "poetry.lock", "uv.lock",
            "environment.yml", "environment.yaml", "conda.yml", "conda.yaml", "dockerfile", "docker-compose.yml",
            "docker-compose.yaml", "package.json", "cargo.toml", "go.mod", "description", "renv.lock", "project.toml",
            "manifest.toml", "pom.xml", "build.gradle", "build.gradle.kts", "vcpkg.json", "conanfile.txt",
            "conanfile.py", "singularity", "apptainer.def", "flake.nix", "shell.nix", "gemfile", "install.r",
            "requirements.jl");
    private static final Pattern DEPENDENCY_NAME = Pattern.compile(
            "^(requirements?[^/]*\\.(txt|in)|environment[^/]*\\.ya?ml|conda[^/]*\\.ya?ml|[^/]*\\.dockerfile"
                    + "|dockerfile\\.[^/]+|[^/]*\\.def)$");
    private static final Set<String> REQUIREMENTS_DIRS = Set.of("requirements", "envs", "environments", "docker", "env");

    /** A section about what to install: "Requirements", "Prerequisites", "Dependencies", "Environment", "Setup". */
    private static final Pattern DEPENDENCY_HEADING = Pattern.compile(
            "(?i)requirement|prerequisite|dependenc|environment|\\bsetup\\b|\\bset up\\b|installation|\\binstall\\b|software");
    /** A label that opens a list in prose: "Requirements:", "Dependencies -". */
    private static final Pattern DEPENDENCY_LABEL = Pattern.compile(
            "(?i)^\\s*[*_]*(?:requirements?|prerequisites?|dependencies|dependency|required packages|packages)[*_]*\\s*[:\\-]");
    /** Names that are dependencies whatever else the line says. */
    private static final Pattern KNOWN_PACKAGE = Pattern.compile(
            "(?i)(?<![\\w-])(python|pytorch|torch|torchvision|tensorflow(?:-gpu)?|keras|jax|jaxlib|flax|numpy|scipy|pandas"
                    + "|scikit-learn|sklearn|matplotlib|opencv(?:-python)?|cuda|cudnn|cudatoolkit|tqdm|pillow|h5py"
                    + "|networkx|transformers|mxnet|paddlepaddle|chainer|theano|caffe|dgl|pyg|torch-geometric"
                    + "|tensorboardx?|horovod|gym|mujoco|open3d(?:-python)?|seaborn|nltk|spacy|lmdb|numba|cython"
                    + "|julia|matlab|gcc|cmake)(?![\\w-])");
    /** {@code name 1.2}, {@code name==1.2}, {@code name >= 0.4}, {@code name v1.15}: a pinned package. */
    private static final Pattern NAME_VERSION = Pattern.compile(
            "(?i)[a-z][\\w.\\-]*[`*)\\]]*\\s*(?:\\(\\s*)?(?:[=<>~!]=?|\\bv)?\\s*`?\\d+(?:\\.\\d+)+");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+\\u2022]|\\d+[.)])\\s+(.*)$");

    static ItemResult judge(FileTree tree, TreeIndex index, Readme readme) {
        Optional<TreeFile> file = Rules.first(tree, f -> DEPENDENCY_FILES.contains(f.lowerName())
                || DEPENDENCY_NAME.matcher(f.lowerName()).matches()
                || (FileKinds.under(f, REQUIREMENTS_DIRS) && (f.extension().equals("txt") || f.extension().equals("yml")
                        || f.extension().equals("yaml"))));
        if (file.isPresent()) {
            return ItemResult.present(ChecklistItem.DEPENDENCIES, file.get().path());
        }
        for (Readme.Line l : readme.lines()) {
            for (String c : Commands.of(l)) {
                if (Commands.installs(c) && index.hasAll(Commands.installFiles(c))) {
                    return ItemResult.present(ChecklistItem.DEPENDENCIES, l.evidence());
                }
            }
        }
        for (Readme.Section s : readme.sections()) {
            boolean dependencySection = DEPENDENCY_HEADING.matcher(s.heading()).find();
            boolean labelled = false;
            for (Readme.Line l : s.lines()) {
                if (DEPENDENCY_LABEL.matcher(l.text()).find()) {
                    labelled = true;
                    if (inlineList(l.text())) {
                        return ItemResult.present(ChecklistItem.DEPENDENCIES, l.evidence());
                    }
                    continue;
                }
                if ((dependencySection || labelled) && listsPackage(l)) {
                    return ItemResult.present(ChecklistItem.DEPENDENCIES, l.evidence());
                }
                if (l.text().isBlank() && labelled && !dependencySection) {
                    labelled = false;
                }
            }
        }
        return ItemResult.absent(ChecklistItem.DEPENDENCIES);
    }

    /**
     * A line of a requirements list: a list item, a code-block line, or a short line (not a
     * sentence), that names a known package or a package with a version. A sentence such as "the
     * code was written in Python 3.7 and PyTorch 1.0; other versions should work" is not a list.
     */
    private static boolean listsPackage(Readme.Line l) {
        String t = l.text().strip();
        if (t.isEmpty() || t.startsWith("|") || t.length() > 160) {
            return false;
        }
        var item = LIST_ITEM.matcher(t);
        String body = item.matches() ? item.group(1) : t;
        boolean sentence = !item.matches() && !l.fenced() && (words(body) > 8 || body.endsWith("."));
        if (sentence) {
            return false;
        }
        String plain = body.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return KNOWN_PACKAGE.matcher(plain).find() || NAME_VERSION.matcher(plain).find();
    }

    /** "Requirements: Python 3.7, PyTorch 1.4, numpy": two or more packages after the label. */
    private static boolean inlineList(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String rest = text.substring(colon + 1);
        String[] parts = rest.split("[,;]");
        int named = 0;
        for (String p : parts) {
            if (KNOWN_PACKAGE.matcher(p).find() || NAME_VERSION.matcher(p).find()) {
                named++;
            }
        }
        return named >= 2;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
