//! Demo recipients for bulk issuance: a CSV file of realistic Russian people, for tests and
//! benchmarks of the recipient import (the format `socert-web`'s `recipient_csv` reads).
//!
//! People get common Russian surnames in the male or female form (with a few Ukrainian and
//! Korean surnames, as in the Far East), first names and patronymics typical of the decade they
//! were born in (1930 to 2020), an address, often a mobile phone, sometimes an e-mail under the
//! reserved `.example` domain, and the categories people of their age hold: pensioners, disability
//! groups and disabled children with the date the evidence runs to, large families, low income.
//!
//! SNILS numbers have correct control numbers but are made up. The nine-digit body of row `i` is
//! `(offset(seed) + i) * K mod N` moved into the checked range, with `K` coprime to `N`: rows of
//! one file never share a number (up to `N`, about 10^9 rows), and files with other seeds share
//! one only if their offsets happen to lie within the row count of each other.
//!
//! A given share of the rows is bad in exactly one way each (wrong SNILS control number, empty
//! last name, 31 February as birth date, a birth date in the 2090s, an unknown category), at rows
//! picked by the seed; [`bad_lines`] tells which, so a test can check an import report line by
//! line. Pure and deterministic: the same arguments give the same file.

use std::fmt::Write;

use crate::certificate::RecipientCategory;
use crate::demo_registry::{Rng, slug};

/// The header of [`people_csv`].
pub const HEADER: &str = "last_name,first_name,middle_name,birth_date,national_id,municipality,\
                          address,phone,email,categories";

/// Municipalities used when the caller gives none: the capitals of the two demo regions, written
/// as the provider registry demo writes municipalities.
const DEFAULT_MUNICIPALITIES: [&str; 2] = ["Хабаровск", "Красноярск"];

/// Ages and the categories that go with them are computed as of this year.
const REFERENCE_YEAR: i16 = 2026;

/// A CSV file of `count` people (plus the header line), `count * bad_share_percent / 100` of them
/// invalid in one way each (see [`bad_lines`]). Municipalities are picked from `municipalities`,
/// or the two demo regional capitals when it is empty. Lines end with `\n`.
pub fn people_csv(
    count: usize,
    bad_share_percent: u8,
    seed: u64,
    municipalities: &[&str],
) -> String {
    let municipalities = if municipalities.is_empty() {
        &DEFAULT_MUNICIPALITIES[..]
    } else {
        municipalities
    };
    let mut flaws = vec![None; count];
    for (ordinal, index) in bad_rows(count, bad_share_percent, seed)
        .into_iter()
        .enumerate()
    {
        flaws[index] = Some(Flaw::ALL[ordinal % Flaw::ALL.len()]);
    }
    let offset = mix(seed) % SNILS_SPACE;
    let mut rng = Rng::new(mix(seed ^ PEOPLE_STREAM));
    let mut out = String::with_capacity((count + 1) * 160);
    out.push_str(HEADER);
    out.push('\n');
    for (index, flaw) in flaws.into_iter().enumerate() {
        let body = snils_body(offset, index as u64);
        let mut person = Person::generate(&mut rng, body, municipalities);
        if let Some(flaw) = flaw {
            person.spoil(flaw, &mut rng);
        }
        person.write(&mut out);
    }
    out
}

/// The same people as the good rows of [`people_csv`] with `bad_share_percent = 0`, as validated
/// values (for demo data loaded without a file).
pub fn people(
    count: usize,
    seed: u64,
    municipalities: &[&str],
) -> Vec<crate::program::NewRecipient> {
    use crate::certificate::CategoryEvidence;
    use crate::program::{NationalId, NewRecipient, PersonName};
    let municipalities = if municipalities.is_empty() {
        &DEFAULT_MUNICIPALITIES[..]
    } else {
        municipalities
    };
    let offset = mix(seed) % SNILS_SPACE;
    let mut rng = Rng::new(mix(seed ^ PEOPLE_STREAM));
    (0..count)
        .filter_map(|index| {
            let body = snils_body(offset, index as u64);
            let p = Person::generate(&mut rng, body, municipalities);
            let (y, m, d) = p.birth;
            Some(NewRecipient {
                name: PersonName::new(&p.last, p.first, p.middle).ok()?,
                birth_date: jiff::civil::Date::new(y, m, d).ok()?,
                national_id: NationalId::parse(
                    crate::Country::Russia,
                    &format!("{:09}{:02}", p.snils_body, p.snils_control),
                )
                .ok()?,
                municipality: p.municipality,
                address: p.address,
                phone: p.phone,
                email: p.email,
                categories: p
                    .categories
                    .iter()
                    .filter_map(|c| {
                        let (category, valid_to) = match c.split_once(':') {
                            Some((category, to)) => (category, to.parse().ok()),
                            None => (c.as_str(), None),
                        };
                        Some(CategoryEvidence {
                            category: category.parse().ok()?,
                            valid_to,
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The lines of `people_csv(count, bad_share_percent, seed, _)` that hold a bad row, in order
/// (the header is line 1, so row `i` is on line `i + 2`).
pub fn bad_lines(count: usize, bad_share_percent: u8, seed: u64) -> Vec<u64> {
    let mut rows = bad_rows(count, bad_share_percent, seed);
    rows.sort_unstable();
    rows.into_iter().map(|index| index as u64 + 2).collect()
}

/// How a bad row is bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flaw {
    WrongSnilsControl,
    NoLastName,
    NoSuchDate,
    BornInFuture,
    UnknownCategory,
}

impl Flaw {
    const ALL: [Flaw; 5] = [
        Flaw::WrongSnilsControl,
        Flaw::NoLastName,
        Flaw::NoSuchDate,
        Flaw::BornInFuture,
        Flaw::UnknownCategory,
    ];
}

/// Separates the generator's streams: which rows are bad, and the people themselves.
const BAD_ROWS_STREAM: u64 = 0xBAD0_0000_0000_0000;
const PEOPLE_STREAM: u64 = 0x9E09_1E00_0000_0000;

/// The indexes of the bad rows, in the order they were drawn (a partial Fisher-Yates shuffle).
fn bad_rows(count: usize, bad_share_percent: u8, seed: u64) -> Vec<usize> {
    let share = u128::from(bad_share_percent.min(100));
    let bad = (count as u128 * share / 100) as usize;
    let mut rng = Rng::new(mix(seed ^ BAD_ROWS_STREAM));
    let mut rows: Vec<usize> = (0..count).collect();
    for k in 0..bad {
        let other = k + rng.below(count - k);
        rows.swap(k, other);
    }
    rows.truncate(bad);
    rows
}

/// The splitmix64 finalizer (Steele, Lea, Flood, 2014): neighbouring seeds give unrelated
/// numbers, where xorshift seeded with 6 and 7 would start the same.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------------------------
// SNILS
// ---------------------------------------------------------------------------------------------

/// The first body whose control number is checked (001-001-999), and how many bodies there are
/// from it to 999-999-999.
const SNILS_FIRST_CHECKED: u64 = 1_001_999;
const SNILS_SPACE: u64 = 999_999_999 - SNILS_FIRST_CHECKED + 1;
/// Spreads consecutive rows over the whole range. Coprime to `SNILS_SPACE` (= 8861 * 112741), so
/// multiplying by it is a bijection of `0..SNILS_SPACE`.
const SNILS_STRIDE: u64 = 701_408_733;

/// The SNILS body (the first nine digits) of row `index`.
fn snils_body(offset: u64, index: u64) -> u64 {
    let position = (offset + index) % SNILS_SPACE;
    // Both factors are below 10^9, so the product fits in u64.
    SNILS_FIRST_CHECKED + position * SNILS_STRIDE % SNILS_SPACE
}

/// The control number of a body above 001-001-998: the digits weighted 9 (first) down to 1
/// (last), summed, mod 101, where 100 counts as 00. The domain's own rule is in `taxid.rs`; the
/// tests check that `Snils::parse` accepts what this computes.
fn snils_control(body: u64) -> u64 {
    let mut rest = body;
    let mut sum = 0;
    for weight in 1..=9 {
        sum += rest % 10 * weight;
        rest /= 10;
    }
    match sum % 101 {
        100 => 0,
        control => control,
    }
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/// One row of the file, as text.
struct Person {
    last: String,
    first: &'static str,
    middle: &'static str,
    birth: (i16, i8, i8),
    birth_text: String,
    snils_body: u64,
    snils_control: u64,
    /// Printed as `112-233-445 95` (most people) or as eleven bare digits.
    snils_grouped: bool,
    municipality: String,
    address: String,
    phone: String,
    email: String,
    categories: Vec<String>,
}

impl Person {
    fn generate(rng: &mut Rng, snils_body: u64, municipalities: &[&str]) -> Person {
        let female = rng.chance(53);
        let year = rng.between(1930, 2020) as i16;
        let month = rng.between(1, 12) as i8;
        let days = jiff::civil::Date::new(year, month, 1).map_or(28, |d| d.days_in_month());
        let day = rng.between(1, days as u32) as i8;
        let generation = match year {
            ..1960 => &GENERATIONS[0],
            1960..1990 => &GENERATIONS[1],
            _ => &GENERATIONS[2],
        };
        let (he, she) = rng.pick(SURNAMES);
        let last = if female { she } else { he };
        let first = rng.pick(if female {
            generation.female
        } else {
            generation.male
        });
        let (son, daughter) = rng.pick(generation.patronymics);
        // A few people have no patronymic (or did not give one).
        let middle = match (rng.chance(2), female) {
            (true, _) => "",
            (false, true) => daughter,
            (false, false) => son,
        };
        let age = REFERENCE_YEAR - year;
        let mut person = Person {
            last: last.to_owned(),
            first,
            middle,
            birth: (year, month, day),
            birth_text: format!("{year:04}-{month:02}-{day:02}"),
            snils_body,
            snils_control: snils_control(snils_body),
            snils_grouped: rng.chance(90),
            municipality: rng.pick(municipalities).to_owned(),
            address: address(rng),
            phone: String::new(),
            email: String::new(),
            categories: Vec::new(),
        };
        // Young children have no phone or e-mail of their own.
        if age >= 12 && rng.chance(80) {
            person.phone = mobile_phone(rng);
        }
        if age >= 14 && rng.chance(if age < 60 { 45 } else { 15 }) {
            person.email = email(rng, first, last);
        }
        person.categories = categories(rng, person.birth, age);
        person
    }

    /// Makes the row bad in exactly one way.
    fn spoil(&mut self, flaw: Flaw, rng: &mut Rng) {
        match flaw {
            Flaw::WrongSnilsControl => {
                self.snils_control = (self.snils_control + u64::from(rng.between(1, 99))) % 100;
            }
            Flaw::NoLastName => self.last.clear(),
            Flaw::NoSuchDate => "31.02.2020".clone_into(&mut self.birth_text),
            Flaw::BornInFuture => {
                // Decades after any run of the tests: the parser compares with its `today`.
                let year = rng.between(2090, 2099);
                self.birth_text = format!("{year}-{:02}-{:02}", self.birth.1, self.birth.2.min(28));
            }
            Flaw::UnknownCategory => {
                let typo =
                    rng.pick(&["pensionner", "disability_group_4", "многодетные", "invalid"]);
                self.categories.push(typo.to_owned());
            }
        }
    }

    fn write(&self, out: &mut String) {
        let snils = format!("{:09}{:02}", self.snils_body, self.snils_control);
        let snils = if self.snils_grouped {
            format!(
                "{}-{}-{} {}",
                &snils[..3],
                &snils[3..6],
                &snils[6..9],
                &snils[9..]
            )
        } else {
            snils
        };
        let fields = [
            self.last.as_str(),
            self.first,
            self.middle,
            &self.birth_text,
            &snils,
            &self.municipality,
            &self.address,
            &self.phone,
            &self.email,
            &self.categories.join(";"),
        ];
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(out, field);
        }
        out.push('\n');
    }
}

/// Appends `field`, quoted (with quotes doubled) if it holds a comma, a quote or a line break.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// `ул. Ленина, д. 12, кв. 45`; a quarter live in a house of their own, without a flat number.
fn address(rng: &mut Rng) -> String {
    let street = rng.pick(STREETS);
    let house = rng.between(1, 120);
    let mut address = format!("{street}, д. {house}");
    if rng.chance(15) {
        let _ = write!(address, ", корп. {}", rng.between(1, 4));
    }
    if rng.chance(75) {
        let _ = write!(address, ", кв. {}", rng.between(1, 240));
    }
    address
}

/// `+7 914 123-45-67`.
fn mobile_phone(rng: &mut Rng) -> String {
    let operator = rng.pick(&[
        "914", "924", "962", "999", "902", "913", "923", "950", "983",
    ]);
    let digits = rng.digits(7);
    format!(
        "+7 {operator} {}-{}-{}",
        &digits[..3],
        &digits[3..5],
        &digits[5..]
    )
}

/// `olga.kuznetsova71@mail.example`.
fn email(rng: &mut Rng, first: &str, last: &str) -> String {
    let domain = rng.pick(&[
        "mail.example",
        "yandex.example",
        "inbox.example",
        "list.example",
    ]);
    let number = rng.between(1, 99);
    format!("{}.{}{number}@{domain}", slug(first), slug(last))
}

/// The categories someone born on `birth`, `age` years old, plausibly holds, as the file writes
/// them (`pensioner`, `disability_group_2:2027-03-31`).
fn categories(rng: &mut Rng, birth: (i16, i8, i8), age: i16) -> Vec<String> {
    let mut held = Vec::new();
    let until = |rng: &mut Rng, from: u32, to: u32| {
        let year = rng.between(from, to);
        let month = rng.between(1, 12);
        let day = rng.between(1, 28);
        format!("{year}-{month:02}-{day:02}")
    };
    if age >= 60 && rng.chance(85) {
        held.push(RecipientCategory::Pensioner.to_string());
    }
    if age >= 18 && rng.chance(8) {
        let group = match rng.between(1, 20) {
            1..=3 => RecipientCategory::DisabilityGroup1,
            4..=10 => RecipientCategory::DisabilityGroup2,
            _ => RecipientCategory::DisabilityGroup3,
        };
        // Group 1 is often set without a re-examination date; groups 2 and 3 are reviewed.
        if group == RecipientCategory::DisabilityGroup1 && rng.chance(50) {
            held.push(group.to_string());
        } else {
            held.push(format!("{group}:{}", until(rng, 2026, 2029)));
        }
    }
    if age < 18 && rng.chance(3) {
        // Until the child turns 18.
        let (year, month, day) = birth;
        held.push(format!(
            "{}:{:04}-{month:02}-{:02}",
            RecipientCategory::DisabledChild,
            year + 18,
            day.min(28)
        ));
    }
    if (25..=50).contains(&age) && rng.chance(6) {
        held.push(format!(
            "{}:{}",
            RecipientCategory::LargeFamily,
            until(rng, 2027, 2035)
        ));
    }
    if age >= 18 && rng.chance(6) {
        // Low-income status is granted for a year at a time.
        held.push(format!(
            "{}:{}",
            RecipientCategory::LowIncome,
            until(rng, 2026, 2027)
        ));
    }
    held
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// Common Russian surnames (male, female), with some Ukrainian and Korean ones that do not change
/// with gender, as everywhere in the Far East and Siberia.
#[rustfmt::skip]
const SURNAMES: &[(&str, &str)] = &[
    ("Иванов", "Иванова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"), ("Попов", "Попова"),
    ("Васильев", "Васильева"), ("Петров", "Петрова"), ("Соколов", "Соколова"), ("Михайлов", "Михайлова"),
    ("Новиков", "Новикова"), ("Фёдоров", "Фёдорова"), ("Морозов", "Морозова"), ("Волков", "Волкова"),
    ("Алексеев", "Алексеева"), ("Лебедев", "Лебедева"), ("Семёнов", "Семёнова"), ("Егоров", "Егорова"),
    ("Павлов", "Павлова"), ("Козлов", "Козлова"), ("Степанов", "Степанова"), ("Николаев", "Николаева"),
    ("Орлов", "Орлова"), ("Андреев", "Андреева"), ("Макаров", "Макарова"), ("Никитин", "Никитина"),
    ("Захаров", "Захарова"), ("Зайцев", "Зайцева"), ("Соловьёв", "Соловьёва"), ("Борисов", "Борисова"),
    ("Яковлев", "Яковлева"), ("Григорьев", "Григорьева"), ("Романов", "Романова"), ("Воробьёв", "Воробьёва"),
    ("Сергеев", "Сергеева"), ("Кузьмин", "Кузьмина"), ("Фролов", "Фролова"), ("Александров", "Александрова"),
    ("Дмитриев", "Дмитриева"), ("Королёв", "Королёва"), ("Гусев", "Гусева"), ("Киселёв", "Киселёва"),
    ("Ильин", "Ильина"), ("Максимов", "Максимова"), ("Поляков", "Полякова"), ("Сорокин", "Сорокина"),
    ("Виноградов", "Виноградова"), ("Ковалёв", "Ковалёва"), ("Белов", "Белова"), ("Медведев", "Медведева"),
    ("Антонов", "Антонова"), ("Тарасов", "Тарасова"), ("Жуков", "Жукова"), ("Баранов", "Баранова"),
    ("Филиппов", "Филиппова"), ("Комаров", "Комарова"), ("Давыдов", "Давыдова"), ("Беляев", "Беляева"),
    ("Герасимов", "Герасимова"), ("Богданов", "Богданова"), ("Осипов", "Осипова"), ("Сидоров", "Сидорова"),
    ("Матвеев", "Матвеева"), ("Титов", "Титова"), ("Марков", "Маркова"), ("Миронов", "Миронова"),
    ("Крылов", "Крылова"), ("Куликов", "Куликова"), ("Карпов", "Карпова"), ("Власов", "Власова"),
    ("Мельников", "Мельникова"), ("Денисов", "Денисова"), ("Гаврилов", "Гаврилова"), ("Тихонов", "Тихонова"),
    ("Казаков", "Казакова"), ("Афанасьев", "Афанасьева"), ("Данилов", "Данилова"), ("Савельев", "Савельева"),
    ("Тимофеев", "Тимофеева"), ("Фомин", "Фомина"), ("Чернов", "Чернова"), ("Абрамов", "Абрамова"),
    ("Мартынов", "Мартынова"), ("Ефимов", "Ефимова"), ("Федотов", "Федотова"), ("Щербаков", "Щербакова"),
    ("Назаров", "Назарова"), ("Калинин", "Калинина"), ("Исаев", "Исаева"), ("Чернышёв", "Чернышёва"),
    ("Быков", "Быкова"), ("Маслов", "Маслова"), ("Родионов", "Родионова"), ("Коновалов", "Коновалова"),
    ("Лазарев", "Лазарева"), ("Воронин", "Воронина"), ("Климов", "Климова"), ("Филатов", "Филатова"),
    ("Пономарёв", "Пономарёва"), ("Голубев", "Голубева"), ("Кудрявцев", "Кудрявцева"), ("Прохоров", "Прохорова"),
    ("Наумов", "Наумова"), ("Потапов", "Потапова"), ("Журавлёв", "Журавлёва"), ("Овчинников", "Овчинникова"),
    ("Трофимов", "Трофимова"), ("Леонов", "Леонова"), ("Соболев", "Соболева"), ("Ермаков", "Ермакова"),
    ("Колесников", "Колесникова"), ("Гончаров", "Гончарова"), ("Емельянов", "Емельянова"), ("Никифоров", "Никифорова"),
    ("Грачёв", "Грачёва"), ("Котов", "Котова"), ("Гришин", "Гришина"), ("Ефремов", "Ефремова"),
    ("Архипов", "Архипова"), ("Громов", "Громова"), ("Кириллов", "Кириллова"), ("Малышев", "Малышева"),
    ("Панов", "Панова"), ("Моисеев", "Моисеева"), ("Румянцев", "Румянцева"), ("Акимов", "Акимова"),
    ("Покровский", "Покровская"), ("Вишневский", "Вишневская"), ("Островский", "Островская"),
    ("Жуковский", "Жуковская"), ("Толстой", "Толстая"), ("Луговой", "Луговая"),
    ("Шевченко", "Шевченко"), ("Бондаренко", "Бондаренко"), ("Кравченко", "Кравченко"), ("Ковальчук", "Ковальчук"),
    ("Черных", "Черных"), ("Седых", "Седых"), ("Ким", "Ким"), ("Пак", "Пак"), ("Цой", "Цой"), ("Ли", "Ли"),
];

/// First names and fathers' names typical of people born in one span of years.
struct Generation {
    male: &'static [&'static str],
    female: &'static [&'static str],
    /// (son's, daughter's) patronymic, from names common a generation earlier.
    patronymics: &'static [(&'static str, &'static str)],
}

#[rustfmt::skip]
const GENERATIONS: [Generation; 3] = [
    // Born 1930-1959.
    Generation {
        male: &["Виктор", "Николай", "Владимир", "Анатолий", "Геннадий", "Валерий", "Юрий", "Борис", "Александр",
            "Василий", "Евгений", "Леонид", "Иван", "Михаил", "Пётр"],
        female: &["Валентина", "Галина", "Нина", "Зинаида", "Людмила", "Тамара", "Раиса", "Лидия", "Антонина",
            "Мария", "Надежда", "Вера", "Клавдия", "Любовь", "Александра"],
        patronymics: &[("Иванович", "Ивановна"), ("Петрович", "Петровна"), ("Фёдорович", "Фёдоровна"),
            ("Михайлович", "Михайловна"), ("Степанович", "Степановна"), ("Григорьевич", "Григорьевна"),
            ("Васильевич", "Васильевна"), ("Николаевич", "Николаевна"), ("Алексеевич", "Алексеевна"),
            ("Семёнович", "Семёновна"), ("Павлович", "Павловна"), ("Егорович", "Егоровна"),
            ("Кузьмич", "Кузьминична"), ("Ильич", "Ильинична")],
    },
    // Born 1960-1989.
    Generation {
        male: &["Сергей", "Андрей", "Алексей", "Дмитрий", "Игорь", "Олег", "Александр", "Евгений", "Михаил",
            "Владимир", "Роман", "Денис", "Павел", "Вадим", "Константин"],
        female: &["Ольга", "Елена", "Татьяна", "Ирина", "Наталья", "Светлана", "Марина", "Юлия", "Оксана",
            "Екатерина", "Анна", "Лариса", "Евгения", "Галина", "Инна"],
        patronymics: &[("Викторович", "Викторовна"), ("Николаевич", "Николаевна"),
            ("Владимирович", "Владимировна"), ("Анатольевич", "Анатольевна"), ("Геннадьевич", "Геннадьевна"),
            ("Валерьевич", "Валерьевна"), ("Юрьевич", "Юрьевна"), ("Борисович", "Борисовна"),
            ("Александрович", "Александровна"), ("Васильевич", "Васильевна"), ("Евгеньевич", "Евгеньевна"),
            ("Леонидович", "Леонидовна"), ("Иванович", "Ивановна"), ("Михайлович", "Михайловна")],
    },
    // Born 1990-2020.
    Generation {
        male: &["Александр", "Максим", "Артём", "Иван", "Михаил", "Кирилл", "Даниил", "Матвей", "Тимофей",
            "Дмитрий", "Никита", "Егор", "Илья", "Владислав", "Марк"],
        female: &["Анастасия", "Мария", "Дарья", "Анна", "Софья", "Полина", "Алиса", "Виктория", "Елизавета",
            "Ксения", "Валерия", "Алёна", "Екатерина", "Варвара", "Вероника"],
        patronymics: &[("Сергеевич", "Сергеевна"), ("Андреевич", "Андреевна"), ("Алексеевич", "Алексеевна"),
            ("Дмитриевич", "Дмитриевна"), ("Игоревич", "Игоревна"), ("Олегович", "Олеговна"),
            ("Александрович", "Александровна"), ("Евгеньевич", "Евгеньевна"), ("Михайлович", "Михайловна"),
            ("Владимирович", "Владимировна"), ("Романович", "Романовна"), ("Денисович", "Денисовна"),
            ("Вадимович", "Вадимовна"), ("Константинович", "Константиновна")],
    },
];

/// Street names found in most Russian towns.
#[rustfmt::skip]
const STREETS: &[&str] = &[
    "ул. Ленина", "ул. Советская", "ул. Мира", "ул. Молодёжная", "ул. Школьная", "ул. Садовая", "ул. Лесная",
    "ул. Набережная", "ул. Октябрьская", "ул. Комсомольская", "ул. Пионерская", "ул. Гагарина", "ул. Кирова",
    "ул. Пушкина", "ул. Строителей", "ул. Первомайская", "ул. Заречная", "ул. Северная", "ул. Центральная",
    "ул. Карла Маркса", "ул. Горького", "ул. Чехова", "ул. Калинина", "ул. Суворова", "ул. 40 лет Победы",
    "проспект Мира", "проспект Ленина", "пер. Почтовый", "пер. Школьный", "бульвар Победы",
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::Snils;

    const PLACES: [&str; 3] = ["Хабаровск", "Комсомольск-на-Амуре", "Амурск"];

    /// The rows of a generated file, split into fields (only addresses are quoted, and they hold
    /// no quotes).
    fn rows(csv: &str) -> Vec<Vec<String>> {
        csv.lines()
            .skip(1)
            .map(|line| {
                let mut fields = Vec::new();
                let mut field = String::new();
                let mut quoted = false;
                for c in line.chars() {
                    match c {
                        '"' => quoted = !quoted,
                        ',' if !quoted => fields.push(std::mem::take(&mut field)),
                        _ => field.push(c),
                    }
                }
                fields.push(field);
                fields
            })
            .collect()
    }

    fn good_rows(count: usize, share: u8, seed: u64) -> Vec<Vec<String>> {
        let bad: HashSet<u64> = bad_lines(count, share, seed).into_iter().collect();
        rows(&people_csv(count, share, seed, &PLACES))
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !bad.contains(&(*i as u64 + 2)))
            .map(|(_, row)| row)
            .collect()
    }

    #[test]
    fn structured_people_are_valid_and_match_the_file() {
        let people = people(50, 3, &["08701000"]);
        assert_eq!(people.len(), 50);
        let csv = people_csv(50, 0, 3, &["08701000"]);
        let second_row = csv.lines().nth(1).unwrap();
        assert!(second_row.contains(&people[0].name.last), "{second_row}");
    }

    #[test]
    fn the_file_has_the_header_and_one_line_per_person() {
        let csv = people_csv(50, 10, 1, &PLACES);
        assert!(csv.starts_with(&format!("{HEADER}\n")));
        assert_eq!(csv.lines().count(), 51);
        assert!(rows(&csv).iter().all(|row| row.len() == 10));
    }

    #[test]
    fn good_rows_have_valid_snils_names_and_dates() {
        for row in good_rows(2000, 10, 42) {
            let snils = Snils::parse(&row[4]);
            assert!(snils.is_ok(), "{}: {snils:?}", row[4]);
            assert!(!row[0].is_empty() && !row[1].is_empty(), "{row:?}");
            let birth: jiff::civil::Date = row[3].parse().unwrap();
            assert!((1930..=2020).contains(&birth.year()), "{row:?}");
            assert!(PLACES.contains(&row[5].as_str()), "{row:?}");
            for category in row[9].split(';').filter(|c| !c.is_empty()) {
                let (name, until) = category.split_once(':').unwrap_or((category, ""));
                assert!(name.parse::<RecipientCategory>().is_ok(), "{category}");
                assert!(until.is_empty() || until.parse::<jiff::civil::Date>().is_ok());
            }
        }
    }

    #[test]
    fn the_control_number_is_the_one_snils_parse_expects() {
        assert_eq!(snils_control(112_233_445), 95);
        assert_eq!(snils_control(1_001_999), 65);
        for index in 0..10_000 {
            let body = snils_body(mix(3) % SNILS_SPACE, index);
            assert!((SNILS_FIRST_CHECKED..=999_999_999).contains(&body));
            let number = format!("{body:09}{:02}", snils_control(body));
            assert!(Snils::parse(&number).is_ok(), "{number}");
        }
    }

    #[test]
    fn the_stride_is_coprime_to_the_range() {
        let gcd = |mut a: u64, mut b: u64| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        assert_eq!(gcd(SNILS_STRIDE, SNILS_SPACE), 1);
    }

    #[test]
    fn the_share_of_bad_rows_is_exact() {
        for (count, share) in [(1000, 5), (999, 5), (100, 0), (7, 100), (0, 50), (3, 200)] {
            let lines = bad_lines(count, share, 9);
            let expected = count * usize::from(share.min(100)) / 100;
            assert_eq!(lines.len(), expected, "{count} rows, {share}%");
            assert!(lines.windows(2).all(|w| w[0] < w[1]));
            assert!(lines.iter().all(|&l| (2..count as u64 + 2).contains(&l)));
        }
    }

    #[test]
    fn bad_rows_are_bad_in_one_way_each_and_the_others_are_not() {
        let count = 1000;
        let bad: HashSet<u64> = bad_lines(count, 5, 7).into_iter().collect();
        let mut flaws = [0; 5];
        for (i, row) in rows(&people_csv(count, 5, 7, &PLACES)).iter().enumerate() {
            let line = i as u64 + 2;
            let problems = [
                Snils::parse(&row[4]).is_err(),
                row[0].is_empty(),
                row[3] == "31.02.2020",
                row[3].starts_with("209"),
                row[9].split(';').filter(|c| !c.is_empty()).any(|c| {
                    c.split(':')
                        .next()
                        .unwrap()
                        .parse::<RecipientCategory>()
                        .is_err()
                }),
            ];
            let found = problems.iter().filter(|p| **p).count();
            assert_eq!(
                found,
                usize::from(bad.contains(&line)),
                "line {line}: {row:?}"
            );
            for (kind, problem) in problems.iter().enumerate() {
                flaws[kind] += usize::from(*problem);
            }
        }
        assert_eq!(flaws, [10; 5], "50 bad rows, each kind 10 times");
    }

    #[test]
    fn a_seed_gives_the_same_file_and_another_seed_another() {
        let a = people_csv(300, 5, 11, &PLACES);
        assert_eq!(a, people_csv(300, 5, 11, &PLACES));
        assert_eq!(bad_lines(300, 5, 11), bad_lines(300, 5, 11));
        assert_ne!(a, people_csv(300, 5, 12, &PLACES));
        assert_ne!(bad_lines(300, 5, 11), bad_lines(300, 5, 12));
    }

    fn snils_set(csv: &str) -> HashSet<String> {
        rows(csv)
            .into_iter()
            .map(|row| {
                row[4]
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(9)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_hundred_thousand_people_have_a_hundred_thousand_snils() {
        let csv = people_csv(100_000, 0, 1, &PLACES);
        assert_eq!(snils_set(&csv).len(), 100_000);
    }

    #[test]
    fn files_with_other_seeds_share_no_snils() {
        let mut all = HashSet::new();
        for seed in 0..10 {
            let csv = people_csv(10_000, 0, seed, &PLACES);
            all.extend(snils_set(&csv));
        }
        assert_eq!(all.len(), 100_000);
    }

    #[test]
    fn people_look_like_people() {
        let rows = good_rows(5000, 0, 5);
        let share = |test: &dyn Fn(&Vec<String>) -> bool| {
            rows.iter().filter(|row| test(row)).count() * 100 / rows.len()
        };
        // Women with a female patronymic, men with a male one.
        assert!(rows.iter().all(|row| {
            let middle = &row[2];
            middle.is_empty()
                || (middle.ends_with("вна") || middle.ends_with("чна")) != middle.ends_with("ич")
        }));
        let pensioners = share(&|row| row[9].contains("pensioner"));
        assert!((25..45).contains(&pensioners), "{pensioners}% pensioners");
        let with_phone = share(&|row| !row[7].is_empty());
        assert!((50..90).contains(&with_phone), "{with_phone}% with a phone");
        assert!(
            rows.iter()
                .all(|row| row[8].is_empty() || row[8].ends_with(".example"))
        );
        let grouped = share(&|row| row[4].contains('-'));
        assert!((85..95).contains(&grouped), "{grouped}% grouped SNILS");
        let places: HashSet<&str> = rows.iter().map(|row| row[5].as_str()).collect();
        assert_eq!(places.len(), PLACES.len());
    }

    #[test]
    fn no_municipalities_means_the_demo_capitals() {
        let rows = rows(&people_csv(100, 0, 1, &[]));
        assert!(
            rows.iter()
                .all(|row| DEFAULT_MUNICIPALITIES.contains(&row[5].as_str()))
        );
    }
}
