//! PostgreSQL: the production backend, selected by a `postgres://` URL.
//!
//! Write transactions run at READ COMMITTED; statements that must not race lock the rows they
//! change (an `UPDATE … RETURNING` or `SELECT … FOR UPDATE`) in a fixed order.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};

use crate::audit::impl_audit;
use crate::catalogue::impl_catalogue;
use crate::enrollments_impl::impl_enrollments;
use crate::feedback::impl_feedback;
use crate::identity::impl_identity;
use crate::ledger::{AccountCache, impl_ledger};
use crate::programs::impl_programs;
use crate::registry::impl_registry;
use crate::{Backend, Result, shared::impl_store};
use uuid::Uuid;

pub struct PgStore {
    pool: PgPool,
    accounts: AccountCache,
}

impl PgStore {
    const MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

    pub async fn connect(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(Self {
            pool,
            accounts: AccountCache::default(),
        })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }

    const BACKEND_WIPE: &[&str] = &[];

    /// tsquery: every stem must occur (stems are letters and digits, no tsquery operators).
    fn fts_query(stems: &str) -> String {
        stems
            .split_whitespace()
            .map(|stem| {
                stem.replace(
                    ['&', '|', '!', '(', ')', ':', '\'', '\\', '<', '>', '*'],
                    "",
                )
            })
            .filter(|stem| !stem.is_empty())
            .collect::<Vec<_>>()
            .join(" & ")
    }

    /// Offers whose title has every stem (GIN index on the generated `title_tsv`).
    fn push_title_match(sql: &mut sqlx::QueryBuilder<Postgres>, stems: &str) {
        sql.push(" AND o.title_tsv @@ to_tsquery('simple', ")
            .push_bind(stems.to_owned())
            .push(")");
    }

    fn push_any_match(sql: &mut sqlx::QueryBuilder<Postgres>, stems: &str) {
        sql.push(" AND o.search_tsv @@ to_tsquery('simple', ")
            .push_bind(stems.to_owned())
            .push(")");
    }

    /// Nearest first through the GiST index on `geo` (k-nearest-neighbour scan, see migration 6).
    fn push_distance_order(sql: &mut sqlx::QueryBuilder<Postgres>, lat: f64, lon: f64) {
        sql.push("o.geo <-> point(")
            .push_bind(lon * lat.to_radians().cos())
            .push(", ")
            .push_bind(lat)
            // No tie-breaker: a second sort key would stop PostgreSQL from reading the index in
            // order. Offers without coordinates come last.
            .push(")");
    }

    /// PostgreSQL indexes the generated `search_tsv` column itself.
    async fn index_offer(
        _tx: &mut Transaction<'static, Postgres>,
        _offer: Uuid,
        _search_text: &str,
        _search_title: &str,
    ) -> Result<()> {
        Ok(())
    }

    /// Moves one account's balance if it may move, and appends the posting, in one round trip;
    /// `None` when the balance would go below zero (the UPDATE matched nothing, so nothing was
    /// inserted). Each round trip is time the row lock is held, so this halves contention.
    async fn move_and_post(
        tx: &mut Transaction<'static, Postgres>,
        account: Uuid,
        delta: i64,
        transaction: Uuid,
    ) -> Result<Option<(i64, i64)>> {
        const MOVE_AND_POST: &str = "WITH moved AS (\
             UPDATE ledger_accounts SET balance_minor = balance_minor + $2, last_seq = last_seq + 1 \
             WHERE id = $1 AND (kind = 'funding' OR balance_minor + $2 >= 0) \
             RETURNING id, balance_minor, last_seq) \
             INSERT INTO ledger_postings (account_id, seq, transaction_id, amount_minor, balance_after_minor) \
             SELECT id, last_seq, $3, $2, balance_minor FROM moved \
             RETURNING balance_after_minor, seq";
        Ok(sqlx::query_as(MOVE_AND_POST)
            .bind(account)
            .bind(delta)
            .bind(transaction)
            .fetch_optional(&mut **tx)
            .await?)
    }
}

impl_store!(PgStore, Backend::Postgres);
impl_catalogue!(PgStore);
impl_ledger!(PgStore);
impl_identity!(PgStore);
impl_audit!(PgStore);
impl_registry!(PgStore, Postgres);
impl_programs!(PgStore, Postgres);
impl_enrollments!(PgStore, Postgres);
impl_feedback!(PgStore, Postgres);
