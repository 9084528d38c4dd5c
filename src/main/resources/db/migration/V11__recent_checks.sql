-- The newest checks of each repository, kept together (issue 5). check_result is in time order,
-- so a repository's last 50 checks lie in 50 different pages of a table every audit appends to:
-- a repository page read 50 pages and decoded thousands of other repositories' rows to show its
-- own. check_recent keeps one row per repository: how many checks it has had, and its newest 64
-- as one JSON text (newest first: [[check id, epoch µs, status, http status, detail, moved to,
-- changed], ...]). One row read instead of 50 pages, and about 3 KB per repository in the page
-- cache where 64 rows of their own took six times that. Rewritten with every check, in the
-- check's transaction; check_result stays the full history, and V12 fills this from it.
CREATE TABLE check_recent (
    repo_id BIGINT NOT NULL PRIMARY KEY,   -- repo.id
    checks  BIGINT NOT NULL,               -- rows of check_result for the repository
    recent  VARCHAR NOT NULL               -- its newest checks, at most 64, as above
);
