//! Text normalisation for full-text search of providers and offers.
//!
//! Search runs the same way on SQLite and PostgreSQL because the language work happens here, in
//! Rust, on both sides of the match: the indexed text goes through [`search_document`] and is
//! stored in a column that SQLite FTS5 (`unicode61`) or PostgreSQL `to_tsvector('simple', …)`
//! merely splits on spaces; the user's query goes through [`search_query`]. Whatever one inflection
//! of a phrase turns into, the other inflections turn into the same terms.
//!
//! The pipeline, per word:
//!
//! 1. Lowercase; fold `ё` into `е`; drop stress marks and other combining accents (composing
//!    `и` + breve into `й` and `і` + diaeresis into `ї` first); ignore soft hyphens and zero-width
//!    joiners.
//! 2. Split on anything that is not a letter or a digit, and also where letters meet digits
//!    (`covid19` gives `covid` and `19`, like `covid-19`). An apostrophe between two letters
//!    (`'`, `’`, `ʼ`, `‘`, `` ` ``) does not split: it is removed and marks the word as Ukrainian
//!    (`сім'я`).
//! 3. Keep numbers of any length; drop other words shorter than two characters and the
//!    [stop words](STOP_WORDS). Words longer than [`MAX_TERM_CHARS`] are cut to that length and
//!    not stemmed (PostgreSQL ignores words over 2047 characters, SQLite does not; cutting keeps
//!    both equal).
//! 4. Stem. Words with Cyrillic letters whose only Latin letters look like Cyrillic ones
//!    (`соцiальне` typed with a Latin `i`) get those letters replaced by the Cyrillic ones. A
//!    Cyrillic word with `і`, `ї`, `є`, `ґ`, an apostrophe or the ending `-ють` is Ukrainian and
//!    goes through a light Ukrainian suffix stripper written here (`stem_ukrainian`, its endings
//!    are listed in the source); any other Cyrillic word goes through the Russian Snowball stemmer
//!    (`rust-stemmers`), which also handles Ukrainian forms without those letters (`допомога`,
//!    `догляду`) well because the endings are largely shared. Both are followed by the same
//!    clean-up: a doubled final consonant is undoubled (`навчанн`, `житт`, `групп`) and a fleeting
//!    vowel before a final `к`/`ц` is dropped (`кружок`/`кружка` → `кружк`, `девочек` → `девочк`,
//!    `огонёк`/`огонька` → `огонк`). ASCII words use the English (Porter2) Snowball stemmer.
//!    Anything else (Greek, accented Latin, CJK …) is kept lowercased as it is.
//!
//! Every term consists of letters and digits only, so each is one token to SQLite's `unicode61`
//! and PostgreSQL's parser alike (should `unicode61`, which knows Unicode 6.1, split a term at a
//! newer character, it does so identically in the document and the query), and a query is a list
//! of FTS5 barewords (lowercase, so never `AND`/`OR`/`NOT`/`NEAR`) that `plainto_tsquery('simple',
//! …)` also accepts as is.
//!
//! Known limits, as with any stemmer without a dictionary: stem alternations (`допомога` /
//! `допомозі`, `Львів` / `Львова`, `день` / `дня`) and suppletive forms (`человек` / `люди`) are
//! not conflated, and Ukrainian verbs are only partly conflated.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words longer than this many characters are cut to it and not stemmed.
pub const MAX_TERM_CHARS: usize = 64;

/// Words with fewer characters than this are dropped, unless they are numbers.
const MIN_WORD_CHARS: usize = 2;

/// Function words dropped before stemming: Russian and Ukrainian prepositions, conjunctions and
/// particles, a few pronouns that carry no meaning in a search, and the commonest English ones.
/// Single letters are listed for completeness; they are dropped by length anyway.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    // Russian
    "а", "без", "бы", "в", "во", "да", "для", "до", "его", "ее", "же", "за", "и", "из", "или", "их",
    "к", "как", "ко", "ли", "либо", "на", "над", "не", "ни", "но", "о", "об", "обо", "от", "по",
    "под", "при", "про", "с", "со", "так", "также", "то", "у", "через", "что", "чтобы", "это",
    // Ukrainian (those not already above)
    "або", "аби", "але", "ані", "б", "би", "від", "ж", "з", "зі", "зо", "й", "із", "і", "її", "їх",
    "його", "під", "та", "теж", "це", "чи", "що", "щоб", "як",
    // English
    "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

static RUSSIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The search terms of `text`, in order, duplicates kept. See the [module](self) for the rules.
pub fn search_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut splitter = Splitter::default();
    for c in text.chars() {
        for c in c.to_lowercase() {
            splitter.feed(c, &mut terms);
        }
    }
    splitter.flush(&mut terms);
    terms
}

/// The terms of all `parts` (name, description, address …) joined by single spaces: the value of
/// the indexed search column.
pub fn search_document(parts: &[&str]) -> String {
    parts
        .iter()
        .flat_map(|part| search_terms(part))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The terms of a user's query joined by single spaces; `None` when nothing searchable is left
/// (empty, only punctuation, only stop words).
pub fn search_query(text: &str) -> Option<String> {
    let terms = search_terms(text);
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    #[default]
    Letters,
    Digits,
}

/// Cuts lowercased characters into words and turns each finished word into a term.
#[derive(Default)]
struct Splitter {
    word: String,
    chars: usize,
    kind: Kind,
    /// The word contained an apostrophe between letters.
    apostrophe: bool,
    /// The last character was an apostrophe after a letter; it joins only if a letter follows.
    pending_apostrophe: bool,
}

impl Splitter {
    fn feed(&mut self, c: char, terms: &mut Vec<String>) {
        if is_ignorable(c) {
            return;
        }
        if is_combining_mark(c) {
            self.combine(c);
            return;
        }
        if is_apostrophe(c) {
            if self.chars > 0 && self.kind == Kind::Letters && !self.pending_apostrophe {
                self.pending_apostrophe = true;
            } else {
                self.flush(terms);
            }
            return;
        }
        let kind = if c.is_alphabetic() {
            Kind::Letters
        } else if c.is_numeric() {
            Kind::Digits
        } else {
            self.flush(terms);
            return;
        };
        if self.chars > 0
            && (kind != self.kind || (self.pending_apostrophe && kind != Kind::Letters))
        {
            self.flush(terms);
        }
        if self.pending_apostrophe {
            self.apostrophe = true;
            self.pending_apostrophe = false;
        }
        self.kind = kind;
        // Past the cut-off the rest of the word is consumed but not kept.
        if self.chars <= MAX_TERM_CHARS {
            self.word.push(if c == 'ё' { 'е' } else { c });
        }
        self.chars += 1;
    }

    /// A combining accent after a letter: composes the few that make distinct Cyrillic letters and
    /// drops the rest (stress marks in dictionaries and teaching texts, decomposed accents).
    fn combine(&mut self, mark: char) {
        if self.chars == 0 || self.kind != Kind::Letters || self.pending_apostrophe {
            return;
        }
        let composed = match (self.word.chars().last(), mark) {
            (Some('и'), '\u{306}') => 'й',
            (Some('і'), '\u{308}') => 'ї',
            _ => return,
        };
        self.word.pop();
        self.word.push(composed);
    }

    fn flush(&mut self, terms: &mut Vec<String>) {
        if self.chars > 0
            && let Some(term) = to_term(&self.word, self.chars, self.kind, self.apostrophe)
        {
            terms.push(term);
        }
        self.word.clear();
        self.chars = 0;
        self.kind = Kind::Letters;
        self.apostrophe = false;
        self.pending_apostrophe = false;
    }
}

/// Invisible characters that may sit inside a word without splitting it.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2BC}' | '\u{2018}' | '`')
}

fn to_term(word: &str, chars: usize, kind: Kind, apostrophe: bool) -> Option<String> {
    if chars > MAX_TERM_CHARS {
        return Some(word.chars().take(MAX_TERM_CHARS).collect());
    }
    if kind == Kind::Digits {
        return Some(word.to_owned());
    }
    if chars < MIN_WORD_CHARS {
        return None;
    }
    let word = if word.chars().any(is_cyrillic) {
        fold_homoglyphs(word)
    } else {
        word.to_owned()
    };
    if STOP_WORDS.contains(&word.as_str()) {
        return None;
    }
    let stem = if word.chars().any(is_cyrillic) {
        let ukrainian = apostrophe || word.contains(['і', 'ї', 'є', 'ґ']) || word.ends_with("ють");
        stem_cyrillic(&word, ukrainian)
    } else if word.chars().all(|c| c.is_ascii_alphabetic()) {
        ENGLISH.stem(&word).into_owned()
    } else {
        return Some(word);
    };
    if stem.chars().count() < MIN_WORD_CHARS {
        Some(word)
    } else {
        Some(stem)
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52F}').contains(&c)
}

/// Latin letters that look like Cyrillic ones (in either case), as they turn up in text typed on
/// the wrong keyboard layout or "fixed" by hand.
fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'i' => 'і',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

/// Replaces Latin look-alikes in a Cyrillic word, unless the word also has Latin letters without a
/// Cyrillic twin (then it is genuinely mixed, like a brand name, and is left alone).
fn fold_homoglyphs(word: &str) -> String {
    let latin_ok = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .all(|c| cyrillic_lookalike(c).is_some());
    if !latin_ok {
        return word.to_owned();
    }
    word.chars()
        .map(|c| cyrillic_lookalike(c).unwrap_or(c))
        .collect()
}

fn stem_cyrillic(word: &str, ukrainian: bool) -> String {
    let stem = if ukrainian {
        stem_ukrainian(word)
    } else {
        RUSSIAN.stem(word).into_owned()
    };
    let mut chars: Vec<char> = stem.chars().collect();
    undouble(&mut chars);
    drop_fleeting_vowel(&mut chars);
    chars.into_iter().collect()
}

const VOWELS: &str = "аеиоуыэюяіїє";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

fn is_consonant(c: char) -> bool {
    is_cyrillic(c) && c.is_alphabetic() && !is_vowel(c) && !matches!(c, 'ь' | 'ъ' | 'й')
}

/// `навчанн` → `навчан`, `житт` → `жит`, `групп` → `груп`, so that forms with and without the
/// doubled consonant (`навчання` / `навчань`) meet.
fn undouble(stem: &mut Vec<char>) {
    let n = stem.len();
    if n >= 4 && stem[n - 1] == stem[n - 2] && is_consonant(stem[n - 1]) {
        stem.pop();
    }
}

/// The vowel that disappears in the oblique forms of nouns in `-ок`, `-ек`, `-ец` (and appears in
/// the genitive plural of nouns in `-ка`): `кружок`/`кружка`, `образец`/`образца`,
/// `девочка`/`девочек`, `гурток`/`гуртка`, `огонёк`/`огонька`, `боец`/`бойца`. The rule only looks
/// at the stem, so every form that stems alike still does.
fn drop_fleeting_vowel(stem: &mut Vec<char>) {
    let n = stem.len();
    if n < 4 {
        return;
    }
    let (before, vowel, last) = (stem[n - 3], stem[n - 2], stem[n - 1]);
    match (vowel, last) {
        ('о' | 'е', 'к') | ('е', 'ц') if is_consonant(before) => {
            stem.remove(n - 2);
        }
        ('е', 'к' | 'ц') if is_vowel(before) => stem[n - 2] = 'й',
        // огонька → огоньк → огонк, matching огонёк → огонек → огонк.
        ('ь', 'к' | 'ц') => {
            stem.remove(n - 2);
        }
        _ => {}
    }
}

/// Reflexive particle, stripped first when at least three characters remain (`навчатися`).
const UK_REFLEXIVE: &[&str] = &["ся", "сь"];

/// Endings of nouns, adjectives (with participles and the pronoun-like declension) and the verb
/// forms that cannot be mistaken for them.
#[rustfmt::skip]
const UK_ENDINGS: &[&str] = &[
    // Adjectives and participles: -ий -ого -ому -им -і -их -ими, -а -ої -ій -у -ою, -е; soft -ього.
    "ий", "ого", "ому", "им", "ій", "их", "ими", "ої", "ою", "ього", "ьому", "ьої", "ьою", "іх",
    "іми", "ім",
    // Nouns: the cases of all declensions; -ія, -ії, -ію … go whole like the Snowball's -ия.
    "ами", "ями", "ам", "ям", "ах", "ях", "ів", "їв", "ові", "еві", "єві", "ом", "ем", "єм", "ею",
    "єю", "ей", "ія", "ії", "ію", "ією", "іям", "іями", "іях",
    // Single-letter endings shared by all of the above.
    "а", "я", "о", "е", "є", "у", "ю", "и", "і", "ї", "й", "ь",
    // Verbs: only endings no noun or adjective form has. Infinitives in -ати/-ити are left out on
    // purpose: роботи, кімнати, оплати are genitives far more often in a catalogue.
    "ував", "ював", "увати", "ювати", "ували", "ювали", "увала", "ювала", "увало", "ювало", "ує",
    "ює", "ає", "яє", "уємо", "аємо", "яємо", "уєте", "аєте", "яєте", "уєш", "аєш", "яєш", "ують",
    "юють", "ають", "яють", "ючи", "учи", "ячи", "ачи", "вши",
];

/// A light Ukrainian stemmer in the spirit of the published Snowball-like Ukrainian stemmers (the
/// Drupal `ukstemmer`, its Python port `ukr_stemmer` and fork `Uk_Stemmer`, and the `ukrainian.sbl`
/// Snowball draft): no dictionary, only endings, tuned here for the noun phrases of a catalogue.
///
/// 0. Fold `ґ` into `г`, which writers use inconsistently (as the Snowball draft does).
/// 1. Strip the reflexive `-ся`/`-сь` if at least three characters remain.
/// 2. Strip the longest ending of [`UK_ENDINGS`] (adjectives, nouns, unambiguous verb forms) that
///    leaves at least two characters including a vowel — the same guard as Snowball's RV region.
/// 3. Strip a trailing soft sign.
/// 4. Undo the `і`/`о` alternation of the closed syllable in abstract nouns: a stem ending in
///    `-іст` after at least three characters becomes `-ост` (`можливість`/`можливості`,
///    `радість`/`радості`).
///    Short stems are left alone so that `місто` (city) does not turn into `мост`.
/// 5. Strip the derivational `-ост` when it lies in R2, exactly as the Russian Snowball does with
///    `-ость`, so that forms routed to either stemmer meet (`можливостями` has no Ukrainian letter
///    and goes through the Russian one).
///
/// Verbs are conflated only within the forms listed (`організовувати`, `організовує`,
/// `організовують`, `організовував`); `навчати`, `навчає` and `навчав` stay apart.
fn stem_ukrainian(word: &str) -> String {
    let word = word.replace('ґ', "г");
    let r2 = r2_start(&word);
    let word = strip_longest(&word, UK_REFLEXIVE, 3).unwrap_or(&word);
    let mut stem = strip_longest(word, UK_ENDINGS, 2).unwrap_or(word);
    if let Some(shorter) = stem.strip_suffix('ь')
        && is_valid_stem(shorter, 2)
    {
        stem = shorter;
    }
    let stem = match stem.strip_suffix("іст") {
        Some(head) if head.chars().count() >= 3 => format!("{head}ост"),
        _ => stem.to_owned(),
    };
    match stem.strip_suffix("ост") {
        Some(head) if head.chars().count() >= r2 => head.to_owned(),
        _ => stem,
    }
}

/// Snowball's R2, in characters: R1 starts after the first non-vowel that follows a vowel, R2 after
/// the first non-vowel that follows a vowel inside R1; the word's length if there is none.
fn r2_start(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let region_after = |from: usize| {
        (from + 1..chars.len())
            .find(|&i| is_vowel(chars[i - 1]) && !is_vowel(chars[i]))
            .map_or(chars.len(), |i| i + 1)
    };
    let r1 = region_after(0);
    if r1 >= chars.len() {
        return chars.len();
    }
    region_after(r1)
}

/// `word` without the longest of `endings` that leaves a valid stem of at least `min_chars`.
fn strip_longest<'a>(word: &'a str, endings: &[&str], min_chars: usize) -> Option<&'a str> {
    endings
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .filter(|stem| is_valid_stem(stem, min_chars))
        .min_by_key(|stem| stem.len())
}

fn is_valid_stem(stem: &str, min_chars: usize) -> bool {
    stem.chars().count() >= min_chars && stem.chars().any(is_vowel)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use proptest::prelude::*;

    fn terms(text: &str) -> Vec<String> {
        search_terms(text)
    }

    #[track_caller]
    fn assert_same(forms: &[&str]) {
        let first = terms(forms[0]);
        assert!(!first.is_empty(), "{:?} gave no terms", forms[0]);
        for form in &forms[1..] {
            assert_eq!(terms(form), first, "{form:?} vs {:?}", forms[0]);
        }
    }

    #[test]
    fn russian_inflections_collapse() {
        assert_same(&[
            "паллиативная помощь",
            "паллиативной помощи",
            "паллиативную помощь",
            "Паллиативная Помощь",
        ]);
        assert_same(&["социальное такси", "социального такси", "социальному такси"]);
        assert_same(&[
            "кружок робототехники",
            "кружка робототехники",
            "кружки робототехники",
            "кружков робототехники",
            "кружком робототехники",
        ]);
        assert_same(&["уход за пожилыми", "уходу за пожилым", "уход за пожилыми"]);
        assert_same(&["реабилитация инвалидов", "реабилитации инвалида"]);
        assert_same(&["группа дневного пребывания", "группы дневного пребывания"]);
        assert_same(&["обучение", "обучения", "обучению", "обучением"]);
        assert_same(&["сиделка", "сиделки", "сиделок", "сиделкой"]);
        assert_same(&["доставка", "доставки", "доставку", "доставок"]);
        assert_same(&["занятие", "занятия", "занятий", "занятиям"]);
        assert_same(&["санаторий", "санатория", "санаторию"]);
        assert_same(&["инвалидность", "инвалидности", "инвалидностью"]);
        assert_same(&["обучать", "обучает", "обучают", "обучал"]);
    }

    #[test]
    fn ukrainian_inflections_collapse() {
        assert_same(&[
            "паліативна допомога",
            "паліативної допомоги",
            "паліативну допомогу",
            "паліативною допомогою",
        ]);
        assert_same(&["соціальне таксі", "соціального таксі", "соціальному таксі"]);
        assert_same(&["догляд вдома", "догляду вдома"]);
        assert_same(&["гурток робототехніки", "гуртка робототехніки"]);
        assert_same(&["гурток", "гуртка", "гуртків", "гуртком"]);
        assert_same(&[
            "реабілітація",
            "реабілітації",
            "реабілітацію",
            "реабілітацією",
        ]);
        assert_same(&["особи з інвалідністю", "особам з інвалідністю"]);
        assert_same(&["інвалідність", "інвалідності", "інвалідністю"]);
        assert_same(&["навчання", "навчанню", "навчанням", "навчанні", "навчань"]);
        assert_same(&["дитина", "дитини", "дитині", "дитину"]);
        assert_same(&[
            "організовувати",
            "організовують",
            "організовував",
            "організовує",
        ]);
        assert_same(&["можливість", "можливості", "можливостями"]);
        assert_same(&["радість", "радості", "радістю"]);
        assert_same(&[
            "безкоштовний",
            "безкоштовна",
            "безкоштовне",
            "безкоштовні",
            "безкоштовного",
        ]);
        assert_same(&["літні", "літніх", "літнім", "літніми", "літня", "літньої"]);
        assert_same(&["консультація", "консультації", "консультацій"]);
        assert_same(&["ґанок", "ганку", "ґанку"]);
        // місто (city) is not folded into мост (bridge) by the і/о rule meant for -ість nouns.
        assert_same(&["місто", "міста", "місті", "містах"]);
        assert_ne!(terms("місто"), terms("мосту"));
    }

    #[test]
    fn english_plurals_collapse() {
        assert_same(&["visits", "visit", "Visit"]);
        assert_same(&["home visits", "home visit"]);
        assert_same(&["services", "service"]);
    }

    #[test]
    fn yo_is_folded_into_ye() {
        assert_same(&["ёлка", "елка", "ЁЛКА"]);
        assert_same(&["учёт", "учет"]);
    }

    #[test]
    fn apostrophe_forms_are_one_word_and_ukrainian() {
        assert_same(&["сім'я", "сім’я", "сімʼя", "сім‘я"]);
        assert_same(&["сім'я", "сім'ї", "сім'єю"]);
        assert_eq!(terms("м'ясо").len(), 1);
        // An apostrophe that does not sit between letters splits as usual.
        assert_eq!(terms("'таксі'"), terms("таксі"));
        assert_eq!(terms("таксі'' плюс").len(), 2);
    }

    #[test]
    fn accents_homoglyphs_and_invisible_characters_are_normalised() {
        // A stress mark, as in dictionaries and texts for learners.
        assert_same(&["помо\u{301}щь", "помощь"]);
        // Decomposed й and ї.
        assert_same(&["домашний", "домашни\u{306}"]);
        assert_same(&["країна", "краі\u{308}на"]);
        // Latin i, o, c typed into a Cyrillic word.
        assert_same(&["соціальне", "соцiальне"]);
        assert_same(&["социальное", "сoциальнoе"]);
        // A soft hyphen inside a word.
        assert_same(&["робототехники", "робото\u{AD}техники"]);
    }

    #[test]
    fn digits_are_kept_and_split_from_letters() {
        assert_eq!(terms("5 лет"), ["5", "лет"]);
        assert_eq!(terms("дети 3-7 лет")[1..3], ["3", "7"]);
        assert_same(&["covid-19", "covid19", "COVID 19"]);
        assert_eq!(terms("2026"), ["2026"]);
    }

    #[test]
    fn short_words_and_stop_words_are_dropped() {
        assert_eq!(
            terms("услуги для детей и взрослых"),
            terms("услуги детей взрослых")
        );
        assert_eq!(
            terms("послуги для дітей та дорослих"),
            terms("послуги дітей дорослих")
        );
        assert_eq!(terms("уход за пожилыми"), terms("уход пожилыми"));
        assert_eq!(terms("care for the elderly"), terms("care elderly"));
        assert!(terms("я ж б x").is_empty());
    }

    #[test]
    fn empty_queries_give_none() {
        for query in [
            "",
            " ",
            "\t\n  ",
            "!!!",
            "— … ?",
            "«»",
            "и в на для",
            "'''",
            "\u{301}",
        ] {
            assert_eq!(search_query(query), None, "{query:?}");
        }
        assert_eq!(search_query("  такси! "), Some("такс".to_owned()));
    }

    #[test]
    fn document_joins_the_terms_of_all_parts() {
        let document = search_document(&["Социальное такси", "", "Доставка на дом, 24/7"]);
        assert_eq!(document, "социальн такс доставк дом 24 7");
        assert_eq!(search_document(&[]), "");
        let query = search_query("социального такси").unwrap();
        assert!(document.contains(&query));
    }

    #[test]
    fn other_scripts_are_kept_lowercased() {
        assert_eq!(terms("Ελληνικά"), ["ελληνικά"]);
        assert_eq!(terms("Café"), ["café"]);
    }

    #[test]
    fn very_long_input_is_fast_and_bounded() {
        let phrase = "Паллиативная помощь на дому, соціальне таксі; home visits 24/7. ";
        let text = phrase.repeat(100 * 1024 / phrase.len() + 1);
        assert!(text.len() >= 100 * 1024);
        let started = Instant::now();
        let terms = search_terms(&text);
        let one_word = search_terms(&"ю".repeat(60 * 1024));
        let digits = search_terms(&"7".repeat(100 * 1024));
        let garbage = search_terms(&"\u{301}'`-".repeat(25 * 1024));
        let elapsed = started.elapsed();
        assert!(terms.len() > 5_000, "{}", terms.len());
        assert_eq!(one_word, ["ю".repeat(MAX_TERM_CHARS)]);
        assert_eq!(digits, ["7".repeat(MAX_TERM_CHARS)]);
        assert!(garbage.is_empty());
        assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    }

    #[test]
    fn stop_words_are_lowercase_single_words() {
        for word in STOP_WORDS {
            assert_eq!(word.to_lowercase(), *word);
            assert!(word.chars().all(char::is_alphabetic), "{word:?}");
            assert!(!word.contains('ё'), "{word:?}");
        }
    }

    proptest! {
        #[test]
        fn terms_never_panic_and_have_no_whitespace(text in any::<String>()) {
            let terms = search_terms(&text);
            for term in &terms {
                prop_assert!(!term.is_empty());
                prop_assert!(term.chars().count() <= MAX_TERM_CHARS);
                prop_assert!(!term.chars().any(char::is_whitespace), "{term:?}");
                prop_assert!(term.chars().all(char::is_alphanumeric), "{term:?}");
            }
            prop_assert_eq!(search_query(&text), (!terms.is_empty()).then(|| terms.join(" ")));
        }

        #[test]
        fn cyrillic_text_never_panics(text in "[а-яёіїєґА-ЯЁІЇЄҐ'’ ,.0-9a-z\u{301}\u{306}]{0,80}") {
            for term in search_terms(&text) {
                prop_assert!(!term.is_empty() && !term.contains(char::is_whitespace));
            }
        }
    }
}
