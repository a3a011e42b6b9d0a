-- Offers can be edited: each change moves the version on, and an edit names the version it was
-- made from (If-Match), so two people editing one offer cannot overwrite each other unseen.
ALTER TABLE offers ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
