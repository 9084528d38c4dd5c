-- Issue 13: nodes that really share one audit.

-- Every process that works on audits checks in here every few seconds (its instance: node name
-- plus a random suffix, so a restarted node is a new instance). A node is gone when its last
-- check-in is older than a few intervals: only then are its job runs ended as failed and its
-- audit work taken over.
CREATE TABLE node_checkin (
    instance            VARCHAR(200) NOT NULL PRIMARY KEY,
    node                VARCHAR(200) NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_checkin        TIMESTAMP WITH TIME ZONE NOT NULL,
    checkin_interval_ms BIGINT NOT NULL
);

-- Which process ran a job, so recovery ends only the runs of processes that are gone.
ALTER TABLE job_run ADD COLUMN instance VARCHAR(200);

-- Failed attempts at an item (a store error on one repository): the item goes back to pending and
-- is retried; after a few failures it is given up for this run ('failed') instead of failing the run.
ALTER TABLE audit_item ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;

-- The last known GitHub rate-limit budget per token fingerprint (never the token) and bucket,
-- shared by every node using that token: the lowest remaining count seen in the current window.
CREATE TABLE rate_budget (
    token_fingerprint VARCHAR(64) NOT NULL,
    resource          VARCHAR(32) NOT NULL,              -- core | graphql | search ...
    remaining         INTEGER NOT NULL,
    reset_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_fingerprint, resource)
);
