-- Issue 12: a paper promises code, models or data in any sentence of its abstract or comments,
-- with or without a link ("Code will be released."). Computed at ingest (PaperPromises, or a
-- promised code link); V15_1 fills it for the papers already stored, so no re-ingest is needed.
-- A promised paper without a code link has the status PROMISED_NO_LINK (16 characters: fits
-- paper_listing.code_status and paper_facet.code_status).
ALTER TABLE paper ADD COLUMN promised BOOLEAN DEFAULT FALSE NOT NULL;
