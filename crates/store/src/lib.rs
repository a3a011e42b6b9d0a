//! Persistence for socert.
//!
//! [`Store`] is the one interface the rest of the system uses. It has two implementations,
//! [`SqliteStore`] (the zero-setup default) and [`PgStore`] (selected by a `postgres://` URL). Both
//! run the same SQL text wherever the dialects agree (see `sql.rs`); the few places where they do not
//! (transaction start, connection setup, migrations) live side by side in `sqlite.rs` and
//! `postgres.rs`.

use std::sync::Arc;

use async_trait::async_trait;
use socert_domain::{Date, LocalizedText, Money, ServiceCategory};

pub mod audit;
mod catalogue;
pub mod demo;
pub mod enrollments;
mod enrollments_impl;
mod enrollments_sql;
mod error;
pub mod feedback;
pub mod identity;
pub mod ledger;
mod postgres;
pub mod programs;
mod programs_sql;
pub mod registry;
mod rows;
pub mod scratch;
mod shared;
mod sql;
mod sqlite;

pub use audit::AuditStore;
pub use catalogue::CatalogueStore;
pub use enrollments::EnrollmentStore;
pub use error::{Error, Result};
pub use feedback::FeedbackStore;
pub use identity::IdentityStore;
pub use ledger::LedgerStore;
pub use postgres::PgStore;
pub use programs::ProgramStore;
pub use registry::RegistryStore;
pub use sqlite::SqliteStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Which services to list.
#[derive(Debug, Clone, Default)]
pub struct ServiceFilter {
    pub category: Option<ServiceCategory>,
}

/// One page of a keyset-paginated list: items after `after` (exclusive), at most `limit` of them.
#[derive(Debug, Clone)]
pub struct PageRequest<K = String> {
    pub after: Option<K>,
    pub limit: u32,
}

#[derive(Debug, Clone)]
pub struct Page<T, K = String> {
    pub items: Vec<T>,
    /// The key to pass as `after` for the next page; `None` on the last page.
    pub next: Option<K>,
}

/// A change to a catalogue entry. Fields left `None` stay as they are.
#[derive(Debug, Clone, Default)]
pub struct ServiceUpdate {
    pub names: Option<LocalizedText>,
    /// A new normative cost and the date it takes effect from.
    pub cost: Option<(Money, Date)>,
}

/// The whole store: one value per database, shared by every request. Its methods are grouped by
/// aggregate in the supertraits (bring them into scope with `use socert_store::prelude::*`).
#[async_trait]
pub trait Store:
    CatalogueStore
    + LedgerStore
    + IdentityStore
    + AuditStore
    + RegistryStore
    + ProgramStore
    + EnrollmentStore
    + FeedbackStore
    + Send
    + Sync
    + 'static
{
    fn backend(&self) -> Backend;

    /// Applies pending migrations of this backend's tree.
    async fn migrate(&self) -> Result<()>;

    /// Fails when the database cannot answer a trivial query.
    async fn ping(&self) -> Result<()>;

    /// What autovacuum would do after a bulk load on a live server: fresh planner statistics and,
    /// on PostgreSQL, full-text entries merged into their GIN indexes.
    async fn analyze(&self) -> Result<()>;

    /// Deletes every row of every table, in one transaction (used by `socert demo --reset`).
    async fn wipe(&self) -> Result<()>;

    /// Closes the connections; in-flight queries finish first.
    async fn close(&self);
}

/// The store traits, for `use socert_store::prelude::*`.
pub mod prelude {
    pub use crate::{
        AuditStore, CatalogueStore, EnrollmentStore, FeedbackStore, IdentityStore, LedgerStore,
        ProgramStore, RegistryStore, Store,
    };
}

/// Opens the store a URL names: `postgres://…` or `postgresql://…` for PostgreSQL, `sqlite://PATH`
/// or `sqlite:PATH` for SQLite (the file is created if missing). Does not migrate.
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Arc::new(PgStore::connect(url).await?));
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| {
            Error::Config(format!(
                "database URL must start with sqlite:// or postgres://, got {:?}",
                redact_url(url)
            ))
        })?;
    Ok(Arc::new(SqliteStore::open(path).await?))
}

/// Hides a password in a URL before it is shown to anyone.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _password)) => {
                    format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..])
                }
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_appear_in_shown_urls() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/socert"),
            "postgres://app:***@db:5432/socert"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(redact_url("sqlite://socert.db"), "sqlite://socert.db");
    }

    #[tokio::test]
    async fn unknown_url_schemes_are_refused_with_a_readable_message() {
        let err = open("mysql://root:pw@localhost/db").await.err().unwrap();
        assert_eq!(
            err.to_string(),
            "configuration: database URL must start with sqlite:// or postgres://, got \"mysql://root:***@localhost/db\""
        );
    }
}
