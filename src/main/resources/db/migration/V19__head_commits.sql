-- The commit at publication (issue 16 point 6). Every check that learns the head commit of the
-- default branch (GraphQL defaultBranchRef.target.oid, at no extra cost) keeps it in the check's
-- metadata JSON (check_result.metadata.head_commit); the repository row keeps the newest one and
-- since when it is the head, so "changed since the paper" needs no history scan.
ALTER TABLE repo ADD COLUMN head_commit VARCHAR(64);
ALTER TABLE repo ADD COLUMN head_since TIMESTAMP WITH TIME ZONE;        -- first check that saw this head
-- The publication commit of the earliest paper linking the repository (its first head seen after
-- that paper's first version): the commit the batched GraphQL query asks about with object(oid:)
-- once the head moved away from it. pinned_found: FALSE when the answer was null (the commit is
-- gone: history rewritten), TRUE when it resolved, NULL when never asked.
ALTER TABLE repo ADD COLUMN pinned_commit VARCHAR(64);
ALTER TABLE repo ADD COLUMN pinned_found BOOLEAN;
ALTER TABLE repo ADD COLUMN pinned_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE repo ADD COLUMN pinned_gone_since TIMESTAMP WITH TIME ZONE;  -- first answer that said it is gone

-- Per paper and repository: the first head commit seen at a check after the paper's first
-- version (or at the first check, for a paper without a date). Written once, never updated.
CREATE TABLE paper_commit (
    paper_id   VARCHAR(64) NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    repo_id    BIGINT NOT NULL REFERENCES repo (id),
    commit_oid VARCHAR(64) NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (paper_id, repo_id)
);
CREATE INDEX paper_commit_repo ON paper_commit (repo_id);
