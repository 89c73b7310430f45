//! Markdown pipe tables.

use std::io::Write;

/// Writes a pipe table; pipes in cells are escaped, line breaks become spaces.
pub fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let line = |cells: &[String]| {
        cells
            .iter()
            .map(|c| c.replace('|', "\\|").replace(['\n', '\r'], " "))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    writeln!(out, "| {} |", line(header))?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    for r in rows {
        writeln!(out, "| {} |", line(r))?;
    }
    Ok(())
}
