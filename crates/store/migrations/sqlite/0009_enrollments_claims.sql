-- Enrollment to payment (DESIGN.md sections 3-5): enrollments hold certificate money, delivery
-- records are confirmed by the recipient (or automatically), claims capture the hold into the
-- provider's payable, settlements group approved claims into payments.
--
-- What each enrollment still holds is kept on its row (`held_minor`): the certificate's ledger
-- `held` account is the sum over its enrollments, and `socert verify` checks that.

-- Days of notice before an ended enrollment stops (0: at once), and the days of the month on
-- which the scheduled job closes a settlement period (comma-separated, e.g. '1,16').
ALTER TABLE authorities ADD COLUMN switch_notice_days INTEGER NOT NULL DEFAULT 0
    CHECK (switch_notice_days BETWEEN 0 AND 90);
ALTER TABLE authorities ADD COLUMN settlement_days TEXT NOT NULL DEFAULT '1,16';

CREATE TABLE enrollments (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    certificate_id BLOB NOT NULL REFERENCES certificates (id),
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    offer_id BLOB NOT NULL REFERENCES offers (id),
    provider_id BLOB NOT NULL REFERENCES providers (id),
    service_id BLOB NOT NULL REFERENCES services (id),
    status TEXT NOT NULL CHECK (status IN ('requested', 'active', 'completed', 'cancelled', 'declined')),
    volume BIGINT NOT NULL CHECK (volume > 0),
    currency TEXT NOT NULL,
    -- The agreed price per unit, and the part of it the certificate pays (min(price, normative)).
    price_minor BIGINT NOT NULL CHECK (price_minor > 0),
    covered_per_unit_minor BIGINT NOT NULL CHECK (covered_per_unit_minor > 0),
    total_minor BIGINT NOT NULL,
    covered_minor BIGINT NOT NULL CHECK (covered_minor >= 0),
    copay_minor BIGINT NOT NULL CHECK (copay_minor >= 0),
    copay_agreed BOOLEAN NOT NULL,
    held_minor BIGINT NOT NULL CHECK (held_minor >= 0),
    captured_minor BIGINT NOT NULL DEFAULT 0 CHECK (captured_minor >= 0),
    released_minor BIGINT NOT NULL DEFAULT 0 CHECK (released_minor >= 0),
    -- Units of delivery records that count toward the volume (all but voided ones).
    recorded_units BIGINT NOT NULL DEFAULT 0,
    claimed_units BIGINT NOT NULL DEFAULT 0,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    -- Set when the provider's admission is suspended: the recipient is told and may switch.
    flag TEXT,
    reason TEXT,
    request_key TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL,
    CONSTRAINT enrollments_hold_adds_up CHECK (held_minor + captured_minor + released_minor = covered_minor),
    CONSTRAINT enrollments_volume_kept CHECK (recorded_units BETWEEN 0 AND volume AND claimed_units BETWEEN 0 AND volume),
    CONSTRAINT enrollments_request_once UNIQUE (authority_id, request_key)
);

CREATE INDEX enrollments_by_certificate ON enrollments (certificate_id);
CREATE INDEX enrollments_by_recipient ON enrollments (recipient_id);
CREATE INDEX enrollments_by_provider ON enrollments (provider_id, status);
CREATE INDEX enrollments_by_offer ON enrollments (offer_id, status);
CREATE INDEX enrollments_ending ON enrollments (status, ends_on);

CREATE TABLE delivery_records (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    enrollment_id BLOB NOT NULL REFERENCES enrollments (id),
    provider_id BLOB NOT NULL REFERENCES providers (id),
    recipient_id BLOB NOT NULL REFERENCES recipients (id),
    delivered_on TEXT NOT NULL,
    -- Local time of day, HH:MM, as the provider wrote it (optional).
    delivered_at TEXT,
    units BIGINT NOT NULL CHECK (units > 0),
    worker TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('recorded', 'confirmed', 'disputed', 'auto_confirmed', 'voided')),
    -- The authority's local date the record was made and the day it confirms itself if the
    -- recipient says nothing.
    recorded_on TEXT NOT NULL,
    confirm_due_on TEXT NOT NULL,
    reminded BOOLEAN NOT NULL DEFAULT FALSE,
    dispute_reason TEXT,
    created_at_us BIGINT NOT NULL,
    updated_at_us BIGINT NOT NULL
);

CREATE INDEX delivery_records_by_enrollment ON delivery_records (enrollment_id, delivered_on);
CREATE INDEX delivery_records_by_provider ON delivery_records (provider_id, delivered_on);
CREATE INDEX delivery_records_by_recipient ON delivery_records (recipient_id, status);
CREATE INDEX delivery_records_due ON delivery_records (status, confirm_due_on);

CREATE TABLE payment_batches (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    -- Claims of periods ending on or before this date are in the batch.
    period_to TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid')),
    currency TEXT NOT NULL,
    total_minor BIGINT NOT NULL,
    payments BIGINT NOT NULL,
    claims BIGINT NOT NULL,
    request_key TEXT NOT NULL,
    paid_on TEXT,
    bank_reference TEXT,
    created_at_us BIGINT NOT NULL,
    paid_at_us BIGINT,
    CONSTRAINT payment_batches_request_once UNIQUE (authority_id, request_key)
);

CREATE INDEX payment_batches_by_authority ON payment_batches (authority_id, created_at_us);

CREATE TABLE payments (
    id BLOB PRIMARY KEY NOT NULL,
    batch_id BLOB NOT NULL REFERENCES payment_batches (id),
    provider_id BLOB NOT NULL REFERENCES providers (id),
    total_minor BIGINT NOT NULL CHECK (total_minor > 0),
    claims BIGINT NOT NULL,
    lines BIGINT NOT NULL,
    CONSTRAINT payments_one_per_provider UNIQUE (batch_id, provider_id)
);

CREATE TABLE claims (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    provider_id BLOB NOT NULL REFERENCES providers (id),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    currency TEXT NOT NULL,
    lines BIGINT NOT NULL,
    approved_lines BIGINT NOT NULL,
    -- Asked at the agreed prices, of which the certificates pay `captured_minor` (moved from
    -- held to the provider's payable) and recipients `copay_minor` (paid to the provider outside).
    approved_minor BIGINT NOT NULL,
    captured_minor BIGINT NOT NULL,
    copay_minor BIGINT NOT NULL,
    batch_id BLOB REFERENCES payment_batches (id),
    request_key TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    CONSTRAINT claims_request_once UNIQUE (authority_id, provider_id, request_key)
);

CREATE INDEX claims_by_provider ON claims (provider_id, created_at_us);
CREATE INDEX claims_unsettled ON claims (authority_id, period_to) WHERE batch_id IS NULL;
CREATE INDEX claims_by_batch ON claims (batch_id);

CREATE TABLE claim_lines (
    claim_id BLOB NOT NULL REFERENCES claims (id),
    line_no BIGINT NOT NULL,
    delivery_record_id BLOB NOT NULL,
    enrollment_id BLOB,
    certificate_id BLOB,
    delivered_on TEXT,
    units_claimed BIGINT NOT NULL,
    units_approved BIGINT NOT NULL,
    price_minor BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    captured_minor BIGINT NOT NULL,
    copay_minor BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'rejected')),
    reason TEXT,
    PRIMARY KEY (claim_id, line_no)
);

-- A delivery record is paid at most once, whatever races: the second approval fails here.
CREATE UNIQUE INDEX claim_lines_paid_once ON claim_lines (delivery_record_id) WHERE status = 'approved';

CREATE TABLE notifications (
    id BLOB PRIMARY KEY NOT NULL,
    authority_id BLOB NOT NULL REFERENCES authorities (id),
    -- Who reads it: a recipient (every user acting for them) or a provider (its staff).
    audience TEXT NOT NULL CHECK (audience IN ('recipient', 'provider')),
    audience_id BLOB NOT NULL,
    kind TEXT NOT NULL,
    -- Ids and figures only, never personal data: the inbox renders the text in the reader's language.
    payload TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    read_at_us BIGINT
);

CREATE INDEX notifications_inbox ON notifications (audience_id, created_at_us);
