package org.reprotrack.check.signals;

import java.util.regex.Pattern;

/** Which README lines are shell commands, and what they run. */
final class Commands {
    private Commands() {
    }

    /** A prompt, notebook bang or list marker before the command. */
    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:\\$\\s+|>\\s+|!\\s*|%\\s*|-\\s+)?");
    /** {@code VAR=value} assignments before the program (CUDA_VISIBLE_DEVICES=0 python ...). */
    private static final Pattern ENV = Pattern.compile("^(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*");
    /** Programs that run experiments. */
    private static final Pattern RUNNER = Pattern.compile(
            "^(?:python[0-9.]*|py|bash|sh|zsh|torchrun|accelerate\\s+launch|deepspeed|horovodrun|mpirun|srun|sbatch"
                    + "|julia|Rscript|matlab|octave|cargo\\s+run|go\\s+run|node|npm\\s+run|java|make|docker\\s+run"
                    + "|nohup|time|\\./\\S+|\\S+\\.sh|\\S+\\.py)(?:\\s|$)");
    /** Setup commands: they install, they do not reproduce. */
    private static final Pattern SETUP = Pattern.compile(
            "^(?:pip[0-9]*|conda|mamba|git|cd|export|mkdir|wget|curl|apt(-get)?|sudo|source|ls|cp|mv|unzip|tar|gdown)\\b");
    private static final Pattern PIP_INSTALL = Pattern.compile(
            "^(?:pip[0-9]*|python[0-9.]*\\s+-m\\s+pip|conda|mamba|uv\\s+pip)\\s+(?:install|env\\s+create|create)\\b");

    static final Pattern TRAIN_WORD = Pattern.compile(
            "(?i)(?<![a-z])(train|training|finetune|fine-tune|fine_tune|pretrain)(?![a-z])");
    static final Pattern EVAL_WORD = Pattern.compile(
            "(?i)(?<![a-z])(eval|evaluate|evaluation|test|testing|val|validate|validation|benchmark)(?![a-z])");

    private static String bare(String line) {
        String s = PREFIX.matcher(line).replaceFirst("");
        return ENV.matcher(s).replaceFirst("");
    }

    /** An experiment command in a fenced block: {@code python train.py}, {@code bash run.sh}, not {@code pip install}. */
    static boolean runs(Readme.Line line) {
        if (!line.fenced()) {
            return false;
        }
        String s = bare(line.text());
        return !SETUP.matcher(s).find() && RUNNER.matcher(s).find();
    }

    /** An install command for dependencies in a fenced block. */
    static boolean installs(Readme.Line line) {
        return line.fenced() && PIP_INSTALL.matcher(bare(line.text())).find();
    }
}
