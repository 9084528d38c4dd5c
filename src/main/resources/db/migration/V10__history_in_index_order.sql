-- A repository's page reads its newest checks, its status changes and its moves (issue 5). With
-- (repo_id, checked_at) each of those read and sorted all of the repository's checks (a year of
-- daily audits is 365 rows, each a random read of the history). Now every one is a range read in
-- index order, newest first, and stops after one page:
--   history:  (repo_id, checked_at, id);
--   timeline and moves: (changed, repo_id, checked_at, id) from changed = TRUE (a rename to a new
--   name counts as a change from V10 on, see AuditStore.record).
-- The columns are DESC, the order the pages read: H2 reads an ASC index backwards, but its cost
-- model credits only an index whose directions match the ORDER BY, and otherwise took the
-- foreign key's (repo_id) index and sorted every check of the repository.
-- The second replaces (changed, checked_at): the overview's replay of all changes sorts the
-- changed rows (a small part of the history) once per refresh instead.
DROP INDEX check_result_repo_time;
CREATE INDEX check_result_repo_time ON check_result (repo_id DESC, checked_at DESC, id DESC);
DROP INDEX check_result_changed_time;
CREATE INDEX check_result_changes ON check_result (changed DESC, repo_id DESC, checked_at DESC, id DESC);
