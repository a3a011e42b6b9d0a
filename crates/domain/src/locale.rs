//! The three languages socert speaks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Ru,
    Uk,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?}: use one of ru, uk, en")]
pub struct LocaleError(String);

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Ru, Locale::Uk, Locale::En];

    pub const fn code(self) -> &'static str {
        match self {
            Locale::Ru => "ru",
            Locale::Uk => "uk",
            Locale::En => "en",
        }
    }

    /// Parses a language tag such as `ru`, `ru-RU`, `uk_UA` or `EN`. Only the primary language
    /// subtag decides; a region subtag is accepted and ignored.
    pub fn parse(tag: &str) -> Result<Self, LocaleError> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "ru" => Ok(Locale::Ru),
            "uk" => Ok(Locale::Uk),
            "en" => Ok(Locale::En),
            _ => Err(LocaleError(tag.to_owned())),
        }
    }
}

impl FromStr for Locale {
    type Err = LocaleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_language_tags_with_regions_and_any_case() {
        for (tag, expected) in [
            ("ru", Locale::Ru),
            ("ru-RU", Locale::Ru),
            ("RU", Locale::Ru),
            ("uk_UA", Locale::Uk),
            (" uk ", Locale::Uk),
            ("en-GB", Locale::En),
        ] {
            assert_eq!(Locale::parse(tag), Ok(expected), "{tag}");
        }
    }

    #[test]
    fn refuses_other_languages_with_a_helpful_message() {
        let err = Locale::parse("de-DE").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unsupported language \"de-DE\": use one of ru, uk, en"
        );
        assert!(Locale::parse("").is_err());
        // `ua` is a country, not a language: Ukrainian is `uk`.
        assert!(Locale::parse("ua").is_err());
    }

    #[test]
    fn code_round_trips() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.code()), Ok(locale));
        }
    }
}
