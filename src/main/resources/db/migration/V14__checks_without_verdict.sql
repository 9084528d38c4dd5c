-- Checks in a row without a verdict (UNKNOWN: timeouts, 5xx, GraphQL errors REST could not settle,
-- a 403 without a block) per repository, and when that row of checks began (issue 12). After 3 the
-- repository is listed, with the last reason (repo.detail), on the audits page, in `status` and in
-- the report, so a person can look. The count is a listing only: it never makes a verdict.
-- A verdict sets it back to 0. Written with the check, in the same transaction.
ALTER TABLE repo ADD COLUMN unknown_checks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE repo ADD COLUMN unknown_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX repo_unknown_checks ON repo (unknown_checks);

-- From the history: the UNKNOWN checks after the last verdict of each repository that has any.
UPDATE repo SET
    unknown_checks = (SELECT COUNT(*) FROM check_result u WHERE u.repo_id = repo.id AND u.status = 'UNKNOWN'
                      AND NOT EXISTS (SELECT 1 FROM check_result d WHERE d.repo_id = repo.id AND d.status <> 'UNKNOWN'
                                      AND d.checked_at >= u.checked_at)),
    unknown_since = (SELECT MIN(u.checked_at) FROM check_result u WHERE u.repo_id = repo.id AND u.status = 'UNKNOWN'
                     AND NOT EXISTS (SELECT 1 FROM check_result d WHERE d.repo_id = repo.id AND d.status <> 'UNKNOWN'
                                     AND d.checked_at >= u.checked_at))
WHERE EXISTS (SELECT 1 FROM check_result u WHERE u.repo_id = repo.id AND u.status = 'UNKNOWN');
