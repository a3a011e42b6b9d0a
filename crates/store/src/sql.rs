//! SQL text shared by both backends. sqlx numbers `$1, $2, …` the same way on SQLite and
//! PostgreSQL, and both support `RETURNING` and `ON CONFLICT`, so one string serves both.

pub const PING: &str = "SELECT 1";

pub const LIST_AUTHORITIES: &str = "SELECT id, name_ru, name_uk, name_en, region_code, country, currency, locale, \
     time_zone, confirmation_window_days, created_at_us FROM authorities ORDER BY region_code, id";

pub const GET_AUTHORITY: &str = "SELECT id, name_ru, name_uk, name_en, region_code, country, currency, locale, \
     time_zone, confirmation_window_days, created_at_us FROM authorities WHERE id = $1";

pub const INSERT_AUTHORITY: &str = "INSERT INTO authorities (id, name_ru, name_uk, name_en, region_code, country, \
     currency, locale, time_zone, confirmation_window_days, created_at_us) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

pub const AUTHORITY_CURRENCY: &str = "SELECT currency FROM authorities WHERE id = $1";

pub const LIST_SERVICES: &str = "SELECT id, authority_id, code, name_ru, name_uk, name_en, category, unit, version, \
     created_at_us, updated_at_us FROM services \
     WHERE authority_id = $1 AND ($2 IS NULL OR category = $2) AND ($3 IS NULL OR code > $3) \
     ORDER BY code LIMIT $4";

/// Costs of the services on one page: the page is the code range `[$3, $4]` under the same filter.
pub const COSTS_OF_PAGE: &str = "SELECT c.service_id, c.valid_from, c.valid_to, c.amount_minor, c.currency \
     FROM normative_costs c JOIN services s ON s.id = c.service_id \
     WHERE s.authority_id = $1 AND ($2 IS NULL OR s.category = $2) AND s.code >= $3 AND s.code <= $4 \
     ORDER BY c.service_id, c.valid_from";

pub const GET_SERVICE: &str = "SELECT id, authority_id, code, name_ru, name_uk, name_en, category, unit, version, \
     created_at_us, updated_at_us FROM services WHERE id = $1 AND authority_id = $2";

pub const COSTS_OF_SERVICE: &str = "SELECT service_id, valid_from, valid_to, amount_minor, currency \
     FROM normative_costs WHERE service_id = $1 ORDER BY valid_from";

pub const INSERT_SERVICE: &str = "INSERT INTO services (id, authority_id, code, name_ru, name_uk, name_en, category, \
     unit, version, created_at_us, updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)";

pub const INSERT_COST: &str = "INSERT INTO normative_costs (service_id, valid_from, valid_to, amount_minor, currency, \
     created_at_us) VALUES ($1, $2, $3, $4, $5, $6)";

/// Claims the service for this transaction: bumps the version only if the caller saw the latest
/// one. On PostgreSQL the UPDATE also locks the row until commit; on SQLite the write transaction
/// already holds the database write lock (`BEGIN IMMEDIATE`).
pub const BUMP_SERVICE_VERSION: &str = "UPDATE services SET version = version + 1, updated_at_us = $3 \
     WHERE id = $1 AND authority_id = $2 AND ($4 IS NULL OR version = $4) RETURNING version";

pub const SERVICE_VERSION: &str =
    "SELECT version FROM services WHERE id = $1 AND authority_id = $2";

pub const RENAME_SERVICE: &str =
    "UPDATE services SET name_ru = $2, name_uk = $3, name_en = $4 WHERE id = $1";

pub const CLOSE_OPEN_COST: &str = "UPDATE normative_costs SET valid_to = $2 \
     WHERE service_id = $1 AND valid_to IS NULL AND valid_from = $3";

/// Tables in the order they can be emptied without breaking foreign keys. The maintenance row
/// lets the append-only triggers allow these deletes, in this transaction only.
pub const WIPE: [&str; 41] = [
    "INSERT INTO ledger_maintenance (wiping) VALUES (1)",
    "DELETE FROM ratings",
    "DELETE FROM complaints",
    "DELETE FROM notifications",
    "DELETE FROM claim_lines",
    "DELETE FROM claims",
    "DELETE FROM payments",
    "DELETE FROM payment_batches",
    "DELETE FROM delivery_records",
    "DELETE FROM enrollments",
    "DELETE FROM issuance_run_rows",
    "DELETE FROM issuance_runs",
    "DELETE FROM waitlist",
    "DELETE FROM certificates",
    "DELETE FROM certificate_serials",
    "DELETE FROM need_assessments",
    "DELETE FROM representatives",
    "DELETE FROM recipient_categories",
    "DELETE FROM recipients",
    "DELETE FROM program_services",
    "DELETE FROM programs",
    "DELETE FROM offers",
    "DELETE FROM admission_documents",
    "DELETE FROM admission_services",
    "DELETE FROM admissions",
    "DELETE FROM provider_licences",
    "DELETE FROM providers",
    "DELETE FROM audit_events",
    "DELETE FROM audit_heads",
    "DELETE FROM sessions",
    "DELETE FROM api_tokens",
    "DELETE FROM user_roles",
    "DELETE FROM users",
    "DELETE FROM login_throttle",
    "DELETE FROM ledger_postings",
    "DELETE FROM ledger_transactions",
    "DELETE FROM ledger_accounts",
    "DELETE FROM ledger_maintenance",
    "DELETE FROM normative_costs",
    "DELETE FROM services",
    "DELETE FROM authorities",
];

// ---- ledger -------------------------------------------------------------------------------

pub const OPEN_ACCOUNT: &str = "INSERT INTO ledger_accounts (id, authority_id, kind, owner_id, currency, balance_minor, \
     last_seq, created_at_us) VALUES ($1, $2, $3, $4, $5, 0, 0, $6) \
     ON CONFLICT (authority_id, kind, owner_id) DO NOTHING";

pub const GET_ACCOUNT: &str = "SELECT id, authority_id, kind, owner_id, currency, balance_minor, last_seq, created_at_us \
     FROM ledger_accounts WHERE authority_id = $1 AND kind = $2 AND owner_id = $3";

pub const ACCOUNT_ID: &str = "SELECT id, currency FROM ledger_accounts WHERE authority_id = $1 AND kind = $2 AND owner_id = $3";

/// Claims the idempotency key: returns no row when the key was used before.
pub const INSERT_TRANSACTION: &str = "INSERT INTO ledger_transactions (id, authority_id, kind, idempotency_key, \
     fingerprint, reverses, memo, created_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     ON CONFLICT (authority_id, idempotency_key) DO NOTHING RETURNING id";

pub const TRANSACTION_BY_KEY: &str = "SELECT id, fingerprint FROM ledger_transactions WHERE authority_id = $1 AND idempotency_key = $2";

/// The overspend guard: moves a balance only if it stays non-negative (or may go negative).
pub const MOVE_BALANCE: &str = "UPDATE ledger_accounts SET balance_minor = balance_minor + $2, last_seq = last_seq + 1 \
     WHERE id = $1 AND (kind = 'funding' OR balance_minor + $2 >= 0) RETURNING balance_minor, last_seq";

pub const INSERT_POSTING: &str = "INSERT INTO ledger_postings (account_id, seq, transaction_id, amount_minor, \
     balance_after_minor) VALUES ($1, $2, $3, $4, $5)";

pub const GET_TRANSACTION: &str = "SELECT id, authority_id, kind, idempotency_key, reverses, memo, created_at_us \
     FROM ledger_transactions WHERE id = $1 AND authority_id = $2";

pub const POSTINGS_OF_TRANSACTION: &str = "SELECT a.kind, a.owner_id, a.currency, p.amount_minor, \
     p.balance_after_minor, p.seq FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id \
     WHERE p.transaction_id = $1 ORDER BY p.amount_minor, a.kind, a.owner_id";

pub const ACCOUNT_HISTORY: &str = "SELECT p.seq, p.transaction_id, t.kind, t.memo, t.created_at_us, p.amount_minor, \
     p.balance_after_minor FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id \
     WHERE p.account_id = $1 AND ($2 IS NULL OR p.seq < $2) ORDER BY p.seq DESC LIMIT $3";

// Invariant checks for `socert verify`. `$1` is an authority id, or NULL for all authorities.

pub const V_COUNTS: &str = "SELECT \
     (SELECT COUNT(*) FROM ledger_accounts WHERE $1 IS NULL OR authority_id = $1), \
     (SELECT COUNT(*) FROM ledger_transactions WHERE $1 IS NULL OR authority_id = $1)";

pub const V_UNBALANCED: &str = "SELECT t.id, a.currency, CAST(SUM(p.amount_minor) AS BIGINT) \
     FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id \
     JOIN ledger_accounts a ON a.id = p.account_id \
     WHERE $1 IS NULL OR t.authority_id = $1 \
     GROUP BY t.id, a.currency HAVING SUM(p.amount_minor) <> 0";

pub const V_TOO_FEW_POSTINGS: &str = "SELECT t.id, COUNT(p.seq) FROM ledger_transactions t \
     LEFT JOIN ledger_postings p ON p.transaction_id = t.id \
     WHERE $1 IS NULL OR t.authority_id = $1 GROUP BY t.id HAVING COUNT(p.seq) < 2";

pub const V_BALANCES: &str = "SELECT a.id, a.kind, a.owner_id, a.balance_minor, \
     CAST(COALESCE(SUM(p.amount_minor), 0) AS BIGINT), a.last_seq, COUNT(p.seq) \
     FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id \
     WHERE $1 IS NULL OR a.authority_id = $1 \
     GROUP BY a.id, a.kind, a.owner_id, a.balance_minor, a.last_seq \
     HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0) OR a.last_seq <> COUNT(p.seq)";

pub const V_RUNNING: &str = "SELECT account_id, seq FROM (\
     SELECT p.account_id, p.seq, p.balance_after_minor, \
     SUM(p.amount_minor) OVER (PARTITION BY p.account_id ORDER BY p.seq) AS running \
     FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id \
     WHERE $1 IS NULL OR a.authority_id = $1) checked \
     WHERE running <> balance_after_minor ORDER BY account_id, seq";

pub const V_NEGATIVE: &str = "SELECT id, kind, owner_id, balance_minor FROM ledger_accounts \
     WHERE kind <> 'funding' AND balance_minor < 0 AND ($1 IS NULL OR authority_id = $1)";

pub const V_AUTHORITY_TOTALS: &str = "SELECT authority_id, currency, CAST(SUM(balance_minor) AS BIGINT) \
     FROM ledger_accounts WHERE $1 IS NULL OR authority_id = $1 \
     GROUP BY authority_id, currency HAVING SUM(balance_minor) <> 0";

// ---- audit --------------------------------------------------------------------------------

pub const AUDIT_HEAD_INIT: &str =
    "INSERT INTO audit_heads (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING";

/// Takes the chain's next number and locks the head until commit; returns the previous hash.
pub const AUDIT_HEAD_BUMP: &str =
    "UPDATE audit_heads SET seq = seq + 1 WHERE chain = $1 RETURNING seq, hash";

pub const AUDIT_HEAD_SET_HASH: &str = "UPDATE audit_heads SET hash = $2 WHERE chain = $1";

pub const AUDIT_INSERT: &str = "INSERT INTO audit_events (id, chain, seq, at_us, actor_kind, actor_id, role, action, \
     object_kind, object_id, request_id, diff, prev_hash, hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

pub const AUDIT_LIST: &str = "SELECT id, chain, seq, at_us, actor_kind, actor_id, role, action, object_kind, object_id, \
     request_id, diff, hash FROM audit_events WHERE chain = $1 \
     AND ($2 IS NULL OR actor_id = $2) AND ($3 IS NULL OR object_kind = $3) AND ($4 IS NULL OR object_id = $4) \
     AND ($5 IS NULL OR at_us >= $5) AND ($6 IS NULL OR at_us < $6) AND ($7 IS NULL OR seq < $7) \
     ORDER BY seq DESC LIMIT $8";

pub const AUDIT_HEADS: &str = "SELECT chain, seq, hash FROM audit_heads ORDER BY chain";

pub const AUDIT_CHAIN_BATCH: &str = "SELECT id, chain, seq, at_us, actor_kind, actor_id, role, action, object_kind, \
     object_id, request_id, diff, hash FROM audit_events WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT 5000";

// ---- identity -----------------------------------------------------------------------------

pub const INSERT_USER: &str = "INSERT INTO users (id, login, display_name, password_hash, active, created_at_us) \
     VALUES ($1, $2, $3, $4, TRUE, $5)";

pub const INSERT_GRANT: &str = "INSERT INTO user_roles (user_id, role, authority_id, subject_id, granted_at_us) \
     VALUES ($1, $2, $3, $4, $5)";

pub const INSERT_GRANT_IF_NEW: &str = "INSERT INTO user_roles (user_id, role, authority_id, subject_id, granted_at_us) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, role, authority_id, subject_id) DO NOTHING";

pub const DELETE_GRANT: &str = "DELETE FROM user_roles WHERE user_id = $1 AND role = $2 AND authority_id = $3 AND subject_id = $4";

pub const GET_USER: &str =
    "SELECT id, login, display_name, active, created_at_us FROM users WHERE id = $1";

pub const GRANTS_OF_USER: &str = "SELECT role, authority_id, subject_id FROM user_roles WHERE user_id = $1 ORDER BY role, authority_id, subject_id";

pub const CREDENTIALS: &str = "SELECT id, password_hash, active FROM users WHERE login = $1";

pub const USERS_OF_AUTHORITY: &str = "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id \
     WHERE r.authority_id = $1 ORDER BY u.id";

pub const DEACTIVATE_USER: &str = "UPDATE users SET active = FALSE WHERE id = $1";

pub const END_SESSIONS_OF_USER: &str = "DELETE FROM sessions WHERE user_id = $1";

pub const INSERT_SESSION: &str = "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at_us, expires_at_us) \
     VALUES ($1, $2, $3, $4, $5)";

pub const LIVE_SESSION: &str = "SELECT s.user_id, s.csrf_token, s.expires_at_us FROM sessions s \
     JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at_us > $2 AND u.active";

pub const END_SESSION: &str = "DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id";

pub const INSERT_TOKEN: &str = "INSERT INTO api_tokens (id, token_hash, authority_id, role, name, created_by, \
     created_at_us, expires_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

pub const LIVE_TOKEN: &str = "SELECT id, authority_id, role, name, created_by, created_at_us, expires_at_us, \
     revoked_at_us FROM api_tokens WHERE token_hash = $1 AND revoked_at_us IS NULL \
     AND (expires_at_us IS NULL OR expires_at_us > $2)";

pub const TOKENS_OF_AUTHORITY: &str = "SELECT id, authority_id, role, name, created_by, created_at_us, expires_at_us, \
     revoked_at_us FROM api_tokens WHERE authority_id = $1 ORDER BY created_at_us, id";

pub const REVOKE_TOKEN: &str = "UPDATE api_tokens SET revoked_at_us = $3 \
     WHERE id = $1 AND authority_id = $2 AND revoked_at_us IS NULL \
     RETURNING id, authority_id, role, name, created_by, created_at_us, expires_at_us, revoked_at_us";

pub const THROTTLE_UNTIL: &str = "SELECT blocked_until_us FROM login_throttle WHERE key = $1";

/// Counts one more failure and returns the new count.
pub const THROTTLE_FAIL: &str = "INSERT INTO login_throttle (key, failures, blocked_until_us, updated_at_us) \
     VALUES ($1, 1, 0, $2) ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, \
     updated_at_us = excluded.updated_at_us RETURNING failures";

pub const THROTTLE_BLOCK: &str = "UPDATE login_throttle SET blocked_until_us = $2 WHERE key = $1";

pub const THROTTLE_CLEAR: &str = "DELETE FROM login_throttle WHERE key = $1";

// ---- registry -----------------------------------------------------------------------------

pub const INSERT_PROVIDER: &str = "INSERT INTO providers (id, legal_form, full_name, short_name, country, tax_id, \
     registration_number, phone, email, website, description, address, municipality, latitude, longitude, \
     bank_account, bank_id, created_at_us, updated_at_us) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)";

pub const INSERT_LICENCE: &str =
    "INSERT INTO provider_licences (provider_id, number, issuer, valid_to) VALUES ($1, $2, $3, $4)";

pub const GET_PROVIDER: &str = "SELECT id, legal_form, full_name, short_name, country, tax_id, registration_number, \
     phone, email, website, description, address, municipality, latitude, longitude, bank_account, bank_id, \
     created_at_us FROM providers WHERE id = $1";

pub const LICENCES_OF_PROVIDER: &str =
    "SELECT number, issuer, valid_to FROM provider_licences WHERE provider_id = $1 ORDER BY number";

pub const ADMISSION_OF: &str = "SELECT id, provider_id, authority_id, status, reason, applied_at_us, updated_at_us \
     FROM admissions WHERE provider_id = $1 AND authority_id = $2";

pub const INSERT_ADMISSION: &str = "INSERT INTO admissions (id, provider_id, authority_id, status, reason, \
     applied_at_us, updated_at_us) VALUES ($1, $2, $3, 'applied', NULL, $4, $4)";

/// A rejected provider may apply again: the same admission row starts over.
pub const REAPPLY: &str = "UPDATE admissions SET status = 'applied', reason = NULL, applied_at_us = $2, \
     updated_at_us = $2 WHERE id = $1 AND status = 'rejected'";

pub const CLEAR_ADMISSION_SERVICES: &str = "DELETE FROM admission_services WHERE admission_id = $1";

pub const INSERT_ADMISSION_SERVICE: &str =
    "INSERT INTO admission_services (admission_id, service_id) VALUES ($1, $2)";

pub const SERVICE_IN_AUTHORITY: &str =
    "SELECT COUNT(*) FROM services WHERE id = $1 AND authority_id = $2";

pub const GET_ADMISSION: &str = "SELECT id, provider_id, authority_id, status, reason, applied_at_us, updated_at_us \
     FROM admissions WHERE id = $1 AND authority_id = $2";

pub const ADMISSIONS_OF_PROVIDER: &str = "SELECT id, provider_id, authority_id, status, reason, applied_at_us, \
     updated_at_us FROM admissions WHERE provider_id = $1 ORDER BY applied_at_us, id";

pub const ADMISSIONS_OF_AUTHORITY: &str = "SELECT id, provider_id, authority_id, status, reason, applied_at_us, \
     updated_at_us FROM admissions WHERE authority_id = $1 AND ($2 IS NULL OR status = $2) \
     ORDER BY applied_at_us, id";

pub const SERVICES_OF_ADMISSION: &str =
    "SELECT service_id FROM admission_services WHERE admission_id = $1 ORDER BY service_id";

/// Moves an admission only from the status the decision was made on, so two officers deciding
/// at once cannot both win.
pub const SET_ADMISSION_STATUS: &str = "UPDATE admissions SET status = $3, reason = $4, updated_at_us = $5 \
     WHERE id = $1 AND status = $2";

/// The provider is admitted in the authority for this service.
pub const ADMITTED_FOR: &str = "SELECT COUNT(*) FROM admissions a JOIN admission_services s ON s.admission_id = a.id \
     WHERE a.provider_id = $1 AND a.authority_id = $2 AND s.service_id = $3 AND a.status = 'admitted'";

/// A new offer of an admitted provider: listed at once, with its provider's and service's search
/// columns (migration 0011) copied from their rows.
pub const INSERT_OFFER: &str = "INSERT INTO offers (id, provider_id, authority_id, service_id, title_ru, title_uk, \
     title_en, description, price_minor, currency, capacity, seats_taken, schedule, municipality, address, latitude, \
     longitude, age_min, age_max, wheelchair, sign_language, home_visits, transport, languages, search_text, \
     search_title, created_at_us, updated_at_us, listed, provider_name, legal_form, rating_count, rating_stars_sum, \
     rating_millistars, service_code, category) \
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
     $23, $24, $25, $26, $26, TRUE, p.short_name, p.legal_form, p.rating_count, p.rating_stars_sum, $27, s.code, \
     s.category FROM providers p, services s WHERE p.id = $2 AND s.id = $4";

/// An offer as its provider edits it, its row locked until the change is written.
pub const OFFER_FOR_EDIT: &str = "UPDATE offers SET version = version WHERE id = $1 RETURNING provider_id, \
     authority_id, service_id, seats_taken, version, title_ru, price_minor, capacity";

/// Everything of an offer its provider may change; the version moves on.
pub const UPDATE_OFFER: &str = "UPDATE offers SET title_ru = $2, title_uk = $3, title_en = $4, description = $5, \
     price_minor = $6, capacity = $7, schedule = $8, municipality = $9, address = $10, latitude = $11, \
     longitude = $12, age_min = $13, age_max = $14, wheelchair = $15, sign_language = $16, home_visits = $17, \
     transport = $18, languages = $19, search_text = $20, search_title = $21, updated_at_us = $22, \
     version = version + 1 WHERE id = $1 RETURNING version, seats_taken, created_at_us";

/// An admission decision lists (admitted) or unlists (anything else) the provider's offers there.
pub const LIST_OFFERS: &str =
    "UPDATE offers SET listed = $3 WHERE provider_id = $1 AND authority_id = $2";

/// The columns of a search hit; the query continues with `AS distance2` and the FROM clause.
pub const SEARCH_COLUMNS: &str = "SELECT o.id, o.provider_id, o.authority_id, o.service_id, o.title_ru, o.title_uk, \
     o.title_en, o.description, o.price_minor, o.currency, o.capacity, o.seats_taken, o.schedule, o.municipality, \
     o.address, o.latitude, o.longitude, o.age_min, o.age_max, o.wheelchair, o.sign_language, o.home_visits, \
     o.transport, o.languages, o.created_at_us, o.provider_name, o.legal_form, o.service_code, \
     nc.amount_minor AS normative_minor, o.rating_count, o.rating_stars_sum, o.version, ";

/// Listed offers only (of admitted providers), with the normative cost in force on the bound date;
/// the caller binds the date twice and closes the condition.
pub const SEARCH_FROM: &str = " FROM offers o \
     LEFT JOIN normative_costs nc ON nc.service_id = o.service_id AND nc.valid_from <= ";

pub const PROVIDER_BY_TAX_ID: &str = "SELECT id FROM providers WHERE country = $1 AND tax_id = $2";

pub const INSERT_ADMITTED: &str = "INSERT INTO admissions (id, provider_id, authority_id, status, reason, \
     applied_at_us, updated_at_us) VALUES ($1, $2, $3, 'admitted', NULL, $4, $4)";

pub const AUTHORITY_OF_PROVIDER_ADMISSION: &str =
    "SELECT authority_id FROM admissions WHERE id = $1 AND provider_id = $2";

pub const INSERT_DOCUMENT: &str = "INSERT INTO admission_documents (id, admission_id, file_name, content_type, \
     size_bytes, content, uploaded_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub const DOCUMENTS_OF_ADMISSION: &str = "SELECT d.id, d.file_name, d.content_type, d.size_bytes, d.uploaded_at_us \
     FROM admission_documents d JOIN admissions a ON a.id = d.admission_id \
     WHERE d.admission_id = $1 AND a.authority_id = $2 ORDER BY d.uploaded_at_us, d.id";

pub const GET_DOCUMENT: &str = "SELECT d.id, d.file_name, d.content_type, d.size_bytes, d.uploaded_at_us, d.content \
     FROM admission_documents d JOIN admissions a ON a.id = d.admission_id \
     WHERE d.id = $1 AND d.admission_id = $2 AND a.authority_id = $3";

/// A provider's own offers, listed or not, newest first, in the shape of a search hit (no
/// normative cost, no distance).
pub const OFFERS_OF_PROVIDER: &str = "SELECT o.id, o.provider_id, o.authority_id, o.service_id, o.title_ru, \
     o.title_uk, o.title_en, o.description, o.price_minor, o.currency, o.capacity, o.seats_taken, o.schedule, \
     o.municipality, o.address, o.latitude, o.longitude, o.age_min, o.age_max, o.wheelchair, o.sign_language, \
     o.home_visits, o.transport, o.languages, o.created_at_us, o.provider_name, o.legal_form, o.service_code, \
     CAST(NULL AS BIGINT) AS normative_minor, o.rating_count, o.rating_stars_sum, o.version, \
     CAST(NULL AS DOUBLE PRECISION) AS distance2 FROM offers o WHERE o.provider_id = $1 \
     ORDER BY o.created_at_us DESC, o.id DESC";
