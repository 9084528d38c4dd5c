-- The dashboard's list of papers, moved off the paper table (issue 2's ingest budget, issue 5's
-- list speed). V5 kept each paper's status on the paper row with three indexes in list orders,
-- and a (host, kind) index on link: every ingested paper paid for six index entries the ingest
-- never reads. Here the dashboard's refresher (ListingStore.refresh) fills two side tables, so
-- ingest writes only the paper and its links.

DROP INDEX IF EXISTS paper_code_status;
DROP INDEX IF EXISTS paper_status_published;
DROP INDEX IF EXISTS paper_published_id;
DROP INDEX IF EXISTS link_host_kind;
ALTER TABLE paper DROP COLUMN IF EXISTS code_status;

-- One row per paper: what the list filters on, as of the last refresh. version says which
-- refresh last changed the row, so each node's search index can catch up on what it missed.
CREATE TABLE paper_listing (
    paper_id     VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    code_status  VARCHAR(16) NOT NULL,                -- PaperStatus
    published    TIMESTAMP WITH TIME ZONE,
    hosts        VARCHAR(1000) NOT NULL,              -- code hosts, sorted, space separated
    best_score   INTEGER,                             -- best checklist score of its code repositories
    placeholder  BOOLEAN NOT NULL,                    -- a code repository is a placeholder
    promise_open BOOLEAN NOT NULL,                    -- a promised code repository has not kept its promise
    text_stamp   BIGINT NOT NULL,                     -- of title, abstract, comments and links: what search saw
    version      BIGINT NOT NULL
);
CREATE INDEX paper_listing_version ON paper_listing (version);

-- One row per paper and combination of the list's equality filters: status, year, code host,
-- each either a value or '*' (key 'HAS_CODE|2021|*'), stored as the key's 64-bit FNV-1a hash
-- (Facets.key): a page deep in a list skips its offset comparing longs, not strings. Every
-- filtered list is then one range of one index, read in order: (facet, id), (facet, published,
-- id), (facet, status, id). Rows per paper: 4, plus 4 per code host. Written only by the refresher.
CREATE TABLE paper_facet (
    facet       BIGINT NOT NULL,
    paper_id    VARCHAR(64) NOT NULL,
    code_status VARCHAR(16) NOT NULL,
    published   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (facet, paper_id)
);
CREATE INDEX paper_facet_published ON paper_facet (facet, published, paper_id);
CREATE INDEX paper_facet_status ON paper_facet (facet, code_status, paper_id);

-- The last refresh's version; its row is locked while a refresh writes, so two nodes never
-- refresh at once. store_id (a random UUID set on first use) tells a search index built from
-- another database that it must start over.
CREATE TABLE listing_state (
    id       INTEGER NOT NULL PRIMARY KEY,
    version  BIGINT NOT NULL,
    store_id VARCHAR(36)
);
INSERT INTO listing_state (id, version) VALUES (1, 0);
