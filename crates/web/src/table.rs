//! Uploaded tables: a CSV file, or the first worksheet of an XLSX workbook, read as a header and
//! rows of text. Every row keeps where it came from (the CSV line, the sheet's row number), so a
//! per-row report points where the officer or provider will look.
//!
//! The format is told by the file's first bytes, not its name or content type: browsers and
//! scripts label spreadsheets inconsistently, and a ZIP archive never starts a CSV file.
//!
//! CSV files are accepted as office software saves them: a UTF-8 byte order mark, CRLF line ends,
//! and `;` between fields when the header has `;` and no `,` (Excel in a Russian locale).
//!
//! In a workbook, the first visible worksheet is read. Its header is the first row that names one
//! of the expected columns: a title or a note above it is skipped (within the first
//! [`HEADER_SEARCH_ROWS`] rows with text). Cells right of the header's last column are ignored
//! (spreadsheets keep notes there). Cells are
//! read as the spreadsheet shows them to a person: whole numbers without `.0`, date cells as
//! `YYYY-MM-DD`, time cells as `HH:MM`, formulas by their last computed value. A formula error
//! (`#N/A`, `#REF!`) refuses its row, naming the cell.

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use socert_domain::Locale;

use crate::i18n::message;

/// A table read from an upload.
#[derive(Debug)]
pub struct Table {
    /// The column names as written (not trimmed).
    pub header: csv::StringRecord,
    /// Rows with any text in them, in file order.
    pub rows: Vec<TableRow>,
}

/// One row of a table.
#[derive(Debug)]
pub struct TableRow {
    /// The CSV line the row starts on, or the worksheet row (both count the header as 1 when it
    /// is the first line).
    pub line: u64,
    /// The fields, or why the row cannot be read.
    pub cells: Result<csv::StringRecord, RowIssue>,
}

/// Why a row cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowIssue {
    /// The CSV reader's own words (rare: fields of any count are accepted).
    #[error("{0}")]
    Csv(String),
    /// A cell shows a formula error such as `#N/A`.
    #[error("cell {cell}: the cell shows the error {error}: fix its formula or type the value")]
    CellError { cell: String, error: String },
}

impl RowIssue {
    /// The issue in `locale` (the `Display` text is the English one).
    pub fn said(&self, locale: Locale) -> String {
        match self {
            RowIssue::Csv(text) => text.clone(),
            RowIssue::CellError { cell, error } => message(
                locale,
                "row-cell-error",
                &[
                    ("cell", cell.clone().into()),
                    ("error", error.clone().into()),
                ],
            ),
        }
    }
}

/// Why an upload cannot be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("line {line} is not UTF-8 text: save the file as \"CSV UTF-8\"")]
    NotUtf8 { line: u64 },
    #[error("the file has no header")]
    NoHeader,
    #[error("the file has more than {max} rows: split it into several files")]
    TooManyRows { max: usize },
    #[error(
        "this is an Excel 97-2003 workbook (.xls): save it as \"Excel Workbook (.xlsx)\" or \
         \"CSV UTF-8\""
    )]
    OldExcel,
    #[error(
        "the file cannot be read as an XLSX workbook ({0}): save it again as \"Excel Workbook \
         (.xlsx)\" or \"CSV UTF-8\""
    )]
    Workbook(String),
    #[error("the workbook has no visible worksheet")]
    NoWorksheet,
    #[error(
        "the header row has text beyond column {max}: the table must start in the first columns",
        max = MAX_COLUMNS
    )]
    TooWide,
}

impl TableError {
    /// The error in `locale` (the `Display` text is the English one).
    pub fn said(&self, locale: Locale) -> String {
        match self {
            TableError::NotUtf8 { line } => message(
                locale,
                "file-not-utf8",
                &[("line", line.to_string().into())],
            ),
            TableError::NoHeader => message(locale, "file-no-header", &[]),
            TableError::TooManyRows { max } => message(
                locale,
                "file-too-many-rows",
                &[("max", max.to_string().into())],
            ),
            TableError::OldExcel => message(locale, "file-old-excel", &[]),
            TableError::Workbook(detail) => message(
                locale,
                "file-broken-workbook",
                &[("detail", detail.clone().into())],
            ),
            TableError::NoWorksheet => message(locale, "file-no-worksheet", &[]),
            TableError::TooWide => message(
                locale,
                "file-too-wide",
                &[("max", MAX_COLUMNS.to_string().into())],
            ),
        }
    }
}

/// The widest header a workbook may have. Bounds the memory a row of a hostile sheet can take.
pub const MAX_COLUMNS: usize = 256;

/// How many rows with text a worksheet may have above its header.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// Reads an upload of at most `max_rows` rows (not counting the header and empty rows) whose
/// header names some of `columns`. Which columns are required is the caller's to check.
pub fn read_table(bytes: &[u8], max_rows: usize, columns: &[&str]) -> Result<Table, TableError> {
    if is_workbook(bytes) {
        read_workbook(bytes, max_rows, columns)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Err(TableError::OldExcel)
    } else {
        read_csv(bytes, max_rows)
    }
}

/// Whether an upload is a workbook (a ZIP archive) rather than CSV text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A name for an upload that came without one.
pub fn default_file_name(bytes: &[u8]) -> &'static str {
    if is_workbook(bytes) {
        "upload.xlsx"
    } else {
        "upload.csv"
    }
}

fn read_csv(bytes: &[u8], max_rows: usize) -> Result<Table, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| TableError::NotUtf8 {
        line: newlines(&bytes[..e.valid_up_to()]) + 1,
    })?;
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.contains(';') && !header_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Reading from memory text already checked as UTF-8 cannot fail; should it, there is no
    // header to speak of.
    let header = reader.headers().map_err(|_| TableError::NoHeader)?.clone();
    if header.iter().all(|name| name.trim().is_empty()) {
        return Err(TableError::NoHeader);
    }
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let row = match record {
            Ok(record) => {
                // Spreadsheets save rows that only look empty as a run of delimiters.
                if record.iter().all(|field| field.trim().is_empty()) {
                    continue;
                }
                TableRow {
                    line: lines.line_of(record.position()),
                    cells: Ok(record),
                }
            }
            Err(err) => TableRow {
                line: lines.line_of(err.position()),
                cells: Err(RowIssue::Csv(err.to_string())),
            },
        };
        push(&mut rows, row, max_rows)?;
    }
    Ok(Table { header, rows })
}

fn push(rows: &mut Vec<TableRow>, row: TableRow, max_rows: usize) -> Result<(), TableError> {
    if rows.len() == max_rows {
        return Err(TableError::TooManyRows { max: max_rows });
    }
    rows.push(row);
    Ok(())
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Line numbers of records, counted from their byte offsets. The csv crate's own line numbers
/// skip blank lines and count CRLF files one line short (csv 1.4), and its byte offset may point
/// at the line break before a record rather than at its first byte.
struct LineCounter<'a> {
    text: &'a [u8],
    /// `line` is the line of this byte; records come in order, so counting resumes from here.
    counted_to: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return self.line;
        };
        let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        start = start.clamp(self.counted_to, self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line += newlines(&self.text[self.counted_to..start]);
        self.counted_to = start;
        self.line
    }
}

fn read_workbook(bytes: &[u8], max_rows: usize, columns: &[&str]) -> Result<Table, TableError> {
    let broken = |err: calamine::XlsxError| TableError::Workbook(err.to_string());
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(broken)?;
    let sheet = workbook
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .ok_or(TableError::NoWorksheet)?;
    let mut cells = workbook.worksheet_cells_reader(&sheet).map_err(broken)?;
    let mut sheet_rows = SheetRows {
        columns,
        max_rows,
        header: None,
        above_header: 0,
        rows: Vec::new(),
        row: 0,
        cells: Vec::new(),
        error: None,
    };
    // Cells come row by row, left to right (the order the format requires).
    while let Some(cell) = cells.next_cell().map_err(broken)? {
        let (row, column) = cell.get_position();
        sheet_rows.cell(row, column as usize, cell.get_value())?;
    }
    sheet_rows.end_row()?;
    let header = sheet_rows.header.ok_or(TableError::NoHeader)?;
    Ok(Table {
        header,
        rows: sheet_rows.rows,
    })
}

/// Rows of a worksheet as its cells arrive.
struct SheetRows<'a> {
    columns: &'a [&'a str],
    max_rows: usize,
    header: Option<csv::StringRecord>,
    /// Rows with text seen before the header.
    above_header: usize,
    rows: Vec<TableRow>,
    /// The row being read: its index, its cells so far and the first cell that cannot be read.
    row: u32,
    cells: Vec<String>,
    error: Option<RowIssue>,
}

impl SheetRows<'_> {
    fn cell(&mut self, row: u32, column: usize, value: &DataRef<'_>) -> Result<(), TableError> {
        if row != self.row {
            self.end_row()?;
            self.row = row;
        }
        let width = match &self.header {
            Some(header) => header.len(),
            None => MAX_COLUMNS,
        };
        if column >= width {
            if self.header.is_none() && !is_blank(value) {
                return Err(TableError::TooWide);
            }
            return Ok(());
        }
        let text = match cell_text(value) {
            Ok(text) => text,
            Err(error) => {
                self.error.get_or_insert_with(|| RowIssue::CellError {
                    cell: cell_name(row, column),
                    error,
                });
                String::new()
            }
        };
        if self.cells.len() <= column {
            self.cells.resize(column + 1, String::new());
        }
        self.cells[column] = text;
        Ok(())
    }

    /// Files the row being read: as the header if it is the first to name a column, as a data
    /// row after the header.
    fn end_row(&mut self) -> Result<(), TableError> {
        let mut cells = std::mem::take(&mut self.cells);
        let error = self.error.take();
        if error.is_none() && cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        let line = u64::from(self.row) + 1;
        match &self.header {
            None => {
                if !cells.iter().any(|c| self.columns.contains(&c.trim())) {
                    self.above_header += 1;
                    if self.above_header == HEADER_SEARCH_ROWS {
                        return Err(TableError::NoHeader);
                    }
                    return Ok(());
                }
                // The header ends at its last named column.
                while cells.last().is_some_and(|c| c.trim().is_empty()) {
                    cells.pop();
                }
                self.header = Some(csv::StringRecord::from(cells));
            }
            Some(header) => {
                cells.resize(header.len(), String::new());
                let cells = match error {
                    Some(error) => Err(error),
                    None => Ok(csv::StringRecord::from(cells)),
                };
                push(&mut self.rows, TableRow { line, cells }, self.max_rows)?;
            }
        }
        Ok(())
    }
}

fn is_blank(value: &DataRef<'_>) -> bool {
    match value {
        DataRef::Empty => true,
        DataRef::String(text) => text.trim().is_empty(),
        DataRef::SharedString(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// A cell as the spreadsheet shows it, or the error it shows.
fn cell_text(value: &DataRef<'_>) -> Result<String, String> {
    Ok(match value {
        DataRef::Empty => String::new(),
        DataRef::String(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) => number_text(*number),
        DataRef::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(when) if when.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = when.to_ymd_hms_milli();
            let time = if second == 0 {
                format!("{hour:02}:{minute:02}")
            } else {
                format!("{hour:02}:{minute:02}:{second:02}")
            };
            if when.as_f64() < 1.0 {
                // A time of day alone: Excel keeps it as a fraction of a day.
                time
            } else if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {time}")
            }
        }
        // A duration (`[h]:mm`) is a number of days; nothing here reads one.
        DataRef::DateTime(when) => number_text(when.as_f64()),
        DataRef::DateTimeIso(text) => text
            .strip_suffix("T00:00:00")
            .unwrap_or(text.as_str())
            .to_owned(),
        DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => return Err(error.to_string()),
    })
}

/// Whole numbers as integers (a SNILS or phone typed as a number is stored as `11223344595.0`).
fn number_text(number: f64) -> String {
    // Below 2^53 every whole f64 is exact, so the cast loses nothing.
    if number.fract() == 0.0 && number.abs() < 9_007_199_254_740_992.0 {
        (number as i64).to_string()
    } else {
        number.to_string()
    }
}

/// A cell's name as the spreadsheet shows it: `A1`, `AB12`.
fn cell_name(row: u32, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8_lossy(&letters),
        u64::from(row) + 1
    )
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    use super::*;

    fn texts(record: &csv::StringRecord) -> Vec<&str> {
        record.iter().collect()
    }

    fn workbook(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut book = Workbook::new();
        fill(book.add_worksheet());
        book.save_to_buffer().unwrap()
    }

    const COLUMNS: [&str; 5] = ["name", "born", "snils", "at", "units"];

    #[test]
    fn a_worksheet_reads_as_the_spreadsheet_shows_it() {
        let date = Format::new().set_num_format("dd.mm.yyyy");
        let time = Format::new().set_num_format("hh:mm");
        let bytes = workbook(|sheet| {
            // A title and an empty row above the header, as officers' lists often have.
            sheet.write(0, 0, "Список получателей").unwrap();
            for (column, name) in COLUMNS.iter().enumerate() {
                sheet.write(2, column as u16, *name).unwrap();
            }
            sheet.write(3, 0, "Иванова").unwrap();
            let born = ExcelDateTime::from_ymd(1956, 3, 14).unwrap();
            sheet.write_with_format(3, 1, &born, &date).unwrap();
            sheet.write(3, 2, 11223344595_f64).unwrap();
            let at = ExcelDateTime::from_hms(10, 30, 0).unwrap();
            sheet.write_with_format(3, 3, &at, &time).unwrap();
            sheet.write(3, 4, 1.5).unwrap();
            sheet.write(3, 7, "a note right of the table").unwrap();
            // Row 5 is empty; row 6 holds one value.
            sheet.write(5, 4, 2).unwrap();
        });
        let table = read_table(&bytes, 10, &COLUMNS).unwrap();
        assert_eq!(texts(&table.header), COLUMNS);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 4);
        assert_eq!(
            texts(table.rows[0].cells.as_ref().unwrap()),
            ["Иванова", "1956-03-14", "11223344595", "10:30", "1.5"]
        );
        assert_eq!(table.rows[1].line, 6);
        assert_eq!(
            texts(table.rows[1].cells.as_ref().unwrap()),
            ["", "", "", "", "2"]
        );
    }

    #[test]
    fn a_formula_error_refuses_its_row_naming_the_cell() {
        let bytes = workbook(|sheet| {
            sheet.write(0, 0, "a").unwrap();
            sheet.write(0, 1, "b").unwrap();
            sheet.write(1, 0, "x").unwrap();
            let broken = Formula::new("=1/0").set_result("#DIV/0!");
            sheet.write_formula(1, 1, broken).unwrap();
            sheet.write(2, 0, "y").unwrap();
            sheet
                .write_formula(2, 1, Formula::new("=1+1").set_result("2"))
                .unwrap();
        });
        let table = read_table(&bytes, 10, &["a"]).unwrap();
        assert_eq!(table.rows.len(), 2);
        let error = table.rows[0].cells.as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "cell B2: the cell shows the error #DIV/0!: fix its formula or type the value"
        );
        assert_eq!(
            error.said(Locale::Ru),
            "в ячейке B2 ошибка #DIV/0!: исправьте формулу или введите значение"
        );
        assert_eq!(texts(table.rows[1].cells.as_ref().unwrap()), ["y", "2"]);
    }

    #[test]
    fn hidden_sheets_are_skipped() {
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("old")
            .unwrap()
            .write(0, 0, "old")
            .unwrap();
        book.add_worksheet()
            .set_name("new")
            .unwrap()
            .write(0, 0, "new")
            .unwrap();
        book.worksheet_from_index(1).unwrap().set_active(true);
        book.worksheet_from_index(0).unwrap().set_hidden(true);
        let table = read_table(&book.save_to_buffer().unwrap(), 10, &["new"]).unwrap();
        assert_eq!(texts(&table.header), ["new"]);
    }

    #[test]
    fn files_that_are_not_tables_are_refused_as_a_whole() {
        assert_eq!(
            read_table(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 10, &["x"]).unwrap_err(),
            TableError::OldExcel
        );
        let broken = read_table(b"PK\x03\x04not really a zip", 10, &["x"]).unwrap_err();
        assert!(matches!(broken, TableError::Workbook(_)), "{broken:?}");
        assert!(
            broken.to_string().contains("Excel Workbook (.xlsx)"),
            "{broken}"
        );
        // A header is looked for only so far down.
        let notes = workbook(|sheet| {
            for row in 0..HEADER_SEARCH_ROWS as u32 {
                sheet.write(row, 0, "a note").unwrap();
            }
            sheet.write(HEADER_SEARCH_ROWS as u32, 0, "x").unwrap();
        });
        assert_eq!(
            read_table(&notes, 10, &["x"]).unwrap_err(),
            TableError::NoHeader
        );
        let empty = workbook(|_| {});
        assert_eq!(
            read_table(&empty, 10, &["x"]).unwrap_err(),
            TableError::NoHeader
        );
        let wide = workbook(|sheet| {
            sheet.write(0, MAX_COLUMNS as u16, "far").unwrap();
        });
        assert_eq!(
            read_table(&wide, 10, &["x"]).unwrap_err(),
            TableError::TooWide
        );
        let long = workbook(|sheet| {
            for row in 0..=3 {
                // The header is `x` too.
                sheet.write(row, 0, "x").unwrap();
            }
        });
        assert_eq!(read_table(&long, 3, &["x"]).unwrap().rows.len(), 3);
        assert_eq!(
            read_table(&long, 2, &["x"]).unwrap_err(),
            TableError::TooManyRows { max: 2 }
        );
    }

    #[test]
    fn cell_names_are_spreadsheet_letters() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 25), "Z12");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 16383), "XFD1");
    }
}
