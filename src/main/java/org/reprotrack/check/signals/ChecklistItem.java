package org.reprotrack.check.signals;

/**
 * The five items of the ML Code Completeness Checklist (Papers with Code,
 * {@code paperswithcode/releasing-research-code}). The rules that decide each are in
 * {@link ChecklistScorer} and {@code docs/checklist.md}.
 */
public enum ChecklistItem {
    /** A dependency specification: requirements.txt, environment.yml, setup.py, pyproject.toml, ... */
    DEPENDENCIES("dependencies"),
    /** Training code: train*.py, a train/ folder, a README training command. */
    TRAINING("training_code"),
    /** Evaluation code: eval*.py, evaluate*, test.py outside unit-test folders, a README evaluation command. */
    EVALUATION("evaluation_code"),
    /** Pre-trained models: weight files, or README links to weights (Hugging Face, Drive, Zenodo, releases, ...). */
    PRETRAINED_MODELS("pretrained_models"),
    /** A README with a results table and the exact commands that produce the results. */
    RESULTS("readme_results");

    private final String key;

    ChecklistItem(String key) {
        this.key = key;
    }

    /** The name in JSON output and database columns. */
    public String key() {
        return key;
    }
}
