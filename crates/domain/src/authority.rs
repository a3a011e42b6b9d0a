//! The authority: a regional body that runs programs. Each authority is a tenant.

use serde::{Deserialize, Serialize};

use crate::{AuthorityId, Currency, Locale, LocalizedText, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "RU")]
    Russia,
    #[serde(rename = "UA")]
    Ukraine,
}

impl Country {
    pub const fn code(self) -> &'static str {
        match self {
            Country::Russia => "RU",
            Country::Ukraine => "UA",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "RU" => Some(Country::Russia),
            "UA" => Some(Country::Ukraine),
            _ => None,
        }
    }
}

/// Per-authority rules that later features read (delivery confirmation, settlement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoritySettings {
    /// Days a recipient has to dispute a delivery record before it is confirmed automatically.
    /// Five as in Belgium's titres-services (see DOMAIN-NOTES.md).
    pub confirmation_window_days: u16,
}

impl Default for AuthoritySettings {
    fn default() -> Self {
        Self {
            confirmation_window_days: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    pub id: AuthorityId,
    pub names: LocalizedText,
    /// The official code of the region (e.g. `27` for Khabarovsk Krai).
    pub region_code: String,
    pub country: Country,
    pub currency: Currency,
    pub locale: Locale,
    /// IANA time zone name, e.g. `Asia/Vladivostok`; local dates are computed in it.
    pub time_zone: String,
    pub settings: AuthoritySettings,
    pub created_at: Timestamp,
}

impl Authority {
    /// The authority's local date at `at`: days (validity, expiry, ages) count in its time zone.
    /// An unknown zone name counts in UTC.
    pub fn date_at(&self, at: Timestamp) -> crate::Date {
        let tz = jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        tz.to_datetime(at).date()
    }
}
