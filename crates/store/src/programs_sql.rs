//! SQL of programs, recipients and certificates, shared by both backends.

pub const INSERT_PROGRAM: &str = "INSERT INTO programs (id, authority_id, name_ru, name_uk, name_en, starts, ends, \
     quota, max_funded, rules, value_kind, value_minor, value_service_id, value_units, validity_months, of_account, \
     live_certificates, created_at_us, updated_at_us) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0, $17, $17)";

pub const INSERT_PROGRAM_SERVICE: &str =
    "INSERT INTO program_services (program_id, service_id) VALUES ($1, $2)";

macro_rules! program_columns {
    () => {
        "p.id, p.authority_id, p.name_ru, p.name_uk, p.name_en, p.starts, p.ends, p.quota, \
     p.max_funded, p.rules, p.value_kind, p.value_minor, p.value_service_id, p.value_units, p.validity_months, \
     p.of_account, p.live_certificates, p.created_at_us, a.balance_minor AS budget_minor, a.currency"
    };
}

macro_rules! program_select {
    ($where:literal) => {
        concat!(
            "SELECT ",
            program_columns!(),
            " FROM programs p JOIN ledger_accounts a ON a.authority_id = p.authority_id \
             AND a.kind = 'budget' AND a.owner_id = p.id ",
            $where
        )
    };
}

pub const GET_PROGRAM: &str = program_select!("WHERE p.id = $1 AND p.authority_id = $2");
pub const PROGRAMS_OF_AUTHORITY: &str =
    program_select!("WHERE p.authority_id = $1 ORDER BY p.starts DESC, p.id");

pub const PROGRAM_SERVICES: &str =
    "SELECT service_id FROM program_services WHERE program_id = $1 ORDER BY service_id";

/// Takes the program's row lock (changing nothing): issuance, revocation and expiry of one
/// program take turns.
pub const LOCK_PROGRAM: &str = "UPDATE programs SET updated_at_us = updated_at_us \
     WHERE id = $1 AND authority_id = $2 RETURNING id";

/// Takes the budget account's row lock and reads what is left.
pub const LOCK_BUDGET: &str = "UPDATE ledger_accounts SET balance_minor = balance_minor \
     WHERE authority_id = $1 AND kind = 'budget' AND owner_id = $2 RETURNING id, balance_minor, currency";

pub const LOCK_ACCOUNT: &str = "UPDATE ledger_accounts SET balance_minor = balance_minor \
     WHERE authority_id = $1 AND kind = $2 AND owner_id = $3 RETURNING id, balance_minor";

pub const REGION_OF_AUTHORITY: &str = "SELECT region_code FROM authorities WHERE id = $1";

pub const NORMATIVE_ON: &str = "SELECT amount_minor FROM normative_costs \
     WHERE service_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)";

pub const COUNT_LIVE: &str = "UPDATE programs SET live_certificates = live_certificates + $2, updated_at_us = $3 \
     WHERE id = $1 AND (quota IS NULL OR live_certificates + $2 <= quota)";

/// Reserves `$3` serials and returns the last one.
pub const TAKE_SERIALS: &str = "INSERT INTO certificate_serials (authority_id, year, last_serial) VALUES ($1, $2, $3) \
     ON CONFLICT (authority_id, year) DO UPDATE SET last_serial = certificate_serials.last_serial + $3 \
     RETURNING last_serial";

pub const WAITING: &str = "SELECT id, recipient_id, priority, requested_at_us FROM waitlist \
     WHERE program_id = $1 AND status = 'waiting' \
     ORDER BY priority DESC, requested_at_us, id LIMIT $2";

pub const WAITLIST_OF_PROGRAM: &str = "SELECT id, recipient_id, priority, requested_at_us, status, certificate_id, reason \
     FROM waitlist WHERE program_id = $1 AND authority_id = $2 \
     ORDER BY CASE status WHEN 'waiting' THEN 0 ELSE 1 END, priority DESC, requested_at_us, id";

pub const SET_WAITLIST: &str = "UPDATE waitlist SET status = $2, certificate_id = $3, reason = $4, updated_at_us = $5 \
     WHERE id = $1 AND status = 'waiting'";

pub const INSERT_RECIPIENT: &str = "INSERT INTO recipients (id, authority_id, last_name, first_name, middle_name, \
     name_key, birth_date, national_id_kind, national_id, municipality, address, phone, email, duplicate_of, \
     duplicate_reason, created_at_us, updated_at_us) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)";

pub const INSERT_CATEGORY: &str =
    "INSERT INTO recipient_categories (recipient_id, category, valid_to) VALUES ($1, $2, $3)";

macro_rules! recipient_columns {
    () => {
        "id, authority_id, last_name, first_name, middle_name, birth_date, \
     national_id_kind, national_id, municipality, address, phone, email, duplicate_of, created_at_us"
    };
}

pub const GET_RECIPIENT: &str = concat!(
    "SELECT ",
    recipient_columns!(),
    " FROM recipients WHERE id = $1 AND authority_id = $2"
);

pub const CATEGORIES_OF_RECIPIENT: &str = "SELECT recipient_id, category, valid_to FROM recipient_categories \
     WHERE recipient_id = $1 ORDER BY category";

pub const SAME_NATIONAL_ID: &str = "SELECT id, name_key, birth_date FROM recipients \
     WHERE authority_id = $1 AND national_id = $2 ORDER BY id LIMIT 1";

pub const SAME_NAME_AND_BIRTH: &str = "SELECT id FROM recipients \
     WHERE authority_id = $1 AND name_key = $2 AND birth_date = $3 ORDER BY id LIMIT 1";

pub const INSERT_REPRESENTATIVE: &str = "INSERT INTO representatives (id, recipient_id, full_name, relation, \
     power_document, valid_to, created_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub const REPRESENTATIVES_OF: &str = "SELECT id, recipient_id, full_name, relation, power_document, valid_to \
     FROM representatives WHERE recipient_id = $1 ORDER BY id";

pub const INSERT_ASSESSMENT: &str = "INSERT INTO need_assessments (id, recipient_id, service_id, units_per_month, \
     valid_from, valid_to, source_document, created_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

pub const ASSESSMENTS_OF: &str = "SELECT id, recipient_id, service_id, units_per_month, valid_from, valid_to, \
     source_document FROM need_assessments WHERE recipient_id = $1 ORDER BY valid_from, id";

pub const RECIPIENT_EXISTS: &str = "SELECT id FROM recipients WHERE id = $1 AND authority_id = $2";

macro_rules! certificate_columns {
    () => {
        "c.id, c.authority_id, c.program_id, c.recipient_id, c.number, c.status, \
     c.currency, c.value_minor, c.units, c.returned_minor, c.valid_from, c.valid_to, c.reason, c.issued_at_us, \
     COALESCE(av.balance_minor, 0) AS available_minor, COALESCE(he.balance_minor, 0) AS held_minor"
    };
}

macro_rules! certificate_select {
    ($where:literal) => {
        concat!(
            "SELECT ",
            certificate_columns!(),
            " FROM certificates c \
             LEFT JOIN ledger_accounts av ON av.authority_id = c.authority_id AND av.kind = 'available' AND av.owner_id = c.id \
             LEFT JOIN ledger_accounts he ON he.authority_id = c.authority_id AND he.kind = 'held' AND he.owner_id = c.id ",
            $where
        )
    };
}

pub const GET_CERTIFICATE: &str = certificate_select!("WHERE c.id = $1 AND c.authority_id = $2");
pub const CERTIFICATE_BY_NUMBER: &str =
    certificate_select!("WHERE c.number = $1 AND c.authority_id = $2");
pub const CERTIFICATES_OF_RECIPIENT: &str =
    certificate_select!("WHERE c.recipient_id = $1 AND c.authority_id = $2 ORDER BY c.id DESC");
pub const CERTIFICATES_OF_PROGRAM: &str = certificate_select!(
    "WHERE c.program_id = $1 AND c.authority_id = $2 AND ($3 IS NULL OR c.id > $3) ORDER BY c.id LIMIT $4"
);

pub const PROGRAM_OF_CERTIFICATE: &str =
    "SELECT program_id FROM certificates WHERE id = $1 AND authority_id = $2";

pub const LOCK_CERTIFICATE: &str = "UPDATE certificates SET updated_at_us = updated_at_us \
     WHERE id = $1 RETURNING status, returned_minor, currency";

pub const CLOSE_CERTIFICATE: &str = "UPDATE certificates SET status = $2, returned_minor = returned_minor + $3, \
     reason = $4, updated_at_us = $5 WHERE id = $1";

pub const DUE_TO_EXPIRE: &str = "SELECT id FROM certificates WHERE authority_id = $1 \
     AND status IN ('issued', 'active', 'exhausted') AND valid_to < $2 ORDER BY valid_to, id LIMIT 500";

pub const INSERT_LEDGER_TRANSACTION: &str = "INSERT INTO ledger_transactions (id, authority_id, kind, idempotency_key, \
     fingerprint, reverses, memo, created_at_us) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";

pub const INSERT_RUN: &str = "INSERT INTO issuance_runs (id, authority_id, program_id, file_name, status, rows_total, \
     rows_done, issued, waitlisted, refused, already, error, created_at_us, finished_at_us) \
     VALUES ($1, $2, $3, $4, 'running', $5, 0, 0, 0, 0, 0, NULL, $6, NULL)";

pub const ADD_TO_RUN: &str = "UPDATE issuance_runs SET rows_done = rows_done + $2, issued = issued + $3, \
     waitlisted = waitlisted + $4, refused = refused + $5, already = already + $6 WHERE id = $1";

pub const FINISH_RUN: &str =
    "UPDATE issuance_runs SET status = $2, error = $3, finished_at_us = $4 WHERE id = $1";

pub const GET_RUN: &str = "SELECT id, authority_id, program_id, file_name, status, rows_total, rows_done, issued, \
     waitlisted, refused, already, error, created_at_us, finished_at_us FROM issuance_runs \
     WHERE id = $1 AND authority_id = $2";

pub const RUN_ROWS: &str = "SELECT line, outcome, recipient_id, certificate_number, detail FROM issuance_run_rows \
     WHERE run_id = $1 ORDER BY line";

/// Programs whose budget does not reconcile: funded (net transfers from the authority's funding)
/// must equal what is left plus what certificates still hold or spent.
pub const V_PROGRAM_BUDGETS: &str = "SELECT id, budget, allocated, funded FROM (\
     SELECT p.id, a.balance_minor AS budget, \
       (SELECT COALESCE(SUM(c.value_minor - c.returned_minor), 0) FROM certificates c WHERE c.program_id = p.id) AS allocated, \
       (SELECT COALESCE(SUM(lp.amount_minor), 0) FROM ledger_postings lp WHERE lp.account_id = a.id \
          AND EXISTS (SELECT 1 FROM ledger_postings fp JOIN ledger_accounts fa ON fa.id = fp.account_id \
                      WHERE fp.transaction_id = lp.transaction_id AND fa.kind = 'funding')) AS funded \
     FROM programs p JOIN ledger_accounts a ON a.authority_id = p.authority_id AND a.kind = 'budget' AND a.owner_id = p.id \
     WHERE ($1 IS NULL OR p.authority_id = $1)) t \
     WHERE t.funded <> t.budget + t.allocated";

/// Certificates whose ledger accounts do not add up to what they were issued minus returned.
/// Set-based (one aggregate of captures, joined once) so that it stays linear in the number of
/// certificates.
pub const V_CERTIFICATES: &str = "SELECT id, net, available, held, spent FROM (\
     SELECT c.id, c.value_minor - c.returned_minor AS net, \
       COALESCE(av.balance_minor, 0) AS available, COALESCE(he.balance_minor, 0) AS held, \
       COALESCE(sp.spent, 0) AS spent \
     FROM certificates c \
     LEFT JOIN ledger_accounts av ON av.authority_id = c.authority_id AND av.kind = 'available' AND av.owner_id = c.id \
     LEFT JOIN ledger_accounts he ON he.authority_id = c.authority_id AND he.kind = 'held' AND he.owner_id = c.id \
     LEFT JOIN (SELECT lp.account_id, -SUM(lp.amount_minor) AS spent FROM ledger_postings lp \
                JOIN ledger_transactions t ON t.id = lp.transaction_id \
                LEFT JOIN ledger_transactions r ON r.id = t.reverses \
                WHERE t.kind = 'capture' OR r.kind = 'capture' GROUP BY lp.account_id) sp ON sp.account_id = he.id \
     WHERE ($1 IS NULL OR c.authority_id = $1)) t \
     WHERE t.net <> t.available + t.held + t.spent";
