//! CSV by the `csv` crate: RFC 4180 quoting (commas, quotes, CR and LF), one
//! header row.

use std::io::Write;

/// Writes a header row and the rows.
pub fn write(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
    writer.write_record(header).map_err(into_io)?;
    for row in rows {
        writer.write_record(row).map_err(into_io)?;
    }
    writer.flush()
}

fn into_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() -> std::io::Result<()> {
        let mut out = Vec::new();
        write(
            &mut out,
            &["a".into(), "b".into()],
            &[
                vec!["x,y".into(), "say \"hi\"\r\nthen".into()],
                vec!["plain".into(), "".into()],
            ],
        )?;
        assert_eq!(
            String::from_utf8_lossy(&out),
            "a,b\n\"x,y\",\"say \"\"hi\"\"\r\nthen\"\nplain,\n"
        );
        Ok(())
    }
}
