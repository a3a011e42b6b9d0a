//! PostgreSQL: the production backend, selected by a `postgres://` URL.
//!
//! Write transactions run at READ COMMITTED; statements that must not race lock the rows they
//! change (an `UPDATE … RETURNING` or `SELECT … FOR UPDATE`) in a fixed order.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
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
    title_stats: TitleStatsCache,
}

/// How often the common stems of offer titles occur, from the planner's statistics, and how many
/// offers a table page holds: enough to tell when the first pages of `offers` hold a page of
/// title matches.
struct TitleStats {
    frequencies: HashMap<String, f32>,
    rows_per_page: f64,
}

#[derive(Default)]
struct TitleStatsCache(RwLock<Option<(Instant, Arc<TitleStats>)>>);

/// Statistics change with ANALYZE, which autovacuum runs now and then: read them as often.
const TITLE_STATS_TTL: Duration = Duration::from_secs(600);

/// The most pages of `offers` a search reads in storage order before it asks the index instead.
const MAX_PREFIX_PAGES: u64 = 256;

impl PgStore {
    const MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

    pub async fn connect(url: &str) -> Result<Self> {
        // A search takes "the first matches in storage order" and pages through them; a
        // sequential scan that joined another one mid-table (synchronized scans) would start
        // elsewhere and give the next page rows of the first.
        let options = url
            .parse::<PgConnectOptions>()?
            .options([("synchronize_seqscans", "off")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Self {
            pool,
            accounts: AccountCache::default(),
            title_stats: TitleStatsCache::default(),
        })
    }

    /// Statistics read before an ANALYZE of ours are stale at once.
    fn forget_statistics(&self) {
        *self
            .title_stats
            .0
            .write()
            .unwrap_or_else(|e| e.into_inner()) = None;
    }

    async fn title_stats(&self) -> Result<Arc<TitleStats>> {
        if let Some((read_at, stats)) =
            &*self.title_stats.0.read().unwrap_or_else(|e| e.into_inner())
            && read_at.elapsed() < TITLE_STATS_TTL
        {
            return Ok(stats.clone());
        }
        let (stems, frequencies, rows_per_page): (Option<Vec<String>>, Option<Vec<f32>>, f64) =
            sqlx::query_as(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, \
             c.reltuples::float8 / GREATEST(c.relpages, 1) \
             FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() \
             AND s.tablename = 'offers' AND s.attname = 'title_tsv' \
             WHERE c.oid = 'offers'::regclass",
            )
            .fetch_one(&self.pool)
            .await?;
        let stats = Arc::new(TitleStats {
            // The frequencies list ends with three summary figures, which zip leaves out.
            frequencies: stems
                .unwrap_or_default()
                .into_iter()
                .zip(frequencies.unwrap_or_default())
                .collect(),
            rows_per_page,
        });
        *self
            .title_stats
            .0
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), stats.clone()));
        Ok(stats)
    }

    /// The first `window` title matches of a relevance search, when the statistics say that the
    /// first pages of `offers` hold them: read in storage order, those pages give exactly the rows
    /// the index would give first, at a fraction of the cost for common words. The planner
    /// cannot see this itself: it takes the words of a title as independent, so for "паллиативная
    /// помощь" it expects a twelfth of the matches and gathers all 15 000 of them from the index.
    async fn title_prefix_hits(
        &self,
        query: &crate::registry::OfferQuery,
        stems: &str,
        window: i64,
    ) -> Result<Option<Vec<crate::rows::OfferHitRow>>> {
        let stats = self.title_stats().await?;
        // Words of one title occur together, so the rarest word bounds how often all do.
        let rarest = stems
            .split(" & ")
            .map(|stem| stats.frequencies.get(stem).copied())
            .try_fold(f32::MAX, |rarest, f| f.map(|f| rarest.min(f)));
        let Some(rarest) = rarest.filter(|f| *f < f32::MAX && *f > 0.0) else {
            return Ok(None);
        };
        if stats.rows_per_page <= 0.0 {
            return Ok(None);
        }
        // Twice the rows that should hold a window of matches, in pages rounded up to a power
        // of two, so that a handful of statements cover every query.
        let pages = (2.0 * window as f64 / f64::from(rarest) / stats.rows_per_page)
            .ceil()
            .max(1.0) as u64;
        let pages = pages.next_power_of_two();
        if pages > MAX_PREFIX_PAGES {
            return Ok(None);
        }
        let mut sql = sqlx::QueryBuilder::new("");
        Self::push_offer_select(&mut sql, query, 0);
        Self::push_title_match(&mut sql, stems);
        sql.push(format!(" AND o.ctid < '({pages},0)'::tid LIMIT "))
            .push_bind(window);
        let rows = sql
            .build_query_as::<crate::rows::OfferHitRow>()
            .fetch_all(&self.pool)
            .await?;
        Ok((rows.len() as i64 >= window).then_some(rows))
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }

    const BACKEND_WIPE: &[&str] = &[];

    /// New offers' full-text entries wait in the GIN indexes' pending lists, which every search
    /// reads through (up to 4 MB, 1-2 ms a query) until a vacuum merges them; autovacuum would
    /// after a large insert, a bulk load should not wait for it. Cheap when offers did not change.
    const AFTER_BULK_LOAD: &[&str] = &["ANALYZE", "VACUUM offers"];

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

    /// The generated `search_tsv` and `title_tsv` follow the edited columns by themselves.
    async fn reindex_offer(
        _tx: &mut Transaction<'static, Postgres>,
        _offer: Uuid,
        _search_text: &str,
        _search_title: &str,
    ) -> Result<()> {
        Ok(())
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
