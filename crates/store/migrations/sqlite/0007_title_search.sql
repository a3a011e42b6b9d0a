-- Relevance in tiers: offers whose title has every searched word come first. Title stems are
-- computed in Rust like the rest of the search text.
ALTER TABLE offers ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE offers_title_fts USING fts5 (offer_id UNINDEXED, search_title);
