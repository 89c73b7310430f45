//! Passages to label from a file: one per line of a text file, or the `id`
//! and `text` columns of a CSV or TSV file with a header.

use super::{Labeller, Labels};
use crate::output::Record;
use serde::Serialize;

/// One passage to label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Its id: the file's `id` column, else its line number.
    pub id: String,
    /// Its text.
    pub text: String,
}

/// Why a file of passages cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassagesError {
    /// The file holds no passage.
    #[error("{file}: no passage to label (the file is empty)")]
    Empty {
        /// The file, as named.
        file: String,
    },
    /// A byte sequence is not UTF-8.
    #[error("{file}, line {line}: not valid UTF-8 text")]
    NotUtf8 {
        /// The file, as named.
        file: String,
        /// The line, from 1.
        line: usize,
    },
    /// A table without a `text` column.
    #[error("{file}, line 1: no `text` column in the header ({found})")]
    NoTextColumn {
        /// The file, as named.
        file: String,
        /// The header's columns, comma-separated.
        found: String,
    },
    /// A row the CSV reader refuses.
    #[error("{file}, line {line}: {message}")]
    BadRow {
        /// The file, as named.
        file: String,
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads passages from `bytes`; `file` names the source in errors, and its
/// extension (`.csv`, `.tsv`) says whether it is a table.
pub fn read_passages(file: &str, bytes: &[u8]) -> Result<Vec<Passage>, PassagesError> {
    let text = std::str::from_utf8(bytes).map_err(|e| PassagesError::NotUtf8 {
        file: file.to_owned(),
        line: bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lower = file.to_ascii_lowercase();
    let passages = if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        read_table(
            file,
            text,
            if lower.ends_with(".tsv") { b'\t' } else { b',' },
        )?
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| Passage {
                id: (i + 1).to_string(),
                text: l.trim().to_owned(),
            })
            .collect()
    };
    if passages.is_empty() {
        return Err(PassagesError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(passages)
}

fn read_table(file: &str, text: &str, delimiter: u8) -> Result<Vec<Passage>, PassagesError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .quoting(delimiter == b',')
        .from_reader(text.as_bytes());
    let bad = |e: csv::Error| PassagesError::BadRow {
        file: file.to_owned(),
        line: e.position().map_or(1, |p| p.line() as usize),
        message: e.to_string(),
    };
    let header = reader.headers().map_err(bad)?.clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(text_at) = column("text") else {
        if header.is_empty() {
            return Err(PassagesError::Empty {
                file: file.to_owned(),
            });
        }
        return Err(PassagesError::NoTextColumn {
            file: file.to_owned(),
            found: header.iter().collect::<Vec<_>>().join(", "),
        });
    };
    let id_at = column("id");
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(bad)?;
        let text = record.get(text_at).unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        let id = id_at.and_then(|c| record.get(c)).map(str::to_owned);
        out.push(Passage {
            id: id.unwrap_or_else(|| (i + 2).to_string()),
            text: text.to_owned(),
        });
    }
    Ok(out)
}

/// One labelled passage, as `poakg classify` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct Classified {
    /// The passage's id.
    pub id: String,
    /// Everything the labeller says of it, with the evidence.
    #[serde(flatten)]
    pub labels: Labels,
}

impl Classified {
    /// Labels each passage.
    pub fn all(labeller: &Labeller, passages: &[Passage]) -> Vec<Classified> {
        passages
            .iter()
            .map(|p| Classified {
                id: p.id.clone(),
                labels: labeller.label(&p.text),
            })
            .collect()
    }
}

fn codes(labels: &[super::Label]) -> String {
    labels
        .iter()
        .map(|l| l.code.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

impl Record for Classified {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "lead_verb",
        "level",
        "hedges",
        "modalities",
        "sdgs",
        "aoip",
        "evidence",
    ];

    fn cells(&self) -> Vec<String> {
        let l = &self.labels;
        let mut evidence: Vec<String> = Vec::new();
        if let Some(level) = &l.level {
            evidence.push(format!("level {}: {}", level.value, level.evidence.surface));
        }
        for (kind, labels) in [("", &l.modalities), ("sdg ", &l.sdgs), ("aoip ", &l.aoip)] {
            evidence.extend(
                labels
                    .iter()
                    .map(|x| format!("{kind}{}: {}", x.code, x.evidence.surface)),
            );
        }
        if let Some(q) = &l.quantified {
            evidence.push(format!("quantified: {}", q.surface));
        }
        vec![
            self.id.clone(),
            l.lead_verb
                .as_ref()
                .map(|v| v.phrase.clone())
                .unwrap_or_default(),
            l.level
                .as_ref()
                .map(|v| v.value.to_string())
                .unwrap_or_default(),
            l.hedges
                .iter()
                .map(|h| h.phrase.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            codes(&l.modalities),
            codes(&l.sdgs),
            codes(&l.aoip),
            evidence.join("; "),
        ]
    }
}
