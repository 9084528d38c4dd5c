-- Reproducibility signals per repository (issue 7, docs/checklist.md): the five items of the ML
-- Code Completeness Checklist with their evidence, the placeholder verdict, licence, and what the
-- answer was based on, so the next fetch is skipped when the repository has not changed and is
-- conditional when it has. One row per repository, replaced at each fetch; only
-- first_non_placeholder_at carries history (the first time code was seen).
CREATE TABLE repo_signals (
    repo_id                  BIGINT NOT NULL PRIMARY KEY REFERENCES repo (id),
    fetched_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    based_on_pushed_at       TIMESTAMP WITH TIME ZONE,       -- repository pushed_at when fetched
    based_on_etag            VARCHAR(200),                   -- repository ETag when fetched
    tree_etag                VARCHAR(200),
    readme_etag              VARCHAR(200),
    etag_token               VARCHAR(32),                    -- token fingerprint the two ETags belong to
    partial                  BOOLEAN NOT NULL,               -- the tree was truncated: absences are not proven
    file_count               INTEGER NOT NULL,
    readme_found             BOOLEAN NOT NULL,
    score                    INTEGER NOT NULL,               -- 0..5
    dependencies             BOOLEAN NOT NULL,
    dependencies_evidence    VARCHAR(400),
    training_code            BOOLEAN NOT NULL,
    training_code_evidence   VARCHAR(400),
    evaluation_code          BOOLEAN NOT NULL,
    evaluation_code_evidence VARCHAR(400),
    pretrained_models        BOOLEAN NOT NULL,
    pretrained_models_evidence VARCHAR(400),
    readme_results           BOOLEAN NOT NULL,
    readme_results_evidence  VARCHAR(400),
    placeholder              BOOLEAN NOT NULL,
    placeholder_reason       VARCHAR(600),
    promise_line             VARCHAR(400),                   -- README line that says code is coming
    licence                  VARCHAR(100),                   -- SPDX id; 'none' when GitHub found no licence
    repo_created_at          TIMESTAMP WITH TIME ZONE,
    first_non_placeholder_at TIMESTAMP WITH TIME ZONE,       -- first fetch that found code
    seen_as_placeholder      BOOLEAN NOT NULL                -- some fetch before that found none
);
CREATE INDEX repo_signals_score ON repo_signals (score);
CREATE INDEX repo_signals_placeholder ON repo_signals (placeholder);
