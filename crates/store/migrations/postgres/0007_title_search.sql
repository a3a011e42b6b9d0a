-- Relevance in tiers: offers whose title has every searched word come first. Title stems are
-- computed in Rust like the rest of the search text.
ALTER TABLE offers ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN title_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_title)) STORED;
CREATE INDEX offers_title_search ON offers USING GIN (title_tsv);
