//! socert's vocabulary: the types every other crate speaks and the rules that decide things.
//!
//! Pure by design: no async, no SQL, no HTTP. Raw input becomes these types once, at the edge
//! (`Money::parse`, `ServiceCode::parse`, `Locale::parse`, `Inn::parse`), and everything inside takes
//! the typed value.

pub mod audit;
pub mod authority;
pub mod catalogue;
pub mod certificate;
pub mod demo_people;
pub mod demo_registry;
pub mod enrollment;
pub mod feedback;
pub mod identity;
pub mod ids;
pub mod ledger;
pub mod locale;
pub mod money;
pub mod program;
pub mod registry;
pub mod search;
pub mod secret;
pub mod taxid;
pub mod text;
pub mod units;

pub use authority::{Authority, AuthoritySettings, Country};
pub use catalogue::{
    CostChange, CostHistory, CostPeriod, NewService, Service, ServiceCategory, ServiceCode,
    ServiceError, Unit,
};
pub use certificate::{CertificateError, CertificateEvent, CertificateNumber, CertificateStatus};
pub use ids::{AuthorityId, ServiceId, TokenId, UserId};
pub use locale::Locale;
pub use money::{Currency, Money, MoneyError};
pub use taxid::{Edrpou, Inn, Ogrn, Ogrnip, Rnokpp, Snils, TaxIdError, TaxIdKind};
pub use text::{LocalizedText, TextError};
pub use units::{Units, UnitsError};

/// An instant in UTC. Stored as BIGINT microseconds since the Unix epoch.
pub type Timestamp = jiff::Timestamp;
/// A calendar date without time zone, stored as an ISO-8601 string (`2026-01-31`).
pub type Date = jiff::civil::Date;
