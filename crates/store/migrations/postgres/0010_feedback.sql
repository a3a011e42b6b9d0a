-- Recipient feedback (DESIGN.md section 3): star ratings of providers and complaints.
--
-- A provider's ratings are summed on its row, and each of its offers carries the ranking key
-- (the weighted average of socert_domain::feedback, in thousandths of a star) so that search can
-- walk an index in rating order. Both are written in the transaction that writes the rating.

ALTER TABLE providers ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE providers ADD COLUMN rating_stars_sum BIGINT NOT NULL DEFAULT 0;
-- 3000: the prior every unrated provider starts from (3 stars).
ALTER TABLE offers ADD COLUMN rating_millistars INTEGER NOT NULL DEFAULT 3000;
CREATE INDEX offers_by_rating ON offers (rating_millistars DESC, id);

-- One rating per enrollment; rating again replaces it.
CREATE TABLE ratings (
    enrollment_id UUID PRIMARY KEY NOT NULL REFERENCES enrollments (id),
    authority_id UUID NOT NULL REFERENCES authorities (id),
    provider_id UUID NOT NULL REFERENCES providers (id),
    stars SMALLINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated_at_us BIGINT NOT NULL
);

CREATE INDEX ratings_by_provider ON ratings (provider_id);

CREATE TABLE complaints (
    id UUID PRIMARY KEY NOT NULL,
    authority_id UUID NOT NULL REFERENCES authorities (id),
    enrollment_id UUID NOT NULL REFERENCES enrollments (id),
    recipient_id UUID NOT NULL REFERENCES recipients (id),
    provider_id UUID NOT NULL REFERENCES providers (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'in_review', 'upheld', 'dismissed', 'withdrawn')),
    -- The recipient's words: personal data (it may tell of health), shown to them and the
    -- authority's officers only, never logged.
    body TEXT NOT NULL,
    -- The officer's answer, with the decision.
    response TEXT,
    request_key TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT complaints_request_once UNIQUE (authority_id, request_key)
);

CREATE INDEX complaints_by_authority ON complaints (authority_id, status, created_at_us);
CREATE INDEX complaints_by_recipient ON complaints (recipient_id, created_at_us);
