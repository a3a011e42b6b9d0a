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

/// Tables in the order they can be emptied without breaking foreign keys.
pub const WIPE: [&str; 3] = [
    "DELETE FROM normative_costs",
    "DELETE FROM services",
    "DELETE FROM authorities",
];
