-- Nearest offers first without scanning them all: a GiST index on a point answers
-- `ORDER BY geo <-> point` with a k-nearest-neighbour index scan. Longitude is scaled by
-- cos(latitude) (an equirectangular projection), so nearby distances are near true kilometres.
ALTER TABLE offers ADD COLUMN geo point
    GENERATED ALWAYS AS (point(longitude * cos(radians(latitude)), latitude)) STORED;
CREATE INDEX offers_geo ON offers USING gist (geo);
