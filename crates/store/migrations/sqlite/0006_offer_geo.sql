-- PostgreSQL gets a GiST index for nearest-first order in this step; SQLite sorts by the
-- computed distance, so it has nothing to add. Kept so both trees number their steps alike.
SELECT 1;
