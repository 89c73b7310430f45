//! One output model for listings: a row type says once what its columns
//! are and how each cell reads (`Record`), derives `Serialize` for its JSON
//! form, and `write_records` writes it as an aligned table, CSV or JSON. No
//! caller builds the cells and the JSON of one listing separately.

use serde::Serialize;
use std::io::Write;

/// The output formats of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// Aligned columns.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

impl super::choice::Choice for RecordFormat {
    const CHOICES: &'static [(&'static str, &'static str, Self)] = &[
        ("table", "Aligned columns", RecordFormat::Table),
        (
            "csv",
            "Comma-separated values with a header row",
            RecordFormat::Csv,
        ),
        ("json", "A JSON array of objects", RecordFormat::Json),
    ];
}

/// A row of a listing.
pub trait Record: Serialize {
    /// The column names, in order.
    const COLUMNS: &'static [&'static str];

    /// The row's cells, in the order of [`Record::COLUMNS`].
    fn cells(&self) -> Vec<String>;
}

/// Writes `rows` in `format`; a table is laid out in `width` columns.
pub fn write_records<T: Record>(
    out: &mut dyn Write,
    format: RecordFormat,
    rows: &[T],
    width: usize,
) -> std::io::Result<()> {
    let header: Vec<String> = T::COLUMNS.iter().map(|h| (*h).to_owned()).collect();
    let cells = || rows.iter().map(Record::cells).collect::<Vec<_>>();
    match format {
        RecordFormat::Table => super::write_table(out, &header, &cells(), width),
        RecordFormat::Csv => super::csv::write(out, &header, &cells()),
        RecordFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows).map_err(std::io::Error::other)?;
            writeln!(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Pair {
        name: &'static str,
        count: usize,
    }

    impl Record for Pair {
        const COLUMNS: &'static [&'static str] = &["name", "count"];
        fn cells(&self) -> Vec<String> {
            vec![self.name.to_owned(), self.count.to_string()]
        }
    }

    #[test]
    fn one_row_type_gives_csv_and_json() -> std::io::Result<()> {
        let rows = [Pair {
            name: "a, b",
            count: 2,
        }];
        let mut csv = Vec::new();
        write_records(&mut csv, RecordFormat::Csv, &rows, 80)?;
        assert_eq!(String::from_utf8_lossy(&csv), "name,count\n\"a, b\",2\n");
        let mut json = Vec::new();
        write_records(&mut json, RecordFormat::Json, &rows, 80)?;
        let v: serde_json::Value = serde_json::from_slice(&json).map_err(std::io::Error::other)?;
        assert_eq!(v[0]["count"], 2);
        Ok(())
    }
}
