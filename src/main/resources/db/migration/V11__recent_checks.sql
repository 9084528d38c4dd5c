-- The newest checks of each repository, kept together (issue 5). check_result is in time order,
-- so a repository's last 50 checks lie in 50 different pages of a table every audit appends to:
-- a repository page read 50 pages and decoded thousands of other repositories' rows to show its
-- own. check_recent holds each repository's newest 64 checks as one key range,
-- repo id * 64 + slot, which is one or two pages on H2 (a BIGINT primary key is the row key).
-- It is a ring: the repository's check number n (repo.checks before it, counting from 0) goes to
-- slot n mod 64, in place of the check 64 before it. check_result stays the full history;
-- V12 fills the ring from it.
ALTER TABLE repo ADD COLUMN checks BIGINT NOT NULL DEFAULT 0;  -- rows of check_result for this repository

CREATE TABLE check_recent (
    slot_key    BIGINT NOT NULL PRIMARY KEY,               -- repo_id * 64 + check number mod 64
    check_id    BIGINT NOT NULL,                           -- check_result.id: the order among equal times
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16) NOT NULL,
    http_status INTEGER,
    detail      VARCHAR NOT NULL,
    moved_to    VARCHAR(400),
    changed     BOOLEAN NOT NULL
);
