//! SQLite: the zero-setup backend. One file, WAL journal, foreign keys on.
//!
//! SQLite allows one writer at a time. Write transactions start with `BEGIN IMMEDIATE` so they take
//! the write lock up front: a deferred transaction that reads and then writes can fail with
//! SQLITE_BUSY half-way instead of waiting its turn.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::catalogue::impl_catalogue;
use crate::ledger::{AccountCache, impl_ledger};
use crate::{Backend, Error, Result, shared::impl_store};

pub struct SqliteStore {
    pool: SqlitePool,
    accounts: AccountCache,
}

impl SqliteStore {
    const MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

    /// Opens (creating if missing) the database file at `path`.
    pub async fn open(path: &str) -> Result<Self> {
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))
            .map_err(|err| Error::Config(format!("bad SQLite path {path:?}: {err}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a committed payment survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Self {
            pool,
            accounts: AccountCache::default(),
        })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

impl_store!(SqliteStore, Backend::Sqlite);
impl_catalogue!(SqliteStore);
impl_ledger!(SqliteStore);
