-- Audit state per repository, derived from its check history by StatusPolicy and kept on the
-- repo row so listings never scan the history. The history (check_result) stays the truth.

ALTER TABLE repo ADD COLUMN status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;   -- CurrentStatus
ALTER TABLE repo ADD COLUMN status_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN http_status INTEGER;                  -- of the last definitive check
ALTER TABLE repo ADD COLUMN detail VARCHAR;                       -- evidence of the last check
ALTER TABLE repo ADD COLUMN block_reason VARCHAR(100);
ALTER TABLE repo ADD COLUMN moved_to VARCHAR(400);
ALTER TABLE repo ADD COLUMN host_id BIGINT;                       -- GitHub's numeric id, first seen
ALTER TABLE repo ADD COLUMN etag VARCHAR(200);
ALTER TABLE repo ADD COLUMN etag_token VARCHAR(32);               -- which token the ETag belongs to (a fingerprint, never the token)
ALTER TABLE repo ADD COLUMN metadata VARCHAR;                     -- JSON of the last RepoMetadata
ALTER TABLE repo ADD COLUMN last_checked TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN next_check TIMESTAMP WITH TIME ZONE;  -- null: never checked, due now
ALTER TABLE repo ADD COLUMN first_seen_dead TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN last_alive TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN failing_checks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE repo ADD COLUMN stars INTEGER;
ALTER TABLE repo ADD COLUMN pushed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN archived BOOLEAN;

CREATE INDEX repo_next_check ON repo (next_check);
CREATE INDEX repo_status ON repo (status);

ALTER TABLE audit_run ADD COLUMN mode VARCHAR(8) DEFAULT 'due' NOT NULL;   -- due | all
ALTER TABLE audit_run ADD COLUMN summary VARCHAR;                          -- JSON: changes, errors
