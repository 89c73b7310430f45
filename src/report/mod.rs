//! Relationship reports for analysts: tables built from an [`Analysis`]
//! (`reports`), written as aligned text (80 columns), Markdown, JSON or CSV
//! (this module), and pictures (`pictures`: DOT, SVG).
//!
//! [`Analysis`]: crate::analysis::Analysis

pub mod pictures;
pub mod reports;

use crate::sparql::write_aligned;
use serde_json::Value;
use std::io::Write;

/// Output formats of `poakg report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Aligned tables for an 80-column terminal.
    Text,
    /// Markdown headings and pipe tables.
    Markdown,
    /// One JSON document.
    Json,
    /// The report's tables as CSV, separated by blank lines.
    Csv,
    /// An SVG picture (only `report pillars`: the matrix as a heat map).
    Svg,
}

/// One table of a report.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A report: a title, notes (one line each), tables, and its JSON form.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub title: String,
    pub notes: Vec<String>,
    pub tables: Vec<Table>,
    pub json: Value,
}

/// Width of the terminal the text format is laid out for.
pub const TEXT_WIDTH: usize = 80;

impl Report {
    pub fn write(&self, format: ReportFormat, out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            ReportFormat::Text | ReportFormat::Svg => self.write_text(out),
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
                    writeln!(out, "{}", csv_line(&t.header))?;
                    for r in &t.rows {
                        writeln!(out, "{}", csv_line(r))?;
                    }
                }
                Ok(())
            }
        }
    }

    fn write_text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.title)?;
        writeln!(
            out,
            "{}",
            "=".repeat(self.title.chars().count().min(TEXT_WIDTH))
        )?;
        for note in &self.notes {
            for line in wrap(note, TEXT_WIDTH) {
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
            let widths = fit_widths(t, TEXT_WIDTH);
            write_aligned(out, &t.header, &t.rows, &widths)?;
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
            let esc = |c: &String| c.replace('|', "\\|").replace('\n', " ");
            writeln!(
                out,
                "| {} |",
                t.header.iter().map(esc).collect::<Vec<_>>().join(" | ")
            )?;
            writeln!(out, "|{}", "---|".repeat(t.header.len()))?;
            for r in &t.rows {
                writeln!(
                    out,
                    "| {} |",
                    r.iter().map(esc).collect::<Vec<_>>().join(" | ")
                )?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Column widths that fit `width`: the widest columns give way first.
fn fit_widths(t: &Table, width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = t.header.iter().map(|h| h.chars().count()).collect();
    for r in &t.rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let gaps = 2 * widths.len().saturating_sub(1);
    // The last column (usually a list or a text) gives way first, down to 14.
    if let Some(last) = widths.len().checked_sub(1) {
        let others: usize = widths[..last].iter().sum::<usize>() + gaps;
        if others + widths[last] > width {
            widths[last] = width.saturating_sub(others).max(14.min(widths[last]));
        }
    }
    while widths.iter().sum::<usize>() + gaps > width {
        let (i, &w) = widths
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| **w)
            .expect("a column");
        if w <= 6 {
            break;
        }
        widths[i] = w - 1;
    }
    widths
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("a line");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tables_fit_eighty_columns() -> std::io::Result<()> {
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
        report.write(ReportFormat::Text, &mut out)?;
        let text = String::from_utf8(out).map_err(std::io::Error::other)?;
        assert!(
            text.lines().all(|l| l.chars().count() <= TEXT_WIDTH),
            "{text}"
        );
        assert!(text.contains('…'));
        Ok(())
    }
}
