use socert_domain::Money;
use socert_domain::ServiceError;
use socert_domain::ledger::{AccountRef, LedgerError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in storage, in terms the caller can act on. Constraint violations that mean a
/// business rule are translated here (by constraint), so callers never parse database messages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: &'static str },
    #[error("{0}")]
    Conflict(String),
    #[error("the {what} was changed by someone else (now at version {current}); reload and retry")]
    VersionMismatch { what: &'static str, current: i64 },
    #[error(transparent)]
    Rule(#[from] ServiceError),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("account {0} is not open")]
    NoAccount(AccountRef),
    #[error("insufficient funds on {account} for {requested}")]
    InsufficientFunds {
        account: AccountRef,
        requested: Money,
    },
    #[error("this idempotency key was already used for a different command")]
    IdempotencyConflict,
    #[error("transaction {0} has already been reversed")]
    AlreadyReversed(uuid::Uuid),
    #[error("a reversal cannot itself be reversed; post the original command again")]
    NotReversible,
    #[error(transparent)]
    Registry(#[from] socert_domain::registry::RegistryError),
    #[error("the provider is not admitted for this service in this authority")]
    NotAdmitted,
    #[error(transparent)]
    Program(#[from] socert_domain::program::ProgramError),
    #[error(transparent)]
    Recipient(#[from] socert_domain::program::RecipientError),
    #[error(transparent)]
    Certificate(#[from] socert_domain::CertificateError),
    /// A person like this one is on file; an officer may keep both by saying why.
    #[error("{reason} (recipient {existing})")]
    DuplicateRecipient {
        existing: uuid::Uuid,
        reason: &'static str,
    },
    /// A business rule said no; `code` is stable for clients (e.g. `offer_full`).
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    #[error(transparent)]
    Enrollment(#[from] socert_domain::enrollment::EnrollmentError),
    #[error("configuration: {0}")]
    Config(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => Error::Unavailable(err),
            other => Error::Database(other),
        }
    }
}

/// True when `err` is a violation of the unique constraint `name`. PostgreSQL reports the
/// constraint name; SQLite reports the columns, so each caller names both.
pub(crate) fn is_unique_violation(err: &sqlx::Error, pg_name: &str, sqlite_columns: &str) -> bool {
    let Some(db) = err.as_database_error() else {
        return false;
    };
    db.is_unique_violation()
        && (db.constraint() == Some(pg_name) || db.message().contains(sqlite_columns))
}
