-- The checks that changed a repository's shown status or name (check_result.changed = TRUE) in a
-- table of their own (issue 5). A repository page's timeline and moves and the overview's replay
-- read only these; from check_result each one was a random page of the whole history, so every
-- repository page pulled a few pages of other repositories' checks through the cache (half the
-- page's time under load). A few percent of all checks, the table stays small enough to cache.
-- Derived from check_result and written in the same transaction, like check_recent (V11), so it
-- carries no foreign key of its own.
CREATE TABLE check_change (
    check_id    BIGINT NOT NULL PRIMARY KEY,            -- check_result.id
    repo_id     BIGINT NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16) NOT NULL,
    http_status INTEGER,
    detail      VARCHAR NOT NULL,
    moved_to    VARCHAR(400)
);
-- newest first, the order the pages read (see V10 on why the directions must match)
CREATE INDEX check_change_repo ON check_change (repo_id DESC, checked_at DESC, check_id DESC);

INSERT INTO check_change (check_id, repo_id, checked_at, status, http_status, detail, moved_to)
SELECT id, repo_id, checked_at, status, http_status, detail, moved_to FROM check_result WHERE changed = TRUE;

-- nothing reads check_result by "changed" any more
DROP INDEX check_result_changes;
