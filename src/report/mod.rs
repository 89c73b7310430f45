//! Relationship reports for analysts: tables built from an [`Analysis`]
//! (`reports`), written as aligned text (wrapped within the terminal's
//! width, 80 columns when not a terminal), Markdown, JSON or CSV (this module,
//! through `output`), and pictures (`pictures`: DOT and the SVG heat map,
//! written as text; drawing DOT with Graphviz is `ops::graphviz`). No I/O
//! beyond the writer given.
//!
//! [`Analysis`]: crate::analysis::Analysis

mod cells;
pub mod central;
pub mod commitments;
pub mod compare;
pub mod connectors;
pub mod coverage;
pub mod entity;
pub mod goals;
pub mod groups;
mod partner_tables;
pub mod partners;
pub mod pictures;

/// Every report, by name.
pub mod reports {
    pub use super::central::{central, path};
    pub use super::connectors::cross_pillar;
    pub use super::coverage::coverage;
    pub use super::entity::entity;
    pub use super::groups::{communities, pillars};
    pub use super::partners::partners;
}

use crate::output;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;

/// Output formats of `poakg report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Aligned tables for an 80-column terminal.
    Text,
    /// Markdown headings and pipe tables.
    Markdown,
    /// One JSON document.
    Json,
    /// The report's tables as CSV, separated by blank lines.
    Csv,
    /// An SVG picture (`report pillars`: the matrix as a heat map; `report partners`: the plans' likeness, clustered; `report goals`: plans x goals).
    Svg,
}

impl crate::output::choice::Choice for ReportFormat {
    const CHOICES: &'static [(&'static str, &'static str, Self)] = &[
        (
            "text",
            "Aligned tables for an 80-column terminal",
            ReportFormat::Text,
        ),
        (
            "markdown",
            "Markdown headings and pipe tables",
            ReportFormat::Markdown,
        ),
        ("json", "One JSON document", ReportFormat::Json),
        (
            "csv",
            "The report's tables as CSV, separated by blank lines",
            ReportFormat::Csv,
        ),
        (
            "svg",
            "An SVG picture (`report pillars`: the matrix as a heat map; `report partners`: the plans' likeness, clustered; `report goals`: plans x goals as a heat map)",
            ReportFormat::Svg,
        ),
    ];
}

/// One table of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Heading shown above the table; empty for none.
    pub title: String,
    /// Column names.
    pub header: Vec<String>,
    /// The rows, each a list of cell texts in the order of `header`.
    pub rows: Vec<Vec<String>>,
}

/// A report: a title, notes (one line each), tables, and its JSON form.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The report's title.
    pub title: String,
    /// Lines of explanation shown before the tables (method, totals).
    pub notes: Vec<String>,
    /// The tables, in order.
    pub tables: Vec<Table>,
    /// The whole report as one JSON value, for [`ReportFormat::Json`].
    pub json: Value,
}

impl Report {
    /// Writes the report; `width` is what text tables are laid out in (80
    /// when not a terminal): long cells wrap within it, none is cut.
    pub fn write(
        &self,
        format: ReportFormat,
        width: usize,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        match format {
            ReportFormat::Text | ReportFormat::Svg => self.write_text(width, out),
            ReportFormat::Markdown => self.write_markdown(out),
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.json)
                    .map_err(std::io::Error::other)?;
                writeln!(out)
            }
            ReportFormat::Csv => {
                for (i, t) in self.tables.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    output::csv::write(out, &t.header, &t.rows)?;
                }
                Ok(())
            }
        }
    }

    fn write_text(&self, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.title)?;
        writeln!(out, "{}", "=".repeat(self.title.chars().count().min(width)))?;
        for note in &self.notes {
            for line in output::table::wrap(note, width) {
                writeln!(out, "{line}")?;
            }
        }
        for t in &self.tables {
            writeln!(out)?;
            if !t.title.is_empty() {
                writeln!(out, "{}", t.title)?;
            }
            if t.rows.is_empty() {
                writeln!(out, "  (none)")?;
                continue;
            }
            output::write_table(out, &t.header, &t.rows, width)?;
        }
        Ok(())
    }

    fn write_markdown(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "# {}\n", self.title)?;
        for note in &self.notes {
            writeln!(out, "{note}\n")?;
        }
        for t in &self.tables {
            if !t.title.is_empty() {
                writeln!(out, "## {}\n", t.title)?;
            }
            output::markdown::write_table(out, &t.header, &t.rows)?;
            writeln!(out)?;
        }
        Ok(())
    }
}

/// A report's JSON: `{"report": name, ...the figures}`.
fn report_json<T: Serialize>(name: &str, figures: &T) -> serde_json::Value {
    let mut value = serde_json::to_value(figures).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("report".into(), name.into());
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::TEXT_WIDTH;

    #[test]
    fn text_tables_fit_eighty_columns_and_wrap_long_cells() -> std::io::Result<()> {
        let report = Report {
            title: "T".into(),
            notes: vec!["a note ".repeat(30)],
            tables: vec![Table {
                title: "wide".into(),
                header: vec!["name".into(), "text".into()],
                rows: vec![vec!["x".repeat(50), "y".repeat(200)]],
            }],
            json: Value::Null,
        };
        let mut out = Vec::new();
        report.write(ReportFormat::Text, TEXT_WIDTH, &mut out)?;
        let text = String::from_utf8(out).map_err(std::io::Error::other)?;
        assert!(
            text.lines().all(|l| l.chars().count() <= TEXT_WIDTH),
            "{text}"
        );
        // wrapped, not cut: every character of the long cells is there
        assert!(!text.contains('…'));
        assert_eq!(text.matches('y').count(), 200);
        Ok(())
    }
}
