//! A provider's file of delivered service (CSV or XLSX, read by [`crate::table`]): one row per
//! visit, hour or lesson.
//!
//! Columns (any order, others ignored): `enrollment_id,delivered_on,delivered_at,units,worker,note`.
//! `delivered_at` and `note` may be empty. Dates as `YYYY-MM-DD` or `DD.MM.YYYY`.

use uuid::Uuid;

use crate::api::enrollments::DeliveryBody;
use crate::error::ApiError;
use crate::recipient_csv::date;
use crate::table::{TableError, read_table};

pub const COLUMNS: [&str; 6] = [
    "enrollment_id",
    "delivered_on",
    "delivered_at",
    "units",
    "worker",
    "note",
];

/// At most this many rows per file (one database transaction records them).
pub const MAX_ROWS: usize = 5000;

/// One row: its line in the file and the record, or the field at fault and why.
pub type Row = (i64, Result<DeliveryBody, (String, String)>);

pub fn parse(bytes: &[u8]) -> Result<Vec<Row>, ApiError> {
    let table = read_table(bytes, MAX_ROWS, &COLUMNS).map_err(|e| match e {
        TableError::NoHeader => ApiError::invalid(
            "file",
            format!(
                "the file has no header: its first row must name the columns ({})",
                COLUMNS.join(",")
            ),
        ),
        other => ApiError::invalid("file", other),
    })?;
    let mut at = [usize::MAX; COLUMNS.len()];
    for (i, name) in table.header.iter().enumerate() {
        if let Some(c) = COLUMNS.iter().position(|c| *c == name.trim()) {
            at[c] = i;
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(at)
        .filter(|(_, i)| *i == usize::MAX)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::invalid(
            "file",
            format!(
                "the header has no column {}: the first row must name the columns ({})",
                missing.join(", "),
                COLUMNS.join(",")
            ),
        ));
    }
    let rows: Vec<Row> = table
        .rows
        .into_iter()
        .map(|row| {
            let line = row.line as i64;
            match row.cells {
                Err(why) => (line, Err(("row".to_owned(), why.to_string()))),
                Ok(record) => {
                    let field = |c: usize| record.get(at[c]).unwrap_or_default().trim();
                    (line, self::row(&field))
                }
            }
        })
        .collect();
    if rows.is_empty() {
        return Err(ApiError::invalid("file", "the file has no rows"));
    }
    Ok(rows)
}

fn row<'a>(field: &dyn Fn(usize) -> &'a str) -> Result<DeliveryBody, (String, String)> {
    let bad = |c: usize, message: String| (COLUMNS[c].to_owned(), message);
    let enrollment_id: Uuid = field(0)
        .parse()
        .map_err(|_| bad(0, format!("{:?} is not an enrollment id", field(0))))?;
    let delivered_on = date(field(1)).map_err(|m| bad(1, m.to_string()))?;
    let units: i64 = field(3)
        .parse()
        .map_err(|_| bad(3, format!("{:?} is not a whole number of units", field(3))))?;
    let at = field(2);
    Ok(DeliveryBody {
        enrollment_id,
        delivered_on: delivered_on.to_string(),
        delivered_at: (!at.is_empty()).then(|| at.to_owned()),
        units,
        worker: field(4).to_owned(),
        note: field(5).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_with_semicolons_bom_and_russian_dates() {
        let id = Uuid::now_v7();
        let file = format!(
            "\u{feff}worker;units;delivered_on;delivered_at;enrollment_id;note\r\n\
             Иванова А.;1;03.12.2026;10:30;{id};\r\n\
             ;;;;;\r\n\
             Иванова А.;two;04.12.2026;;{id};late\r\n\
             Иванова А.;1;31.11.2026;;{id};\r\n"
        );
        let rows = parse(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 3);
        let (line, first) = &rows[0];
        assert_eq!(*line, 2);
        let first = first.as_ref().unwrap();
        assert_eq!(first.delivered_on, "2026-12-03");
        assert_eq!(first.delivered_at.as_deref(), Some("10:30"));
        assert_eq!(rows[1].0, 4);
        assert_eq!(rows[1].1.as_ref().unwrap_err().0, "units");
        assert_eq!(rows[2].1.as_ref().unwrap_err().0, "delivered_on");
    }

    #[test]
    fn a_workbook_reads_its_date_and_time_cells() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let id = Uuid::now_v7();
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (column, name) in COLUMNS.iter().enumerate() {
            sheet.write(0, column as u16, *name).unwrap();
        }
        sheet.write(1, 0, id.to_string()).unwrap();
        let day = ExcelDateTime::from_ymd(2026, 12, 3).unwrap();
        let date = Format::new().set_num_format("dd.mm.yyyy");
        sheet.write_with_format(1, 1, &day, &date).unwrap();
        let at = ExcelDateTime::from_hms(9, 5, 0).unwrap();
        let time = Format::new().set_num_format("h:mm");
        sheet.write_with_format(1, 2, &at, &time).unwrap();
        sheet.write(1, 3, 2).unwrap();
        sheet.write(1, 4, "Иванова А.").unwrap();
        let rows = parse(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(rows.len(), 1);
        let (line, row) = &rows[0];
        assert_eq!(*line, 2);
        let row = row.as_ref().unwrap();
        assert_eq!(row.enrollment_id, id);
        assert_eq!(row.delivered_on, "2026-12-03");
        assert_eq!(row.delivered_at.as_deref(), Some("09:05"));
        assert_eq!(row.units, 2);
        assert_eq!(row.note, "");
    }

    #[test]
    fn a_missing_column_refuses_the_file() {
        let err = parse(b"enrollment_id,delivered_on,units,worker\n").unwrap_err();
        assert!(err.to_string().contains("delivered_at, note"), "{err}");
    }
}
