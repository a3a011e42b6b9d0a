//! A provider's file of delivered service: one row per visit, hour or lesson.
//!
//! Columns (any order, others ignored): `enrollment_id,delivered_on,delivered_at,units,worker,note`.
//! `delivered_at` and `note` may be empty. Dates as `YYYY-MM-DD` or `DD.MM.YYYY`.

use uuid::Uuid;

use crate::api::enrollments::DeliveryBody;
use crate::error::ApiError;
use crate::recipient_csv::{LineCounter, csv_reader, date};

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
    let (text, mut reader) = csv_reader(bytes).map_err(|e| ApiError::invalid("file", e))?;
    let header = reader
        .headers()
        .map_err(|e| ApiError::invalid("file", e))?
        .clone();
    let mut at = [usize::MAX; COLUMNS.len()];
    for (i, name) in header.iter().enumerate() {
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
                "the header has no column {}: the first line must name the columns ({})",
                missing.join(", "),
                COLUMNS.join(",")
            ),
        ));
    }
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let row = match record {
            Err(err) => (
                lines.line_of(err.position()) as i64,
                Err(("row".to_owned(), err.to_string())),
            ),
            Ok(record) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let line = lines.line_of(record.position()) as i64;
                let field = |c: usize| record.get(at[c]).unwrap_or_default().trim();
                (line, row(&field))
            }
        };
        if rows.len() == MAX_ROWS {
            return Err(ApiError::invalid(
                "file",
                format!("the file has more than {MAX_ROWS} rows: split it into several files"),
            ));
        }
        rows.push(row);
    }
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
    let delivered_on = date(field(1)).map_err(|m| bad(1, m.to_owned()))?;
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
    fn a_missing_column_refuses_the_file() {
        let err = parse(b"enrollment_id,delivered_on,units,worker\n").unwrap_err();
        assert!(err.to_string().contains("delivered_at, note"), "{err}");
    }
}
