//! The provider registry's rules: legal forms, the admission state machine of a provider in an
//! authority, and what a recipient pays when an offer costs more than the normative.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Money, MoneyError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    State,
    Municipal,
    Ngo,
    Business,
    IndividualEntrepreneur,
}

impl LegalForm {
    pub const ALL: [LegalForm; 5] = [
        LegalForm::State,
        LegalForm::Municipal,
        LegalForm::Ngo,
        LegalForm::Business,
        LegalForm::IndividualEntrepreneur,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            LegalForm::State => "state",
            LegalForm::Municipal => "municipal",
            LegalForm::Ngo => "ngo",
            LegalForm::Business => "business",
            LegalForm::IndividualEntrepreneur => "individual_entrepreneur",
        }
    }

    /// A person registered as an entrepreneur, rather than an organisation.
    pub const fn is_person(self) -> bool {
        matches!(self, LegalForm::IndividualEntrepreneur)
    }
}

impl fmt::Display for LegalForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LegalForm {
    type Err = RegistryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LegalForm::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| RegistryError::UnknownLegalForm(s.to_owned()))
    }
}

/// Where a provider stands with one authority (DESIGN.md section 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdmissionStatus {
    Applied,
    UnderReview,
    Admitted,
    Rejected,
    Suspended,
    Excluded,
}

/// What an officer (or the provider) does to an admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdmissionEvent {
    StartReview,
    Admit,
    Reject,
    Suspend,
    Reinstate,
    Exclude,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    #[error(
        "unknown legal form {0:?}: use state, municipal, ngo, business or individual_entrepreneur"
    )]
    UnknownLegalForm(String),
    #[error("unknown admission status {0:?}")]
    UnknownStatus(String),
    #[error("cannot {event} an admission that is {from}")]
    IllegalTransition {
        from: AdmissionStatus,
        event: AdmissionEvent,
    },
    #[error("say why: {event} needs a reason the provider will see")]
    ReasonRequired { event: AdmissionEvent },
    #[error("the price must be more than zero")]
    NonPositivePrice,
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl AdmissionStatus {
    pub const ALL: [AdmissionStatus; 6] = [
        AdmissionStatus::Applied,
        AdmissionStatus::UnderReview,
        AdmissionStatus::Admitted,
        AdmissionStatus::Rejected,
        AdmissionStatus::Suspended,
        AdmissionStatus::Excluded,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            AdmissionStatus::Applied => "applied",
            AdmissionStatus::UnderReview => "under_review",
            AdmissionStatus::Admitted => "admitted",
            AdmissionStatus::Rejected => "rejected",
            AdmissionStatus::Suspended => "suspended",
            AdmissionStatus::Excluded => "excluded",
        }
    }

    /// Only admitted providers appear in the public registry and can take enrollments.
    pub const fn is_public(self) -> bool {
        matches!(self, AdmissionStatus::Admitted)
    }

    /// The state after `event`, or why it cannot happen. Rejection, suspension and exclusion
    /// need a reason: the provider sees it, and recipients are told.
    pub fn apply(self, event: AdmissionEvent, reason: Option<&str>) -> Result<Self, RegistryError> {
        use AdmissionEvent as E;
        use AdmissionStatus as S;
        let next = match (self, event) {
            (S::Applied, E::StartReview) => S::UnderReview,
            (S::Applied | S::UnderReview, E::Admit) => S::Admitted,
            (S::Applied | S::UnderReview, E::Reject) => S::Rejected,
            (S::Admitted, E::Suspend) => S::Suspended,
            (S::Suspended, E::Reinstate) => S::Admitted,
            (S::Admitted | S::Suspended, E::Exclude) => S::Excluded,
            (from, event) => return Err(RegistryError::IllegalTransition { from, event }),
        };
        let needs_reason = matches!(event, E::Reject | E::Suspend | E::Exclude);
        if needs_reason && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(RegistryError::ReasonRequired { event });
        }
        Ok(next)
    }
}

impl fmt::Display for AdmissionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AdmissionStatus {
    type Err = RegistryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AdmissionStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| RegistryError::UnknownStatus(s.to_owned()))
    }
}

impl AdmissionEvent {
    pub const fn as_str(self) -> &'static str {
        match self {
            AdmissionEvent::StartReview => "start_review",
            AdmissionEvent::Admit => "admit",
            AdmissionEvent::Reject => "reject",
            AdmissionEvent::Suspend => "suspend",
            AdmissionEvent::Reinstate => "reinstate",
            AdmissionEvent::Exclude => "exclude",
        }
    }
}

impl fmt::Display for AdmissionEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the price of one unit splits between the certificate and the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceBreakdown {
    pub price: Money,
    /// Paid from the certificate: the price, up to the normative cost.
    pub covered: Money,
    /// Paid by the recipient, by agreement: what the price exceeds the normative by.
    pub copay: Money,
}

/// Entitled recipients get the service free up to the normative cost and may pay the rest by
/// agreement (Yugra's and Finland's rule, see DOMAIN-NOTES.md).
pub fn price_breakdown(price: Money, normative: Money) -> Result<PriceBreakdown, RegistryError> {
    if !price.is_positive() {
        return Err(RegistryError::NonPositivePrice);
    }
    let excess = price.checked_sub(normative)?;
    let (covered, copay) = if excess.is_positive() {
        (normative, excess)
    } else {
        (price, Money::zero(price.currency()))
    };
    Ok(PriceBreakdown {
        price,
        covered,
        copay,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use AdmissionEvent as E;
    use AdmissionStatus as S;

    #[test]
    fn the_admission_path_of_a_provider() {
        let reviewed = S::Applied.apply(E::StartReview, None).unwrap();
        let admitted = reviewed.apply(E::Admit, None).unwrap();
        assert!(admitted.is_public());
        let suspended = admitted.apply(E::Suspend, Some("licence expired")).unwrap();
        assert!(!suspended.is_public());
        assert_eq!(suspended.apply(E::Reinstate, None), Ok(S::Admitted));
        assert_eq!(suspended.apply(E::Exclude, Some("fraud")), Ok(S::Excluded));
    }

    #[test]
    fn illegal_transitions_and_missing_reasons_are_refused() {
        for (from, event) in [
            (S::Rejected, E::Admit),
            (S::Excluded, E::Reinstate),
            (S::Admitted, E::Admit),
            (S::Applied, E::Suspend),
            (S::UnderReview, E::StartReview),
        ] {
            assert_eq!(
                from.apply(event, Some("x")),
                Err(RegistryError::IllegalTransition { from, event })
            );
        }
        assert_eq!(
            S::UnderReview.apply(E::Reject, Some("  ")),
            Err(RegistryError::ReasonRequired { event: E::Reject })
        );
        assert_eq!(
            S::Admitted.apply(E::Exclude, None),
            Err(RegistryError::ReasonRequired { event: E::Exclude })
        );
    }

    #[test]
    fn only_the_part_above_the_normative_is_a_copayment() {
        let rub = |m| Money::from_minor(m, Currency::Rub);
        let within = price_breakdown(rub(25_000), rub(26_000)).unwrap();
        assert_eq!((within.covered, within.copay), (rub(25_000), rub(0)));
        let above = price_breakdown(rub(30_000), rub(26_000)).unwrap();
        assert_eq!((above.covered, above.copay), (rub(26_000), rub(4_000)));
        assert!(price_breakdown(rub(0), rub(1)).is_err());
        assert!(price_breakdown(rub(1), Money::from_minor(1, Currency::Uah)).is_err());
    }
}
