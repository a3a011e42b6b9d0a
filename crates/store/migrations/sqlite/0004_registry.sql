-- The provider registry: providers, their admission in each authority, documents, and offers.
-- Offers are found by full-text search over `search_text`: stems computed in Rust
-- (socert_domain::search), so both backends match the same words.

CREATE TABLE providers (
    id BLOB PRIMARY KEY NOT NULL,
    legal_form TEXT NOT NULL CHECK (legal_form IN ('state', 'municipal', 'ngo', 'business', 'individual_entrepreneur')),
    full_name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('RU', 'UA')),
    -- INN (RU) or EDRPOU/RNOKPP (UA), checksum-validated, digits only.
    tax_id TEXT NOT NULL,
    -- OGRN or OGRNIP (RU); empty for UA.
    registration_number TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    description TEXT NOT NULL,
    address TEXT NOT NULL,
    municipality TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    bank_account TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT providers_tax_id_unique UNIQUE (country, tax_id)
);

CREATE TABLE provider_licences (
    provider_id BLOB NOT NULL REFERENCES providers (id),
    number TEXT NOT NULL,
    issuer TEXT NOT NULL,
    valid_to TEXT,
    PRIMARY KEY (provider_id, number)
);

CREATE TABLE admissions (
    id BLOB PRIMARY KEY NOT NULL,
    provider_id BLOB NOT NULL REFERENCES providers (id),
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    status TEXT NOT NULL CHECK (status IN ('applied', 'under_review', 'admitted', 'rejected', 'suspended', 'excluded')),
    reason TEXT,
    applied_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT admissions_once_per_authority UNIQUE (provider_id, authority_id)
);

CREATE INDEX admissions_by_authority ON admissions (authority_id, status, applied_at_us);

CREATE TABLE admission_services (
    admission_id BLOB NOT NULL REFERENCES admissions (id),
    service_id BLOB NOT NULL REFERENCES services (id),
    PRIMARY KEY (admission_id, service_id)
);

CREATE TABLE admission_documents (
    id BLOB PRIMARY KEY NOT NULL,
    admission_id BLOB NOT NULL REFERENCES admissions (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at_us BIGINT NOT NULL
);

CREATE TABLE offers (
    id BLOB PRIMARY KEY NOT NULL,
    provider_id BLOB NOT NULL REFERENCES providers (id),
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    service_id BLOB NOT NULL REFERENCES services (id),
    title_ru TEXT NOT NULL,
    title_uk TEXT NOT NULL,
    title_en TEXT NOT NULL,
    description TEXT NOT NULL,
    price_minor BIGINT NOT NULL CHECK (price_minor > 0),
    currency TEXT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity >= 0),
    seats_taken BIGINT NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= capacity),
    schedule TEXT NOT NULL,
    municipality TEXT NOT NULL,
    address TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    age_min INTEGER,
    age_max INTEGER,
    wheelchair BOOLEAN NOT NULL,
    sign_language BOOLEAN NOT NULL,
    home_visits BOOLEAN NOT NULL,
    transport BOOLEAN NOT NULL,
    languages TEXT NOT NULL,
    search_text TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL
);

CREATE INDEX offers_by_authority ON offers (authority_id, service_id);
CREATE INDEX offers_by_provider ON offers (provider_id);

-- Kept in step with offers by the store, in the same transaction.
CREATE VIRTUAL TABLE offers_fts USING fts5 (offer_id UNINDEXED, search_text);
