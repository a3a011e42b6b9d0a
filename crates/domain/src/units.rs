//! Volumes of service: whole units (hours, visits, trips, days, lessons, courses) as counted in a
//! certificate, an enrollment or a delivery record. Never negative, never fractional.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnitsError {
    #[error("a volume cannot be negative, got {0}")]
    Negative(i64),
    #[error("the volume is too large")]
    Overflow,
    #[error("only {available} left, {requested} asked for")]
    NotEnough { available: i64, requested: i64 },
}

/// A non-negative count of service units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Units(i64);

impl Units {
    pub const ZERO: Units = Units(0);

    pub fn new(count: i64) -> Result<Self, UnitsError> {
        if count < 0 {
            Err(UnitsError::Negative(count))
        } else {
            Ok(Self(count))
        }
    }

    pub const fn count(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Units) -> Result<Units, UnitsError> {
        self.0
            .checked_add(other.0)
            .map(Units)
            .ok_or(UnitsError::Overflow)
    }

    /// What is left after taking `other`; refuses to go below zero.
    pub fn checked_sub(self, other: Units) -> Result<Units, UnitsError> {
        if other.0 > self.0 {
            return Err(UnitsError::NotEnough {
                available: self.0,
                requested: other.0,
            });
        }
        Ok(Units(self.0 - other.0))
    }

    /// Human form with the unit, e.g. `40 hour`.
    pub fn with_unit(self, unit: Unit) -> String {
        format!("{} {}", self.0, unit)
    }
}

impl TryFrom<i64> for Units {
    type Error = UnitsError;

    fn try_from(count: i64) -> Result<Self, Self::Error> {
        Units::new(count)
    }
}

impl From<Units> for i64 {
    fn from(units: Units) -> i64 {
        units.0
    }
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn volumes_are_whole_and_never_negative() {
        assert_eq!(Units::new(-1), Err(UnitsError::Negative(-1)));
        let forty = Units::new(40).unwrap();
        let eighteen = Units::new(18).unwrap();
        assert_eq!(forty.checked_sub(eighteen).unwrap().count(), 22);
        assert_eq!(
            eighteen.checked_sub(forty),
            Err(UnitsError::NotEnough {
                available: 18,
                requested: 40
            })
        );
        assert_eq!(
            Units::new(i64::MAX)
                .unwrap()
                .checked_add(Units::new(1).unwrap()),
            Err(UnitsError::Overflow)
        );
        assert_eq!(forty.with_unit(Unit::Hour), "40 hour");
        assert!(serde_json::from_str::<Units>("-5").is_err());
    }

    proptest! {
        #[test]
        fn taking_then_returning_restores_the_volume(a in 0i64..1_000_000, b in 0i64..1_000_000) {
            let (a, b) = (Units::new(a).unwrap(), Units::new(b).unwrap());
            match a.checked_sub(b) {
                Ok(rest) => prop_assert_eq!(rest.checked_add(b).unwrap(), a),
                Err(_) => prop_assert!(b > a),
            }
        }
    }
}
