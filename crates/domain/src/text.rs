//! Human-readable text that socert shows in all three languages.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// The longest name we accept, in characters: enough for the longest official service names.
pub const MAX_NAME_CHARS: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the {0} text is empty")]
    Empty(Locale),
    #[error("the {locale} text is {chars} characters long; at most {max} are allowed")]
    TooLong {
        locale: Locale,
        chars: usize,
        max: usize,
    },
}

/// A name in Russian, Ukrainian and English. All three are required so that every page renders in
/// every language without falling back to another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    ru: String,
    uk: String,
    en: String,
}

impl LocalizedText {
    pub fn new(ru: &str, uk: &str, en: &str) -> Result<Self, TextError> {
        Ok(Self {
            ru: clean(Locale::Ru, ru)?,
            uk: clean(Locale::Uk, uk)?,
            en: clean(Locale::En, en)?,
        })
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ru => &self.ru,
            Locale::Uk => &self.uk,
            Locale::En => &self.en,
        }
    }
}

fn clean(locale: Locale, text: &str) -> Result<String, TextError> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 {
        return Err(TextError::Empty(locale));
    }
    if chars > MAX_NAME_CHARS {
        return Err(TextError::TooLong {
            locale,
            chars,
            max: MAX_NAME_CHARS,
        });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_reads_back_each_language() {
        let text = LocalizedText::new(" Уход на дому ", "Догляд вдома", "Home care").unwrap();
        assert_eq!(text.get(Locale::Ru), "Уход на дому");
        assert_eq!(text.get(Locale::Uk), "Догляд вдома");
        assert_eq!(text.get(Locale::En), "Home care");
    }

    #[test]
    fn names_the_language_that_is_missing_or_too_long() {
        assert_eq!(
            LocalizedText::new("Уход", "  ", "Care"),
            Err(TextError::Empty(Locale::Uk))
        );
        let long = "я".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            LocalizedText::new(&long, "a", "b"),
            Err(TextError::TooLong {
                locale: Locale::Ru,
                chars: MAX_NAME_CHARS + 1,
                max: MAX_NAME_CHARS
            })
        );
    }
}
