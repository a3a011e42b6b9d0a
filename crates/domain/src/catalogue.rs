//! The service catalogue of an authority: what can be funded, in which unit, at what normative cost.
//!
//! The normative cost changes over time (a regional order sets a new cost from a date). History is
//! append-only: a change closes the open period and opens a new one, so a delivery can always be
//! priced at the cost that was in force on its date.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{AuthorityId, Currency, Date, LocalizedText, Money, ServiceId, Timestamp};

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ServiceError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(ServiceError::UnknownValue {
                        what: $what,
                        value: other.to_owned(),
                        allowed: vec![$($text),+].join(", "),
                    }),
                }
            }
        }
    };
}

string_enum!(
    /// The kinds of social service regions fund through certificates (DESIGN.md section 3).
    ServiceCategory, "category" {
        PalliativeCare => "palliative_care",
        HomeCare => "home_care",
        ExtraEducation => "extra_education",
        SchoolTourism => "school_tourism",
        SocialTaxi => "social_taxi",
        ShortTermChildcare => "short_term_childcare",
        CareForSeriouslyIll => "care_for_seriously_ill",
        EmploymentTraining => "employment_training",
        Sports => "sports",
        Sanatorium => "sanatorium",
        HomelessSupport => "homeless_support",
    }
);

string_enum!(
    /// What one unit of a service is. Volumes and normative costs are counted in it.
    Unit, "unit" {
        Hour => "hour",
        Visit => "visit",
        Trip => "trip",
        Day => "day",
        Lesson => "lesson",
        Course => "course",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    #[error(
        "service code {0:?} is not valid: use 2 to 32 latin letters, digits, '-', '_' or '.', starting with a letter or digit"
    )]
    InvalidCode(String),
    #[error("unknown {what} {value:?}: use one of {allowed}")]
    UnknownValue {
        what: &'static str,
        value: String,
        allowed: String,
    },
    #[error("the normative cost must be more than zero, got {0}")]
    NonPositiveCost(Money),
    #[error("the normative cost is in {given}, but this authority pays in {expected}")]
    WrongCurrency { expected: Currency, given: Currency },
    #[error(
        "a new normative cost must start after {current_from}, when the cost now in force started; got {requested_from}"
    )]
    PeriodNotAfterCurrent {
        current_from: Date,
        requested_from: Date,
    },
}

/// A catalogue code such as `HOME-CARE-HOUR`: stable, printable, unique within an authority.
/// Stored upper-case; parsing accepts any case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ServiceCode(String);

impl ServiceCode {
    pub fn parse(input: &str) -> Result<Self, ServiceError> {
        let code = input.trim().to_ascii_uppercase();
        let valid_len = (2..=32).contains(&code.len());
        let valid_first = code.starts_with(|c: char| c.is_ascii_alphanumeric());
        let valid_chars = code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if valid_len && valid_first && valid_chars {
            Ok(Self(code))
        } else {
            Err(ServiceError::InvalidCode(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ServiceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The normative cost of one unit in force from `valid_from` up to (not including) `valid_to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostPeriod {
    pub cost: Money,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
}

impl CostPeriod {
    pub fn covers(&self, day: Date) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|end| day < end)
    }
}

/// Contiguous cost periods in date order; the last one is open-ended. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostHistory(Vec<CostPeriod>);

/// What a cost change does to the stored history: close the open period, append the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostChange {
    pub close_from: Date,
    pub close_at: Date,
    pub opened: CostPeriod,
}

impl CostHistory {
    /// The history a new service starts with: one open period.
    pub fn starting(
        cost: Money,
        valid_from: Date,
        currency: Currency,
    ) -> Result<Self, ServiceError> {
        check_cost(cost, currency)?;
        Ok(Self(vec![CostPeriod {
            cost,
            valid_from,
            valid_to: None,
        }]))
    }

    /// Rebuilds a history read from storage. Periods are sorted by start; the caller guarantees
    /// they came from a valid history (storage only ever writes through [`CostHistory::change`]).
    pub fn from_stored(mut periods: Vec<CostPeriod>) -> Option<Self> {
        periods.sort_by_key(|p| p.valid_from);
        (!periods.is_empty()).then_some(Self(periods))
    }

    pub fn periods(&self) -> &[CostPeriod] {
        &self.0
    }

    /// The period in force on `day`, if the catalogue priced the service then.
    pub fn on(&self, day: Date) -> Option<&CostPeriod> {
        self.0.iter().find(|p| p.covers(day))
    }

    fn open(&self) -> &CostPeriod {
        // Invariant: never empty (see constructors).
        &self.0[self.0.len() - 1]
    }

    /// Plans a new normative cost from `valid_from`. The past is not rewritten: the new period must
    /// start after the open period started.
    pub fn change(
        &self,
        cost: Money,
        valid_from: Date,
        currency: Currency,
    ) -> Result<CostChange, ServiceError> {
        check_cost(cost, currency)?;
        let open = self.open();
        if valid_from <= open.valid_from {
            return Err(ServiceError::PeriodNotAfterCurrent {
                current_from: open.valid_from,
                requested_from: valid_from,
            });
        }
        Ok(CostChange {
            close_from: open.valid_from,
            close_at: valid_from,
            opened: CostPeriod {
                cost,
                valid_from,
                valid_to: None,
            },
        })
    }

    /// The history after `change` is applied.
    pub fn apply(mut self, change: CostChange) -> Self {
        if let Some(open) = self.0.last_mut() {
            open.valid_to = Some(change.close_at);
        }
        self.0.push(change.opened);
        self
    }
}

fn check_cost(cost: Money, currency: Currency) -> Result<(), ServiceError> {
    if cost.currency() != currency {
        return Err(ServiceError::WrongCurrency {
            expected: currency,
            given: cost.currency(),
        });
    }
    if !cost.is_positive() {
        return Err(ServiceError::NonPositiveCost(cost));
    }
    Ok(())
}

/// A catalogue entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: ServiceId,
    pub authority_id: AuthorityId,
    pub code: ServiceCode,
    pub names: LocalizedText,
    pub category: ServiceCategory,
    pub unit: Unit,
    pub costs: CostHistory,
    /// Bumped on every change; clients send it back in `If-Match` to avoid lost updates.
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A validated request to add a service to an authority's catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewService {
    pub authority_id: AuthorityId,
    pub code: ServiceCode,
    pub names: LocalizedText,
    pub category: ServiceCategory,
    pub unit: Unit,
    /// The normative cost of one unit, checked against the authority's currency when stored.
    pub cost: Money,
    pub cost_from: Date,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Rub)
    }

    #[test]
    fn service_codes_are_normalised_and_checked() {
        assert_eq!(
            ServiceCode::parse(" home-care.h1 ").unwrap().as_str(),
            "HOME-CARE.H1"
        );
        for bad in ["", "A", "-AB", "ДОМ", "A B", &"X".repeat(33)] {
            assert!(ServiceCode::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn categories_and_units_parse_from_their_names() {
        for category in ServiceCategory::ALL {
            assert_eq!(category.as_str().parse::<ServiceCategory>(), Ok(*category));
        }
        let err = "taxi".parse::<Unit>().unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown unit \"taxi\": use one of hour, visit")
        );
    }

    #[test]
    fn a_cost_change_closes_the_open_period_and_keeps_the_past() {
        let history = CostHistory::starting(rub(45_000), date(2026, 1, 1), Currency::Rub).unwrap();
        let change = history
            .change(rub(48_000), date(2026, 7, 1), Currency::Rub)
            .unwrap();
        let history = history.apply(change);
        assert_eq!(history.periods().len(), 2);
        assert_eq!(history.on(date(2026, 6, 30)).unwrap().cost, rub(45_000));
        assert_eq!(history.on(date(2026, 7, 1)).unwrap().cost, rub(48_000));
        assert_eq!(history.on(date(2030, 1, 1)).unwrap().cost, rub(48_000));
        assert!(history.on(date(2025, 12, 31)).is_none());
    }

    #[test]
    fn a_cost_change_cannot_rewrite_the_past_or_mix_currencies() {
        let history = CostHistory::starting(rub(45_000), date(2026, 3, 1), Currency::Rub).unwrap();
        assert_eq!(
            history.change(rub(1), date(2026, 3, 1), Currency::Rub),
            Err(ServiceError::PeriodNotAfterCurrent {
                current_from: date(2026, 3, 1),
                requested_from: date(2026, 3, 1)
            })
        );
        assert!(matches!(
            history.change(
                Money::from_minor(100, Currency::Uah),
                date(2026, 4, 1),
                Currency::Rub
            ),
            Err(ServiceError::WrongCurrency { .. })
        ));
        assert!(matches!(
            history.change(rub(0), date(2026, 4, 1), Currency::Rub),
            Err(ServiceError::NonPositiveCost(_))
        ));
    }
}
