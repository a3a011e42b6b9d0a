//! Social certificates: the human-readable number, the status state machine (DESIGN.md section 4),
//! who is eligible for one under a program's rules, and the order a waitlist is served in.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use crate::taxid::is_separator;
use crate::{Date, Timestamp};

/// Why a certificate number, status change or category name was refused.
///
/// Messages never repeat a whole certificate number: it identifies a recipient's certificate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    #[error("the region code must be two digits, like 27")]
    BadRegion,
    #[error("the year must have four digits (1000 to 9999), got {0}")]
    BadYear(i16),
    #[error("the serial must have at most six digits (0 to 999999), got {0}")]
    BadSerial(u32),
    /// Too few or too many digits (separators are not counted).
    #[error(
        "a certificate number has 13 digits (region 2, year 4, serial 6, check digit 1), got {got}"
    )]
    WrongLength { got: usize },
    #[error(
        "a certificate number may contain only digits, spaces and dashes; {found:?} is not allowed"
    )]
    NotADigit { found: char },
    #[error("the check digit should be {expected}, not {found}: look for a mistyped digit")]
    WrongCheckDigit { expected: u8, found: u8 },
    #[error(
        "unknown certificate status {0:?}: use draft, issued, active, exhausted, expired or revoked"
    )]
    UnknownStatus(String),
    #[error("cannot {event} a certificate that is {from}")]
    IllegalTransition {
        from: CertificateStatus,
        event: CertificateEvent,
    },
    #[error("say why: {event} needs a reason the recipient will see")]
    ReasonRequired { event: CertificateEvent },
    #[error(
        "unknown recipient category {0:?}: use one of disability_group_1, disability_group_2, \
         disability_group_3, disabled_child, pensioner, large_family, maternity_leave, low_income, \
         veteran"
    )]
    UnknownCategory(String),
}

// ---------------------------------------------------------------------------------------------
// Number
// ---------------------------------------------------------------------------------------------

/// A certificate's number, printed `27-2026-000123-6`: region code (2 digits), year of issue
/// (4 digits), serial within the region and year (6 digits) and a check digit.
///
/// The check digit is the Luhn digit over the twelve digits before it, so any single mistyped digit
/// and almost any swap of two neighbouring digits (all but `09` <-> `90`) is caught when the number
/// is read back. `as_str` and serialization give the 13 digits, `Display` the printed form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CertificateNumber(String);

/// The Luhn check digit for `digits` (ASCII digits): doubling every second digit from the right,
/// starting with the rightmost, then the digit that brings the sum to a multiple of ten.
fn luhn_check_digit(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .map(|b| u32::from(b - b'0'))
        .enumerate()
        .map(|(i, d)| match (i % 2 == 0, d * 2) {
            (true, doubled) if doubled > 9 => doubled - 9,
            (true, doubled) => doubled,
            (false, _) => d,
        })
        .sum();
    // `sum % 10` is below 10, so the result fits in a u8.
    ((10 - sum % 10) % 10) as u8
}

impl CertificateNumber {
    const DIGITS: usize = 13;

    /// The number for `serial` in `region` and `year`, with its check digit.
    pub fn new(region: &str, year: i16, serial: u32) -> Result<Self, CertificateError> {
        if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CertificateError::BadRegion);
        }
        if !(1000..=9999).contains(&year) {
            return Err(CertificateError::BadYear(year));
        }
        if serial > 999_999 {
            return Err(CertificateError::BadSerial(serial));
        }
        let payload = format!("{region}{year:04}{serial:06}");
        let check = luhn_check_digit(&payload);
        Ok(Self(format!("{payload}{check}")))
    }

    /// Accepts `27-2026-000123-6`, `2720260001236` and other spacings with spaces or dashes.
    pub fn parse(input: &str) -> Result<Self, CertificateError> {
        let mut digits = String::with_capacity(Self::DIGITS);
        for c in input.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !is_separator(c) {
                return Err(CertificateError::NotADigit { found: c });
            }
        }
        if digits.len() != Self::DIGITS {
            return Err(CertificateError::WrongLength { got: digits.len() });
        }
        let (payload, found) = digits.split_at(Self::DIGITS - 1);
        let expected = luhn_check_digit(payload);
        let found = found.as_bytes()[0] - b'0';
        if found != expected {
            return Err(CertificateError::WrongCheckDigit { expected, found });
        }
        let year: i16 = payload[2..6].parse().unwrap_or_default();
        if year < 1000 {
            return Err(CertificateError::BadYear(year));
        }
        Ok(Self(digits))
    }

    /// The 13 digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-digit region code.
    pub fn region(&self) -> &str {
        &self.0[..2]
    }

    pub fn year(&self) -> i16 {
        self.0[2..6].parse().unwrap_or_default()
    }

    pub fn serial(&self) -> u32 {
        self.0[6..12].parse().unwrap_or_default()
    }

    pub fn check_digit(&self) -> u8 {
        self.0.as_bytes()[12] - b'0'
    }
}

impl fmt::Display for CertificateNumber {
    /// `RR-YYYY-SSSSSS-C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "{}-{}-{}-{}", &d[..2], &d[2..6], &d[6..12], &d[12..])
    }
}

impl FromStr for CertificateNumber {
    type Err = CertificateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for CertificateNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CertificateNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/// Where a certificate stands (DESIGN.md section 4):
/// `draft -> issued -> active -> (exhausted | expired | revoked)`, and an issued certificate that
/// was never activated can also expire or be revoked. `exhausted` is final unless value is added
/// (`top_up` brings it back to `active`); `expired` and `revoked` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateStatus {
    Draft,
    Issued,
    Active,
    Exhausted,
    Expired,
    Revoked,
}

/// What happens to a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateEvent {
    Issue,
    Activate,
    /// The balance reached zero.
    Exhaust,
    Expire,
    Revoke,
    /// Value was added to an exhausted certificate.
    TopUp,
}

impl CertificateStatus {
    pub const ALL: [CertificateStatus; 6] = [
        CertificateStatus::Draft,
        CertificateStatus::Issued,
        CertificateStatus::Active,
        CertificateStatus::Exhausted,
        CertificateStatus::Expired,
        CertificateStatus::Revoked,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            CertificateStatus::Draft => "draft",
            CertificateStatus::Issued => "issued",
            CertificateStatus::Active => "active",
            CertificateStatus::Exhausted => "exhausted",
            CertificateStatus::Expired => "expired",
            CertificateStatus::Revoked => "revoked",
        }
    }

    /// Only an active certificate can pay for enrollments.
    pub const fn is_spendable(self) -> bool {
        matches!(self, CertificateStatus::Active)
    }

    /// The state after `event`, or why it cannot happen. Revocation needs a reason: the recipient
    /// sees it.
    pub fn apply(
        self,
        event: CertificateEvent,
        reason: Option<&str>,
    ) -> Result<Self, CertificateError> {
        use CertificateEvent as E;
        use CertificateStatus as S;
        let next = match (self, event) {
            (S::Draft, E::Issue) => S::Issued,
            (S::Issued, E::Activate) => S::Active,
            (S::Active, E::Exhaust) => S::Exhausted,
            (S::Issued | S::Active, E::Expire) => S::Expired,
            (S::Issued | S::Active, E::Revoke) => S::Revoked,
            (S::Exhausted, E::TopUp) => S::Active,
            (from, event) => return Err(CertificateError::IllegalTransition { from, event }),
        };
        if event == E::Revoke && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(CertificateError::ReasonRequired { event });
        }
        Ok(next)
    }
}

impl fmt::Display for CertificateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CertificateStatus {
    type Err = CertificateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CertificateStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| CertificateError::UnknownStatus(s.to_owned()))
    }
}

impl CertificateEvent {
    pub const ALL: [CertificateEvent; 6] = [
        CertificateEvent::Issue,
        CertificateEvent::Activate,
        CertificateEvent::Exhaust,
        CertificateEvent::Expire,
        CertificateEvent::Revoke,
        CertificateEvent::TopUp,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            CertificateEvent::Issue => "issue",
            CertificateEvent::Activate => "activate",
            CertificateEvent::Exhaust => "exhaust",
            CertificateEvent::Expire => "expire",
            CertificateEvent::Revoke => "revoke",
            CertificateEvent::TopUp => "top_up",
        }
    }
}

impl fmt::Display for CertificateEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------

/// A category that entitles a person to programs, proven by a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientCategory {
    #[serde(rename = "disability_group_1")]
    DisabilityGroup1,
    #[serde(rename = "disability_group_2")]
    DisabilityGroup2,
    #[serde(rename = "disability_group_3")]
    DisabilityGroup3,
    DisabledChild,
    Pensioner,
    LargeFamily,
    MaternityLeave,
    LowIncome,
    Veteran,
}

impl RecipientCategory {
    pub const ALL: [RecipientCategory; 9] = [
        RecipientCategory::DisabilityGroup1,
        RecipientCategory::DisabilityGroup2,
        RecipientCategory::DisabilityGroup3,
        RecipientCategory::DisabledChild,
        RecipientCategory::Pensioner,
        RecipientCategory::LargeFamily,
        RecipientCategory::MaternityLeave,
        RecipientCategory::LowIncome,
        RecipientCategory::Veteran,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RecipientCategory::DisabilityGroup1 => "disability_group_1",
            RecipientCategory::DisabilityGroup2 => "disability_group_2",
            RecipientCategory::DisabilityGroup3 => "disability_group_3",
            RecipientCategory::DisabledChild => "disabled_child",
            RecipientCategory::Pensioner => "pensioner",
            RecipientCategory::LargeFamily => "large_family",
            RecipientCategory::MaternityLeave => "maternity_leave",
            RecipientCategory::LowIncome => "low_income",
            RecipientCategory::Veteran => "veteran",
        }
    }
}

impl fmt::Display for RecipientCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RecipientCategory {
    type Err = CertificateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RecipientCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| CertificateError::UnknownCategory(s.to_owned()))
    }
}

/// A category a person holds, until `valid_to` inclusive (`None`: without end date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEvidence {
    pub category: RecipientCategory,
    pub valid_to: Option<Date>,
}

impl CategoryEvidence {
    /// Evidence counts on `on` if it has no end date or ends on `on` or later.
    pub fn is_valid_on(&self, on: Date) -> bool {
        self.valid_to.is_none_or(|to| to >= on)
    }
}

/// What eligibility looks at in a recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub birth_date: Date,
    /// Compared exactly with the rules' list: use the same codes (for example OKTMO) on both sides.
    pub municipality: String,
    pub categories: Vec<CategoryEvidence>,
}

/// A program's eligibility rules (DESIGN.md section 3: age range, categories, income test,
/// residence). The default admits everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityRules {
    /// In full years, inclusive.
    pub min_age: Option<u8>,
    /// In full years, inclusive: `max_age: Some(17)` admits a person until their 18th birthday.
    pub max_age: Option<u8>,
    /// Where the person must live; empty admits any municipality.
    pub municipalities: Vec<String>,
    /// The person must hold at least one of these, valid on the day; empty requires none.
    pub required_any_category: Vec<RecipientCategory>,
    /// The person must hold `low_income` evidence valid on the day.
    pub low_income_required: bool,
}

/// One failed eligibility rule, with what a recipient or officer needs to understand it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Refusal {
    TooYoung {
        age: i16,
        min: u8,
    },
    TooOld {
        age: i16,
        max: u8,
    },
    /// `municipality` is where the person lives.
    WrongMunicipality {
        municipality: String,
    },
    /// The person holds none of `needed`, not even expired.
    MissingCategory {
        needed: Vec<RecipientCategory>,
    },
    /// The person held a needed category, but its evidence ended before the day (the latest one
    /// when several did).
    CategoryExpired {
        category: RecipientCategory,
        valid_to: Date,
    },
    LowIncomeRequired,
}

impl Refusal {
    /// The key of the message in the translation files.
    pub const fn message_key(&self) -> &'static str {
        match self {
            Refusal::TooYoung { .. } => "refusal-too-young",
            Refusal::TooOld { .. } => "refusal-too-old",
            Refusal::WrongMunicipality { .. } => "refusal-wrong-municipality",
            Refusal::MissingCategory { .. } => "refusal-missing-category",
            Refusal::CategoryExpired { .. } => "refusal-category-expired",
            Refusal::LowIncomeRequired => "refusal-low-income-required",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::TooYoung { age, min } => {
                write!(f, "the program starts at age {min}; the person is {age}")
            }
            Refusal::TooOld { age, max } => {
                write!(f, "the program ends at age {max}; the person is {age}")
            }
            Refusal::WrongMunicipality { municipality } => write!(
                f,
                "the program does not cover {municipality:?}, where the person lives"
            ),
            Refusal::MissingCategory { needed } => {
                f.write_str("the program needs proof of one of these categories: ")?;
                for (i, category) in needed.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(category.as_str())?;
                }
                Ok(())
            }
            Refusal::CategoryExpired { category, valid_to } => write!(
                f,
                "the proof of {category} ended on {valid_to}: bring a current document"
            ),
            Refusal::LowIncomeRequired => {
                f.write_str("the program needs current proof of low income")
            }
        }
    }
}

/// Age in full years on `on`; negative if `birth_date` is after `on`.
///
/// A birthday counts from its own day: born 2010-03-15, a person is 15 on 2026-03-14 and 16 on
/// 2026-03-15. Someone born on 29 February turns a year older on 1 March in non-leap years (the
/// day after 28 February), never on 28 February. This is a deliberate choice, tested below; if a
/// program's legal basis counts otherwise, this is the one function to change.
pub fn age_on(birth_date: Date, on: Date) -> i16 {
    let years = on.year() - birth_date.year();
    let birthday_to_come = (on.month(), on.day()) < (birth_date.month(), birth_date.day());
    if birthday_to_come { years - 1 } else { years }
}

/// Whether `person` may get a certificate under `rules` on `on`, or every rule they fail, in the
/// order age, municipality, category, income.
pub fn check(rules: &EligibilityRules, person: &Person, on: Date) -> Result<(), Vec<Refusal>> {
    let mut refusals = Vec::new();

    let age = age_on(person.birth_date, on);
    if let Some(min) = rules.min_age
        && age < i16::from(min)
    {
        refusals.push(Refusal::TooYoung { age, min });
    }
    if let Some(max) = rules.max_age
        && age > i16::from(max)
    {
        refusals.push(Refusal::TooOld { age, max });
    }

    if !rules.municipalities.is_empty() && !rules.municipalities.contains(&person.municipality) {
        refusals.push(Refusal::WrongMunicipality {
            municipality: person.municipality.clone(),
        });
    }

    if !rules.required_any_category.is_empty() {
        let matching = || {
            person
                .categories
                .iter()
                .filter(|e| rules.required_any_category.contains(&e.category))
        };
        if !matching().any(|e| e.is_valid_on(on)) {
            let latest_expired = matching()
                .filter_map(|e| e.valid_to.map(|to| (to, e.category)))
                .max_by_key(|(to, _)| *to);
            refusals.push(match latest_expired {
                Some((valid_to, category)) => Refusal::CategoryExpired { category, valid_to },
                None => Refusal::MissingCategory {
                    needed: rules.required_any_category.clone(),
                },
            });
        }
    }

    if rules.low_income_required
        && !person
            .categories
            .iter()
            .any(|e| e.category == RecipientCategory::LowIncome && e.is_valid_on(on))
    {
        refusals.push(Refusal::LowIncomeRequired);
    }

    if refusals.is_empty() {
        Ok(())
    } else {
        Err(refusals)
    }
}

// ---------------------------------------------------------------------------------------------
// Waitlist
// ---------------------------------------------------------------------------------------------

/// A recipient waiting for a certificate or a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitlistEntry {
    /// The recipient belongs to a priority category of the program.
    pub priority: bool,
    pub requested_at: Timestamp,
    pub id: Uuid,
}

/// The order a waitlist is served in (DESIGN.md section 3): priority categories first, then the
/// earlier request, then the id, so that two requests in the same microsecond still have one
/// fixed order. Use with `sort_by(waitlist_order)`.
pub fn waitlist_order(a: &WaitlistEntry, b: &WaitlistEntry) -> Ordering {
    b.priority
        .cmp(&a.priority)
        .then_with(|| a.requested_at.cmp(&b.requested_at))
        .then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use CertificateEvent as E;
    use CertificateStatus as S;
    use jiff::civil::date;
    use proptest::prelude::*;

    // --- number ---------------------------------------------------------------------------

    #[test]
    fn a_number_is_printed_with_dashes_and_stored_as_digits() {
        let number = CertificateNumber::new("27", 2026, 123).unwrap();
        // 272026000123: Luhn sum 24, so the check digit is 6.
        assert_eq!(number.to_string(), "27-2026-000123-6");
        assert_eq!(number.as_str(), "2720260001236");
        assert_eq!(
            (number.region(), number.year(), number.serial()),
            ("27", 2026, 123)
        );
        assert_eq!(number.check_digit(), 6);
        for written in [
            "27-2026-000123-6",
            "2720260001236",
            "27 2026 000123 6",
            " 27-2026 000123-6 ",
            "27\u{2013}2026\u{2013}000123\u{2013}6",
        ] {
            assert_eq!(
                CertificateNumber::parse(written).as_ref(),
                Ok(&number),
                "{written:?}"
            );
        }
        assert_eq!("27-2026-000123-6".parse(), Ok(number.clone()));
        let json = serde_json::to_string(&number).unwrap();
        assert_eq!(json, "\"2720260001236\"");
        assert_eq!(
            serde_json::from_str::<CertificateNumber>(&json).unwrap(),
            number
        );
        assert!(serde_json::from_str::<CertificateNumber>("\"2720260001234\"").is_err());
    }

    #[test]
    fn luhn_matches_known_numbers() {
        // The classic examples: 7992739871 -> 3, and a test card number 4111 1111 1111 111 -> 1.
        assert_eq!(luhn_check_digit("7992739871"), 3);
        assert_eq!(luhn_check_digit("411111111111111"), 1);
        assert_eq!(luhn_check_digit("000000000000"), 0);
    }

    #[test]
    fn a_wrong_check_digit_names_the_expected_one() {
        let err = CertificateNumber::parse("27-2026-000123-4").unwrap_err();
        assert_eq!(
            err,
            CertificateError::WrongCheckDigit {
                expected: 6,
                found: 4
            }
        );
        assert_eq!(
            err.to_string(),
            "the check digit should be 6, not 4: look for a mistyped digit"
        );
    }

    #[test]
    fn malformed_numbers_are_refused_with_a_reason() {
        use CertificateError as Er;
        assert_eq!(
            CertificateNumber::parse("27-2026-00123-6"),
            Err(Er::WrongLength { got: 12 })
        );
        assert_eq!(
            CertificateNumber::parse(""),
            Err(Er::WrongLength { got: 0 })
        );
        assert_eq!(
            CertificateNumber::parse("27/2026/000123/6"),
            Err(Er::NotADigit { found: '/' })
        );
        assert_eq!(
            CertificateNumber::parse("27-2026-000l23-6"),
            Err(Er::NotADigit { found: 'l' })
        );
        // A valid check digit does not make year 0999 a year of issue.
        let old = CertificateNumber::new("27", 1000, 0).unwrap();
        let payload = "270999000000";
        let forged = format!("{payload}{}", luhn_check_digit(payload));
        assert_eq!(CertificateNumber::parse(&forged), Err(Er::BadYear(999)));
        assert_eq!(old.year(), 1000);

        assert_eq!(CertificateNumber::new("7", 2026, 1), Err(Er::BadRegion));
        assert_eq!(CertificateNumber::new("127", 2026, 1), Err(Er::BadRegion));
        assert_eq!(CertificateNumber::new("2a", 2026, 1), Err(Er::BadRegion));
        assert_eq!(CertificateNumber::new("27", 999, 1), Err(Er::BadYear(999)));
        assert_eq!(
            CertificateNumber::new("27", -2026, 1),
            Err(Er::BadYear(-2026))
        );
        assert_eq!(
            CertificateNumber::new("27", 2026, 1_000_000),
            Err(Er::BadSerial(1_000_000))
        );
        assert!(CertificateNumber::new("00", 9999, 999_999).is_ok());
    }

    proptest! {
        #[test]
        fn numbers_round_trip_and_every_single_digit_error_is_caught(
            region in 0u8..=99,
            year in 1000i16..=9999,
            serial in 0u32..=999_999,
            position in 0usize..13,
            shift in 1u8..=9,
        ) {
            let region = format!("{region:02}");
            let number = CertificateNumber::new(&region, year, serial).unwrap();
            prop_assert_eq!(CertificateNumber::parse(&number.to_string()), Ok(number.clone()));
            prop_assert_eq!(CertificateNumber::parse(number.as_str()), Ok(number.clone()));
            prop_assert_eq!(
                (number.region(), number.year(), number.serial()),
                (region.as_str(), year, serial)
            );

            let mut digits = number.as_str().as_bytes().to_vec();
            digits[position] = b'0' + (digits[position] - b'0' + shift) % 10;
            let changed = String::from_utf8(digits).unwrap();
            let refused = matches!(
                CertificateNumber::parse(&changed),
                Err(CertificateError::WrongCheckDigit { .. } | CertificateError::BadYear(_))
            );
            prop_assert!(refused, "{} accepted", changed);
        }

        #[test]
        fn swapping_neighbours_is_caught_except_09_and_90(
            serial in 0u32..=999_999,
            position in 0usize..12,
        ) {
            let number = CertificateNumber::new("27", 2026, serial).unwrap();
            let mut digits = number.as_str().as_bytes().to_vec();
            let (a, b) = (digits[position], digits[position + 1]);
            if a == b || matches!((a, b), (b'0', b'9') | (b'9', b'0')) {
                // Nothing changes, or the one swap Luhn cannot see.
                return Ok(());
            }
            digits.swap(position, position + 1);
            let swapped = String::from_utf8(digits).unwrap();
            prop_assert!(CertificateNumber::parse(&swapped).is_err(), "{} accepted", swapped);
        }
    }

    // --- status ---------------------------------------------------------------------------

    /// Every legal transition; all other (status, event) pairs must be refused.
    const LEGAL: [(S, E, S); 8] = [
        (S::Draft, E::Issue, S::Issued),
        (S::Issued, E::Activate, S::Active),
        (S::Issued, E::Expire, S::Expired),
        (S::Issued, E::Revoke, S::Revoked),
        (S::Active, E::Exhaust, S::Exhausted),
        (S::Active, E::Expire, S::Expired),
        (S::Active, E::Revoke, S::Revoked),
        (S::Exhausted, E::TopUp, S::Active),
    ];

    fn legal(from: S, event: E) -> Option<S> {
        LEGAL
            .iter()
            .find(|(f, e, _)| (*f, *e) == (from, event))
            .map(|(_, _, to)| *to)
    }

    #[test]
    fn every_pair_of_status_and_event() {
        let mut allowed = 0;
        for from in S::ALL {
            for event in E::ALL {
                let got = from.apply(event, Some("duplicate certificate"));
                match legal(from, event) {
                    Some(to) => {
                        allowed += 1;
                        assert_eq!(got, Ok(to), "{from} --{event}-->");
                    }
                    None => {
                        assert_eq!(
                            got,
                            Err(CertificateError::IllegalTransition { from, event }),
                            "{from} --{event}--> should be refused"
                        );
                        // Even with no reason, an illegal step is reported as illegal.
                        assert_eq!(
                            from.apply(event, None),
                            Err(CertificateError::IllegalTransition { from, event })
                        );
                    }
                }
            }
        }
        assert_eq!(allowed, LEGAL.len());
    }

    #[test]
    fn only_revocation_needs_a_reason() {
        for (from, event, to) in LEGAL {
            let without = from.apply(event, None);
            let blank = from.apply(event, Some(" \t"));
            if event == E::Revoke {
                let refused = Err(CertificateError::ReasonRequired { event });
                assert_eq!(without, refused.clone());
                assert_eq!(blank, refused);
            } else {
                assert_eq!(without, Ok(to));
                assert_eq!(blank, Ok(to));
            }
        }
        assert_eq!(
            CertificateError::ReasonRequired { event: E::Revoke }.to_string(),
            "say why: revoke needs a reason the recipient will see"
        );
        assert_eq!(
            S::Exhausted
                .apply(E::Activate, None)
                .unwrap_err()
                .to_string(),
            "cannot activate a certificate that is exhausted"
        );
    }

    #[test]
    fn a_certificate_lifetime_and_only_active_is_spendable() {
        let issued = S::Draft.apply(E::Issue, None).unwrap();
        let active = issued.apply(E::Activate, None).unwrap();
        let exhausted = active.apply(E::Exhaust, None).unwrap();
        let topped_up = exhausted.apply(E::TopUp, None).unwrap();
        assert_eq!(topped_up, S::Active);
        let revoked = topped_up.apply(E::Revoke, Some("moved away")).unwrap();
        assert_eq!(revoked, S::Revoked);
        for status in S::ALL {
            assert_eq!(status.is_spendable(), status == S::Active, "{status}");
        }
    }

    #[test]
    fn names_round_trip() {
        for status in S::ALL {
            assert_eq!(status.as_str().parse(), Ok(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{status}\"")
            );
        }
        for event in E::ALL {
            assert_eq!(
                serde_json::to_string(&event).unwrap(),
                format!("\"{event}\"")
            );
        }
        assert_eq!(
            "Active".parse::<S>(),
            Err(CertificateError::UnknownStatus("Active".into()))
        );
        for category in RecipientCategory::ALL {
            assert_eq!(category.as_str().parse(), Ok(category));
            assert_eq!(
                serde_json::to_string(&category).unwrap(),
                format!("\"{category}\"")
            );
        }
        assert!("disability_group_4".parse::<RecipientCategory>().is_err());
    }

    proptest! {
        #[test]
        fn expired_and_revoked_are_final(events in prop::collection::vec(0usize..6, 0..20)) {
            let mut status = S::Draft;
            for i in events {
                let event = E::ALL[i];
                match status.apply(event, Some("reason")) {
                    Ok(next) => {
                        prop_assert!(!matches!(status, S::Expired | S::Revoked));
                        prop_assert_eq!(Some(next), legal(status, event));
                        status = next;
                    }
                    Err(_) => prop_assert_eq!(legal(status, event), None),
                }
            }
        }
    }

    // --- eligibility ----------------------------------------------------------------------

    fn person(birth_date: Date) -> Person {
        Person {
            birth_date,
            municipality: "khabarovsk".into(),
            categories: Vec::new(),
        }
    }

    fn evidence(category: RecipientCategory, valid_to: Option<Date>) -> CategoryEvidence {
        CategoryEvidence { category, valid_to }
    }

    #[test]
    fn age_counts_full_years_from_the_birthday_itself() {
        let born = date(2010, 3, 15);
        assert_eq!(age_on(born, date(2026, 3, 14)), 15);
        assert_eq!(age_on(born, date(2026, 3, 15)), 16);
        assert_eq!(age_on(born, date(2026, 3, 16)), 16);
        assert_eq!(age_on(born, born), 0);
        assert_eq!(age_on(born, date(2010, 3, 14)), -1);
        assert_eq!(age_on(date(2010, 12, 31), date(2011, 1, 1)), 0);
    }

    #[test]
    fn born_on_29_february_a_year_older_on_1_march_in_other_years() {
        let born = date(2008, 2, 29);
        assert_eq!(age_on(born, date(2026, 2, 28)), 17);
        assert_eq!(age_on(born, date(2026, 3, 1)), 18);
        // In leap years the birthday itself counts.
        assert_eq!(age_on(born, date(2028, 2, 28)), 19);
        assert_eq!(age_on(born, date(2028, 2, 29)), 20);
    }

    #[test]
    fn age_limits_are_inclusive_to_the_day() {
        let rules = EligibilityRules {
            min_age: Some(3),
            max_age: Some(17),
            ..EligibilityRules::default()
        };
        let born = date(2010, 3, 15);
        let kid = person(born);
        // Turns 3 on 2013-03-15; 18 on 2028-03-15.
        assert_eq!(
            check(&rules, &kid, date(2013, 3, 14)),
            Err(vec![Refusal::TooYoung { age: 2, min: 3 }])
        );
        assert_eq!(check(&rules, &kid, date(2013, 3, 15)), Ok(()));
        assert_eq!(check(&rules, &kid, date(2028, 3, 14)), Ok(()));
        assert_eq!(
            check(&rules, &kid, date(2028, 3, 15)),
            Err(vec![Refusal::TooOld { age: 18, max: 17 }])
        );
        // Born on 29 February: still 17 on 28 February 2026, 18 on 1 March.
        let leapling = person(date(2008, 2, 29));
        assert_eq!(check(&rules, &leapling, date(2026, 2, 28)), Ok(()));
        assert_eq!(
            check(&rules, &leapling, date(2026, 3, 1)),
            Err(vec![Refusal::TooOld { age: 18, max: 17 }])
        );
        // No limits: everyone, even someone recorded as not yet born.
        assert_eq!(
            check(&EligibilityRules::default(), &kid, date(2000, 1, 1)),
            Ok(())
        );
    }

    #[test]
    fn municipality_must_be_listed_when_there_is_a_list() {
        let mut rules = EligibilityRules {
            municipalities: vec!["khabarovsk".into(), "amursk".into()],
            ..EligibilityRules::default()
        };
        let mut p = person(date(1980, 1, 1));
        assert_eq!(check(&rules, &p, date(2026, 1, 1)), Ok(()));
        p.municipality = "vanino".into();
        assert_eq!(
            check(&rules, &p, date(2026, 1, 1)),
            Err(vec![Refusal::WrongMunicipality {
                municipality: "vanino".into()
            }])
        );
        rules.municipalities.clear();
        assert_eq!(check(&rules, &p, date(2026, 1, 1)), Ok(()));
    }

    #[test]
    fn a_category_counts_until_its_last_day() {
        use RecipientCategory as C;
        let rules = EligibilityRules {
            required_any_category: vec![C::DisabilityGroup1, C::DisabledChild],
            ..EligibilityRules::default()
        };
        let on = date(2026, 6, 1);
        let mut p = person(date(2015, 1, 1));
        p.categories = vec![evidence(C::Pensioner, None)];
        assert_eq!(
            check(&rules, &p, on),
            Err(vec![Refusal::MissingCategory {
                needed: vec![C::DisabilityGroup1, C::DisabledChild]
            }])
        );

        p.categories.push(evidence(C::DisabledChild, Some(on)));
        assert_eq!(check(&rules, &p, on), Ok(()), "valid through its last day");

        let day_before = on.yesterday().unwrap();
        p.categories[1].valid_to = Some(day_before);
        assert_eq!(
            check(&rules, &p, on),
            Err(vec![Refusal::CategoryExpired {
                category: C::DisabledChild,
                valid_to: day_before
            }])
        );

        // Several expired: the latest is named.
        p.categories
            .push(evidence(C::DisabilityGroup1, Some(date(2020, 1, 1))));
        assert_eq!(
            check(&rules, &p, on),
            Err(vec![Refusal::CategoryExpired {
                category: C::DisabledChild,
                valid_to: day_before
            }])
        );

        // One current matching evidence is enough, whatever else expired.
        p.categories.push(evidence(C::DisabilityGroup1, None));
        assert_eq!(check(&rules, &p, on), Ok(()));
    }

    #[test]
    fn low_income_needs_current_evidence() {
        let rules = EligibilityRules {
            low_income_required: true,
            ..EligibilityRules::default()
        };
        let on = date(2026, 6, 1);
        let mut p = person(date(1990, 5, 5));
        assert_eq!(check(&rules, &p, on), Err(vec![Refusal::LowIncomeRequired]));
        p.categories = vec![evidence(
            RecipientCategory::LowIncome,
            Some(date(2026, 5, 31)),
        )];
        assert_eq!(check(&rules, &p, on), Err(vec![Refusal::LowIncomeRequired]));
        p.categories[0].valid_to = Some(date(2026, 12, 31));
        assert_eq!(check(&rules, &p, on), Ok(()));
    }

    #[test]
    fn every_failed_rule_is_reported_at_once() {
        use RecipientCategory as C;
        let rules = EligibilityRules {
            min_age: Some(18),
            max_age: None,
            municipalities: vec!["khabarovsk".into()],
            required_any_category: vec![C::Veteran],
            low_income_required: true,
        };
        let p = Person {
            birth_date: date(2012, 7, 1),
            municipality: "komsomolsk".into(),
            categories: vec![
                evidence(C::Veteran, Some(date(2025, 12, 31))),
                evidence(C::LowIncome, Some(date(2025, 12, 31))),
            ],
        };
        let refusals = check(&rules, &p, date(2026, 1, 15)).unwrap_err();
        assert_eq!(
            refusals,
            vec![
                Refusal::TooYoung { age: 13, min: 18 },
                Refusal::WrongMunicipality {
                    municipality: "komsomolsk".into()
                },
                Refusal::CategoryExpired {
                    category: C::Veteran,
                    valid_to: date(2025, 12, 31)
                },
                Refusal::LowIncomeRequired,
            ]
        );
        let keys: Vec<_> = refusals.iter().map(Refusal::message_key).collect();
        assert_eq!(
            keys,
            [
                "refusal-too-young",
                "refusal-wrong-municipality",
                "refusal-category-expired",
                "refusal-low-income-required"
            ]
        );
        let messages: Vec<_> = refusals.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "the program starts at age 18; the person is 13",
                "the program does not cover \"komsomolsk\", where the person lives",
                "the proof of veteran ended on 2025-12-31: bring a current document",
                "the program needs current proof of low income",
            ]
        );
    }

    #[test]
    fn every_refusal_has_its_own_key_and_message() {
        use RecipientCategory as C;
        let all = [
            Refusal::TooYoung { age: 2, min: 3 },
            Refusal::TooOld { age: 18, max: 17 },
            Refusal::WrongMunicipality {
                municipality: "x".into(),
            },
            Refusal::MissingCategory {
                needed: vec![C::Pensioner, C::LargeFamily],
            },
            Refusal::CategoryExpired {
                category: C::Pensioner,
                valid_to: date(2025, 1, 1),
            },
            Refusal::LowIncomeRequired,
        ];
        let mut keys: Vec<_> = all.iter().map(Refusal::message_key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        assert!(keys.iter().all(|k| k.starts_with("refusal-")));
        assert_eq!(
            all[1].to_string(),
            "the program ends at age 17; the person is 18"
        );
        assert_eq!(
            all[3].to_string(),
            "the program needs proof of one of these categories: pensioner, large_family"
        );
        assert_eq!(
            serde_json::to_value(&all[0]).unwrap(),
            serde_json::json!({"code": "too_young", "age": 2, "min": 3})
        );
    }

    proptest! {
        #[test]
        fn age_rises_by_one_exactly_on_the_birthday(
            birth in 0i32..(365 * 120),
            days_after in 0i32..(365 * 120),
        ) {
            let epoch = date(1900, 1, 1);
            let born = epoch.checked_add(jiff::Span::new().days(birth)).unwrap();
            let on = born.checked_add(jiff::Span::new().days(days_after)).unwrap();
            let next = on.tomorrow().unwrap();
            let (today, tomorrow) = (age_on(born, on), age_on(born, next));
            prop_assert!(today >= 0);
            let birthday = (next.month(), next.day()) == (born.month(), born.day())
                || (born.month() == 2 && born.day() == 29 && !next.in_leap_year()
                    && (next.month(), next.day()) == (3, 1));
            prop_assert_eq!(tomorrow - today, i16::from(birthday), "{} on {}", born, next);
        }
    }

    // --- waitlist -------------------------------------------------------------------------

    fn entry() -> impl Strategy<Value = WaitlistEntry> {
        // Few distinct times and ids, so ties on each key are common.
        (any::<bool>(), 0i64..5, 0u128..5).prop_map(|(priority, second, id)| WaitlistEntry {
            priority,
            requested_at: Timestamp::from_second(1_770_000_000 + second).unwrap(),
            id: Uuid::from_u128(id),
        })
    }

    #[test]
    fn priority_first_then_time_then_id() {
        let at = |s: i64| Timestamp::from_second(1_770_000_000 + s).unwrap();
        let e = |priority, s, id| WaitlistEntry {
            priority,
            requested_at: at(s),
            id: Uuid::from_u128(id),
        };
        let mut list = vec![e(false, 1, 1), e(true, 9, 2), e(false, 1, 0), e(true, 3, 7)];
        list.sort_by(waitlist_order);
        assert_eq!(
            list,
            vec![e(true, 3, 7), e(true, 9, 2), e(false, 1, 0), e(false, 1, 1)]
        );
    }

    proptest! {
        #[test]
        fn waitlist_order_is_a_total_order(a in entry(), b in entry(), c in entry()) {
            prop_assert_eq!(waitlist_order(&a, &b), waitlist_order(&b, &a).reverse());
            prop_assert_eq!(waitlist_order(&a, &b) == Ordering::Equal, a == b);
            if waitlist_order(&a, &b).is_le() && waitlist_order(&b, &c).is_le() {
                prop_assert!(waitlist_order(&a, &c).is_le());
            }
        }

        #[test]
        fn a_sorted_waitlist_follows_the_rules(mut list in prop::collection::vec(entry(), 0..30)) {
            list.sort_by(waitlist_order);
            for pair in list.windows(2) {
                let (first, second) = (&pair[0], &pair[1]);
                prop_assert!(first.priority >= second.priority);
                if first.priority == second.priority {
                    prop_assert!(first.requested_at <= second.requested_at);
                    if first.requested_at == second.requested_at {
                        prop_assert!(first.id <= second.id);
                    }
                }
            }
        }
    }
}
