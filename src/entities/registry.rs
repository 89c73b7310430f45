//! The curated registry of known entities (`ontology/registry.tsv`), and
//! user-supplied registries in the same format.
//!
//! Format: UTF-8, tab-separated, `#` starts a comment line, the first other
//! line is the header `id class label alt_labels part_of owner`. Alternative
//! labels are separated by ` | `. `part_of` and `owner` name other rows' ids.

use super::{Entity, EntityClass, Method};
use std::collections::HashMap;

/// The registry: rows by id, in file order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The rows, in file order; a row replaced by [`Registry::extend`] keeps
    /// its place.
    pub entries: Vec<Entity>,
    index: HashMap<String, usize>,
}

/// A registry that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RegistryError {
    /// A malformed header or row, or a row that names an unknown id.
    #[error("{file}, line {line}: {message}")]
    Row {
        /// The file, as named to [`Registry::parse`].
        file: String,
        /// Line number, from 1 (0 when the faulty row cannot be found again).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

const HEADER: [&str; 8] = [
    "id",
    "class",
    "label",
    "alt_labels",
    "part_of",
    "owner",
    "partner",
    "wikidata",
];

impl Registry {
    /// Parses registry text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Registry, RegistryError> {
        let mut registry = Registry::default();
        let mut header_seen = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if !header_seen {
                check_header(&cols).map_err(|message| row_error(file, line, message))?;
                header_seen = true;
                continue;
            }
            let known = parse_row(&cols).map_err(|message| row_error(file, line, message))?;
            if registry.index.contains_key(&known.id) {
                return Err(row_error(
                    file,
                    line,
                    format!("duplicate id {:?}", known.id),
                ));
            }
            registry
                .index
                .insert(known.id.clone(), registry.entries.len());
            registry.entries.push(known);
        }
        registry.check_references(file, text)?;
        Ok(registry)
    }

    /// Every `part_of` and `owner` names a row; the first that does not is
    /// an error at its row's line.
    fn check_references(&self, file: &str, text: &str) -> Result<(), RegistryError> {
        for known in &self.entries {
            for target in known.part_of.iter().chain(&known.owner) {
                if !self.index.contains_key(target) {
                    let line = text
                        .lines()
                        .position(|l| l.starts_with(&format!("{}\t", known.id)))
                        .map_or(0, |p| p + 1);
                    return Err(row_error(
                        file,
                        line,
                        format!("{} refers to unknown id {target:?}", known.id),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Adds the rows of `other`; a row with an id already present replaces it.
    pub fn extend(&mut self, other: Registry) {
        for known in other.entries {
            match self.index.get(&known.id) {
                Some(&i) => self.entries[i] = known,
                None => {
                    self.index.insert(known.id.clone(), self.entries.len());
                    self.entries.push(known);
                }
            }
        }
    }

    /// The row with id `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entries[i])
    }
}

/// An error at `line` of `file`.
fn row_error(file: &str, line: usize, message: String) -> RegistryError {
    RegistryError::Row {
        file: file.to_owned(),
        line,
        message,
    }
}

/// Whether the columns are the header (its first three columns at least);
/// what is wrong otherwise.
fn check_header(cols: &[&str]) -> Result<(), String> {
    let n = cols.len().min(HEADER.len());
    if cols[..n] != HEADER[..n] || cols.len() < 3 {
        return Err(format!("expected the header `{}`", HEADER.join("\\t")));
    }
    Ok(())
}

/// The entity of a row's columns; what is wrong with them otherwise.
fn parse_row(cols: &[&str]) -> Result<Entity, String> {
    let col = |k: usize| cols.get(k).copied().unwrap_or("");
    let id = col(0);
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!(
            "id {id:?} must be non-empty and use a-z, 0-9 and '-' only"
        ));
    }
    let class = EntityClass::parse(col(1)).ok_or_else(|| {
        format!(
            "unknown class {:?} (one of {})",
            col(1),
            EntityClass::ALL.map(|c| c.name()).join(", ")
        )
    })?;
    if col(2).is_empty() {
        return Err("empty label".into());
    }
    let wikidata = Some(col(7)).filter(|s| !s.is_empty());
    if let Some(q) = wikidata {
        let digits = q.strip_prefix('Q').unwrap_or("");
        if digits.is_empty()
            || !digits.chars().all(|c| c.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(format!(
                "wikidata {q:?} is not a Wikidata item id (Q followed by digits)"
            ));
        }
    }
    Ok(Entity {
        id: id.to_owned(),
        class,
        label: col(2).to_owned(),
        alt_labels: col(3)
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        part_of: Some(col(4)).filter(|s| !s.is_empty()).map(str::to_owned),
        owner: Some(col(5)).filter(|s| !s.is_empty()).map(str::to_owned),
        partner: Some(col(6)).filter(|s| !s.is_empty()).map(str::to_owned),
        method: Method::Registry,
        wikidata: wikidata.map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# a comment\nid\tclass\tlabel\talt_labels\tpart_of\towner\nadmm\tASEANBody\tASEAN Defence Ministers' Meeting\tADMM\t\t\nadmm-plus\tMechanism\tADMM-Plus\tASEAN Defence Ministers' Meeting Plus\tadmm\t\n";

    #[test]
    fn parses_rows_and_relations() -> Result<(), RegistryError> {
        let r = Registry::parse("sample.tsv", SAMPLE)?;
        assert_eq!(r.entries.len(), 2);
        let plus = r.get("admm-plus").expect("row");
        assert_eq!(plus.class, EntityClass::Mechanism);
        assert_eq!(plus.alt_labels, ["ASEAN Defence Ministers' Meeting Plus"]);
        assert_eq!(plus.part_of.as_deref(), Some("admm"));
        Ok(())
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad_class = SAMPLE.replace("\tMechanism\t", "\tForum\t");
        let e = Registry::parse("r.tsv", &bad_class).expect_err("bad class");
        assert!(
            e.to_string()
                .starts_with("r.tsv, line 4: unknown class \"Forum\""),
            "{e}"
        );
        let dangling = SAMPLE.replace("\tadmm\t\n", "\tnope\t\n");
        let e = Registry::parse("r.tsv", &dangling).expect_err("dangling");
        assert!(e.to_string().contains("unknown id \"nope\""), "{e}");
        assert!(Registry::parse("r.tsv", "no header here\n").is_err());
    }
}
