//! What people read, in their language: choosing the language of a request, the Fluent messages in
//! `crates/web/locales/*.ftl`, eligibility refusals, category and status names, and dates.
//!
//! Money is formatted by the domain (`Money::format(locale)`); this module does not repeat it.
//!
//! The three translation files are compiled into the binary and parsed once, on first use, into one
//! thread-safe bundle per language.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use socert_domain::certificate::{RecipientCategory, Refusal};
use socert_domain::{CertificateStatus, Date, Locale};
use unic_langid::LanguageIdentifier;

type Bundle = FluentBundle<FluentResource>;

static RU: LazyLock<Bundle> = LazyLock::new(|| logged_bundle(Locale::Ru));
static UK: LazyLock<Bundle> = LazyLock::new(|| logged_bundle(Locale::Uk));
static EN: LazyLock<Bundle> = LazyLock::new(|| logged_bundle(Locale::En));

fn bundle(locale: Locale) -> &'static Bundle {
    match locale {
        Locale::Ru => &RU,
        Locale::Uk => &UK,
        Locale::En => &EN,
    }
}

fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => include_str!("../locales/ru.ftl"),
        Locale::Uk => include_str!("../locales/uk.ftl"),
        Locale::En => include_str!("../locales/en.ftl"),
    }
}

/// The bundle for `locale` and what went wrong building it, in words. A broken file still gives a
/// bundle with every message that did parse; the tests require the list of problems to be empty.
fn build_bundle(locale: Locale) -> (Bundle, Vec<String>) {
    // `ru`, `uk` and `en` are well-formed language tags, so the default (`und`) is never used.
    let language: LanguageIdentifier = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Isolation marks (U+2068, U+2069) around each argument only matter when right-to-left text
    // meets left-to-right text; in ru, uk and en they would just end up in JSON and copied text.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    if let Err(err) = bundle.add_builtins() {
        problems.push(err.to_string());
    }
    let resource =
        FluentResource::try_new(source(locale).to_owned()).unwrap_or_else(|(partial, errors)| {
            problems.extend(errors.iter().map(ToString::to_string));
            partial
        });
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(ToString::to_string));
    }
    (bundle, problems)
}

fn logged_bundle(locale: Locale) -> Bundle {
    let (bundle, problems) = build_bundle(locale);
    for problem in problems {
        tracing::error!(%locale, problem, "translation file has a mistake");
    }
    bundle
}

// ---------------------------------------------------------------------------------------------
// Choosing the language
// ---------------------------------------------------------------------------------------------

/// The best of ru, uk and en for an `Accept-Language` header (RFC 9110 section 12.5.4), or
/// `fallback` when the header is missing, unreadable or names none of them.
///
/// Only the primary subtag counts (`uk-UA` is Ukrainian). A language named several times takes its
/// highest quality; `q=0` rules a language out; `*` stands for every language not named. Between
/// equal qualities the one listed first wins, and among those that only `*` covers, `fallback`.
/// Entries with a malformed `q` are skipped, as the RFC allows.
pub fn negotiate(accept_language: Option<&str>, fallback: Locale) -> Locale {
    let Some(header) = accept_language else {
        return fallback;
    };
    let mut named: [Option<(u16, usize)>; 3] = [None; 3];
    let mut wildcard: Option<(u16, usize)> = None;
    for (position, entry) in header.split(',').enumerate() {
        let mut parts = entry.split(';');
        let range = parts.next().unwrap_or_default().trim();
        let Some(quality) = parts.try_fold(1000, |quality, param| {
            match param.split_once('=') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("q") => {
                    parse_quality(value.trim())
                }
                // Other parameters are not defined for Accept-Language; ignore them.
                _ => Some(quality),
            }
        }) else {
            continue;
        };
        let slot = if range == "*" {
            &mut wildcard
        } else if let Ok(locale) = Locale::parse(range) {
            &mut named[index(locale)]
        } else {
            continue;
        };
        if slot.is_none_or(|(best, _)| quality > best) {
            *slot = Some((quality, position));
        }
    }
    Locale::ALL
        .into_iter()
        .filter_map(|locale| {
            let (quality, position) = named[index(locale)].or(wildcard)?;
            (quality > 0).then_some((
                quality,
                std::cmp::Reverse(position),
                locale == fallback,
                locale,
            ))
        })
        .max_by_key(|&(quality, position, is_fallback, locale)| {
            // The last tie-breaker, for `*` alone, keeps the choice independent of iteration order.
            (
                quality,
                position,
                is_fallback,
                std::cmp::Reverse(index(locale)),
            )
        })
        .map_or(fallback, |(.., locale)| locale)
}

fn index(locale: Locale) -> usize {
    match locale {
        Locale::Ru => 0,
        Locale::Uk => 1,
        Locale::En => 2,
    }
}

/// A qvalue in thousandths: `0`, `0.8`, `0.125`, `1`, `1.000` (RFC 9110 section 12.4.2).
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/// The message `key` in `locale` with `args`; the English one if `locale` lacks it; the key itself
/// if English lacks it too, so a missing translation shows up on the page instead of breaking it.
pub fn message(locale: Locale, key: &str, args: &[(&str, FluentValue)]) -> String {
    let args: FluentArgs = args
        .iter()
        .map(|(name, value)| (*name, value.clone()))
        .collect();
    format_in(locale, key, &args)
        .or_else(|| format_in(Locale::En, key, &args))
        .unwrap_or_else(|| key.to_owned())
}

fn format_in(locale: Locale, key: &str, args: &FluentArgs) -> Option<String> {
    let bundle = bundle(locale);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if !errors.is_empty() {
        // Usually a missing argument: Fluent writes `{$name}` in its place and carries on.
        tracing::warn!(%locale, key, ?errors, "message formatted with errors");
    }
    Some(text.into_owned())
}

/// A sentence saying why a person is not eligible, for the person or an officer to act on.
pub fn refusal(locale: Locale, refusal: &Refusal) -> String {
    let key = refusal.message_key();
    match refusal {
        Refusal::TooYoung { age, min } => message(
            locale,
            key,
            &[
                ("age", FluentValue::from(*age)),
                ("min", FluentValue::from(*min)),
            ],
        ),
        Refusal::TooOld { age, max } => message(
            locale,
            key,
            &[
                ("age", FluentValue::from(*age)),
                ("max", FluentValue::from(*max)),
            ],
        ),
        Refusal::WrongMunicipality { municipality } => message(
            locale,
            key,
            &[("municipality", FluentValue::from(municipality.as_str()))],
        ),
        Refusal::MissingCategory { needed } => {
            let names: Vec<String> = needed.iter().map(|c| category_name(locale, *c)).collect();
            message(
                locale,
                key,
                &[
                    ("categories", FluentValue::from(names.join(", "))),
                    ("count", FluentValue::from(needed.len())),
                ],
            )
        }
        Refusal::CategoryExpired { category, valid_to } => message(
            locale,
            key,
            &[
                (
                    "category",
                    FluentValue::from(category_name(locale, *category)),
                ),
                (
                    "valid_to",
                    FluentValue::from(format_date(locale, *valid_to)),
                ),
            ],
        ),
        Refusal::LowIncomeRequired => message(locale, key, &[]),
    }
}

fn category_key(category: RecipientCategory) -> &'static str {
    use RecipientCategory as C;
    match category {
        C::DisabilityGroup1 => "category-disability-group-1",
        C::DisabilityGroup2 => "category-disability-group-2",
        C::DisabilityGroup3 => "category-disability-group-3",
        C::DisabledChild => "category-disabled-child",
        C::Pensioner => "category-pensioner",
        C::LargeFamily => "category-large-family",
        C::MaternityLeave => "category-maternity-leave",
        C::LowIncome => "category-low-income",
        C::Veteran => "category-veteran",
    }
}

/// A recipient category as people call it: "многодетная семья", "large family".
pub fn category_name(locale: Locale, category: RecipientCategory) -> String {
    message(locale, category_key(category), &[])
}

fn status_key(status: CertificateStatus) -> &'static str {
    use CertificateStatus as S;
    match status {
        S::Draft => "cert-status-draft",
        S::Issued => "cert-status-issued",
        S::Active => "cert-status-active",
        S::Exhausted => "cert-status-exhausted",
        S::Expired => "cert-status-expired",
        S::Revoked => "cert-status-revoked",
    }
}

/// Where a certificate stands, as a recipient reads it: "Действует", "Used up".
pub fn status_name(locale: Locale, status: CertificateStatus) -> String {
    message(locale, status_key(status), &[])
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as printed on documents: `31.12.2026` in Russian and Ukrainian (the usual official form),
/// `31 December 2026` in English (day and month name, so it reads the same to British and American
/// readers; ISO `2026-12-31` stays for JSON and files).
pub fn format_date(locale: Locale, date: Date) -> String {
    let (day, month, year) = (date.day(), date.month(), date.year());
    match locale {
        Locale::Ru | Locale::Uk => format!("{day:02}.{month:02}.{year:04}"),
        Locale::En => {
            // `month()` is 1 to 12; `get` keeps that an assumption instead of a panic.
            let name = usize::try_from(month - 1)
                .ok()
                .and_then(|i| ENGLISH_MONTHS.get(i))
                .copied()
                .unwrap_or_default();
            format!("{day} {name} {year}")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;
    use socert_domain::certificate::{RecipientCategory as C, Refusal};

    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    // --- the translation files ------------------------------------------------------------

    /// Every message id in `locale`'s file, with the variables it uses.
    fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source(locale))
            .unwrap_or_else(|(_, errors)| panic!("{locale}.ftl does not parse: {errors:?}"));
        let mut ids = BTreeMap::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    for pattern in m.value.iter().chain(m.attributes.iter().map(|a| &a.value)) {
                        pattern_vars(pattern, &mut vars);
                    }
                    let previous = ids.insert(m.id.name.to_owned(), vars);
                    assert!(previous.is_none(), "{locale}.ftl: {} twice", m.id.name);
                }
                ast::Entry::Term(t) => panic!("{locale}.ftl: unexpected term -{}", t.id.name),
                ast::Entry::Junk { content } => panic!("{locale}.ftl: junk {content:?}"),
                _ => {}
            }
        }
        ids
    }

    fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for variant in variants {
                    pattern_vars(&variant.value, vars);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, vars),
        }
    }

    fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for arg in &arguments.positional {
                    inline_vars(arg, vars);
                }
                for arg in &arguments.named {
                    inline_vars(&arg.value, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_the_same_messages_with_the_same_variables() {
        let english = messages(Locale::En);
        for locale in [Locale::Ru, Locale::Uk] {
            let other = messages(locale);
            let only_en: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let only_other: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                only_en.is_empty() && only_other.is_empty(),
                "{locale}.ftl lacks {only_en:?} and has extra {only_other:?}"
            );
            for (id, vars) in &english {
                assert_eq!(&other[id], vars, "{locale}.ftl: {id} uses other variables");
            }
        }
    }

    #[test]
    fn bundles_build_without_problems() {
        for locale in Locale::ALL {
            let (_, problems) = build_bundle(locale);
            assert!(problems.is_empty(), "{locale}: {problems:?}");
        }
    }

    #[test]
    fn every_key_the_code_uses_is_translated() {
        let refusals = [
            Refusal::TooYoung { age: 1, min: 3 },
            Refusal::TooOld { age: 1, max: 3 },
            Refusal::WrongMunicipality {
                municipality: String::new(),
            },
            Refusal::MissingCategory { needed: vec![] },
            Refusal::CategoryExpired {
                category: C::Veteran,
                valid_to: date(2026, 1, 1),
            },
            Refusal::LowIncomeRequired,
        ];
        let keys = refusals
            .iter()
            .map(Refusal::message_key)
            .chain(C::ALL.map(category_key))
            .chain(CertificateStatus::ALL.map(status_key));
        let english = messages(Locale::En);
        for key in keys {
            assert!(english.contains_key(key), "en.ftl lacks {key}");
        }
    }

    // --- messages -------------------------------------------------------------------------

    #[test]
    fn a_missing_key_falls_back_to_the_key() {
        assert_eq!(message(Locale::Ru, "no-such-key", &[]), "no-such-key");
        assert_eq!(category_name(Locale::Uk, C::Pensioner), "пенсіонер");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let text = message(
            Locale::En,
            "cert-valid-range",
            &[
                ("from", "1 March 2026".into()),
                ("to", "31 December 2026".into()),
            ],
        );
        assert_eq!(text, "1 March 2026 to 31 December 2026");
    }

    fn too_old(locale: Locale, age: i16, max: u8) -> String {
        refusal(locale, &Refusal::TooOld { age, max })
    }

    #[test]
    fn russian_years_agree_with_the_number() {
        for (age, expected) in [
            (0, "0 лет"),
            (1, "1 год"),
            (2, "2 года"),
            (4, "4 года"),
            (5, "5 лет"),
            (11, "11 лет"),
            (12, "12 лет"),
            (14, "14 лет"),
            (21, "21 год"),
            (22, "22 года"),
            (25, "25 лет"),
            (101, "101 год"),
            (111, "111 лет"),
        ] {
            let text = too_old(Locale::Ru, age, 0);
            assert!(
                text.ends_with(&format!("получателю {expected}.")),
                "{age}: {text}"
            );
        }
        assert_eq!(
            too_old(Locale::Ru, 18, 17),
            "Максимальный возраст участника программы — 17 лет, а получателю 18 лет."
        );
    }

    #[test]
    fn ukrainian_years_agree_with_the_number() {
        for (age, expected) in [
            (0, "0 років"),
            (1, "1 рік"),
            (2, "2 роки"),
            (4, "4 роки"),
            (5, "5 років"),
            (11, "11 років"),
            (21, "21 рік"),
            (23, "23 роки"),
            (25, "25 років"),
        ] {
            let text = too_old(Locale::Uk, age, 0);
            assert!(
                text.ends_with(&format!("отримувачеві {expected}.")),
                "{age}: {text}"
            );
        }
        assert_eq!(
            refusal(Locale::Uk, &Refusal::TooYoung { age: 2, min: 3 }),
            "Мінімальний вік учасника програми — 3 роки, а отримувачеві 2 роки."
        );
    }

    #[test]
    fn a_birth_date_after_the_day_still_gives_a_sentence() {
        // `age_on` is negative for someone recorded as born after the day checked.
        for locale in Locale::ALL {
            let text = refusal(locale, &Refusal::TooYoung { age: -1, min: 3 });
            assert!(text.contains("-1 "), "{locale}: {text}");
        }
    }

    #[test]
    fn english_years_agree_with_the_number() {
        assert_eq!(
            refusal(Locale::En, &Refusal::TooYoung { age: 1, min: 3 }),
            "The program is for people aged 3 and over; the recipient is 1 year old."
        );
        assert_eq!(
            too_old(Locale::En, 18, 17),
            "The program is for people aged up to 17; the recipient is 18 years old."
        );
    }

    #[test]
    fn a_refusal_in_each_language() {
        let expired = Refusal::CategoryExpired {
            category: C::LargeFamily,
            valid_to: date(2025, 12, 31),
        };
        assert_eq!(
            refusal(Locale::Ru, &expired),
            "Документ о категории «многодетная семья» действовал по 31.12.2025: принесите \
             действующий документ."
        );
        assert_eq!(
            refusal(Locale::Uk, &expired),
            "Документ про категорію «багатодітна сімʼя» діяв до 31.12.2025 включно: принесіть \
             чинний документ."
        );
        assert_eq!(
            refusal(Locale::En, &expired),
            "The proof of large family was valid until 31 December 2025: bring a current document."
        );
    }

    #[test]
    fn missing_categories_are_listed_by_their_names() {
        let one = Refusal::MissingCategory {
            needed: vec![C::Veteran],
        };
        let two = Refusal::MissingCategory {
            needed: vec![C::DisabilityGroup1, C::DisabledChild],
        };
        assert_eq!(
            refusal(Locale::Ru, &one),
            "Нужен документ, подтверждающий категорию: ветеран."
        );
        assert_eq!(
            refusal(Locale::Ru, &two),
            "Нужен документ, подтверждающий одну из категорий: инвалидность I группы, \
             ребёнок-инвалид."
        );
        assert_eq!(
            refusal(Locale::Uk, &two),
            "Потрібен документ, що підтверджує одну з категорій: інвалідність I групи, дитина з \
             інвалідністю."
        );
        assert_eq!(
            refusal(Locale::En, &one),
            "The program needs proof of this category: veteran."
        );
    }

    #[test]
    fn other_refusals_read_as_sentences() {
        let elsewhere = Refusal::WrongMunicipality {
            municipality: "Ванино".into(),
        };
        assert_eq!(
            refusal(Locale::Ru, &elsewhere),
            "Программа не действует в муниципальном образовании «Ванино», где живёт получатель."
        );
        assert_eq!(
            refusal(Locale::En, &Refusal::LowIncomeRequired),
            "The program needs current proof of low income."
        );
    }

    #[test]
    fn every_category_and_status_has_a_name_in_every_language() {
        for locale in Locale::ALL {
            let categories: BTreeSet<_> = C::ALL.map(|c| category_name(locale, c)).into();
            assert_eq!(categories.len(), C::ALL.len(), "{locale}");
            let statuses: BTreeSet<_> = CertificateStatus::ALL
                .map(|s| status_name(locale, s))
                .into();
            assert_eq!(statuses.len(), CertificateStatus::ALL.len(), "{locale}");
            for name in categories.iter().chain(&statuses) {
                assert!(!name.starts_with("category-") && !name.starts_with("cert-"));
            }
        }
        assert_eq!(
            category_name(Locale::Ru, C::DisabledChild),
            "ребёнок-инвалид"
        );
        assert_eq!(
            status_name(Locale::En, CertificateStatus::Exhausted),
            "Used up"
        );
    }

    // --- dates ----------------------------------------------------------------------------

    #[test]
    fn dates_as_printed_on_documents() {
        let d = date(2026, 12, 31);
        assert_eq!(format_date(Locale::Ru, d), "31.12.2026");
        assert_eq!(format_date(Locale::Uk, d), "31.12.2026");
        assert_eq!(format_date(Locale::En, d), "31 December 2026");
        assert_eq!(format_date(Locale::Ru, date(2026, 3, 1)), "01.03.2026");
        assert_eq!(format_date(Locale::En, date(2026, 3, 1)), "1 March 2026");
        assert_eq!(format_date(Locale::En, date(2027, 1, 9)), "9 January 2027");
    }

    // --- negotiation ----------------------------------------------------------------------

    #[test]
    fn negotiates_by_quality() {
        use Locale::*;
        for (header, fallback, expected) in [
            ("uk-UA,uk;q=0.9,ru;q=0.8", En, Uk),
            ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", Uk, Ru),
            ("en;q=0.5, uk;q=0.7", Ru, Uk),
            ("de-DE,de;q=0.9,en;q=0.3", Ru, En),
            ("de", Ru, Ru),
            ("de", Uk, Uk),
            ("", En, En),
            ("  ", Uk, Uk),
            // Equal qualities: the one listed first.
            ("en, ru", Uk, En),
            ("ru;q=0.5, en;q=0.5", Uk, Ru),
            // A language named twice takes its highest quality.
            ("ru;q=0.2, en;q=0.5, ru-RU;q=0.9", Uk, Ru),
            // `q=0` rules a language out, even the fallback.
            ("ru;q=0, en;q=0.1", Ru, En),
            ("uk;q=0", Uk, Uk),
            // `*` is every language not named; the fallback first.
            ("*", Uk, Uk),
            ("de, *;q=0.5", En, En),
            ("en;q=0.1, *;q=0.5", En, Ru),
            ("ru;q=0, *", Ru, Uk),
            // Case and spacing do not matter.
            ("EN-gb ; Q = 0.8 , UK;q=0.7", Ru, En),
        ] {
            assert_eq!(negotiate(Some(header), fallback), expected, "{header:?}");
        }
        assert_eq!(negotiate(None, Uk), Uk);
    }

    #[test]
    fn garbage_falls_back() {
        use Locale::*;
        for header in [
            ";;;,,,",
            "q=1",
            "ru;q=abc",
            "ru;q=1.5",
            "ru;q=-1",
            "ru;q=0.1234",
            "ru;q=",
            "uk;q=2, ru;q=.5",
            "\u{0}\u{7f}ру",
            "ukrainian",
        ] {
            assert_eq!(negotiate(Some(header), En), En, "{header:?}");
        }
        assert_eq!(negotiate(Some("ru;q=nope, uk;q=0.1"), En), Uk);
    }

    #[test]
    fn quality_values_in_thousandths() {
        for (text, expected) in [
            ("1", Some(1000)),
            ("1.", Some(1000)),
            ("1.000", Some(1000)),
            ("0", Some(0)),
            ("0.8", Some(800)),
            ("0.05", Some(50)),
            ("0.125", Some(125)),
            ("1.001", None),
            ("0.1234", None),
            ("2", None),
            ("", None),
            (".5", None),
            ("0.+1", None),
        ] {
            assert_eq!(parse_quality(text), expected, "{text:?}");
        }
    }

    #[test]
    fn bundles_are_shared_across_threads() {
        let handles: Vec<_> = Locale::ALL
            .into_iter()
            .map(|locale| {
                std::thread::spawn(move || status_name(locale, CertificateStatus::Active))
            })
            .collect();
        let names: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(names, ["Действует", "Діє", "Active"]);
    }
}
