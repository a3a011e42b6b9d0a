//! Money: whole minor units (kopecks, cents) in one currency. Never floats.
//!
//! Arithmetic is checked: an overflow or a mix of currencies is an error, not a wrong number.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Rub,
    Uah,
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Rub, Currency::Uah, Currency::Eur];

    /// The ISO 4217 code.
    pub const fn code(self) -> &'static str {
        match self {
            Currency::Rub => "RUB",
            Currency::Uah => "UAH",
            Currency::Eur => "EUR",
        }
    }

    pub const fn symbol(self) -> &'static str {
        match self {
            Currency::Rub => "₽",
            Currency::Uah => "₴",
            Currency::Eur => "€",
        }
    }

    /// Minor units in one major unit. All currencies we serve have two decimal places.
    pub const fn minor_per_major(self) -> i64 {
        100
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| MoneyError::UnknownCurrency(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("cannot combine {left} with {right}: currencies differ")]
    CurrencyMismatch { left: Currency, right: Currency },
    #[error("the amount is too large")]
    Overflow,
    #[error("unknown currency {0:?}: use one of RUB, UAH, EUR")]
    UnknownCurrency(String),
    #[error("{0:?} is not an amount of money; write it like 1234.56 or 1 234,56")]
    Malformed(String),
    #[error("{0:?} has more than two decimal places")]
    TooPrecise(String),
}

/// An amount of money: `i64` minor units and the currency they are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    pub const fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Self {
        Self::from_minor(0, currency)
    }

    pub const fn minor(self) -> i64 {
        self.minor
    }

    pub const fn currency(self) -> Currency {
        self.currency
    }

    pub const fn is_positive(self) -> bool {
        self.minor > 0
    }

    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }

    /// The price of `quantity` units at this unit price.
    pub fn checked_mul(self, quantity: i64) -> Result<Money, MoneyError> {
        let minor = self
            .minor
            .checked_mul(quantity)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }

    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }

    /// Parses what people type: `1234.56`, `1234,5`, `1 234,56 ₽`, `1,234.56`, `-15`, `RUB 10`.
    ///
    /// When both `.` and `,` appear, the last one is the decimal separator and the other groups
    /// thousands. When only one of them appears once, it is the decimal separator: `1,234` is
    /// refused as too precise rather than silently read as one thousand. A currency symbol or code,
    /// if written, must match `currency`.
    pub fn parse(input: &str, currency: Currency) -> Result<Money, MoneyError> {
        let malformed = || MoneyError::Malformed(input.to_owned());
        let (mut negative, mut text) = strip_sign(input.trim());
        for other in Currency::ALL {
            for mark in [other.symbol(), other.code()] {
                let stripped = text
                    .strip_suffix(mark)
                    .or_else(|| text.strip_prefix(mark))
                    .map(str::trim);
                if let Some(rest) = stripped {
                    if other != currency {
                        return Err(MoneyError::CurrencyMismatch {
                            left: currency,
                            right: other,
                        });
                    }
                    text = rest;
                }
            }
        }
        if !negative {
            // The sign may also follow a leading symbol or code: `RUB -10`.
            (negative, text) = strip_sign(text);
        }
        // Spaces (plain, no-break, narrow no-break) only ever group digits.
        let compact: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let last_sep = compact.rfind(['.', ',']);
        let (int_part, frac_part) = match last_sep {
            None => (compact.as_str(), ""),
            Some(pos) => {
                let sep = compact.as_bytes()[pos] as char;
                let other = if sep == '.' { ',' } else { '.' };
                let repeated = compact.matches(sep).count() > 1;
                if repeated && !compact.contains(other) {
                    // `1,234,567` or `1.234.567`: the separator groups thousands only.
                    (compact.as_str(), "")
                } else {
                    (&compact[..pos], &compact[pos + 1..])
                }
            }
        };
        let digits = ungroup(int_part).ok_or_else(malformed)?;
        if digits.is_empty() && frac_part.is_empty() {
            return Err(malformed());
        }
        if !frac_part.chars().all(|c| c.is_ascii_digit()) {
            return Err(malformed());
        }
        if frac_part.len() > 2 {
            return Err(MoneyError::TooPrecise(input.to_owned()));
        }
        let major: i64 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| MoneyError::Overflow)?
        };
        let frac: i64 = match frac_part.len() {
            0 => 0,
            1 => frac_part.parse::<i64>().map_err(|_| malformed())? * 10,
            _ => frac_part.parse().map_err(|_| malformed())?,
        };
        let minor = major
            .checked_mul(currency.minor_per_major())
            .and_then(|m| m.checked_add(frac))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(
            if negative { -minor } else { minor },
            currency,
        ))
    }

    /// Formats for people reading `locale`: `1 234,56 ₽` in Russian and Ukrainian (no-break spaces),
    /// `₽1,234.56` in English.
    pub fn format(self, locale: Locale) -> String {
        let per = self.currency.minor_per_major().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        let (major, frac) = (abs / per, abs % per);
        let sign = if self.minor < 0 { "-" } else { "" };
        let symbol = self.currency.symbol();
        match locale {
            Locale::Ru | Locale::Uk => {
                format!("{sign}{},{frac:02}\u{a0}{symbol}", group(major, '\u{a0}'))
            }
            Locale::En => format!("{sign}{symbol}{}.{frac:02}", group(major, ',')),
        }
    }
}

fn strip_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    }
}

/// Removes thousands separators (`,` or `.`) from an integer part, checking that groups have three
/// digits. Returns `None` for anything that is not digits in well-formed groups.
fn ungroup(int_part: &str) -> Option<String> {
    let groups: Vec<&str> = int_part.split([',', '.']).collect();
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        g.chars().all(|c| c.is_ascii_digit())
            && (groups.len() == 1
                || if i == 0 {
                    !g.is_empty() && g.len() <= 3
                } else {
                    g.len() == 3
                })
    });
    well_formed.then(|| groups.concat())
}

fn group(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// Canonical, locale-free form used in logs and messages: `1234.56 RUB`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.currency.minor_per_major().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{:02} {}", abs / per, abs % per, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RUB: Currency = Currency::Rub;

    fn rub(minor: i64) -> Money {
        Money::from_minor(minor, RUB)
    }

    #[test]
    fn adds_and_subtracts_in_one_currency() {
        assert_eq!(rub(150).checked_add(rub(250)), Ok(rub(400)));
        assert_eq!(rub(150).checked_sub(rub(250)), Ok(rub(-100)));
        assert_eq!(rub(45_000).checked_mul(40), Ok(rub(1_800_000)));
    }

    #[test]
    fn overflow_is_an_error_not_a_wrapped_number() {
        assert_eq!(rub(i64::MAX).checked_add(rub(1)), Err(MoneyError::Overflow));
        assert_eq!(rub(i64::MIN).checked_sub(rub(1)), Err(MoneyError::Overflow));
        assert_eq!(
            rub(i64::MAX / 2 + 1).checked_mul(2),
            Err(MoneyError::Overflow)
        );
        assert_eq!(rub(i64::MIN).checked_neg(), Err(MoneyError::Overflow));
    }

    #[test]
    fn currencies_never_mix() {
        let uah = Money::from_minor(100, Currency::Uah);
        assert_eq!(
            rub(100).checked_add(uah),
            Err(MoneyError::CurrencyMismatch {
                left: Currency::Rub,
                right: Currency::Uah
            })
        );
        assert!(rub(100).checked_sub(uah).is_err());
    }

    #[test]
    fn parses_what_people_type() {
        for (input, minor) in [
            ("1234.56", 123_456),
            ("1234,56", 123_456),
            ("1 234,56 ₽", 123_456),
            ("1\u{a0}234,56\u{a0}₽", 123_456),
            ("₽1,234.56", 123_456),
            ("1.234,56", 123_456),
            ("1,234,567", 123_456_700),
            ("RUB 10", 1_000),
            ("10 RUB", 1_000),
            ("12,5", 1_250),
            ("0.05", 5),
            (".5", 50),
            ("-15", -1_500),
            ("-₽1,234.56", -123_456),
            ("RUB -10", -1_000),
            ("7", 700),
        ] {
            assert_eq!(Money::parse(input, RUB), Ok(rub(minor)), "{input:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_unambiguously() {
        assert!(matches!(
            Money::parse("", RUB),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            Money::parse("abc", RUB),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            Money::parse("1,2,3", RUB),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            Money::parse("12.3x", RUB),
            Err(MoneyError::Malformed(_))
        ));
        assert!(matches!(
            Money::parse("1,234", RUB),
            Err(MoneyError::TooPrecise(_))
        ));
        assert!(matches!(
            Money::parse("0.001", RUB),
            Err(MoneyError::TooPrecise(_))
        ));
        assert_eq!(
            Money::parse("10 €", RUB),
            Err(MoneyError::CurrencyMismatch {
                left: Currency::Rub,
                right: Currency::Eur
            })
        );
        assert_eq!(
            Money::parse("99999999999999999999", RUB),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn formats_per_locale() {
        assert_eq!(rub(123_456).format(Locale::Ru), "1\u{a0}234,56\u{a0}₽");
        assert_eq!(
            Money::from_minor(-500, Currency::Uah).format(Locale::Uk),
            "-5,00\u{a0}₴"
        );
        assert_eq!(rub(123_456_789).format(Locale::En), "₽1,234,567.89");
        assert_eq!(rub(5).to_string(), "0.05 RUB");
        assert_eq!(rub(i64::MIN).to_string(), "-92233720368547758.08 RUB");
    }

    #[test]
    fn currency_codes_parse_case_insensitively() {
        assert_eq!("uah".parse::<Currency>(), Ok(Currency::Uah));
        assert!("USD".parse::<Currency>().is_err());
    }

    proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_same_money(minor in (i64::MIN + 1)..=i64::MAX) {
            for locale in Locale::ALL {
                for currency in Currency::ALL {
                    let money = Money::from_minor(minor, currency);
                    prop_assert_eq!(Money::parse(&money.format(locale), currency), Ok(money));
                }
            }
        }

        #[test]
        fn addition_then_subtraction_restores_the_amount(a in any::<i64>(), b in any::<i64>()) {
            if let Ok(sum) = rub(a).checked_add(rub(b)) {
                prop_assert_eq!(sum.checked_sub(rub(b)), Ok(rub(a)));
                prop_assert_eq!(rub(b).checked_add(rub(a)), Ok(sum));
            } else {
                prop_assert!(a.checked_add(b).is_none());
            }
        }
    }
}
