package org.reprotrack.check.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which README text is a shell command, what it runs, and what it installs. A command is a line of
 * a code block (fenced or indented, with its backslash continuations) or an {@code `inline code`}
 * span of a prose line: people write "run `python eval.py --ckpt x`" as often as a fenced block.
 */
final class Commands {
    private Commands() {
    }

    /** A prompt, notebook bang or list marker before the command. */
    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:\\$\\s*|>\\s+|!\\s*|%\\s*|-\\s+|#\\s+(?=python|bash|sh\\b))?");
    /** {@code VAR=value} assignments before the program (CUDA_VISIBLE_DEVICES=0 python ...). */
    private static final Pattern ENV = Pattern.compile("^(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*");
    /** Programs that run experiments. */
    private static final Pattern RUNNER = Pattern.compile(
            "^(?:python[0-9.]*|py|bash|sh|zsh|torchrun|accelerate\\s+launch|deepspeed|horovodrun|mpirun|srun|sbatch"
                    + "|julia|Rscript|matlab|octave|cargo\\s+run|go\\s+run|node|npm\\s+run|java|make|docker\\s+run"
                    + "|nohup|time|jupyter\\s+(?:notebook|nbconvert|lab)|\\./\\S+|\\S+\\.sh|\\S+\\.py)(?:\\s|$)");
    /** Setup commands: they install, they do not reproduce. */
    private static final Pattern SETUP = Pattern.compile(
            "^(?:pip[0-9]*|conda|mamba|git|cd|export|mkdir|wget|curl|apt(-get)?|sudo|source|ls|cp|mv|unzip|tar|gdown"
                    + "|python[0-9.]*\\s+setup\\.py|python[0-9.]*\\s+-m\\s+pip)\\b");
    private static final Pattern PIP_INSTALL = Pattern.compile(
            "^(?:pip[0-9]*|python[0-9.]*\\s+-m\\s+pip|conda|mamba|uv\\s+pip|poetry|pipenv)\\s+(?:install|env\\s+create|create|sync)\\b");
    /** The file an install command reads: {@code -r requirements.txt}, {@code -f environment.yml}. */
    private static final Pattern INSTALL_FILE = Pattern.compile(
            "(?:^|\\s)(?:-r|--requirement|-f|--file|-e)\\s*=?\\s*['\"]?([^\\s'\"]+)");
    private static final Pattern BARE_FILE = Pattern.compile("^[\\w./\\-]+$");
    /** {@code python 3.9}, {@code python>=3.8}: a version in a requirements list, not a program run. */
    private static final Pattern VERSION_NOT_COMMAND = Pattern.compile("^python[0-9.]*\\s*(?:[=<>~:]|\\d|\\(|$)");
    /** A script a command or a sentence names. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(?<![\\w/.$<{-])((?:\\.{1,2}/)?[\\w.\\-]+(?:/[\\w.\\-]+)*\\.(?:py|sh|bash|ipynb|jl|r|lua|m|pl|rb|js))(?![\\w/])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULE = Pattern.compile("(?:^|\\s)-m\\s+([A-Za-z_][\\w.]*)");
    /** Modules that launch another script: the script they launch is the one that counts. */
    private static final Set<String> LAUNCHERS = Set.of("torch.distributed.launch", "torch.distributed.run", "pip",
            "jupyter", "notebook", "venv", "ipykernel", "nbconvert", "accelerate.commands.launch");

    static final Pattern TRAIN_WORD = Pattern.compile(
            "(?i)(?<![a-z])(train|training|trainval|finetune|finetuning|fine-tune|fine-tuning|fine_tune|pretrain|pretraining)(?![a-z])");
    static final Pattern EVAL_WORD = Pattern.compile(
            "(?i)(?<![a-z])(eval|evaluate|evaluation|evaluating|test|testing|val|validate|validation|benchmark)(?![a-z])");
    /** An evaluation switch: {@code --eval}, {@code --do_eval}, {@code --mode test}, {@code --phase=val}. */
    private static final Pattern EVAL_FLAG = Pattern.compile(
            "(?i)(?:^|\\s)--?(?:do[_-])?(?:eval|evaluate|evaluation|test|testing|validate|val|validation|test[_-]only|eval[_-]only)(?=[\\s=]|$)"
                    + "|(?:^|\\s)--?(?:mode|phase|stage|task|split|run[_-]?type|type|action)[\\s=]+['\"]?(?:eval|evaluate|evaluation|test|testing|val|validate|validation)\\b");
    /** A training switch: {@code --do_train}, {@code --mode train}, or a learning rate or epoch budget. */
    private static final Pattern TRAIN_FLAG = Pattern.compile(
            "(?i)(?:^|\\s)--?(?:do[_-])?train(?=[\\s=]|$)"
                    + "|(?:^|\\s)--?(?:mode|phase|stage|task|run[_-]?type|action)[\\s=]+['\"]?(?:train|training|finetune|pretrain)\\b"
                    + "|(?:^|\\s)--?(?:lr|learning[_-]rate|base[_-]lr|epochs|num[_-]epochs|n[_-]epochs|max[_-]epochs|num[_-]iterations"
                    + "|max[_-]iters?|max[_-]steps|train[_-]steps|iterations|n[_-]iters)(?=[\\s=]|$)");

    /** A script (or module) a command runs. */
    record Script(String path, boolean module) {
        /** The paths under which the tree would hold it. */
        List<String> candidates() {
            return module ? List.of(path + ".py", path + "/__main__.py") : List.of(path);
        }

        String name() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }

    static String bare(String line) {
        String s = PREFIX.matcher(line).replaceFirst("");
        return ENV.matcher(s).replaceFirst("").strip();
    }

    /**
     * The commands of a README line: the whole logical line of a code block, or the inline code
     * spans of a prose line. The spans may be anything (a package name, a path): callers test them.
     */
    static List<String> of(Readme.Line line) {
        if (line.fenced()) {
            return List.of(line.joined());
        }
        List<String> spans = line.inlineCode();
        if (spans.isEmpty()) {
            return spans;
        }
        // A bare file name in prose ("see `model.py`") is a mention, not a command.
        return spans.stream().filter(s -> !BARE_FILE.matcher(s).matches()).toList();
    }

    /** An experiment command: {@code python train.py}, {@code bash run.sh}, not {@code pip install} or {@code python setup.py}. */
    static boolean runs(String command) {
        String s = bare(command);
        for (String part : s.split("\\s*(?:&&|;)\\s*")) {
            String p = bare(part);
            if (!SETUP.matcher(p).find() && RUNNER.matcher(p).find() && !VERSION_NOT_COMMAND.matcher(p).find()) {
                return true;
            }
        }
        return false;
    }

    /** An experiment command in this line (code block line, or an inline span). */
    static boolean runs(Readme.Line line) {
        return of(line).stream().anyMatch(Commands::runs);
    }

    /** An install command for dependencies: {@code pip install ...}, {@code conda env create -f ...}. */
    static boolean installs(String command) {
        for (String part : bare(command).split("\\s*(?:&&|;)\\s*")) {
            if (PIP_INSTALL.matcher(bare(part)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The files an install command reads ({@code -r requirements.txt}), to check they exist. */
    static List<String> installFiles(String command) {
        List<String> files = new ArrayList<>();
        Matcher m = INSTALL_FILE.matcher(command);
        while (m.find()) {
            String f = m.group(1);
            if (f.startsWith("./")) {
                f = f.substring(2);
            }
            if (!f.equals(".") && !f.contains("://") && !f.startsWith("git+") && f.indexOf('$') < 0 && f.indexOf('<') < 0) {
                files.add(f);
            }
        }
        return files;
    }

    /** The script an experiment command runs, if it names one. */
    static Optional<Script> script(String command) {
        String s = bare(command);
        for (String part : s.split("\\s*(?:&&|;|\\|)\\s*")) {
            Matcher m = MODULE.matcher(part);
            while (m.find()) {
                if (!LAUNCHERS.contains(m.group(1))) {
                    return Optional.of(new Script(m.group(1).replace('.', '/'), true));
                }
            }
            Optional<String> path = firstScript(part);
            if (path.isPresent()) {
                return Optional.of(new Script(path.get(), false));
            }
        }
        return Optional.empty();
    }

    /** Script file names mentioned in any text ("use the scripts run_a.py and run_b.py"). */
    static List<String> scripts(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SCRIPT.matcher(text);
        while (m.find()) {
            out.add(clean(m.group(1)));
        }
        return out;
    }

    private static Optional<String> firstScript(String text) {
        Matcher m = SCRIPT.matcher(text);
        return m.find() ? Optional.of(clean(m.group(1))) : Optional.empty();
    }

    private static String clean(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    /** An evaluation switch or mode in the command's arguments (not a word inside a data path). */
    static boolean evalFlag(String command) {
        return EVAL_FLAG.matcher(command).find();
    }

    /** A training switch or mode, or training hyper-parameters (learning rate, epochs, iterations). */
    static boolean trainFlag(String command) {
        return TRAIN_FLAG.matcher(command).find();
    }
}
