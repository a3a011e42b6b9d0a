-- Indexes the public search walks in order instead of sorting every match.
CREATE INDEX offers_by_price ON offers (price_minor, id);
