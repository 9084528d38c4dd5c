-- The dashboard (issue 5). V4 is left to the reports work that runs in parallel.
--
-- Each paper's status, materialised from its links by OverviewStore.refreshPaperStatus so the
-- paper list can filter by status with an index range instead of aggregating every link per
-- request. NULL until the first refresh (the dashboard refreshes when it starts and whenever
-- the store changed).
ALTER TABLE paper ADD COLUMN code_status VARCHAR(16);
-- Each sort of the list has an index in its order, so a page is read, not sorted: by id (the
-- primary key), by date, and both within one status. H2 reads a one-column index backwards but
-- not one led by an equality, hence the DESC twins.
CREATE INDEX paper_code_status ON paper (code_status, id);
CREATE INDEX paper_published_id ON paper (published, id);
CREATE INDEX paper_status_published ON paper (code_status, published, id);

-- Code-host filter: EXISTS (link of this paper with this host).
CREATE INDEX link_host_kind ON link (host, kind);

-- The reachable-share chart replays only the checks that changed a status, in time order.
CREATE INDEX check_result_changed_time ON check_result (changed, checked_at);

-- paper_published_id serves every query paper_published did.
DROP INDEX paper_published;
