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

use crate::audit::impl_audit;
use crate::catalogue::impl_catalogue;
use crate::enrollments_impl::impl_enrollments;
use crate::feedback::impl_feedback;
use crate::identity::impl_identity;
use crate::ledger::{AccountCache, impl_ledger};
use crate::programs::impl_programs;
use crate::registry::impl_registry;
use crate::{Backend, Error, Result, shared::impl_store, sql};
use uuid::Uuid;

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

    const AFTER_BULK_LOAD: &[&str] = &["ANALYZE"];

    /// Tables only this backend has, emptied by `wipe`.
    const BACKEND_WIPE: &[&str] = &["DELETE FROM offers_fts", "DELETE FROM offers_title_fts"];

    /// FTS5 query: every stem must occur (quoted terms are ANDed; stems are letters and digits).
    fn fts_query(stems: &str) -> String {
        stems
            .split_whitespace()
            .map(|stem| format!("\"{}\"", stem.replace('"', "")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Offers whose title has every stem.
    fn push_title_match(sql: &mut sqlx::QueryBuilder<Sqlite>, stems: &str) {
        sql.push(
            " AND o.id IN (SELECT offer_id FROM offers_title_fts WHERE offers_title_fts MATCH ",
        )
        .push_bind(stems.to_owned())
        .push(")");
    }

    /// Offers matching every stem anywhere.
    fn push_any_match(sql: &mut sqlx::QueryBuilder<Sqlite>, stems: &str) {
        sql.push(" AND o.id IN (SELECT offer_id FROM offers_fts WHERE offers_fts MATCH ")
            .push_bind(stems.to_owned())
            .push(")");
    }

    /// Nearest first by the computed distance: SQLite has no spatial index here, so it sorts.
    fn push_distance_order(sql: &mut sqlx::QueryBuilder<Sqlite>, _lat: f64, _lon: f64) {
        sql.push("distance2 NULLS LAST, o.id");
    }

    /// No statistics are kept in this process.
    fn forget_statistics(&self) {}

    /// FTS5 yields matches in rowid order and stops at the limit: the title tier is cheap however
    /// common its words, so there is nothing to gain by reading the table's first pages.
    async fn title_prefix_hits(
        &self,
        _query: &crate::registry::OfferQuery,
        _stems: &str,
        _window: i64,
    ) -> Result<Option<Vec<crate::rows::OfferHitRow>>> {
        Ok(None)
    }

    /// An edited offer's words replace its old ones in the FTS5 tables.
    async fn reindex_offer(
        tx: &mut Transaction<'static, Sqlite>,
        offer: Uuid,
        search_text: &str,
        search_title: &str,
    ) -> Result<()> {
        for statement in [
            "DELETE FROM offers_fts WHERE offer_id = $1",
            "DELETE FROM offers_title_fts WHERE offer_id = $1",
        ] {
            sqlx::query(statement)
                .bind(offer)
                .execute(&mut **tx)
                .await?;
        }
        Self::index_offer(tx, offer, search_text, search_title).await
    }

    /// SQLite's full-text index is a separate FTS5 table, kept in the offer's transaction.
    async fn index_offer(
        tx: &mut Transaction<'static, Sqlite>,
        offer: Uuid,
        search_text: &str,
        search_title: &str,
    ) -> Result<()> {
        sqlx::query("INSERT INTO offers_fts (offer_id, search_text) VALUES ($1, $2)")
            .bind(offer)
            .bind(search_text)
            .execute(&mut **tx)
            .await?;
        sqlx::query("INSERT INTO offers_title_fts (offer_id, search_title) VALUES ($1, $2)")
            .bind(offer)
            .bind(search_title)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Moves one account's balance if it may move, and appends the posting; `None` when the
    /// balance would go below zero. In-process SQLite makes two statements as cheap as one.
    async fn move_and_post(
        tx: &mut Transaction<'static, Sqlite>,
        account: Uuid,
        delta: i64,
        transaction: Uuid,
    ) -> Result<Option<(i64, i64)>> {
        let moved: Option<(i64, i64)> = sqlx::query_as(sql::MOVE_BALANCE)
            .bind(account)
            .bind(delta)
            .fetch_optional(&mut **tx)
            .await?;
        if let Some((balance_after, seq)) = moved {
            sqlx::query(sql::INSERT_POSTING)
                .bind(account)
                .bind(seq)
                .bind(transaction)
                .bind(delta)
                .bind(balance_after)
                .execute(&mut **tx)
                .await?;
        }
        Ok(moved)
    }
}

impl_store!(SqliteStore, Backend::Sqlite);
impl_catalogue!(SqliteStore);
impl_ledger!(SqliteStore);
impl_identity!(SqliteStore);
impl_audit!(SqliteStore);
impl_registry!(SqliteStore, Sqlite);
impl_programs!(SqliteStore, Sqlite);
impl_enrollments!(SqliteStore, Sqlite);
impl_feedback!(SqliteStore, Sqlite);
