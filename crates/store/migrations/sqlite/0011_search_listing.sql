-- The public search reads one table. Each offer carries what a search filters, sorts and shows
-- about its provider and service: whether it is listed (its provider is admitted in the offer's
-- authority), the provider's short name, legal form and ratings, the service's code and category.
-- Provider names, legal forms, service codes and categories never change once written; `listed`
-- follows every admission decision and the ratings every rating, in the same transaction.
--
-- Without the joins a search is planned in a fraction of the time (planning the five-table join
-- cost more than running it) and reads no admission, provider or service rows.

ALTER TABLE offers ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE offers ADD COLUMN provider_name TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN service_code TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN rating_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE offers ADD COLUMN rating_stars_sum BIGINT NOT NULL DEFAULT 0;

UPDATE offers SET
    listed = EXISTS (SELECT 1 FROM admissions a WHERE a.provider_id = offers.provider_id
                     AND a.authority_id = offers.authority_id AND a.status = 'admitted'),
    provider_name = (SELECT p.short_name FROM providers p WHERE p.id = offers.provider_id),
    legal_form = (SELECT p.legal_form FROM providers p WHERE p.id = offers.provider_id),
    rating_count = (SELECT p.rating_count FROM providers p WHERE p.id = offers.provider_id),
    rating_stars_sum = (SELECT p.rating_stars_sum FROM providers p WHERE p.id = offers.provider_id),
    service_code = (SELECT s.code FROM services s WHERE s.id = offers.service_id),
    category = (SELECT s.category FROM services s WHERE s.id = offers.service_id);
