//! PostgreSQL: the production backend, selected by a `postgres://` URL.
//!
//! Write transactions run at READ COMMITTED; statements that must not race lock the rows they
//! change (an `UPDATE … RETURNING` or `SELECT … FOR UPDATE`) in a fixed order.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};

use crate::catalogue::impl_catalogue;
use crate::ledger::{AccountCache, impl_ledger};
use crate::{Backend, Result, shared::impl_store};

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
}

impl_store!(PgStore, Backend::Postgres);
impl_catalogue!(PgStore);
impl_ledger!(PgStore);
