//! Programs and recipients (DESIGN.md section 3): what an authority offers, to whom, and what each
//! certificate is worth.
//!
//! A program turns a budget into entitlements: its rules say who is eligible
//! ([`crate::certificate::check`]), its quota caps the number of certificates, and its template
//! says what one certificate is worth and for how long. Everything here is pure; storage counts the
//! quota and moves the money in one transaction.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::certificate::{CategoryEvidence, EligibilityRules, Person, RecipientCategory};
use crate::{Country, Date, LocalizedText, Money, Rnokpp, ServiceId, Snils, TaxIdError, Units};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    #[error("the program ends ({ends}) before it starts ({starts})")]
    EndsBeforeStart { starts: Date, ends: Date },
    #[error("a program covers at least one service")]
    NoServices,
    #[error("the certificate template's service is not one the program covers")]
    TemplateServiceNotCovered,
    #[error("a certificate is valid for 1 to 60 months, got {0}")]
    BadValidity(u8),
    #[error("a certificate's value must be above zero")]
    ZeroValue,
    #[error("the quota must be at least 1 certificate")]
    ZeroQuota,
    #[error("the minimum age {min} is above the maximum age {max}")]
    AgeRange { min: u8, max: u8 },
    #[error("the service has no normative cost on {0}; set one in the catalogue first")]
    NoNormative(Date),
    #[error("the recipient has no need assessment for this service valid on {0}")]
    NoAssessment(Date),
    #[error("the value is too large")]
    Overflow,
    #[error("the program is not running on {0}")]
    NotRunning(Date),
}

/// What one certificate of a program is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateValue {
    /// A sum of money (the PFDO "nominal").
    Money { amount: Money },
    /// A number of units of one service, reserved at that service's normative cost on the issue
    /// date (e.g. 20 social-taxi trips).
    Units { service: ServiceId, units: Units },
    /// The recipient's assessed monthly need for one service, for every month of validity (e.g.
    /// home care 40 hours/month for 12 months), at the normative cost on the issue date.
    Assessed { service: ServiceId },
}

impl TemplateValue {
    pub fn service(&self) -> Option<ServiceId> {
        match self {
            TemplateValue::Money { .. } => None,
            TemplateValue::Units { service, .. } | TemplateValue::Assessed { service } => {
                Some(*service)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateTemplate {
    pub value: TemplateValue,
    /// Months from the issue date, cut at the program's end.
    pub validity_months: u8,
    /// A "certificate of account" (PFDO): it records the right and counts against the quota, but
    /// holds no money until an enrollment funds it from the program budget.
    pub of_account: bool,
}

/// A program as an officer defines it, checked by [`ProgramSpec::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramSpec {
    pub name: LocalizedText,
    pub services: Vec<ServiceId>,
    pub starts: Date,
    pub ends: Date,
    /// At most this many certificates are issued (revoked ones are not counted); `None`: only
    /// the budget limits.
    pub quota: Option<u32>,
    /// For certificates of account: at most this many may be funded at once.
    pub max_funded: Option<u32>,
    pub rules: EligibilityRules,
    /// Waitlisted people holding one of these (valid on the day) are served first.
    pub priority_categories: Vec<RecipientCategory>,
    pub template: CertificateTemplate,
}

impl ProgramSpec {
    pub fn validate(&self) -> Result<(), ProgramError> {
        if self.ends < self.starts {
            return Err(ProgramError::EndsBeforeStart {
                starts: self.starts,
                ends: self.ends,
            });
        }
        if self.services.is_empty() {
            return Err(ProgramError::NoServices);
        }
        if let Some(service) = self.template.value.service()
            && !self.services.contains(&service)
        {
            return Err(ProgramError::TemplateServiceNotCovered);
        }
        if !(1..=60).contains(&self.template.validity_months) {
            return Err(ProgramError::BadValidity(self.template.validity_months));
        }
        match &self.template.value {
            TemplateValue::Money { amount } if amount.minor() <= 0 => {
                return Err(ProgramError::ZeroValue);
            }
            TemplateValue::Units { units, .. } if units.count() == 0 => {
                return Err(ProgramError::ZeroValue);
            }
            _ => {}
        }
        if self.quota == Some(0) || self.max_funded == Some(0) {
            return Err(ProgramError::ZeroQuota);
        }
        if let (Some(min), Some(max)) = (self.rules.min_age, self.rules.max_age)
            && min > max
        {
            return Err(ProgramError::AgeRange { min, max });
        }
        Ok(())
    }

    /// The days a certificate issued on `issued` is valid: from that day for the template's
    /// months (the day before the same date N months later), but never past the program's end.
    pub fn validity(&self, issued: Date) -> Result<(Date, Date), ProgramError> {
        if issued < self.starts || issued > self.ends {
            return Err(ProgramError::NotRunning(issued));
        }
        let months = jiff::Span::new().months(i64::from(self.template.validity_months));
        let until = issued
            .checked_add(months)
            .and_then(|d| d.yesterday())
            .map_err(|_| ProgramError::Overflow)?;
        Ok((issued, until.min(self.ends)))
    }

    /// Whether `person` is served first from the waitlist on `on`.
    pub fn is_priority(&self, person: &Person, on: Date) -> bool {
        person
            .categories
            .iter()
            .any(|e| self.priority_categories.contains(&e.category) && e.is_valid_on(on))
    }
}

/// What a certificate is worth when issued: the money reserved from the budget and, for
/// certificates in units, the units it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuedValue {
    pub money: Money,
    pub units: Option<Units>,
}

/// The value of a certificate under `template` issued on `issued` with validity `(from, to)`.
///
/// `normative` is the template service's normative cost per unit on the issue date and
/// `assessed_per_month` the recipient's assessed monthly volume of it (only read by the templates
/// that need them). A certificate of account is worth nothing until an enrollment funds it.
pub fn certificate_value(
    template: &CertificateTemplate,
    validity: (Date, Date),
    normative: Option<Money>,
    assessed_per_month: Option<Units>,
    currency: crate::Currency,
) -> Result<IssuedValue, ProgramError> {
    let (from, to) = validity;
    let priced = |units: Units| -> Result<IssuedValue, ProgramError> {
        let cost = normative.ok_or(ProgramError::NoNormative(from))?;
        let money = cost
            .checked_mul(units.count())
            .map_err(|_| ProgramError::Overflow)?;
        Ok(IssuedValue {
            money,
            units: Some(units),
        })
    };
    let value = match &template.value {
        TemplateValue::Money { amount } => IssuedValue {
            money: *amount,
            units: None,
        },
        TemplateValue::Units { units, .. } => priced(*units)?,
        TemplateValue::Assessed { .. } => {
            let per_month = assessed_per_month.ok_or(ProgramError::NoAssessment(from))?;
            let months = months_touched(from, to);
            let units = per_month
                .count()
                .checked_mul(months)
                .and_then(|n| Units::new(n).ok())
                .ok_or(ProgramError::Overflow)?;
            priced(units)?
        }
    };
    if template.of_account {
        return Ok(IssuedValue {
            money: Money::from_minor(0, currency),
            units: value.units,
        });
    }
    if value.money.minor() <= 0 {
        return Err(ProgramError::ZeroValue);
    }
    Ok(value)
}

/// Calendar months a validity period touches, counting partial months whole: a need assessed
/// "per month" is served in every month the certificate is valid in.
fn months_touched(from: Date, to: Date) -> i64 {
    let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
    (months(to) - months(from) + 1).max(0)
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecipientError {
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} may have at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error(transparent)]
    NationalId(#[from] TaxIdError),
    #[error("the birth date {0} is in the future")]
    BornInFuture(Date),
    #[error("unknown relation {0:?}: use parent, guardian or trustee")]
    UnknownRelation(String),
    #[error("the assessment ends ({to}) before it starts ({from})")]
    AssessmentDates { from: Date, to: Date },
    #[error("an assessed volume must be above zero")]
    ZeroVolume,
}

/// A person's national id: SNILS in Russia, RNOKPP in Ukraine, checksum-validated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NationalId {
    Snils(Snils),
    Rnokpp(Rnokpp),
}

impl NationalId {
    /// The national id of a person in `country`.
    pub fn parse(country: Country, input: &str) -> Result<Self, TaxIdError> {
        Ok(match country {
            Country::Russia => NationalId::Snils(Snils::parse(input)?),
            Country::Ukraine => NationalId::Rnokpp(Rnokpp::parse(input)?),
        })
    }

    pub fn kind(&self) -> &'static str {
        match self {
            NationalId::Snils(_) => "snils",
            NationalId::Rnokpp(_) => "rnokpp",
        }
    }

    /// The digits, as stored.
    pub fn digits(&self) -> &str {
        match self {
            NationalId::Snils(id) => id.as_str(),
            NationalId::Rnokpp(id) => id.as_str(),
        }
    }

    /// The last three digits only, for lists and logs where the whole number is not needed.
    pub fn masked(&self) -> String {
        mask_digits(self.digits())
    }
}

/// `*******595`: every digit but the last three hidden.
pub fn mask_digits(digits: &str) -> String {
    let keep = digits.len().saturating_sub(3);
    digits
        .char_indices()
        .map(|(i, c)| if i < keep { '*' } else { c })
        .collect()
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NationalId::Snils(id) => id.fmt(f),
            NationalId::Rnokpp(id) => f.write_str(id.as_str()),
        }
    }
}

/// Trims `value`, requires it (unless `optional`) and bounds its length.
pub fn text_field(
    field: &'static str,
    value: &str,
    max: usize,
    optional: bool,
) -> Result<String, RecipientError> {
    let value = value.trim();
    if value.is_empty() && !optional {
        return Err(RecipientError::Required { field });
    }
    if value.chars().count() > max {
        return Err(RecipientError::TooLong { field, max });
    }
    Ok(value.to_owned())
}

/// A person's full name. The middle name (patronymic) may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName {
    pub last: String,
    pub first: String,
    pub middle: String,
}

impl PersonName {
    pub fn new(last: &str, first: &str, middle: &str) -> Result<Self, RecipientError> {
        Ok(Self {
            last: text_field("last_name", last, 100, false)?,
            first: text_field("first_name", first, 100, false)?,
            middle: text_field("middle_name", middle, 100, true)?,
        })
    }

    /// Case-insensitive comparison key: the same person typed in another case is the same name.
    pub fn key(&self) -> String {
        format!("{} {} {}", self.last, self.first, self.middle)
            .to_lowercase()
            .replace('ё', "е")
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.last, self.first)?;
        if !self.middle.is_empty() {
            write!(f, " {}", self.middle)?;
        }
        Ok(())
    }
}

/// A recipient as entered by an officer or read from a bulk file, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipient {
    pub name: PersonName,
    pub birth_date: Date,
    pub national_id: NationalId,
    /// Municipality code (e.g. OKTMO), compared exactly with programs' residence rules.
    pub municipality: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub categories: Vec<CategoryEvidence>,
}

impl NewRecipient {
    /// What eligibility looks at.
    pub fn person(&self) -> Person {
        Person {
            birth_date: self.birth_date,
            municipality: self.municipality.clone(),
            categories: self.categories.clone(),
        }
    }
}

/// Who may act for a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Parent,
    Guardian,
    Trustee,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Parent, Relation::Guardian, Relation::Trustee];

    pub const fn as_str(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::Guardian => "guardian",
            Relation::Trustee => "trustee",
        }
    }
}

impl FromStr for Relation {
    type Err = RecipientError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Relation::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| RecipientError::UnknownRelation(s.to_owned()))
    }
}

/// Checks a need assessment's period and volume.
pub fn check_assessment(from: Date, to: Date, per_month: Units) -> Result<(), RecipientError> {
    if to < from {
        return Err(RecipientError::AssessmentDates { from, to });
    }
    if per_month.count() == 0 {
        return Err(RecipientError::ZeroVolume);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use jiff::civil::date;

    fn spec(value: TemplateValue) -> ProgramSpec {
        ProgramSpec {
            name: LocalizedText::new("Уход", "Догляд", "Home care").unwrap(),
            services: vec![ServiceId::from_uuid(uuid::Uuid::nil())],
            starts: date(2026, 1, 1),
            ends: date(2026, 12, 31),
            quota: Some(100),
            max_funded: None,
            rules: EligibilityRules::default(),
            priority_categories: vec![RecipientCategory::DisabilityGroup1],
            template: CertificateTemplate {
                value,
                validity_months: 12,
                of_account: false,
            },
        }
    }

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor, Currency::Rub)
    }

    #[test]
    fn validity_runs_whole_months_but_stops_at_the_programs_end() {
        let program = spec(TemplateValue::Money { amount: rub(100) });
        assert_eq!(
            program.validity(date(2026, 1, 1)).unwrap(),
            (date(2026, 1, 1), date(2026, 12, 31))
        );
        assert_eq!(
            program.validity(date(2026, 3, 15)).unwrap(),
            (date(2026, 3, 15), date(2026, 12, 31))
        );
        let mut short = program.clone();
        short.template.validity_months = 1;
        assert_eq!(
            short.validity(date(2026, 1, 31)).unwrap(),
            (date(2026, 1, 31), date(2026, 2, 27))
        );
        assert_eq!(
            program.validity(date(2027, 1, 1)),
            Err(ProgramError::NotRunning(date(2027, 1, 1)))
        );
    }

    #[test]
    fn a_certificate_in_units_is_reserved_at_the_normative_cost() {
        let service = ServiceId::from_uuid(uuid::Uuid::nil());
        let program = spec(TemplateValue::Units {
            service,
            units: Units::new(20).unwrap(),
        });
        let validity = program.validity(date(2026, 2, 1)).unwrap();
        let value = certificate_value(
            &program.template,
            validity,
            Some(rub(45_000)),
            None,
            Currency::Rub,
        )
        .unwrap();
        assert_eq!(value.money, rub(900_000));
        assert_eq!(value.units, Some(Units::new(20).unwrap()));
        assert_eq!(
            certificate_value(&program.template, validity, None, None, Currency::Rub),
            Err(ProgramError::NoNormative(date(2026, 2, 1)))
        );
    }

    #[test]
    fn an_assessed_need_counts_every_month_the_certificate_touches() {
        let service = ServiceId::from_uuid(uuid::Uuid::nil());
        let program = spec(TemplateValue::Assessed { service });
        // 15 March to 31 December: ten calendar months at 40 hours.
        let validity = program.validity(date(2026, 3, 15)).unwrap();
        let value = certificate_value(
            &program.template,
            validity,
            Some(rub(30_000)),
            Some(Units::new(40).unwrap()),
            Currency::Rub,
        )
        .unwrap();
        assert_eq!(value.units, Some(Units::new(400).unwrap()));
        assert_eq!(value.money, rub(12_000_000));
        assert_eq!(
            certificate_value(
                &program.template,
                validity,
                Some(rub(1)),
                None,
                Currency::Rub
            ),
            Err(ProgramError::NoAssessment(date(2026, 3, 15)))
        );
    }

    #[test]
    fn a_certificate_of_account_holds_no_money() {
        let mut program = spec(TemplateValue::Money {
            amount: rub(5_000_000),
        });
        program.template.of_account = true;
        let validity = program.validity(date(2026, 9, 1)).unwrap();
        let value =
            certificate_value(&program.template, validity, None, None, Currency::Rub).unwrap();
        assert_eq!(value.money, rub(0));
    }

    #[test]
    fn inconsistent_programs_are_refused() {
        let service = ServiceId::from_uuid(uuid::Uuid::nil());
        let mut program = spec(TemplateValue::Money { amount: rub(0) });
        assert_eq!(program.validate(), Err(ProgramError::ZeroValue));
        program.template.value = TemplateValue::Units {
            service: ServiceId::from_uuid(uuid::Uuid::max()),
            units: Units::new(1).unwrap(),
        };
        assert_eq!(
            program.validate(),
            Err(ProgramError::TemplateServiceNotCovered)
        );
        program.template.value = TemplateValue::Assessed { service };
        program.ends = date(2025, 1, 1);
        assert!(matches!(
            program.validate(),
            Err(ProgramError::EndsBeforeStart { .. })
        ));
        program.ends = date(2026, 12, 31);
        program.rules.min_age = Some(18);
        program.rules.max_age = Some(7);
        assert_eq!(
            program.validate(),
            Err(ProgramError::AgeRange { min: 18, max: 7 })
        );
        program.rules.max_age = None;
        program.template.validity_months = 0;
        assert_eq!(program.validate(), Err(ProgramError::BadValidity(0)));
        program.template.validity_months = 6;
        assert_eq!(program.validate(), Ok(()));
    }

    #[test]
    fn priority_needs_current_evidence() {
        let program = spec(TemplateValue::Money { amount: rub(1) });
        let mut person = Person {
            birth_date: date(1950, 5, 5),
            municipality: "08701000".into(),
            categories: vec![CategoryEvidence {
                category: RecipientCategory::DisabilityGroup1,
                valid_to: Some(date(2026, 6, 30)),
            }],
        };
        assert!(program.is_priority(&person, date(2026, 6, 30)));
        assert!(!program.is_priority(&person, date(2026, 7, 1)));
        person.categories[0].category = RecipientCategory::Pensioner;
        assert!(!program.is_priority(&person, date(2026, 6, 30)));
    }

    #[test]
    fn national_ids_follow_the_country_and_are_masked_for_display() {
        let snils = NationalId::parse(Country::Russia, "112-233-445 95").unwrap();
        assert_eq!(snils.kind(), "snils");
        assert_eq!(snils.digits(), "11223344595");
        assert_eq!(snils.masked(), "********595");
        assert!(NationalId::parse(Country::Russia, "112-233-445 96").is_err());
        assert!(NationalId::parse(Country::Ukraine, "11223344595").is_err());
    }

    #[test]
    fn names_are_trimmed_and_compared_without_case() {
        let a = PersonName::new(" Иванова ", "Мария", "Петровна").unwrap();
        let b = PersonName::new("ИВАНОВА", "мария", "петровна").unwrap();
        assert_eq!(a.key(), b.key());
        assert_eq!(a.to_string(), "Иванова Мария Петровна");
        assert_eq!(
            PersonName::new("", "Мария", ""),
            Err(RecipientError::Required { field: "last_name" })
        );
        let c = PersonName::new("Семёнова", "Анна", "").unwrap();
        let d = PersonName::new("Семенова", "Анна", "").unwrap();
        assert_eq!(c.key(), d.key());
    }
}
