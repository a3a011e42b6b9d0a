-- Programs, recipients and certificates (DESIGN.md section 3).
-- A certificate's money lives in the ledger (accounts `available`/`held` owned by the certificate
-- id); the row here keeps what was issued and what was returned, so that a program's budget can be
-- reconciled: funded = unallocated + (issued - returned) of its certificates.

CREATE TABLE programs (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    name_ru TEXT NOT NULL,
    name_uk TEXT NOT NULL,
    name_en TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    quota BIGINT CHECK (quota IS NULL OR quota > 0),
    max_funded BIGINT CHECK (max_funded IS NULL OR max_funded > 0),
    -- Eligibility rules and priority categories as JSON: read whole, never queried into.
    rules TEXT NOT NULL,
    value_kind TEXT NOT NULL CHECK (value_kind IN ('money', 'units', 'assessed')),
    value_minor BIGINT,
    value_service_id BLOB REFERENCES services (id),
    value_units BIGINT,
    validity_months INTEGER NOT NULL CHECK (validity_months BETWEEN 1 AND 60),
    of_account BOOLEAN NOT NULL,
    -- Certificates counting against the quota: issued and not yet revoked or expired.
    live_certificates BIGINT NOT NULL DEFAULT 0,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT programs_quota_kept CHECK (quota IS NULL OR live_certificates <= quota),
    CONSTRAINT programs_live_not_negative CHECK (live_certificates >= 0)
);

CREATE INDEX programs_by_authority ON programs (authority_id, starts);

CREATE TABLE program_services (
    program_id BLOB NOT NULL REFERENCES programs (id),
    service_id BLOB NOT NULL REFERENCES services (id),
    PRIMARY KEY (program_id, service_id)
);

CREATE TABLE recipients (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    -- Lower-cased full name, for finding suspected duplicates.
    name_key TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    national_id_kind TEXT NOT NULL CHECK (national_id_kind IN ('snils', 'rnokpp')),
    national_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    -- Set when an officer kept a suspected duplicate on purpose, with the reason.
    duplicate_of BLOB REFERENCES recipients (id),
    duplicate_reason TEXT,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL
);

-- Not unique: an officer may override a suspected duplicate (e.g. a mistyped number in the older
-- record); the store refuses duplicates unless told why.
-- The selective column leads: batch lookups search by national id or name and check the
-- authority afterwards (statistics lag behind bulk loads; see `persons` in programs.rs).
CREATE INDEX recipients_by_national_id ON recipients (national_id, authority_id);
CREATE INDEX recipients_by_name ON recipients (name_key, birth_date, authority_id);

CREATE TABLE recipient_categories (
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    category TEXT NOT NULL,
    valid_to TEXT,
    PRIMARY KEY (recipient_id, category)
);

CREATE TABLE representatives (
    id BLOB PRIMARY KEY NOT NULL,
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    full_name TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('parent', 'guardian', 'trustee')),
    power_document TEXT NOT NULL,
    valid_to TEXT,
    created_at_us BIGINT NOT NULL
);

CREATE INDEX representatives_by_recipient ON representatives (recipient_id);

CREATE TABLE need_assessments (
    id BLOB PRIMARY KEY NOT NULL,
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    service_id BLOB NOT NULL REFERENCES services (id),
    units_per_month BIGINT NOT NULL CHECK (units_per_month > 0),
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    source_document TEXT NOT NULL,
    created_at_us BIGINT NOT NULL
);

CREATE INDEX need_assessments_by_recipient ON need_assessments (recipient_id, service_id);

-- The last serial used per authority and year: certificate numbers are region-year-serial.
CREATE TABLE certificate_serials (
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    year INTEGER NOT NULL,
    last_serial BIGINT NOT NULL CHECK (last_serial <= 999999),
    PRIMARY KEY (authority_id, year)
);

CREATE TABLE certificates (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    program_id BLOB NOT NULL REFERENCES programs (id),
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    number TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'active', 'exhausted', 'expired', 'revoked')),
    currency TEXT NOT NULL,
    -- Money moved from the program budget at issue (0 for a certificate of account).
    value_minor BIGINT NOT NULL CHECK (value_minor >= 0),
    units BIGINT,
    -- Money moved back to the budget on revocation or expiry.
    returned_minor BIGINT NOT NULL DEFAULT 0 CHECK (returned_minor >= 0 AND returned_minor <= value_minor),
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    reason TEXT,
    issued_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT certificates_number_unique UNIQUE (number)
);

-- One live certificate per recipient and program: re-issuing the same person returns theirs.
-- Recipient first: "which of these people already hold one?" stays an index probe per person
-- even when one program has hundreds of thousands of certificates.
CREATE UNIQUE INDEX certificates_one_live ON certificates (recipient_id, program_id)
    WHERE status IN ('draft', 'issued', 'active', 'exhausted');
CREATE INDEX certificates_by_recipient ON certificates (recipient_id, id);
CREATE INDEX certificates_by_program ON certificates (program_id, id);
CREATE INDEX certificates_by_validity ON certificates (authority_id, valid_to) WHERE status IN ('issued', 'active', 'exhausted');

CREATE TABLE waitlist (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    program_id BLOB NOT NULL REFERENCES programs (id),
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    priority BOOLEAN NOT NULL,
    requested_at_us BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'accepted', 'expired')),
    certificate_id BLOB REFERENCES certificates (id),
    reason TEXT,
    updated_at_us BIGINT NOT NULL
);

CREATE UNIQUE INDEX waitlist_one_waiting ON waitlist (program_id, recipient_id) WHERE status = 'waiting';
CREATE INDEX waitlist_queue ON waitlist (program_id, status, priority, requested_at_us, id);

-- Bulk issuance: one run per uploaded file, with a report line per row.
CREATE TABLE issuance_runs (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    program_id BLOB NOT NULL REFERENCES programs (id),
    file_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    rows_total BIGINT NOT NULL,
    rows_done BIGINT NOT NULL,
    issued BIGINT NOT NULL,
    waitlisted BIGINT NOT NULL,
    refused BIGINT NOT NULL,
    already BIGINT NOT NULL,
    error TEXT,
    created_at_us BIGINT NOT NULL,
    finished_at_us BIGINT
);

CREATE TABLE issuance_run_rows (
    run_id BLOB NOT NULL REFERENCES issuance_runs (id),
    line BIGINT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('issued', 'waitlisted', 'refused', 'already_issued')),
    recipient_id BLOB,
    certificate_number TEXT,
    -- JSON array of {field, message}: what was wrong with the row or why the person was refused.
    detail TEXT NOT NULL,
    PRIMARY KEY (run_id, line)
);
