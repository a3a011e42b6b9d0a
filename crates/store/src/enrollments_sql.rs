//! SQL of enrollments, delivery records, claims, settlements and notifications, shared by both
//! backends.

/// What an enrollment request needs to know about the offer: its provider's admission in the
/// offer's authority, the price, the seats.
pub const OFFER_FACTS: &str = "SELECT o.authority_id, o.provider_id, o.service_id, o.price_minor, o.currency, \
     o.capacity, o.seats_taken, ad.status AS admission \
     FROM offers o LEFT JOIN admissions ad ON ad.provider_id = o.provider_id AND ad.authority_id = o.authority_id \
     WHERE o.id = $1";

pub const ADMISSION_STATUS: &str =
    "SELECT status FROM admissions WHERE provider_id = $1 AND authority_id = $2";

pub const PROGRAM_COVERS: &str =
    "SELECT 1 FROM program_services WHERE program_id = $1 AND service_id = $2";

/// Takes the certificate's row lock: enrollments of one certificate take turns.
pub const LOCK_CERTIFICATE: &str = "UPDATE certificates SET updated_at_us = updated_at_us \
     WHERE id = $1 AND authority_id = $2 RETURNING status, value_minor";

/// Certificates of the program that an enrollment has funded (a certificate of account has no
/// value until then).
pub const FUNDED_OF_PROGRAM: &str =
    "SELECT COUNT(*) FROM certificates WHERE program_id = $1 AND value_minor > 0";

/// A certificate of account gains value as enrollments fund it from the program.
pub const FUND_CERTIFICATE: &str =
    "UPDATE certificates SET value_minor = value_minor + $2, updated_at_us = $3 WHERE id = $1";

pub const CERTIFICATE_ACCOUNTS: &str = "SELECT kind, id, balance_minor FROM ledger_accounts \
     WHERE authority_id = $1 AND owner_id = $2 AND kind IN ('available', 'held')";

pub const ACCOUNT_OF: &str =
    "SELECT id FROM ledger_accounts WHERE authority_id = $1 AND kind = $2 AND owner_id = $3";

pub const INSERT_LEDGER_TRANSACTION: &str = "INSERT INTO ledger_transactions (id, authority_id, kind, idempotency_key, \
     fingerprint, reverses, memo, created_at_us) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";

macro_rules! enrollment_columns {
    () => {
        "id, authority_id, certificate_id, recipient_id, offer_id, provider_id, service_id, status, volume, \
         currency, price_minor, covered_per_unit_minor, total_minor, covered_minor, copay_minor, copay_agreed, \
         held_minor, captured_minor, released_minor, recorded_units, claimed_units, starts_on, ends_on, flag, \
         reason, request_key, created_at_us, updated_at_us"
    };
}

pub const INSERT_ENROLLMENT: &str = concat!(
    "INSERT INTO enrollments (",
    enrollment_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9, $10, $11, $12, $13, $14, $15, $13, 0, 0, 0, 0, \
     $16, $17, NULL, NULL, $18, $19, $19)"
);

pub const GET_ENROLLMENT: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments WHERE id = $1 AND authority_id = $2"
);

pub const ENROLLMENT_BY_KEY: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments WHERE authority_id = $1 AND request_key = $2"
);

pub const ENROLLMENTS_OF_RECIPIENT: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments WHERE recipient_id = $1 ORDER BY created_at_us DESC, id"
);

pub const ENROLLMENTS_OF_PROVIDER: &str = concat!(
    "SELECT ",
    enrollment_columns!(),
    " FROM enrollments WHERE provider_id = $1 ORDER BY created_at_us DESC, id LIMIT 1000"
);

/// Takes the enrollment's row lock and reads it.
pub const LOCK_ENROLLMENT: &str = concat!(
    "UPDATE enrollments SET updated_at_us = updated_at_us WHERE id = $1 AND authority_id = $2 RETURNING ",
    enrollment_columns!()
);

/// Takes a seat if one is free; no row back means the offer is full.
pub const TAKE_SEAT: &str = "UPDATE offers SET seats_taken = seats_taken + 1 \
     WHERE id = $1 AND seats_taken < capacity RETURNING seats_taken";

pub const FREE_SEAT: &str =
    "UPDATE offers SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0";

/// Takes the offer's row lock (changing nothing) before an enrollment of it, in the fixed order
/// offer, enrollment, ledger accounts.
pub const LOCK_OFFER: &str =
    "UPDATE offers SET seats_taken = seats_taken WHERE id = $1 RETURNING seats_taken";

pub const SET_ENROLLMENT_STATUS: &str = "UPDATE enrollments SET status = $2, reason = $3, ends_on = $4, \
     flag = $5, updated_at_us = $6 WHERE id = $1";

/// Moves part of an enrollment's hold to `released_minor`.
pub const RELEASE_HOLD: &str = "UPDATE enrollments SET held_minor = held_minor - $2, released_minor = released_minor + $2, \
     updated_at_us = $3 WHERE id = $1 AND held_minor >= $2";

/// The value at the covered rate of records made but not yet paid (not voided, not approved in a
/// claim): what a closed enrollment keeps holding so those records can still be paid.
pub const OUTSTANDING_UNITS: &str = "SELECT CAST(COALESCE(SUM(d.units), 0) AS BIGINT) FROM delivery_records d \
     WHERE d.enrollment_id = $1 AND d.status <> 'voided' \
     AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.delivery_record_id = d.id AND l.status = 'approved')";

/// Active enrollments whose last day has passed (the caller compares dates per authority).
pub const ENDED_ENROLLMENTS: &str = "SELECT id FROM enrollments \
     WHERE authority_id = $1 AND status IN ('active', 'requested') AND ends_on < $2 ORDER BY id LIMIT 500";

pub const ACTIVE_OF_PROVIDER: &str = "SELECT id FROM enrollments \
     WHERE authority_id = $1 AND provider_id = $2 AND status IN ('requested', 'active') ORDER BY id";

/// Closed enrollments that still hold money although nothing is left to pay from it.
pub const CLOSED_WITH_HOLD: &str = "SELECT id FROM enrollments \
     WHERE authority_id = $1 AND status IN ('completed', 'cancelled', 'declined') AND held_minor > 0 ORDER BY id LIMIT 500";

/// Open enrollments of certificates that were revoked or expired.
pub const OPEN_OF_CLOSED_CERTIFICATES: &str = "SELECT e.id FROM enrollments e JOIN certificates c ON c.id = e.certificate_id \
     WHERE e.authority_id = $1 AND e.status IN ('requested', 'active') AND c.status <> 'active' ORDER BY e.id LIMIT 500";

/// Open enrollments with a provider no longer in the registry (the admission hook failed).
pub const OPEN_OF_EXCLUDED_PROVIDERS: &str = "SELECT e.id FROM enrollments e JOIN admissions ad \
     ON ad.provider_id = e.provider_id AND ad.authority_id = e.authority_id \
     WHERE e.authority_id = $1 AND e.status IN ('requested', 'active') AND ad.status IN ('excluded', 'rejected') \
     ORDER BY e.id LIMIT 500";

pub const CERTIFICATE_STATUS: &str = "SELECT status, program_id FROM certificates WHERE id = $1";

/// Money that went back to the program from a closed certificate counts as returned.
pub const RETURN_TO_PROGRAM: &str = "UPDATE certificates SET returned_minor = returned_minor + $2, updated_at_us = $3 WHERE id = $1";

pub const FLAG_ENROLLMENT: &str =
    "UPDATE enrollments SET flag = $2, updated_at_us = $3 WHERE id = $1";

// --- delivery records -----------------------------------------------------------------------

/// Counts units toward the volume if they fit; no row back means they do not (or the enrollment
/// is not active).
pub const COUNT_RECORDED: &str = "UPDATE enrollments SET recorded_units = recorded_units + $2, updated_at_us = $3 \
     WHERE id = $1 AND status = 'active' AND recorded_units + $2 <= volume RETURNING recorded_units";

pub const UNCOUNT_RECORDED: &str = "UPDATE enrollments SET recorded_units = recorded_units - $2, updated_at_us = $3 \
     WHERE id = $1 AND recorded_units >= $2";

macro_rules! record_columns {
    () => {
        "id, authority_id, enrollment_id, provider_id, recipient_id, delivered_on, delivered_at, units, worker, \
         note, status, recorded_on, confirm_due_on, dispute_reason, created_at_us, updated_at_us"
    };
}

pub const INSERT_RECORD: &str = concat!(
    "INSERT INTO delivery_records (",
    record_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'recorded', $11, $12, NULL, $13, $13)"
);

pub const GET_RECORD: &str = concat!(
    "SELECT ",
    record_columns!(),
    " FROM delivery_records WHERE id = $1 AND authority_id = $2"
);

pub const RECORDS_OF_ENROLLMENT: &str = concat!(
    "SELECT ",
    record_columns!(),
    " FROM delivery_records WHERE enrollment_id = $1 ORDER BY delivered_on, created_at_us, id"
);

pub const RECORDS_OF_RECIPIENT: &str = concat!(
    "SELECT ",
    record_columns!(),
    " FROM delivery_records WHERE recipient_id = $1 ORDER BY delivered_on DESC, id LIMIT 500"
);

/// A record's status moves only from the status it was read in.
pub const SET_RECORD_STATUS: &str = "UPDATE delivery_records SET status = $2, dispute_reason = COALESCE($3, dispute_reason), \
     updated_at_us = $4 WHERE id = $1 AND status = $5";

pub const AUTO_CONFIRM: &str = "UPDATE delivery_records SET status = 'auto_confirmed', updated_at_us = $3 \
     WHERE authority_id = $1 AND status = 'recorded' AND confirm_due_on <= $2 \
     RETURNING id, recipient_id, enrollment_id";

/// Records confirming themselves tomorrow whose recipient has not been reminded.
pub const DUE_TOMORROW: &str = "UPDATE delivery_records SET reminded = TRUE \
     WHERE authority_id = $1 AND status = 'recorded' AND confirm_due_on = $2 AND NOT reminded \
     RETURNING id, recipient_id";

// --- claims ---------------------------------------------------------------------------------

pub const CLAIM_BY_KEY: &str =
    "SELECT id FROM claims WHERE authority_id = $1 AND provider_id = $2 AND request_key = $3";

/// Confirmed records of the provider in the period that no approved line has paid yet: what a
/// claim without explicit lines asks for.
pub const CLAIMABLE_RECORDS: &str = "SELECT d.id FROM delivery_records d \
     WHERE d.authority_id = $1 AND d.provider_id = $2 AND d.delivered_on >= $3 AND d.delivered_on <= $4 \
     AND d.status IN ('confirmed', 'auto_confirmed') \
     AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.delivery_record_id = d.id AND l.status = 'approved') \
     ORDER BY d.delivered_on, d.id";

/// Of the given records, those approved in an earlier claim.
pub const CLAIMED_BEFORE: &str =
    "SELECT delivery_record_id FROM claim_lines WHERE status = 'approved' AND delivery_record_id";

pub const RECORDS_BY_ID: &str = "SELECT id, enrollment_id, provider_id, delivered_on, units, status, authority_id \
     FROM delivery_records WHERE id";

/// Locks enrollments by id (the caller appends `IN (...)` and `RETURNING ...`).
pub const LOCK_ENROLLMENTS: &str = "UPDATE enrollments SET updated_at_us = updated_at_us WHERE id";

pub const CAPTURE_ON_ENROLLMENT: &str = "UPDATE enrollments SET claimed_units = claimed_units + $2, \
     held_minor = held_minor - $3, captured_minor = captured_minor + $3, updated_at_us = $4 \
     WHERE id = $1 AND held_minor >= $3 AND claimed_units + $2 <= volume";

pub const INSERT_CLAIM: &str = "INSERT INTO claims (id, authority_id, provider_id, period_from, period_to, currency, \
     lines, approved_lines, approved_minor, captured_minor, copay_minor, batch_id, request_key, created_at_us) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, $13)";

macro_rules! claim_columns {
    () => {
        "c.id, c.authority_id, c.provider_id, c.period_from, c.period_to, c.currency, c.lines, c.approved_lines, \
         c.approved_minor, c.captured_minor, c.copay_minor, c.batch_id, b.status AS batch_status, c.created_at_us"
    };
}

pub const GET_CLAIM: &str = concat!(
    "SELECT ",
    claim_columns!(),
    " FROM claims c LEFT JOIN payment_batches b ON b.id = c.batch_id WHERE c.id = $1 AND c.authority_id = $2"
);

pub const CLAIMS_OF_PROVIDER: &str = concat!(
    "SELECT ",
    claim_columns!(),
    " FROM claims c LEFT JOIN payment_batches b ON b.id = c.batch_id WHERE c.provider_id = $1 \
     ORDER BY c.created_at_us DESC, c.id LIMIT 500"
);

pub const OPEN_CLAIMS: &str = concat!(
    "SELECT ",
    claim_columns!(),
    " FROM claims c LEFT JOIN payment_batches b ON b.id = c.batch_id \
     WHERE c.authority_id = $1 AND (c.batch_id IS NULL OR b.status = 'open') ORDER BY c.created_at_us, c.id LIMIT 1000"
);

pub const CLAIM_LINES: &str = "SELECT line_no, delivery_record_id, enrollment_id, certificate_id, delivered_on, \
     units_claimed, units_approved, price_minor, amount_minor, captured_minor, copay_minor, status, reason \
     FROM claim_lines WHERE claim_id = $1 ORDER BY line_no";

pub const CLAIM_LINES_OF_CERTIFICATE: &str = "SELECT l.delivery_record_id, l.delivered_on, l.units_approved, l.captured_minor, \
     l.copay_minor, b.status AS batch_status FROM claim_lines l JOIN claims c ON c.id = l.claim_id \
     LEFT JOIN payment_batches b ON b.id = c.batch_id \
     WHERE l.certificate_id = $1 AND l.status = 'approved' ORDER BY l.delivered_on, l.delivery_record_id";

// --- settlement -----------------------------------------------------------------------------

pub const BATCH_BY_KEY: &str =
    "SELECT id FROM payment_batches WHERE authority_id = $1 AND request_key = $2";

/// What each provider is paid in a batch: the sums of its claims there.
pub const BATCH_SUMS: &str = "SELECT provider_id, CAST(SUM(captured_minor) AS BIGINT), COUNT(*), CAST(SUM(approved_lines) AS BIGINT) \
     FROM claims WHERE batch_id = $1 GROUP BY provider_id ORDER BY provider_id";

pub const SET_BATCH_TOTALS: &str =
    "UPDATE payment_batches SET total_minor = $2, payments = $3, claims = $4 WHERE id = $1";

pub const INSERT_BATCH: &str = "INSERT INTO payment_batches (id, authority_id, period_to, status, currency, total_minor, \
     payments, claims, request_key, paid_on, bank_reference, created_at_us, paid_at_us) \
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, NULL, NULL, $9, NULL)";

pub const INSERT_PAYMENT: &str = "INSERT INTO payments (id, batch_id, provider_id, total_minor, claims, lines) VALUES ($1, $2, $3, $4, $5, $6)";

pub const ASSIGN_CLAIMS: &str = "UPDATE claims SET batch_id = $3 \
     WHERE authority_id = $1 AND batch_id IS NULL AND period_to <= $2 AND captured_minor > 0";

macro_rules! batch_columns {
    () => {
        "id, authority_id, period_to, status, currency, total_minor, payments, claims, paid_on, bank_reference, \
         created_at_us, paid_at_us"
    };
}

pub const GET_BATCH: &str = concat!(
    "SELECT ",
    batch_columns!(),
    " FROM payment_batches WHERE id = $1 AND authority_id = $2"
);

pub const BATCHES: &str = concat!(
    "SELECT ",
    batch_columns!(),
    " FROM payment_batches WHERE authority_id = $1 ORDER BY created_at_us DESC, id LIMIT 200"
);

pub const PAYMENTS_OF_BATCH: &str = "SELECT p.id, p.provider_id, pr.short_name, pr.full_name, pr.tax_id, pr.bank_account, \
     pr.bank_id, p.total_minor, p.claims, p.lines FROM payments p JOIN providers pr ON pr.id = p.provider_id \
     WHERE p.batch_id = $1 ORDER BY pr.tax_id, p.provider_id";

pub const CLAIMS_OF_BATCH: &str =
    "SELECT provider_id, id FROM claims WHERE batch_id = $1 ORDER BY provider_id, id";

/// Marks a batch paid once: no row back means it was paid already.
pub const MARK_PAID: &str = "UPDATE payment_batches SET status = 'paid', paid_on = $3, bank_reference = $4, paid_at_us = $5 \
     WHERE id = $1 AND authority_id = $2 AND status = 'open'";

// --- notifications --------------------------------------------------------------------------

pub const INSERT_NOTIFICATION: &str = "INSERT INTO notifications (id, authority_id, audience, audience_id, kind, payload, \
     created_at_us, read_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)";

pub const INBOX: &str = "SELECT id, authority_id, audience, audience_id, kind, payload, created_at_us, read_at_us \
     FROM notifications WHERE audience_id = $1 AND authority_id = $2 AND audience = $3 \
     ORDER BY created_at_us DESC, id LIMIT 200";

pub const UNREAD_COUNT: &str = "SELECT COUNT(*) FROM notifications \
     WHERE audience_id = $1 AND authority_id = $2 AND audience = $3 AND read_at_us IS NULL";

pub const MARK_READ: &str = "UPDATE notifications SET read_at_us = COALESCE(read_at_us, $4) \
     WHERE id = $1 AND audience_id = $2 AND authority_id = $3";

// --- reconciliation and reports -------------------------------------------------------------

/// Certificates whose ledger `held` differs from what their enrollments hold.
pub const V_HELD: &str = "SELECT a.owner_id, a.balance_minor, CAST(COALESCE(e.held, 0) AS BIGINT) FROM ledger_accounts a \
     LEFT JOIN (SELECT certificate_id, SUM(held_minor) AS held FROM enrollments GROUP BY certificate_id) e \
     ON e.certificate_id = a.owner_id \
     WHERE a.kind = 'held' AND ($1 IS NULL OR a.authority_id = $1) AND a.balance_minor <> COALESCE(e.held, 0)";

/// Claims whose totals differ from the sum of their lines.
pub const V_CLAIMS: &str = "SELECT c.id, c.captured_minor, CAST(COALESCE(l.captured, 0) AS BIGINT) FROM claims c \
     LEFT JOIN (SELECT claim_id, SUM(captured_minor) AS captured FROM claim_lines WHERE status = 'approved' GROUP BY claim_id) l \
     ON l.claim_id = c.id WHERE ($1 IS NULL OR c.authority_id = $1) AND c.captured_minor <> COALESCE(l.captured, 0)";

/// Providers whose payable + paid differ from what their claims captured.
pub const V_PROVIDERS: &str = "SELECT c.authority_id, c.provider_id, CAST(c.captured AS BIGINT), COALESCE(pa.balance_minor, 0) + COALESCE(pd.balance_minor, 0) \
     FROM (SELECT authority_id, provider_id, SUM(captured_minor) AS captured FROM claims \
           WHERE ($1 IS NULL OR authority_id = $1) GROUP BY authority_id, provider_id) c \
     LEFT JOIN ledger_accounts pa ON pa.authority_id = c.authority_id AND pa.kind = 'payable' AND pa.owner_id = c.provider_id \
     LEFT JOIN ledger_accounts pd ON pd.authority_id = c.authority_id AND pd.kind = 'paid' AND pd.owner_id = c.provider_id \
     WHERE c.captured <> COALESCE(pa.balance_minor, 0) + COALESCE(pd.balance_minor, 0)";

/// Budget burn per program: funded into certificates, still available, held, spent, paid out.
pub const BUDGET_BURN: &str = "SELECT p.id, p.name_en, p.name_ru, p.name_uk, b.balance_minor AS budget, \
     CAST(COALESCE(SUM(c.value_minor - c.returned_minor), 0) AS BIGINT) AS allocated, \
     CAST(COALESCE(SUM(av.balance_minor), 0) AS BIGINT) AS available, CAST(COALESCE(SUM(he.balance_minor), 0) AS BIGINT) AS held, \
     COUNT(c.id) AS certificates \
     FROM programs p JOIN ledger_accounts b ON b.authority_id = p.authority_id AND b.kind = 'budget' AND b.owner_id = p.id \
     LEFT JOIN certificates c ON c.program_id = p.id \
     LEFT JOIN ledger_accounts av ON av.authority_id = c.authority_id AND av.kind = 'available' AND av.owner_id = c.id \
     LEFT JOIN ledger_accounts he ON he.authority_id = c.authority_id AND he.kind = 'held' AND he.owner_id = c.id \
     WHERE p.authority_id = $1 GROUP BY p.id, p.name_en, p.name_ru, p.name_uk, b.balance_minor ORDER BY p.name_en, p.id";

pub const CAPTURED_PER_PROGRAM: &str = "SELECT ce.program_id, CAST(COALESCE(SUM(e.captured_minor), 0) AS BIGINT), \
     CAST(COALESCE(SUM(CASE WHEN e.status IN ('requested', 'active') THEN 1 ELSE 0 END), 0) AS BIGINT) \
     FROM enrollments e JOIN certificates ce ON ce.id = e.certificate_id WHERE e.authority_id = $1 GROUP BY ce.program_id";

pub const AUTHORITY_SETTINGS: &str = "SELECT CAST(confirmation_window_days AS BIGINT), CAST(switch_notice_days AS BIGINT), settlement_days, \
     time_zone, currency FROM authorities WHERE id = $1";

/// Records waiting for an officer's resolution.
pub const DISPUTED_RECORDS: &str = concat!(
    "SELECT ",
    record_columns!(),
    " FROM delivery_records WHERE authority_id = $1 AND status = 'disputed' \
     ORDER BY delivered_on, id LIMIT 500"
);
