//! National identifiers of organisations and people: Russian INN, OGRN, OGRNIP and SNILS, Ukrainian
//! EDRPOU and RNOKPP.
//!
//! Parse, don't validate: `Inn::parse("7707 083 893")` either gives an `Inn` known to have the
//! right length and check digit, or a `TaxIdError` that tells the user what to fix. Parsing
//! accepts the way people write these numbers (spaces, dashes, SNILS as `112-233-445 95`) and
//! keeps only the digits; `as_str` and serialization give those digits, `Display` the usual printed
//! form.
//!
//! A passing check digit means the number is well-formed, not that it was ever issued.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Date;

/// Which identifier a value or an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxIdKind {
    Inn,
    Ogrn,
    Ogrnip,
    Snils,
    Edrpou,
    Rnokpp,
}

impl TaxIdKind {
    pub const ALL: [TaxIdKind; 6] = [
        TaxIdKind::Inn,
        TaxIdKind::Ogrn,
        TaxIdKind::Ogrnip,
        TaxIdKind::Snils,
        TaxIdKind::Edrpou,
        TaxIdKind::Rnokpp,
    ];

    /// The abbreviation users know the identifier by.
    pub const fn name(self) -> &'static str {
        match self {
            TaxIdKind::Inn => "INN",
            TaxIdKind::Ogrn => "OGRN",
            TaxIdKind::Ogrnip => "OGRNIP",
            TaxIdKind::Snils => "SNILS",
            TaxIdKind::Edrpou => "EDRPOU",
            TaxIdKind::Rnokpp => "RNOKPP",
        }
    }

    /// How many digits the identifier has, in words for error messages.
    pub const fn lengths(self) -> &'static str {
        match self {
            TaxIdKind::Inn => "10 or 12",
            TaxIdKind::Ogrn => "13",
            TaxIdKind::Ogrnip => "15",
            TaxIdKind::Snils => "11",
            TaxIdKind::Edrpou => "8",
            TaxIdKind::Rnokpp => "10",
        }
    }
}

impl fmt::Display for TaxIdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a string is not an identifier of the kind asked for.
///
/// Messages never repeat the number itself: errors end up in logs, and SNILS and RNOKPP are
/// personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxIdError {
    /// Too few or too many digits (separators are not counted).
    #[error("{kind} must have {} digits, got {got}", .kind.lengths())]
    WrongLength { kind: TaxIdKind, got: usize },
    /// A character that is neither a digit nor a separator (space or dash).
    #[error("{kind} may contain only digits, spaces and dashes; {found:?} is not allowed")]
    NotADigit { kind: TaxIdKind, found: char },
    /// The check digit(s) (SNILS: the control number) do not match the rest of the number.
    #[error(
        "{kind} {} should be {expected}, not {found}: look for a mistyped digit",
        check_noun(*.kind, .expected)
    )]
    WrongCheckDigit {
        kind: TaxIdKind,
        /// What the check digit(s) would be for the digits before them.
        expected: String,
        /// What the input has there.
        found: String,
    },
}

fn check_noun(kind: TaxIdKind, expected: &str) -> &'static str {
    match kind {
        TaxIdKind::Snils => "control number",
        _ if expected.len() > 1 => "check digits",
        _ => "check digit",
    }
}

/// The digits of `input`, skipping whitespace and dashes.
fn digits_of(kind: TaxIdKind, input: &str) -> Result<String, TaxIdError> {
    let mut digits = String::with_capacity(16);
    for c in input.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) {
            return Err(TaxIdError::NotADigit { kind, found: c });
        }
    }
    Ok(digits)
}

/// Whitespace (including the no-break spaces office software inserts) and the dashes and hyphens
/// people type or paste between digit groups.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn with_length(kind: TaxIdKind, digits: &str, len: usize) -> Result<(), TaxIdError> {
    if digits.len() == len {
        Ok(())
    } else {
        Err(TaxIdError::WrongLength {
            kind,
            got: digits.len(),
        })
    }
}

/// Accepts `digits` if it ends with `expected`.
fn checked(kind: TaxIdKind, digits: String, expected: String) -> Result<String, TaxIdError> {
    let found = &digits[digits.len() - expected.len()..];
    if found == expected {
        Ok(digits)
    } else {
        Err(TaxIdError::WrongCheckDigit {
            kind,
            found: found.to_owned(),
            expected,
        })
    }
}

fn digit_values(digits: &str) -> impl Iterator<Item = u32> + '_ {
    digits.bytes().map(|b| u32::from(b - b'0'))
}

fn weighted_sum(digits: &str, weights: &[u32]) -> u32 {
    digit_values(digits).zip(weights).map(|(d, w)| d * w).sum()
}

/// The number `digits` spell, modulo `m`, without ever forming the number (Horner's rule), so the
/// length of the prefix can never overflow. (A 14-digit OGRNIP prefix would also fit in a `u64`.)
fn number_mod(digits: &str, m: u64) -> u64 {
    digit_values(digits).fold(0, |r, d| (r * 10 + u64::from(d)) % m)
}

/// The number a short run of digits spells (at most 9 here, far from overflowing).
fn small_number(digits: &str) -> u64 {
    digit_values(digits).fold(0, |n, d| n * 10 + u64::from(d))
}

/// The INN check digit for the digits before it: 9 of them for a legal entity's INN; 10 and then 11
/// for the two check digits of an individual's INN.
fn inn_check_digit(digits: &str) -> u32 {
    // The three weight lists of the rule are the last 9, 10 and 11 entries of this one.
    const WEIGHTS: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    weighted_sum(digits, &WEIGHTS[WEIGHTS.len() - digits.len()..]) % 11 % 10
}

/// The expected check digit(s) of a 10- or 12-digit INN, as text.
fn inn_expected(digits: &str) -> String {
    if digits.len() == 10 {
        inn_check_digit(&digits[..9]).to_string()
    } else {
        let first = inn_check_digit(&digits[..10]);
        let second = inn_check_digit(&format!("{}{first}", &digits[..10]));
        format!("{first}{second}")
    }
}

/// OGRN: the last digit of (the first 12 digits as a number mod 11).
fn ogrn_check_digit(first12: &str) -> u64 {
    number_mod(first12, 11) % 10
}

/// OGRNIP: the last digit of (the first 14 digits as a number mod 13).
fn ogrnip_check_digit(first14: &str) -> u64 {
    number_mod(first14, 13) % 10
}

/// Numbers up to 001-001-998 are not checked.
const SNILS_LAST_UNCHECKED: u64 = 1_001_998;

/// The SNILS control number for the first nine digits, or `None` if the number is not checked.
fn snils_control(first9: &str) -> Option<u32> {
    if small_number(first9) <= SNILS_LAST_UNCHECKED {
        return None;
    }
    let mut sum = weighted_sum(first9, &[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    loop {
        match sum {
            0..=99 => return Some(sum),
            100 | 101 => return Some(0),
            _ => sum %= 101,
        }
    }
}

/// The EDRPOU check digit for the first seven digits.
///
/// The rule picks weights 1..7 for codes below 30000000 or above 60000000, and 7,1..6 for the
/// codes in between. Deciding by the first digit instead (7,1..6 when it is 3, 4 or 5) gives the
/// same weights for every code except 60000000 itself, which fails under both weight sets (its
/// check digit would be 6 or 9, not 0). So both readings accept exactly the same codes, and the
/// check digit depends on the first seven digits alone.
fn edrpou_check_digit(first7: &str) -> u32 {
    let weights: [u32; 7] = if matches!(first7.as_bytes().first(), Some(b'3'..=b'5')) {
        [7, 1, 2, 3, 4, 5, 6]
    } else {
        [1, 2, 3, 4, 5, 6, 7]
    };
    let remainder = weighted_sum(first7, &weights) % 11;
    if remainder < 10 {
        return remainder;
    }
    weighted_sum(first7, &weights.map(|w| w + 2)) % 11 % 10
}

/// The RNOKPP check digit for the first nine digits.
fn rnokpp_check_digit(first9: &str) -> u32 {
    const WEIGHTS: [i32; 9] = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
    let sum: i32 = first9
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| i32::from(b - b'0') * w)
        .sum();
    // The first weight is negative, so the sum can be negative (only in contrived numbers such as
    // 1000000000); take the remainder that is not negative, as python-stdnum does (Python's `%`).
    sum.rem_euclid(11).unsigned_abs() % 10
}

/// Everything the identifier types share: storage as canonical digits, `as_str`, `FromStr`, serde.
macro_rules! tax_id {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Which identifier this is.
            pub const KIND: TaxIdKind = $kind;

            /// The digits, without separators.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = TaxIdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// `Display` as the bare digits.
macro_rules! display_digits {
    ($($name:ident),+) => {
        $(impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        })+
    };
}

tax_id!(
    /// Russian taxpayer number (ИНН): 10 digits for a legal entity, 12 for an individual (including
    /// an individual entrepreneur), with one or two check digits.
    Inn,
    TaxIdKind::Inn
);
tax_id!(
    /// Russian primary state registration number of a legal entity (ОГРН): 13 digits.
    Ogrn,
    TaxIdKind::Ogrn
);
tax_id!(
    /// Russian primary state registration number of an individual entrepreneur (ОГРНИП): 15 digits.
    Ogrnip,
    TaxIdKind::Ogrnip
);
tax_id!(
    /// Russian individual insurance account number (СНИЛС): 9 digits and a 2-digit control number,
    /// printed `112-233-445 95`.
    Snils,
    TaxIdKind::Snils
);
tax_id!(
    /// Ukrainian code of an enterprise or organisation in the state register (код ЄДРПОУ):
    /// 8 digits.
    Edrpou,
    TaxIdKind::Edrpou
);
tax_id!(
    /// Ukrainian registration number of a taxpayer's account card (РНОКПП, formerly ІПН):
    /// 10 digits, the first five encoding the date of birth.
    Rnokpp,
    TaxIdKind::Rnokpp
);

display_digits!(Inn, Ogrn, Ogrnip, Edrpou, Rnokpp);

impl Inn {
    /// Accepts 10 or 12 digits with any spaces and dashes between them.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        if !matches!(digits.len(), 10 | 12) {
            return Err(TaxIdError::WrongLength {
                kind,
                got: digits.len(),
            });
        }
        let expected = inn_expected(&digits);
        checked(kind, digits, expected).map(Self)
    }

    /// A 10-digit INN belongs to a legal entity; a 12-digit one to an individual.
    pub fn is_legal_entity(&self) -> bool {
        self.0.len() == 10
    }
}

impl Ogrn {
    /// Accepts 13 digits with any spaces and dashes between them.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        with_length(kind, &digits, 13)?;
        let expected = ogrn_check_digit(&digits[..12]).to_string();
        checked(kind, digits, expected).map(Self)
    }
}

impl Ogrnip {
    /// Accepts 15 digits with any spaces and dashes between them.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        with_length(kind, &digits, 15)?;
        let expected = ogrnip_check_digit(&digits[..14]).to_string();
        checked(kind, digits, expected).map(Self)
    }
}

impl Snils {
    /// Accepts `112-233-445 95`, `11223344595` and other spacings. The control number is checked
    /// only for numbers above 001-001-998, as the Pension Fund rule says; below that any two
    /// digits pass.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        with_length(kind, &digits, 11)?;
        match snils_control(&digits[..9]) {
            Some(control) => checked(kind, digits, format!("{control:02}")).map(Self),
            None => Ok(Self(digits)),
        }
    }
}

impl fmt::Display for Snils {
    /// `XXX-XXX-XXX YY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "{}-{}-{} {}", &d[..3], &d[3..6], &d[6..9], &d[9..])
    }
}

impl Edrpou {
    /// Accepts 8 digits with any spaces and dashes between them.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        with_length(kind, &digits, 8)?;
        let expected = edrpou_check_digit(&digits[..7]).to_string();
        checked(kind, digits, expected).map(Self)
    }
}

impl Rnokpp {
    /// Accepts 10 digits with any spaces and dashes between them.
    pub fn parse(input: &str) -> Result<Self, TaxIdError> {
        let kind = Self::KIND;
        let digits = digits_of(kind, input)?;
        with_length(kind, &digits, 10)?;
        let expected = rnokpp_check_digit(&digits[..9]).to_string();
        checked(kind, digits, expected).map(Self)
    }

    /// The date of birth the number encodes: its first five digits count days since 1899-12-31.
    /// `None` if they are `00000`, which encodes no date.
    pub fn birth_date(&self) -> Option<Date> {
        let days = small_number(&self.0[..5]);
        if days == 0 {
            return None;
        }
        let span = jiff::Span::new().try_days(i64::try_from(days).ok()?).ok()?;
        jiff::civil::date(1899, 12, 31).checked_add(span).ok()
    }
}

#[cfg(test)]
mod tests {
    // Where the rules and the test numbers come from.
    //
    // Rules, as published in python-stdnum (github.com/arthurdejong/python-stdnum) and Wikipedia:
    // - INN: 10 digits for an organisation, 12 for an individual, the last one or two being check
    //   digits (the structure is set by the Federal Tax Service order on assigning INN of
    //   29.06.2012 № ММВ-7-6/435@); the weights 2,4,10,3,5,9,4,6,8 / 7,2,4,10,3,5,9,4,6,8 /
    //   3,7,2,4,10,3,5,9,4,6,8 and "sum mod 11 mod 10" as published in python-stdnum
    //   (`stdnum/ru/inn.py`) and Wikipedia (ru: «Идентификационный номер налогоплательщика»).
    // - OGRN: the 13th digit is the last digit of the remainder of the 12-digit number divided by
    //   11. OGRNIP: the 15th digit is the last digit of the remainder of the 14-digit number
    //   divided by 13. As published in python-stdnum (`stdnum/ru/ogrn.py`) and Wikipedia (ru:
    //   «Основной государственный регистрационный номер»). python-stdnum 2.2 takes the whole
    //   remainder for OGRNIP and so refuses remainders 10, 11 and 12, whose last digit this module
    //   accepts, as the published structure says.
    // - SNILS: weights 9..1; a sum below 100 is the control number, 100 and 101 give 00, a larger
    //   sum is taken mod 101 and the rule applied again; only numbers above 001-001-998 are
    //   checked. As published in Wikipedia (ru: «Страховой номер индивидуального лицевого
    //   счёта») and python-stdnum (`stdnum/ru/snils.py`, which gives the same control numbers but
    //   also checks the numbers up to 001-001-998).
    // - EDRPOU: the check-digit method (weights 1..7, or 7,1..6 between 30000000 and 60000000; a
    //   second pass with the weights plus 2 when the first leaves 10) as published in python-stdnum
    //   (`stdnum/ua/edrpou.py`) and Wikipedia (uk: «Код ЄДРПОУ»).
    // - RNOKPP: first five digits = days since 31.12.1899; check digit with weights
    //   -1,5,7,9,4,6,10,5,7, sum mod 11 mod 10, as published in python-stdnum
    //   (`stdnum/ua/rntrc.py`) and Wikipedia (uk: «Реєстраційний номер облікової картки платника
    //   податків»).
    //
    // Numbers of people (a 12-digit INN, OGRNIP, SNILS and RNOKPP) are personal data, and none here
    // is a real person's: every valid one is [G] or [D] below, never taken from a list of real
    // numbers, and none was looked up in a register. (Random digits of the right shape may match an
    // issued number by chance; such a match tells nothing about anyone.) Add new ones by extending
    // the [G] script, never by copying a number found somewhere.
    //
    // Valid numbers, every one also checked by a separate Python implementation of the rules
    // above, written from the rule texts and not from this module (and, where python-stdnum 2.2 has
    // the rule, by python-stdnum too):
    // - [P] legal entities, numbers as the organisations publish them (the names are attached from
    //   memory; the numbers themselves all pass the rules): Sberbank INN 7707083893 / OGRN
    //   1027700132195, Gazprom 7736050003 / 1027700070518, Yandex 7736207543 / 1027700229193, VTB
    //   7702070139 / 1027739609391, Gazprombank 7744001497 / 1027700167110, Alfa-Bank 7728168971 /
    //   1027700067328, MTS 7740000076, Rosneft 7706107510, Rostelecom 7707049388, T-Bank
    //   7710140679; in Ukraine the National Bank of Ukraine 00032106, Oshchadbank 00032129,
    //   PrivatBank 14360570, Ukrzaliznytsia 40075815, Ukrposhta 21560045, Naftogaz 20077720,
    //   Ukrenergo 00100227, Energoatom 24584661, Ukrtelecom 21560766.
    // - [S] legal entities from the python-stdnum test suite and docstrings (10-digit INN, OGRN,
    //   EDRPOU).
    // - [E] legal entities searched for to hit the edge case named next to them.
    // - [D] SNILS 112-233-445 95: the documentation sample used to explain the control number (its
    //   digits run 1 1 2 2 3 3 4 4 5), a made-up example and not a real person's number.
    // - [B] boundaries written by hand: 001-001-998 00 and the SNILS and RNOKPP numbers spelled out
    //   in the tests below (000-000-001 99, 0000000000, 1000000000, ...).
    // - [G] generated by this Python 3 script, in the order the tables and tests list them
    //   (12-digit INN, OGRNIP, SNILS, RNOKPP, then the RNOKPP of `rnokpp_gives_the_birth_date`
    //   and of `rnokpp_with_a_negative_weighted_sum_takes_the_non_negative_remainder`):
    //
    //     import random
    //     from datetime import date
    //     rng = random.Random(2026)
    //     def draw(n): return "".join(rng.choice("0123456789") for _ in range(n))
    //     def inn_check(d):
    //         w = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8][-len(d):]
    //         return str(sum(int(x) * y for x, y in zip(d, w)) % 11 % 10)
    //     def inn12(p): a = inn_check(p); return p + a + inn_check(p + a)
    //     def ogrnip(p): return p + str(int(p) % 13 % 10)
    //     def snils_sum(p): return sum(int(x) * (9 - i) for i, x in enumerate(p))
    //     def snils(p):
    //         s = snils_sum(p)
    //         while s > 101: s %= 101
    //         return p + ("00" if s >= 100 else f"{s:02}")
    //     W = (-1, 5, 7, 9, 4, 6, 10, 5, 7)
    //     def rnokpp(p): return p + str(sum(w * int(x) for w, x in zip(W, p)) % 11 % 10)
    //     inn = [inn12(draw(10)) for _ in range(10)]
    //     ogrnip_ = [ogrnip("3" + draw(13)) for _ in range(18)]
    //     for r in (10, 11, 12):  # remainders whose last digit is the check digit
    //         while int(p := "3" + draw(13)) % 13 != r: pass
    //         ogrnip_.append(ogrnip(p))
    //     snils_ = []
    //     while len(snils_) < 13:
    //         if int(p := draw(9)) > 1001998: snils_.append(snils(p))
    //     for s in (99, 100, 101, 102, 201, 202, 203):  # edge sums
    //         while snils_sum(p := draw(9)) != s or int(p) <= 1001998: pass
    //         snils_.append(snils(p))
    //     snils_.append(f"{rng.randint(0, 1001998):09}{rng.randint(0, 99):02}")  # not checked
    //     rnokpp_ = [rnokpp(draw(9)) for _ in range(24)]
    //     born = [date(1985, 3, 14), date(2000, 2, 29), date(1957, 10, 4), date(1900, 1, 1)]
    //     born = [rnokpp(f"{(d - date(1899, 12, 31)).days:05}" + draw(4)) for d in born]
    //     born.append(rnokpp("99999" + draw(4)))  # the last date five digits hold
    //     negative = []  # a first digit d and a single 1 where the weight is below d
    //     while len(negative) < 2:
    //         d, i = rng.randint(1, 9), rng.randrange(1, 9)
    //         if W[i] < d: negative.append(rnokpp(f"{d}{'0' * (i - 1)}1{'0' * (8 - i)}"))
    //
    // Invalid numbers: each valid one in the tables with one digit other than the check digit(s)
    // changed, by this script run over the tables in file order (`valid` being the separate Python
    // implementation of the rule, `n_check` 2 for a 12-digit INN and for SNILS, 1 otherwise):
    //
    //     rng = random.Random(7)
    //     for v in table:
    //         while True:
    //             i = rng.randrange(len(v) - n_check)
    //             v2 = v[:i] + rng.choice([c for c in "0123456789" if c != v[i]]) + v[i + 1:]
    //             if not valid(v2): break
    //
    // Also each valid one with its last digit changed (done in the tests below), wrong lengths,
    // and letters.

    use super::*;
    use proptest::prelude::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as ValueError, StrDeserializer};

    #[rustfmt::skip]
    const INN_VALID: &[&str] = &[
        // [P]
        "7707083893", "7736050003", "7736207543", "7702070139", "7744001497", "7728168971",
        "7740000076", "7706107510", "7707049388", "7710140679",
        // [S]
        "0108003670", "0273074555", "0279111370", "0716007984", "5190187770", "6223002330",
        "6440019934", "6672238301", "6903022126", "6908012650",
        // [G] individuals
        "158813998680", "987973091184", "417075364502", "568151884453", "729405576175",
        "698716897686", "846978809341", "208196727380", "177848648800", "766344002903",
    ];
    #[rustfmt::skip]
    const INN_ONE_DIGIT_CHANGED: &[&str] = &[
        "7707023893", "7736051003", "7936207543", "7502070139", "9744001497", "7720168971",
        "7640000076", "7706101510", "7701049388", "7710140669", "2108003670", "0270074555",
        "0279110370", "0710007984", "5190187720", "6223702330", "6490019934", "6472238301",
        "6903022136", "6308012650", "158811998680", "987973092184", "417075364002", "568151884353",
        "729405596175", "698716597686", "846978889341", "208194727380", "177248648800",
        "766144002903",
    ];

    #[rustfmt::skip]
    const OGRN_VALID: &[&str] = &[
        // [P]
        "1027700132195", "1027700070518", "1027700229193", "1027739609391", "1027700167110",
        "1027700067328",
        // [S]
        "1027739552642", "1137847171846", "1159102022738", "1022600000092", "1022500001930",
        "1022500001061", "1022500000566", "1022700000685", "1022500001325", "1027100000311",
        "1022500000786", "1024100000121", "1022400007508", "1022400000160", "1022400010005",
        "1022300001811", "1020500003919", "1022300003703", "1022300000502", "1022200531484",
        "1022200525819",
        // [E] remainder 10, so the check digit is 0
        "1027725898310",
    ];
    #[rustfmt::skip]
    const OGRN_ONE_DIGIT_CHANGED: &[&str] = &[
        "1027700135195", "1027700080518", "1027780229193", "1027139609391", "1927700167110",
        "1027703067328", "1027729552642", "1137847771846", "2159102022738", "1022600060092",
        "1022560001930", "1022500008061", "1022500008566", "1222700000685", "1022800001325",
        "1027100000321", "5022500000786", "1024100000821", "1022700007508", "1022400000660",
        "8022400010005", "1022330001811", "1020500001919", "1022300103703", "1025300000502",
        "1042200531484", "1022207525819", "1027725198310",
    ];

    #[rustfmt::skip]
    const OGRNIP_VALID: &[&str] = &[
        // [G]
        "378753477876800", "345717847267141", "375136270107983", "319331908452050",
        "399728379298411", "362294866283602", "316105500875472", "351779922983691",
        "357931860320809", "373702838222643", "368616425247764", "347258771884138",
        "330175682052580", "398319489394940", "382141621052188", "354914524410649",
        "360013041189556", "379906593976152",
        // [G] remainders 10, 11 and 12, whose last digit is the check digit
        "365908538012910", "352630976582801", "396775003145032",
    ];
    #[rustfmt::skip]
    const OGRNIP_ONE_DIGIT_CHANGED: &[&str] = &[
        "377753477876800", "345737847267141", "375136270107963", "319331908452090",
        "399778379298411", "362297866283602", "316305500875472", "321779922983691",
        "353931860320809", "373702838242643", "868616425247764", "347258771884128",
        "330145682052580", "398319989394940", "382146621052188", "359914524410649",
        "360013041089556", "379906583976152", "365908738012910", "352630676582801",
        "376775003145032",
    ];

    #[rustfmt::skip]
    const SNILS_VALID: &[&str] = &[
        // [D]
        "112-233-445 95",
        // [G]
        "784-951-838 74", "012-537-392 23", "419-689-821 46", "046-028-837 52", "555-597-475 52",
        "407-207-547 54", "354-864-390 14", "618-847-918 49", "895-755-521 84", "824-886-193 50",
        "073-368-828 92", "347-285-568 13", "983-298-222 65",
        // [G] weighted sums 99, 100, 101, 102, 201, 202, 203: controls 99, 00, 00, 01, 00, 00, 01
        "270-200-037 99", "134-123-213 00", "120-323-909 00", "112-812-115 01", "184-276-554 00",
        "315-883-654 00", "844-081-625 01",
        // not above 001-001-998, so not checked: [B] the last such number, and [G]
        "001-001-998 00", "000-162-461 66",
    ];
    #[rustfmt::skip]
    const SNILS_ONE_DIGIT_CHANGED: &[&str] = &[
        "11223304595", "78415183874", "01283739223", "41168982146", "04602083752", "50559747552",
        "40920754754", "36486439014", "11884791849", "89565552184", "82588619350", "07336582892",
        "34728551813", "97329822265", "27020008799", "13412325300", "13032390900", "16281211501",
        "18428655400", "31988365400", "34408162501", "00900199800", "90016246166",
    ];

    #[rustfmt::skip]
    const EDRPOU_VALID: &[&str] = &[
        // [P]
        "00032106", "00032129", "14360570", "40075815", "21560045", "20077720", "00100227",
        "24584661", "21560766",
        // [S], from 00131954 on the first pass leaves remainder 10 and the +2 weights decide
        "32855961", "00022438", "30327425", "39816845", "41399586", "00131954", "01072609",
        "30674235", "33124015", "35623077", "43808820", "40599600",
        // [E] above 60000000
        "75662291", "82110391", "80894342", "97537818", "75995957",
        // [E] both passes leave remainder 10, so the check digit is 0
        "07354860", "22781200", "30598710", "47732640",
    ];
    #[rustfmt::skip]
    const EDRPOU_ONE_DIGIT_CHANGED: &[&str] = &[
        "00232106", "00032529", "14366570", "46075815", "21560035", "20079720", "00100297",
        "24384661", "21564766", "32855931", "00022478", "30327325", "38816845", "41359586",
        "00131054", "51072609", "30644235", "36124015", "35663077", "43108820", "42599600",
        "78662291", "86110391", "88894342", "97530818", "75955957", "07354810", "22781220",
        "30538710", "47722640",
    ];

    #[rustfmt::skip]
    const RNOKPP_VALID: &[&str] = &[
        // [G]
        "7364220744", "6113215465", "3579165046", "7514805280", "7078525103", "0472344126",
        "1957415987", "24 97 00 50 20", "3460266494", "9618335630", "1917729586", "9731500022",
        "5461351095", "2887968193", "2800759560", "0886134956", "4337511887", "6594186747",
        "3608119439", "2645981628", "4696608648", "7762452409", "6166356296", "6646340414",
    ];
    #[rustfmt::skip]
    const RNOKPP_ONE_DIGIT_CHANGED: &[&str] = &[
        "7364226744", "6713215465", "3579165746", "7214805280", "7028525103", "3472344126",
        "1957415287", "2497005620", "3490266494", "9618335620", "0917729586", "9931500022",
        "5471351095", "2883968193", "5800759560", "0884134956", "4337511837", "6594146747",
        "3608119479", "2605981628", "4696688648", "7762452479", "6166356226", "6646340434",
    ];

    fn only_digits(s: &str) -> String {
        s.chars().filter(char::is_ascii_digit).collect()
    }

    /// `s` with its last digit replaced by the next one (9 becomes 0).
    fn bump_last_digit(s: &str) -> String {
        let mut digits = only_digits(s).into_bytes();
        if let Some(last) = digits.last_mut() {
            *last = b'0' + (*last - b'0' + 1) % 10;
        }
        String::from_utf8(digits).expect("ASCII digits")
    }

    fn text(digits: &[u8]) -> String {
        digits.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// Runs the table tests shared by every kind.
    macro_rules! table_tests {
        (
            $module:ident, $ty:ident, $valid:expr, $changed:expr,
            wrong_lengths: $lengths:expr, letters: $letters:expr
        ) => {
            mod $module {
                use super::*;

                #[test]
                fn valid_numbers_parse_to_their_digits() {
                    assert!($valid.len() >= 20);
                    for &number in $valid {
                        let id = $ty::parse(number).unwrap_or_else(|e| panic!("{number}: {e}"));
                        assert_eq!(id.as_str(), only_digits(number));
                        assert_eq!($ty::parse(&id.to_string()), Ok(id.clone()), "{number}");
                        assert_eq!(number.parse::<$ty>(), Ok(id.clone()));
                        assert_eq!(serialized(&id), id.as_str());
                        let input: StrDeserializer<'_, ValueError> = number.into_deserializer();
                        assert_eq!($ty::deserialize(input), Ok(id));
                    }
                }

                #[test]
                fn one_changed_digit_is_caught() {
                    assert!($changed.len() >= 20);
                    for &number in $changed {
                        assert!(
                            matches!(
                                $ty::parse(number),
                                Err(TaxIdError::WrongCheckDigit {
                                    kind: $ty::KIND,
                                    ..
                                })
                            ),
                            "{number} was accepted"
                        );
                    }
                }

                #[test]
                fn a_changed_last_digit_is_caught() {
                    for &number in $valid {
                        let digits = only_digits(number);
                        if $ty::KIND == TaxIdKind::Snils
                            && small_number(&digits[..9]) <= SNILS_LAST_UNCHECKED
                        {
                            continue;
                        }
                        let changed = bump_last_digit(number);
                        let err = $ty::parse(&changed).expect_err(&changed);
                        assert!(
                            matches!(
                                err,
                                TaxIdError::WrongCheckDigit {
                                    kind: $ty::KIND,
                                    ..
                                }
                            ),
                            "{changed}: {err}"
                        );
                    }
                }

                #[test]
                fn wrong_lengths_are_refused() {
                    for number in $lengths {
                        assert_eq!(
                            $ty::parse(number),
                            Err(TaxIdError::WrongLength {
                                kind: $ty::KIND,
                                got: only_digits(number).len()
                            }),
                            "{number}"
                        );
                    }
                }

                #[test]
                fn letters_are_refused() {
                    for (number, letter) in $letters {
                        assert_eq!(
                            $ty::parse(number),
                            Err(TaxIdError::NotADigit {
                                kind: $ty::KIND,
                                found: letter
                            }),
                            "{number}"
                        );
                    }
                }
            }
        };
    }

    table_tests!(inn, Inn, INN_VALID, INN_ONE_DIGIT_CHANGED,
        wrong_lengths: ["", "770708389", "77070838931", "7707083893000", "15881399868"],
        letters: [("77O7083893", 'O'), ("INN 7707083893", 'I'), ("7707083893.", '.')]);
    table_tests!(ogrn, Ogrn, OGRN_VALID, OGRN_ONE_DIGIT_CHANGED,
        wrong_lengths: ["102770013219", "10277001321955", "378753477876800"],
        letters: [("1027700132I95", 'I'), ("ОГРН 1027700132195", 'О')]);
    table_tests!(ogrnip, Ogrnip, OGRNIP_VALID, OGRNIP_ONE_DIGIT_CHANGED,
        wrong_lengths: ["1027700132195", "37875347787680", "3787534778768000"],
        letters: [("37875347787680x", 'x'), ("378/753477876800", '/')]);
    table_tests!(snils, Snils, SNILS_VALID, SNILS_ONE_DIGIT_CHANGED,
        wrong_lengths: ["112-233-445 9", "112-233-445 955", "112-233-445"],
        letters: [("112-233-445 9S", 'S'), ("112.233.445 95", '.')]);
    table_tests!(edrpou, Edrpou, EDRPOU_VALID, EDRPOU_ONE_DIGIT_CHANGED,
        wrong_lengths: ["0003210", "000321060", "32 855 96"],
        letters: [("OO032106", 'O'), ("3285596l", 'l')]);
    table_tests!(rnokpp, Rnokpp, RNOKPP_VALID, RNOKPP_ONE_DIGIT_CHANGED,
        wrong_lengths: ["736422074", "73642207440", "32855961"],
        letters: [("VV64220744", 'V'), ("7364220744+", '+')]);

    #[test]
    fn messages_name_the_identifier_and_say_what_to_fix() {
        let message = |r: Result<(), TaxIdError>| r.unwrap_err().to_string();
        assert_eq!(
            message(Inn::parse("770708389").map(drop)),
            "INN must have 10 or 12 digits, got 9"
        );
        assert_eq!(
            message(Ogrn::parse("378753477876800").map(drop)),
            "OGRN must have 13 digits, got 15"
        );
        assert_eq!(
            message(Inn::parse("77O7083893").map(drop)),
            "INN may contain only digits, spaces and dashes; 'O' is not allowed"
        );
        assert_eq!(
            message(Inn::parse("7707083894").map(drop)),
            "INN check digit should be 3, not 4: look for a mistyped digit"
        );
        assert_eq!(
            message(Inn::parse("158813998681").map(drop)),
            "INN check digits should be 80, not 81: look for a mistyped digit"
        );
        assert_eq!(
            message(Snils::parse("112-233-445 96").map(drop)),
            "SNILS control number should be 95, not 96: look for a mistyped digit"
        );
        assert_eq!(
            message(Edrpou::parse("32855968").map(drop)),
            "EDRPOU check digit should be 1, not 8: look for a mistyped digit"
        );
        assert_eq!(
            message(Rnokpp::parse("12345").map(drop)),
            "RNOKPP must have 10 digits, got 5"
        );
    }

    #[test]
    fn human_formatting_is_accepted() {
        let sber = Inn::parse("7707083893").unwrap();
        for written in [
            "7707 083 893",
            "7707-083-893",
            " 7707083893\n",
            "77 07 08 38 93",
            "7707\u{a0}083\u{a0}893",
            "7707\u{2013}083\u{2013}893",
        ] {
            assert_eq!(Inn::parse(written).as_ref(), Ok(&sber), "{written:?}");
        }
        let snils = Snils::parse("11223344595").unwrap();
        for written in [
            "112-233-445 95",
            "112 233 445 95",
            "112-233-445-95",
            "112233445 95",
        ] {
            assert_eq!(Snils::parse(written).as_ref(), Ok(&snils), "{written:?}");
        }
    }

    #[test]
    fn snils_is_shown_grouped_and_stored_as_digits() {
        let snils = Snils::parse("11223344595").unwrap();
        assert_eq!(snils.to_string(), "112-233-445 95");
        assert_eq!(snils.as_str(), "11223344595");
        assert_eq!(serialized(&snils), "11223344595");
        assert_eq!(
            Snils::parse("001-001-998 37").unwrap().to_string(),
            "001-001-998 37"
        );
    }

    #[test]
    fn snils_control_applies_from_001_001_999() {
        // Up to 001-001-998 the control number is not checked: any two digits pass.
        assert!(Snils::parse("001-001-998 00").is_ok());
        assert!(Snils::parse("001-001-998 37").is_ok());
        assert!(Snils::parse("000-000-001 99").is_ok());
        // 001-001-999: 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65.
        assert!(Snils::parse("001-001-999 65").is_ok());
        assert_eq!(
            Snils::parse("001-001-999 00"),
            Err(TaxIdError::WrongCheckDigit {
                kind: TaxIdKind::Snils,
                expected: "65".into(),
                found: "00".into()
            })
        );
    }

    #[test]
    fn inn_length_tells_legal_entities_from_individuals() {
        assert!(Inn::parse("7707083893").unwrap().is_legal_entity());
        assert!(!Inn::parse("158813998680").unwrap().is_legal_entity());
    }

    #[test]
    fn inn_of_an_individual_checks_both_digits() {
        // 11th digit wrong (the 12th is right for the given 11th, but not for the correct one).
        assert!(matches!(
            Inn::parse("158813998610"),
            Err(TaxIdError::WrongCheckDigit { .. })
        ));
        // 12th digit wrong.
        assert!(matches!(
            Inn::parse("158813998681"),
            Err(TaxIdError::WrongCheckDigit { .. })
        ));
    }

    #[test]
    fn edrpou_60000000_is_refused_under_either_reading_of_the_boundary() {
        assert!(matches!(
            Edrpou::parse("60000000"),
            Err(TaxIdError::WrongCheckDigit { .. })
        ));
        // Above 60000000: weights 1..7, 6*1 = 6.
        assert!(Edrpou::parse("60000006").is_ok());
        // Either side of 30000000 (computed by the separate Python implementation).
        assert!(Edrpou::parse("29999993").is_ok());
        assert!(Edrpou::parse("30000005").is_ok());
        assert!(Edrpou::parse("59999994").is_ok());
    }

    #[test]
    fn rnokpp_gives_the_birth_date() {
        let birth = |s: &str| Rnokpp::parse(s).unwrap().birth_date();
        // [G] numbers made for these dates: the first five digits are the day count, computed
        // with Python's (date - datetime.date(1899, 12, 31)).days.
        assert_eq!(birth("3111900097"), Some(jiff::civil::date(1985, 3, 14)));
        assert_eq!(birth("3658450729"), Some(jiff::civil::date(2000, 2, 29)));
        assert_eq!(birth("2109624205"), Some(jiff::civil::date(1957, 10, 4)));
        // The first and the last date five digits hold.
        assert_eq!(birth("0000100173"), Some(jiff::civil::date(1900, 1, 1)));
        assert_eq!(birth("9999935553"), Some(jiff::civil::date(2173, 10, 14)));
        // [B] 00000 encodes no date.
        assert_eq!(birth("0000000000"), None);
    }

    #[test]
    fn rnokpp_with_a_negative_weighted_sum_takes_the_non_negative_remainder() {
        // [B] -1*1 = -1 leaves 10 (Python's `%`, as python-stdnum computes it), so the check
        // digit is 0; -1*9 = -9 leaves 2. A truncating `%` would refuse both.
        assert!(Rnokpp::parse("1000000000").is_ok());
        assert!(Rnokpp::parse("9000000002").is_ok());
        // [G] -9 + 4 = -5 leaves 6; -8 + 4 = -4 leaves 7.
        assert!(Rnokpp::parse("9000100006").is_ok());
        assert!(Rnokpp::parse("8000100007").is_ok());
    }

    #[test]
    fn kinds_have_their_usual_names() {
        let names: Vec<&str> = TaxIdKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            ["INN", "OGRN", "OGRNIP", "SNILS", "EDRPOU", "RNOKPP"]
        );
    }

    #[test]
    fn deserializing_refuses_what_parse_refuses() {
        let input: StrDeserializer<'_, ValueError> = "7707083894".into_deserializer();
        let err = Inn::deserialize(input).unwrap_err();
        assert!(
            err.to_string().contains("INN check digit should be 3"),
            "{err}"
        );
    }

    /// Every digit but `keep` (the check digit the code computed).
    fn other_digits(keep: u64) -> impl Iterator<Item = u64> {
        (0..10).filter(move |&d| d != keep)
    }

    fn is_wrong_check<T>(result: Result<T, TaxIdError>, kind: TaxIdKind) -> bool {
        matches!(result, Err(TaxIdError::WrongCheckDigit { kind: k, .. }) if k == kind)
    }

    /// `parse` accepts `prefix` followed by `check`, and refuses it followed by any other digit.
    fn only_check_digit_passes<T>(
        parse: fn(&str) -> Result<T, TaxIdError>,
        kind: TaxIdKind,
        prefix: &str,
        check: u64,
    ) -> Result<(), TestCaseError> {
        let number = format!("{prefix}{check}");
        let accepted = parse(&number).is_ok();
        prop_assert!(accepted, "{} refused", number);
        for other in other_digits(check) {
            let changed = format!("{prefix}{other}");
            let refused = is_wrong_check(parse(&changed), kind);
            prop_assert!(refused, "{} accepted", changed);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn inn_of_a_legal_entity(prefix in prop::array::uniform9(0u8..=9)) {
            let prefix = text(&prefix);
            let check = u64::from(inn_check_digit(&prefix));
            only_check_digit_passes(Inn::parse, TaxIdKind::Inn, &prefix, check)?;
        }

        #[test]
        fn inn_of_an_individual(prefix in prop::array::uniform10(0u8..=9)) {
            let prefix = text(&prefix);
            let first = inn_check_digit(&prefix);
            let with_first = format!("{prefix}{first}");
            let second = u64::from(inn_check_digit(&with_first));
            only_check_digit_passes(Inn::parse, TaxIdKind::Inn, &with_first, second)?;
            // A wrong 11th digit is caught too, whatever the 12th.
            for other in other_digits(first.into()) {
                let changed = format!("{prefix}{other}{second}");
                let refused = is_wrong_check(Inn::parse(&changed), TaxIdKind::Inn);
                prop_assert!(refused, "{} accepted", changed);
            }
        }

        #[test]
        fn ogrn(prefix in prop::array::uniform12(0u8..=9)) {
            let prefix = text(&prefix);
            let check = ogrn_check_digit(&prefix);
            // The 12-digit prefix as a number fits in u64; the code never forms it, but agrees.
            let as_number = prefix.parse::<u64>().unwrap();
            prop_assert_eq!(check, as_number % 11 % 10);
            only_check_digit_passes(Ogrn::parse, TaxIdKind::Ogrn, &prefix, check)?;
        }

        #[test]
        fn ogrnip(prefix in prop::array::uniform14(0u8..=9)) {
            let prefix = text(&prefix);
            let check = ogrnip_check_digit(&prefix);
            let as_number = prefix.parse::<u64>().unwrap();
            prop_assert_eq!(check, as_number % 13 % 10);
            only_check_digit_passes(Ogrnip::parse, TaxIdKind::Ogrnip, &prefix, check)?;
        }

        #[test]
        fn snils(prefix in (SNILS_LAST_UNCHECKED + 1)..1_000_000_000u64) {
            let prefix = format!("{prefix:09}");
            let control = snils_control(&prefix).expect("checked above 001-001-998");
            prop_assert!(control <= 99);
            // The control number's first digit stays; the last digit is the one that varies.
            let with_tens = format!("{prefix}{}", control / 10);
            let units = u64::from(control % 10);
            only_check_digit_passes(Snils::parse, TaxIdKind::Snils, &with_tens, units)?;
            let snils = Snils::parse(&format!("{prefix}{control:02}")).unwrap();
            let shown = snils.to_string();
            prop_assert_eq!(Snils::parse(&shown), Ok(snils));
        }

        #[test]
        fn snils_up_to_001_001_998_takes_any_control(
            prefix in 0..=SNILS_LAST_UNCHECKED,
            control in 0u32..=99,
        ) {
            let number = format!("{prefix:09}{control:02}");
            let accepted = Snils::parse(&number).is_ok();
            prop_assert!(accepted, "{} refused", number);
        }

        #[test]
        fn edrpou(prefix in prop::array::uniform7(0u8..=9)) {
            let prefix = text(&prefix);
            let check = u64::from(edrpou_check_digit(&prefix));
            only_check_digit_passes(Edrpou::parse, TaxIdKind::Edrpou, &prefix, check)?;
        }

        #[test]
        fn rnokpp(prefix in prop::array::uniform9(0u8..=9)) {
            let prefix = text(&prefix);
            let check = u64::from(rnokpp_check_digit(&prefix));
            only_check_digit_passes(Rnokpp::parse, TaxIdKind::Rnokpp, &prefix, check)?;
            let rnokpp = Rnokpp::parse(&format!("{prefix}{check}")).unwrap();
            let days = small_number(&prefix[..5]);
            prop_assert_eq!(rnokpp.birth_date().is_some(), days > 0);
        }

        #[test]
        fn separators_anywhere_are_ignored(
            prefix in prop::array::uniform9(0u8..=9),
            separators in prop::collection::vec(
                prop::sample::select(vec!["", " ", "-", "\u{a0}", "\t"]),
                10,
            ),
        ) {
            let prefix = text(&prefix);
            let digits = format!("{prefix}{}", inn_check_digit(&prefix));
            let written: String = digits
                .chars()
                .zip(separators)
                .flat_map(|(digit, sep)| [digit.to_string(), sep.to_owned()])
                .collect();
            let parsed = Inn::parse(&written).map(|inn| inn.as_str().to_owned());
            prop_assert_eq!(parsed, Ok(digits));
        }
    }

    /// What `value` serializes to, through a serializer that takes only strings.
    fn serialized<T: Serialize>(value: &T) -> String {
        value.serialize(OnlyStr).expect("serializes as a string")
    }

    struct OnlyStr;

    macro_rules! refuse {
        ($($method:ident($($arg:ty),*)),+ $(,)?) => {
            $(fn $method(self, $(_: $arg),*) -> Result<String, ValueError> {
                Err(serde::ser::Error::custom("not a string"))
            })+
        };
    }

    macro_rules! refuse_compound {
        ($($method:ident($($arg:ty),*) -> $out:ident),+ $(,)?) => {
            $(fn $method(self, $(_: $arg),*) -> Result<Self::$out, ValueError> {
                Err(serde::ser::Error::custom("not a string"))
            })+
        };
    }

    impl Serializer for OnlyStr {
        type Ok = String;
        type Error = ValueError;
        type SerializeSeq = serde::ser::Impossible<String, ValueError>;
        type SerializeTuple = serde::ser::Impossible<String, ValueError>;
        type SerializeTupleStruct = serde::ser::Impossible<String, ValueError>;
        type SerializeTupleVariant = serde::ser::Impossible<String, ValueError>;
        type SerializeMap = serde::ser::Impossible<String, ValueError>;
        type SerializeStruct = serde::ser::Impossible<String, ValueError>;
        type SerializeStructVariant = serde::ser::Impossible<String, ValueError>;

        fn serialize_str(self, v: &str) -> Result<String, ValueError> {
            Ok(v.to_owned())
        }

        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_char(char),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        );

        refuse_compound!(
            serialize_seq(Option<usize>) -> SerializeSeq,
            serialize_tuple(usize) -> SerializeTuple,
            serialize_tuple_struct(&'static str, usize) -> SerializeTupleStruct,
            serialize_tuple_variant(&'static str, u32, &'static str, usize)
                -> SerializeTupleVariant,
            serialize_map(Option<usize>) -> SerializeMap,
            serialize_struct(&'static str, usize) -> SerializeStruct,
            serialize_struct_variant(&'static str, u32, &'static str, usize)
                -> SerializeStructVariant,
        );

        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<String, ValueError> {
            Err(serde::ser::Error::custom("not a string"))
        }

        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<String, ValueError> {
            Err(serde::ser::Error::custom("not a string"))
        }

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<String, ValueError> {
            Err(serde::ser::Error::custom("not a string"))
        }
    }
}
