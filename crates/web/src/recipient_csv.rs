//! Bulk issuance files: a CSV file or XLSX workbook of recipients, read into validated
//! [`NewRecipient`]s row by row (how either is read as a table: [`crate::table`]).
//!
//! The header names the columns, in any order: `last_name, first_name, middle_name,
//! birth_date, national_id, municipality, address, phone, email, categories`; other columns are
//! ignored. `middle_name`, `address`, `phone`, `email` and `categories` may be left empty.
//! `categories` lists `category` or `category:YYYY-MM-DD` (the day the evidence runs to)
//! separated by `;`, e.g. `pensioner;disability_group_2:2027-03-31`.
//!
//! Dates are `YYYY-MM-DD` or `DD.MM.YYYY` (Excel in a Russian locale rewrites dates it recognises
//! so when it saves CSV); in a workbook, date cells are read as dates whatever their format.
//!
//! A problem with the file as a whole (not UTF-8, no header, a column missing, too many rows) is a
//! [`FileError`]; otherwise every row gets a [`ParsedRow`] with either the recipient or every
//! problem found in it, so an officer can fix the whole file in one pass.

use std::collections::HashMap;

use fluent_bundle::FluentValue;
use serde::Serialize;
use socert_domain::certificate::CertificateError;
use socert_domain::certificate::{CategoryEvidence, RecipientCategory};
use socert_domain::program::{NationalId, NewRecipient, PersonName, RecipientError, text_field};
use socert_domain::{Country, Date, Locale, TaxIdError, TaxIdKind};
use utoipa::ToSchema;

use crate::table::{TableError, read_table};

/// The most data rows one file may have.
pub const MAX_ROWS: usize = 200_000;

// What is wrong in one row of an uploaded file: the column (or `row` for the row as a whole) and
// what to do about it. Shared by every bulk import. (A plain comment: a doc comment would become
// the schema's description and change the OpenAPI document.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RowError {
    pub field: String,
    pub message: String,
}

impl RowError {
    pub fn new(field: &str, message: impl ToString) -> Self {
        Self {
            field: field.to_owned(),
            message: message.to_string(),
        }
    }
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRow {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    pub result: Result<NewRecipient, Vec<RowError>>,
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file has no header: its first row must name the columns ({})", COLUMNS.join(","))]
    NoHeader,
    #[error("the header has no column {}: the header row must name the columns ({})",
        .0.join(", "), COLUMNS.join(","))]
    MissingColumns(Vec<String>),
    #[error("the header has the column {0} twice")]
    DuplicateColumn(String),
    /// Not a CSV file or workbook that can be read (other than a missing header).
    #[error(transparent)]
    Table(TableError),
}

impl FileError {
    /// The error in `locale` (the `Display` text is the English one).
    pub fn said(&self, locale: Locale) -> String {
        let columns = ("columns", COLUMNS.join(",").into());
        match self {
            FileError::NoHeader => say(locale, "file-no-header-columns", &[columns]),
            FileError::MissingColumns(missing) => say(
                locale,
                "file-missing-columns",
                &[("missing", missing.join(", ").into()), columns],
            ),
            FileError::DuplicateColumn(column) => say(
                locale,
                "file-duplicate-column",
                &[("column", column.clone().into())],
            ),
            FileError::Table(err) => err.said(locale),
        }
    }
}

impl From<TableError> for FileError {
    fn from(err: TableError) -> Self {
        match err {
            TableError::NoHeader => FileError::NoHeader,
            other => FileError::Table(other),
        }
    }
}

/// The columns of the file.
///
/// All are required in the header, even those whose values may be empty: as other columns are
/// ignored, a misspelt `middle_name` would otherwise silently drop every patronymic.
pub const COLUMNS: [&str; 10] = [
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "national_id",
    "municipality",
    "address",
    "phone",
    "email",
    "categories",
];

/// Reads a bulk issuance file of people in `country` (whose national id they must have), checking
/// birth dates against `today`. Row problems are said in `locale`.
pub fn parse_recipients(
    bytes: &[u8],
    country: Country,
    today: Date,
    locale: Locale,
) -> Result<Vec<ParsedRow>, FileError> {
    let table = read_table(bytes, MAX_ROWS, &COLUMNS)?;
    let columns = Columns::find(&table.header)?;
    let mut rows = RowParser {
        columns,
        header_len: table.header.len(),
        country,
        today,
        locale,
        first_line_of: HashMap::new(),
    };
    Ok(table
        .rows
        .into_iter()
        .map(|row| ParsedRow {
            line: row.line,
            result: match row.cells {
                Ok(record) => rows.parse(row.line, &record),
                Err(why) => Err(vec![RowError::new("row", why.said(locale))]),
            },
        })
        .collect())
}

/// An empty list of recipients to fill in: the header, and columns formatted so that what an
/// officer types stays as typed. National ids, municipality codes and phones are text cells
/// (a number cell drops the leading zero of an OKTMO code or a SNILS); birth dates are date cells.
pub fn template_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    // A fixed date: the template is the same file on every download.
    workbook.set_properties(
        &DocProperties::new()
            .set_title("socert: recipients")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("recipients")?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (column, name) in COLUMNS.iter().enumerate() {
        let format = if column == BIRTH_DATE { &date } else { &text };
        let column = column as u16;
        sheet.set_column_format(column, format)?;
        sheet.set_column_width(column, 18)?;
        sheet.write_with_format(0, column, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

/// Where each of [`COLUMNS`] is in the file's rows.
struct Columns([usize; COLUMNS.len()]);

const LAST_NAME: usize = 0;
const FIRST_NAME: usize = 1;
const MIDDLE_NAME: usize = 2;
const BIRTH_DATE: usize = 3;
const NATIONAL_ID: usize = 4;
const MUNICIPALITY: usize = 5;
const ADDRESS: usize = 6;
const PHONE: usize = 7;
const EMAIL: usize = 8;
const CATEGORIES: usize = 9;

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Self, FileError> {
        if header.iter().all(|name| name.trim().is_empty()) {
            return Err(FileError::NoHeader);
        }
        let mut positions = [None; COLUMNS.len()];
        for (position, name) in header.iter().enumerate() {
            let Some(column) = COLUMNS.iter().position(|c| *c == name.trim()) else {
                continue;
            };
            if positions[column].replace(position).is_some() {
                return Err(FileError::DuplicateColumn(COLUMNS[column].to_owned()));
            }
        }
        let missing: Vec<String> = (COLUMNS.iter().zip(positions))
            .filter(|(_, position)| position.is_none())
            .map(|(name, _)| (*name).to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(FileError::MissingColumns(missing));
        }
        Ok(Columns(positions.map(|p| p.unwrap_or_default())))
    }
}

/// What checking one row needs from the rest of the file.
struct RowParser {
    columns: Columns,
    header_len: usize,
    country: Country,
    today: Date,
    locale: Locale,
    /// The line each national id was first seen on.
    first_line_of: HashMap<String, u64>,
}

/// A recipient's free-text fields, as an API body or a file row gives them.
#[derive(Debug, Clone, Copy)]
pub struct RecipientText<'a> {
    pub last_name: &'a str,
    pub first_name: &'a str,
    pub middle_name: &'a str,
    pub municipality: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
}

/// The one check of a recipient's fields, for the API and for files alike: every problem is
/// reported, not only the first, in `locale`. The birth date, national id and categories come
/// parsed by the caller (their written forms differ between a file and a JSON body); their rules
/// that do not depend on the form (a birth date in the past, after 1900) are checked here.
pub fn check_recipient(
    text: &RecipientText<'_>,
    birth_date: Result<Date, RowError>,
    national_id: Result<NationalId, RowError>,
    categories: Result<Vec<CategoryEvidence>, Vec<RowError>>,
    today: Date,
    locale: Locale,
) -> Result<NewRecipient, Vec<RowError>> {
    let mut errors = Vec::new();
    let name = |field, value, optional| name_part(field, value, optional, locale);
    let last = kept(&mut errors, name("last_name", text.last_name, false));
    let first = kept(&mut errors, name("first_name", text.first_name, false));
    let middle = kept(&mut errors, name("middle_name", text.middle_name, true));
    let birth_date = kept(
        &mut errors,
        birth_date.and_then(|d| lived(d, today, locale)),
    );
    let national_id = kept(&mut errors, national_id);
    let municipality = kept(
        &mut errors,
        plain_text(
            "municipality",
            text.municipality,
            MUNICIPALITY_MAX_CHARS,
            false,
            locale,
        ),
    );
    let address = kept(
        &mut errors,
        plain_text("address", text.address, 500, true, locale),
    );
    let phone = kept(&mut errors, phone(text.phone, locale));
    let email = kept(&mut errors, email(text.email, locale));
    let categories = match categories {
        Ok(categories) => Some(categories),
        Err(mut found) => {
            errors.append(&mut found);
            None
        }
    };
    let (
        Some(last),
        Some(first),
        Some(middle),
        Some(birth_date),
        Some(national_id),
        Some(municipality),
        Some(address),
        Some(phone),
        Some(email),
        Some(categories),
    ) = (
        last,
        first,
        middle,
        birth_date,
        national_id,
        municipality,
        address,
        phone,
        email,
        categories,
    )
    else {
        return Err(errors);
    };
    let name =
        PersonName::new(&last, &first, &middle).map_err(|e| vec![recipient_error(e, locale)])?;
    Ok(NewRecipient {
        name,
        birth_date,
        national_id,
        municipality,
        address,
        phone,
        email,
        categories,
    })
}

/// Municipality codes (OKTMO has 8 or 11 digits) or names; the API has allowed 64 characters.
const MUNICIPALITY_MAX_CHARS: usize = 64;

/// Names are checked as [`PersonName::new`] checks them, but part by part, so that a row reports
/// every part that is wrong.
const NAME_MAX_CHARS: usize = 100;

/// The API has allowed 200 characters.
const EMAIL_MAX_CHARS: usize = 200;

impl RowParser {
    fn parse(
        &mut self,
        line: u64,
        record: &csv::StringRecord,
    ) -> Result<NewRecipient, Vec<RowError>> {
        if record.len() != self.header_len {
            // Fields have most likely shifted: checking them under the wrong names would only
            // add confusing messages.
            return Err(vec![RowError::new(
                "row",
                say(
                    self.locale,
                    "row-field-count",
                    &[
                        ("fields", record.len().to_string().into()),
                        ("header", self.header_len.to_string().into()),
                    ],
                ),
            )]);
        }
        let positions = self.columns.0;
        let field = |column: usize| record.get(positions[column]).unwrap_or_default();
        let text = RecipientText {
            last_name: field(LAST_NAME),
            first_name: field(FIRST_NAME),
            middle_name: field(MIDDLE_NAME),
            municipality: field(MUNICIPALITY),
            address: field(ADDRESS),
            phone: field(PHONE),
            email: field(EMAIL),
        };
        check_recipient(
            &text,
            birth_date(field(BIRTH_DATE), self.locale),
            self.national_id(line, field(NATIONAL_ID)),
            categories(field(CATEGORIES), self.locale),
            self.today,
            self.locale,
        )
    }

    /// The national id, which must not be on an earlier line too.
    fn national_id(&mut self, line: u64, value: &str) -> Result<NationalId, RowError> {
        const FIELD: &str = "national_id";
        if value.trim().is_empty() {
            let kind = match self.country {
                Country::Russia => TaxIdKind::Snils,
                Country::Ukraine => TaxIdKind::Rnokpp,
            };
            let kind = tax_id_kind(self.locale, kind);
            return Err(RowError::new(FIELD, required(self.locale, &kind)));
        }
        // Parse errors never repeat the number (it is personal data and reports get logged).
        let id = NationalId::parse(self.country, value)
            .map_err(|e| RowError::new(FIELD, tax_id_error(self.locale, &e)))?;
        let first = *self
            .first_line_of
            .entry(id.digits().to_owned())
            .or_insert(line);
        if first != line {
            return Err(RowError::new(
                FIELD,
                say(
                    self.locale,
                    "row-same-person",
                    &[("line", first.to_string().into())],
                ),
            ));
        }
        Ok(id)
    }
}

/// Keeps `result`'s value, or its error in `errors`.
fn kept<T>(errors: &mut Vec<RowError>, result: Result<T, RowError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

fn recipient_error(error: RecipientError, locale: Locale) -> RowError {
    match error {
        RecipientError::Required { field } => RowError::new(field, required(locale, field)),
        RecipientError::TooLong { field, max } => RowError::new(
            field,
            say(
                locale,
                "row-too-long",
                &[("field", field.into()), ("max", max.to_string().into())],
            ),
        ),
        RecipientError::NationalId(e) => RowError::new("national_id", tax_id_error(locale, &e)),
        other => RowError::new("row", other),
    }
}

/// A row problem said in `locale`: the `row-…` messages of the fluent files. Numbers come as
/// text, so that a line number is not written with a thousands separator.
fn say(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    crate::i18n::message(locale, key, args)
}

fn required(locale: Locale, field: &str) -> String {
    say(
        locale,
        "row-required",
        &[("field", field.to_owned().into())],
    )
}

/// SNILS, RNOKPP as the reader writes them.
fn tax_id_kind(locale: Locale, kind: TaxIdKind) -> String {
    match kind {
        TaxIdKind::Snils => say(locale, "taxid-snils", &[]),
        TaxIdKind::Rnokpp => say(locale, "taxid-rnokpp", &[]),
        other => other.to_string(),
    }
}

/// A national id's problem; like the domain's message, it never repeats the number.
fn tax_id_error(locale: Locale, error: &TaxIdError) -> String {
    match error {
        TaxIdError::WrongLength { kind, got } => say(
            locale,
            "row-id-length",
            &[
                ("kind", tax_id_kind(locale, *kind).into()),
                ("digits", kind.lengths().into()),
                ("got", got.to_string().into()),
            ],
        ),
        TaxIdError::NotADigit { kind, found } => say(
            locale,
            "row-id-not-digit",
            &[
                ("kind", tax_id_kind(locale, *kind).into()),
                ("found", format!("{found:?}").into()),
            ],
        ),
        TaxIdError::WrongCheckDigit {
            kind,
            expected,
            found,
        } => {
            let key = match kind {
                TaxIdKind::Snils => "row-id-control-number",
                _ => "row-id-check-digits",
            };
            say(
                locale,
                key,
                &[
                    ("kind", tax_id_kind(locale, *kind).into()),
                    ("expected", expected.clone().into()),
                    ("found", found.clone().into()),
                    ("count", FluentValue::from(expected.len())),
                ],
            )
        }
    }
}

/// A trimmed text field of at most `max` characters; required unless `optional`.
fn plain_text(
    field: &'static str,
    value: &str,
    max: usize,
    optional: bool,
    locale: Locale,
) -> Result<String, RowError> {
    text_field(field, value, max, optional).map_err(|e| recipient_error(e, locale))
}

fn name_part(
    field: &'static str,
    value: &str,
    optional: bool,
    locale: Locale,
) -> Result<String, RowError> {
    let value = plain_text(field, value, NAME_MAX_CHARS, optional, locale)?;
    // Digits in a name mean a shifted column or a typo, never a name.
    if value.chars().any(|c| c.is_ascii_digit() || c.is_control()) {
        return Err(RowError::new(field, say(locale, "row-name-digits", &[])));
    }
    Ok(value)
}

/// A birth date as a file writes it.
fn birth_date(value: &str, locale: Locale) -> Result<Date, RowError> {
    const FIELD: &str = "birth_date";
    if value.trim().is_empty() {
        return Err(RowError::new(FIELD, required(locale, FIELD)));
    }
    date(value).map_err(|e| RowError::new(FIELD, date_error(locale, e)))
}

/// A birth date someone can have: in the past, and not before 1900 (a mistyped year).
fn lived(date: Date, today: Date, locale: Locale) -> Result<Date, RowError> {
    const FIELD: &str = "birth_date";
    if date > today {
        return Err(RowError::new(FIELD, say(locale, "row-born-in-future", &[])));
    }
    if date.year() < 1900 {
        return Err(RowError::new(
            FIELD,
            say(locale, "row-born-before-1900", &[]),
        ));
    }
    Ok(date)
}

/// Why a written date is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("write the date as YYYY-MM-DD (or DD.MM.YYYY)")]
    Format,
    #[error("there is no such day in the calendar: check the day and the month")]
    NoSuchDay,
}

fn date_error(locale: Locale, error: DateError) -> String {
    match error {
        DateError::Format => say(locale, "row-date-format", &[]),
        DateError::NoSuchDay => say(locale, "row-date-no-such-day", &[]),
    }
}

/// A date written `YYYY-MM-DD` or, as spreadsheets in a Russian locale show dates, `DD.MM.YYYY`.
/// Errors do not repeat the value: birth dates are personal data.
pub(crate) fn date(value: &str) -> Result<Date, DateError> {
    const FORMAT: DateError = DateError::Format;
    let value = value.trim();
    let (year, month, day) = if let Some((year, rest)) = value.split_once('-') {
        let (month, day) = rest.split_once('-').ok_or(FORMAT)?;
        (year, month, day)
    } else if let Some((day, rest)) = value.split_once('.') {
        let (month, year) = rest.split_once('.').ok_or(FORMAT)?;
        (year, month, day)
    } else {
        return Err(FORMAT);
    };
    let number = |digits: &str, lengths: std::ops::RangeInclusive<usize>| {
        let valid = lengths.contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        valid
            .then(|| digits.parse::<i16>().ok())
            .flatten()
            .ok_or(FORMAT)
    };
    let (year, month, day) = (
        number(year, 4..=4)?,
        number(month, 1..=2)?,
        number(day, 1..=2)?,
    );
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(FORMAT);
    };
    Date::new(year, month, day).map_err(|_| DateError::NoSuchDay)
}

fn phone(value: &str, locale: Locale) -> Result<String, RowError> {
    let value = plain_text("phone", value, 50, true, locale)?;
    let allowed = |c: char| c.is_ascii_digit() || " +-()".contains(c);
    if !value.chars().all(allowed) {
        return Err(RowError::new("phone", say(locale, "row-phone", &[])));
    }
    Ok(value)
}

fn email(value: &str, locale: Locale) -> Result<String, RowError> {
    let value = plain_text("email", value, EMAIL_MAX_CHARS, true, locale)?;
    let plausible = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !value.contains(char::is_whitespace)
        }
        None => false,
    };
    if !value.is_empty() && !plausible {
        return Err(RowError::new("email", say(locale, "row-email", &[])));
    }
    Ok(value)
}

/// `pensioner;disability_group_2:2027-03-31`: every item that is wrong is reported.
fn categories(value: &str, locale: Locale) -> Result<Vec<CategoryEvidence>, Vec<RowError>> {
    const FIELD: &str = "categories";
    let mut held: Vec<CategoryEvidence> = Vec::new();
    let mut errors = Vec::new();
    for item in value.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let (name, until) = match item.split_once(':') {
            Some((name, until)) => (name.trim(), Some(until.trim())),
            None => (item, None),
        };
        let category = name.parse::<RecipientCategory>();
        let valid_to = until.map(date).transpose();
        match (category, valid_to) {
            (Ok(category), Ok(valid_to)) => {
                if held.iter().any(|e| e.category == category) {
                    let twice = say(
                        locale,
                        "row-category-twice",
                        &[("category", category.to_string().into())],
                    );
                    errors.push(RowError::new(FIELD, twice));
                } else {
                    held.push(CategoryEvidence { category, valid_to });
                }
            }
            (category, valid_to) => {
                if let Err(CertificateError::UnknownCategory(name)) = &category {
                    let unknown = say(
                        locale,
                        "row-category-unknown",
                        &[("name", format!("{name:?}").into())],
                    );
                    errors.push(RowError::new(FIELD, unknown));
                } else if let Err(e) = category {
                    errors.push(RowError::new(FIELD, e));
                }
                if let Err(e) = valid_to {
                    let problem = date_error(locale, e);
                    errors.push(RowError::new(FIELD, format!("{name}: {problem}")));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(held)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use socert_domain::demo_people::{bad_lines, people_csv};

    use super::*;

    const HEADER: &str = "last_name,first_name,middle_name,birth_date,national_id,municipality,\
                          address,phone,email,categories";
    const TODAY: Date = date(2026, 6, 1);

    fn parse(csv: &str) -> Vec<ParsedRow> {
        parse_recipients(csv.as_bytes(), Country::Russia, TODAY, Locale::En).unwrap()
    }

    /// The one row of a file with `row` under the standard header.
    fn row(row: &str) -> Result<NewRecipient, Vec<RowError>> {
        let mut rows = parse(&format!("{HEADER}\n{row}\n"));
        assert_eq!(rows.len(), 1);
        rows.remove(0).result
    }

    /// The errors of a row that should be refused, as (field, message).
    fn refused(line: &str) -> Vec<(String, String)> {
        match row(line) {
            Ok(recipient) => panic!("accepted: {recipient:?}"),
            Err(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        }
    }

    fn fields(errors: &[(String, String)]) -> Vec<&str> {
        errors.iter().map(|(field, _)| field.as_str()).collect()
    }

    const MARIA: &str = "Иванова,Мария,Петровна,1956-03-14,112-233-445 95,08701000,\
                         \"г. Хабаровск, ул. Ленина, д. 5, кв. 12\",+7 914 123-45-67,\
                         maria@mail.example,pensioner;disability_group_2:2027-03-31";

    #[test]
    fn a_good_file_gives_recipients() {
        let csv = format!(
            "{HEADER}\n{MARIA}\n\
             Ким,Олег,,2015-09-01,11223344696,08701000,,,,\n"
        );
        let rows = parse(&csv);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        let maria = rows[0].result.as_ref().unwrap();
        assert_eq!(maria.name.to_string(), "Иванова Мария Петровна");
        assert_eq!(maria.birth_date, date(1956, 3, 14));
        assert_eq!(maria.national_id.digits(), "11223344595");
        assert_eq!(maria.municipality, "08701000");
        assert_eq!(maria.address, "г. Хабаровск, ул. Ленина, д. 5, кв. 12");
        assert_eq!(maria.phone, "+7 914 123-45-67");
        assert_eq!(maria.email, "maria@mail.example");
        assert_eq!(
            maria.categories,
            [
                CategoryEvidence {
                    category: RecipientCategory::Pensioner,
                    valid_to: None
                },
                CategoryEvidence {
                    category: RecipientCategory::DisabilityGroup2,
                    valid_to: Some(date(2027, 3, 31))
                },
            ]
        );
        assert_eq!(rows[1].line, 3);
        let oleg = rows[1].result.as_ref().unwrap();
        assert_eq!(oleg.name.middle, "");
        assert!(oleg.categories.is_empty() && oleg.address.is_empty());
    }

    #[test]
    fn columns_may_come_in_any_order_among_others() {
        let csv = "note,categories,email,phone,address,municipality,national_id,birth_date,\
                   middle_name,first_name,last_name\n\
                   x,pensioner,,,,08701000,112-233-445 95,1956-03-14,Петровна,Мария,Иванова\n";
        let rows = parse(csv);
        let maria = rows[0].result.as_ref().unwrap();
        assert_eq!(maria.name.to_string(), "Иванова Мария Петровна");
        assert_eq!(maria.categories.len(), 1);
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let errors = refused(",Мария,П3тровна,14.03.1956x,112-233-445 96,,,abc,maria,pensioner");
        assert_eq!(
            fields(&errors),
            [
                "last_name",
                "middle_name",
                "birth_date",
                "national_id",
                "municipality",
                "phone",
                "email"
            ],
            "{errors:?}"
        );
        assert_eq!(errors[0].1, "last_name is required");
        assert_eq!(errors[2].1, "write the date as YYYY-MM-DD (or DD.MM.YYYY)");
        assert_eq!(
            errors[3].1,
            "SNILS control number should be 95, not 96: look for a mistyped digit"
        );
        assert_eq!(errors[4].1, "municipality is required");
    }

    #[test]
    fn names_are_required_bounded_and_without_digits() {
        let errors = refused(",,,1956-03-14,112-233-445 95,08701000,,,,");
        assert_eq!(fields(&errors), ["last_name", "first_name"]);
        let long = "Я".repeat(101);
        let errors = refused(&format!(
            "{long},Мария,,1956-03-14,112-233-445 95,08701000,,,,"
        ));
        assert_eq!(
            errors,
            [(
                "last_name".into(),
                "last_name may have at most 100 characters".into()
            )]
        );
        let errors = refused("1956-03-14,Мария,,1956-03-14,112-233-445 95,08701000,,,,");
        assert_eq!(fields(&errors), ["last_name"]);
    }

    #[test]
    fn birth_dates_must_be_real_past_and_after_1900() {
        let with_birth = |birth: &str| {
            refused(&format!(
                "Иванова,Мария,,{birth},112-233-445 95,08701000,,,,"
            ))
        };
        for (birth, message) in [
            ("", "birth_date is required"),
            ("14/03/1956", "write the date as YYYY-MM-DD (or DD.MM.YYYY)"),
            ("1956-3", "write the date as YYYY-MM-DD (or DD.MM.YYYY)"),
            ("56-03-14", "write the date as YYYY-MM-DD (or DD.MM.YYYY)"),
            (
                "+1956-03-14",
                "write the date as YYYY-MM-DD (or DD.MM.YYYY)",
            ),
            (
                "31.02.2020",
                "there is no such day in the calendar: check the day and the month",
            ),
            (
                "2023-02-29",
                "there is no such day in the calendar: check the day and the month",
            ),
            ("2026-06-02", "the birth date is in the future"),
            (
                "1899-12-31",
                "the birth date is before 1900: check the year",
            ),
        ] {
            assert_eq!(
                with_birth(birth),
                [("birth_date".into(), message.into())],
                "{birth}"
            );
        }
        let accepted = |birth: &str| {
            row(&format!(
                "Иванова,Мария,,{birth},112-233-445 95,08701000,,,,"
            ))
            .unwrap()
            .birth_date
        };
        assert_eq!(accepted("14.03.1956"), date(1956, 3, 14));
        assert_eq!(accepted("2026-06-01"), TODAY);
        assert_eq!(accepted("1900-01-01"), date(1900, 1, 1));
    }

    #[test]
    fn national_ids_are_checked_without_repeating_them() {
        let with_id = |id: &str| refused(&format!("Иванова,Мария,,1956-03-14,{id},08701000,,,,"));
        for (id, message) in [
            ("", "SNILS is required"),
            ("112-233-445", "SNILS must have 11 digits, got 9"),
            (
                "112-233-445 9O",
                "SNILS may contain only digits, spaces and dashes; 'O' is not allowed",
            ),
            (
                "112-233-445 59",
                "SNILS control number should be 95, not 59: look for a mistyped digit",
            ),
        ] {
            let errors = with_id(id);
            assert_eq!(errors, [("national_id".into(), message.into())], "{id}");
            assert!(!errors[0].1.contains("112233445") && !errors[0].1.contains("112-233"));
        }
        let ukrainian = format!("{HEADER}\nШевченко,Тарас,,1985-03-14,3111900097,UA63,,,,\n");
        let rows =
            parse_recipients(ukrainian.as_bytes(), Country::Ukraine, TODAY, Locale::En).unwrap();
        assert_eq!(
            rows[0].result.as_ref().unwrap().national_id.kind(),
            "rnokpp"
        );
        let rows =
            parse_recipients(ukrainian.as_bytes(), Country::Russia, TODAY, Locale::En).unwrap();
        assert_eq!(
            rows[0].result.as_ref().unwrap_err()[0].message,
            "SNILS must have 11 digits, got 10"
        );
    }

    #[test]
    fn categories_must_be_known_with_real_dates() {
        let with = |categories: &str| {
            refused(&format!(
                "Иванова,Мария,,1956-03-14,112-233-445 95,08701000,,,,{categories}"
            ))
        };
        let errors = with("pensioner;disability_group_4;low_income:2026-13-01;veteran:soon");
        assert_eq!(fields(&errors), ["categories"; 3]);
        assert!(
            errors[0]
                .1
                .starts_with("unknown recipient category \"disability_group_4\": use one of"),
            "{errors:?}"
        );
        assert_eq!(
            errors[1].1,
            "low_income: there is no such day in the calendar: check the day and the month"
        );
        assert_eq!(
            errors[2].1,
            "veteran: write the date as YYYY-MM-DD (or DD.MM.YYYY)"
        );
        assert_eq!(
            with("pensioner; pensioner"),
            [("categories".into(), "pensioner is listed twice".into())]
        );
        let accepted = row(
            "Иванова,Мария,,1956-03-14,112-233-445 95,08701000,,,,\" low_income : 2026-12-31 ;;\"",
        )
        .unwrap();
        assert_eq!(
            accepted.categories,
            [CategoryEvidence {
                category: RecipientCategory::LowIncome,
                valid_to: Some(date(2026, 12, 31))
            }]
        );
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_is_refused_as_a_whole() {
        let errors =
            refused("Иванова,Мария,,1956-03-14,112-233-445 95,08701000,ул. Ленина, д. 5,,,");
        assert_eq!(fields(&errors), ["row"]);
        assert!(
            errors[0]
                .1
                .starts_with("the row has 11 fields but the header has 10")
        );
        assert_eq!(fields(&refused("Иванова,Мария")), ["row"]);
    }

    #[test]
    fn the_same_person_twice_is_refused_the_second_time() {
        let csv = format!(
            "{HEADER}\n{MARIA}\n\
             Петров,Иван,,1990-01-01,11223344696,08701000,,,,\n\
             Иванова,Мария,Петровна,1956-03-14,11223344595,08701000,,,,\n"
        );
        let rows = parse(&csv);
        assert!(rows[0].result.is_ok() && rows[1].result.is_ok());
        assert_eq!(rows[2].line, 4);
        assert_eq!(
            rows[2].result,
            Err(vec![RowError::new(
                "national_id",
                "the same person is on line 2"
            )])
        );
    }

    #[test]
    fn excel_files_with_bom_semicolons_and_crlf_are_read() {
        let csv = format!(
            "\u{feff}{};note\r\n\
             Иванова;Мария;Петровна;14.03.1956;112-233-445 95;08701000;\"ул. Ленина; д. 5\";;;\
             \"pensioner;disability_group_2:31.03.2027\";\r\n\
             ;;;;;;;;;;\r\n\
             Ким;Олег;;2015-09-01;11223344696;08701000;;;;;\r\n",
            HEADER.replace(',', ";")
        );
        let rows = parse_recipients(csv.as_bytes(), Country::Russia, TODAY, Locale::En).unwrap();
        assert_eq!(rows.len(), 2, "the blank row is skipped");
        let maria = rows[0].result.as_ref().unwrap();
        assert_eq!(maria.name.to_string(), "Иванова Мария Петровна");
        assert_eq!(maria.address, "ул. Ленина; д. 5");
        assert_eq!(maria.categories[1].valid_to, Some(date(2027, 3, 31)));
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].result.as_ref().unwrap().name.last, "Ким");
    }

    #[test]
    fn lines_count_from_the_header_across_quoted_line_breaks() {
        let csv = format!(
            "{HEADER}\n\
             Иванова,Мария,,1956-03-14,112-233-445 95,08701000,\"ул. Ленина,\nд. 5\",,,\n\
             \n\
             Ким,,,2015-09-01,11223344696,08701000,,,,\n"
        );
        let rows = parse(&csv);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 5);
        assert!(rows[1].result.is_err());
    }

    #[test]
    fn file_errors() {
        let file =
            |bytes: &[u8]| parse_recipients(bytes, Country::Russia, TODAY, Locale::En).unwrap_err();
        assert_eq!(file(b""), FileError::NoHeader);
        assert_eq!(file(b"\xEF\xBB\xBF\r\n"), FileError::NoHeader);
        assert_eq!(file(b",,,\n"), FileError::NoHeader);
        let missing = file(
            b"last_name,first_name,middle_name,birthdate,national_id,address,phone,email,categories\n",
        );
        assert_eq!(
            missing,
            FileError::MissingColumns(vec!["birth_date".into(), "municipality".into()])
        );
        assert!(
            missing
                .to_string()
                .starts_with("the header has no column birth_date, municipality:"),
            "{missing}"
        );
        assert_eq!(
            file(format!("{HEADER},email\n").as_bytes()),
            FileError::DuplicateColumn("email".into())
        );
        // "Иванова" in Windows-1251 on line 2.
        let cp1251 = [HEADER.as_bytes(), b"\n\xc8\xe2\xe0\xed\xee\xe2\xe0,"].concat();
        assert_eq!(
            file(&cp1251),
            FileError::Table(TableError::NotUtf8 { line: 2 })
        );
    }

    #[test]
    fn the_template_is_one_file_that_reads_back_as_an_empty_list() {
        let template = template_xlsx().unwrap();
        assert_eq!(
            template,
            template_xlsx().unwrap(),
            "the same file every time"
        );
        assert_eq!(
            parse_recipients(&template, Country::Russia, TODAY, Locale::En).unwrap(),
            []
        );
        let table = read_table(&template, 10, &COLUMNS).unwrap();
        assert_eq!(table.header.iter().collect::<Vec<_>>(), COLUMNS);
    }

    #[test]
    fn problems_are_said_in_the_readers_language() {
        let csv = format!(
            "{HEADER}\n\
             ,Мария,П3тровна,14.03.2030,112-233-445 96,,,abc,maria,pensioner;pensioner;x:2027-13-01\n\
             Иванова,Мария,,31.02.1956,1122334459,08701000,,,,\n\
             Иванова,Мария,,1899-01-01,112-233-445 95,08701000,,,,\n\
             Ким,Олег,,2015-09-01,112-233-445 95,08701000,,,,\n\
             Ким,Олег,,2015-09-01,1122334459x,08701000,,,\n\
             Ким,Олег,,,1122334459x,08701000,,,,\n"
        );
        let said = |locale| -> Vec<String> {
            let rows = parse_recipients(csv.as_bytes(), Country::Russia, TODAY, locale).unwrap();
            rows.into_iter()
                .flat_map(|row| row.result.unwrap_err())
                .map(|error| error.message)
                .collect()
        };
        let english = said(Locale::En);
        for locale in [Locale::Ru, Locale::Uk] {
            let messages = said(locale);
            assert_eq!(messages.len(), english.len());
            for (message, english) in messages.iter().zip(&english) {
                // Every key is found, and the reader's language is not English.
                assert!(
                    !message.starts_with("row-") && !message.contains("taxid-"),
                    "{message}"
                );
                assert_ne!(message, english, "{locale:?}");
            }
        }
        let russian = said(Locale::Ru);
        assert!(
            russian.contains(
                &"контрольное число СНИЛС должно быть 95, а не 96: проверьте, нет ли опечатки в цифрах"
                    .to_owned()
            ),
            "{russian:?}"
        );
        assert!(
            russian.contains(&"этот человек уже есть в строке 4".to_owned()),
            "{russian:?}"
        );
        assert!(
            english.contains(&"SNILS must have 11 digits, got 10".to_owned()),
            "{english:?}"
        );
    }

    #[test]
    fn file_errors_are_said_in_every_language_and_in_english_as_displayed() {
        let errors = [
            FileError::NoHeader,
            FileError::MissingColumns(vec!["birth_date".into(), "email".into()]),
            FileError::DuplicateColumn("email".into()),
            FileError::Table(TableError::NotUtf8 { line: 3 }),
            FileError::Table(TableError::TooManyRows { max: MAX_ROWS }),
            FileError::Table(TableError::OldExcel),
            FileError::Table(TableError::Workbook("invalid Zip archive".into())),
            FileError::Table(TableError::NoWorksheet),
            FileError::Table(TableError::TooWide),
        ];
        for error in &errors {
            assert_eq!(error.said(Locale::En), error.to_string());
            for locale in [Locale::Ru, Locale::Uk] {
                let said = error.said(locale);
                assert!(
                    !said.starts_with("file-") && said != error.to_string(),
                    "{said}"
                );
            }
        }
        assert_eq!(
            TableError::NoHeader.said(Locale::En),
            TableError::NoHeader.to_string()
        );
    }

    #[test]
    fn too_many_rows() {
        let good = "Ким,Олег,,2015-09-01,11223344696,08701000,,,,\n";
        let mut csv = format!("{HEADER}\n{}", good.repeat(MAX_ROWS));
        let rows = parse_recipients(csv.as_bytes(), Country::Russia, TODAY, Locale::En).unwrap();
        assert_eq!(rows.len(), MAX_ROWS);
        csv.push_str(good);
        assert_eq!(
            parse_recipients(csv.as_bytes(), Country::Russia, TODAY, Locale::En).unwrap_err(),
            FileError::Table(TableError::TooManyRows { max: MAX_ROWS })
        );
    }

    #[test]
    fn a_generated_file_is_refused_exactly_on_its_bad_lines() {
        let places = [
            "Хабаровск",
            "Комсомольск-на-Амуре",
            "Красноярск",
            "Норильск",
        ];
        let csv = people_csv(1000, 5, 7, &places);
        let rows = parse(&csv);
        assert_eq!(rows.len(), 1000);
        let refused: Vec<u64> = rows
            .iter()
            .filter(|row| row.result.is_err())
            .map(|row| row.line)
            .collect();
        assert_eq!(refused, bad_lines(1000, 5, 7));
        for row in &rows {
            if let Err(errors) = &row.result {
                assert_eq!(errors.len(), 1, "line {}: {errors:?}", row.line);
            }
        }
    }
}
