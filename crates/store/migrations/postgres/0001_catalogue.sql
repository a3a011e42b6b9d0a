-- Authorities (tenants) and their service catalogues.
-- Ids are UUID v7 (UUID here, 16-byte BLOB on SQLite); instants are BIGINT microseconds UTC;
-- dates are ISO-8601 TEXT (lexicographic order is chronological); money is BIGINT minor units.
-- Codes and dates use the "C" collation so ordering (and cursors) match SQLite byte order.

CREATE TABLE authorities (
    id UUID PRIMARY KEY NOT NULL,
    name_ru TEXT NOT NULL,
    name_uk TEXT NOT NULL,
    name_en TEXT NOT NULL,
    region_code TEXT NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('RU', 'UA')),
    currency TEXT NOT NULL CHECK (currency IN ('RUB', 'UAH', 'EUR')),
    locale TEXT NOT NULL CHECK (locale IN ('ru', 'uk', 'en')),
    time_zone TEXT NOT NULL,
    confirmation_window_days INTEGER NOT NULL CHECK (confirmation_window_days BETWEEN 0 AND 365),
    created_at_us BIGINT NOT NULL
);

CREATE TABLE services (
    id UUID PRIMARY KEY NOT NULL,
    authority_id UUID NOT NULL REFERENCES authorities (id),
    code TEXT COLLATE "C" NOT NULL,
    name_ru TEXT NOT NULL,
    name_uk TEXT NOT NULL,
    name_en TEXT NOT NULL,
    category TEXT NOT NULL,
    unit TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT services_code_unique UNIQUE (authority_id, code)
);

CREATE INDEX services_by_category ON services (authority_id, category, code);

CREATE TABLE normative_costs (
    service_id UUID NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    valid_from TEXT COLLATE "C" NOT NULL CHECK (length(valid_from) = 10),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR valid_to > valid_from),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    PRIMARY KEY (service_id, valid_from)
);

-- At most one open-ended period per service: the history stays a single chain.
CREATE UNIQUE INDEX normative_costs_one_open ON normative_costs (service_id) WHERE valid_to IS NULL;
