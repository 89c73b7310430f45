//! The shipped table of ASEAN's partners (`ontology/partners.tsv`): codes,
//! names and their variants, adjectives, Wikidata IRIs, kinds of partnership;
//! and finding a partner named in a text.

use std::collections::HashMap;

/// One partner of ASEAN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// ISO 3166-1 alpha-2, or EU / GCC / UN ...; for a partner the table does
    /// not know, made from its name.
    pub code: String,
    /// The English name plans use ("Republic of Korea"); for a partner
    /// the table does not know, the name as the title or the user gave it.
    pub label: String,
    /// Other names and short forms found in titles and texts ("ROK",
    /// "South Korea"); exported as alternative labels.
    pub variants: Vec<String>,
    /// "Japanese", "British" ...
    pub adjectives: Vec<String>,
    /// The Wikidata entity IRI, where checked; exported as `owl:sameAs`.
    pub wikidata: Option<String>,
    /// dialogue, sectoral, development, organisation (or unknown).
    pub kind: String,
    /// The entity class of the partner's departments and agencies, by its
    /// local name in the ontology (`PartnerAgency`, the default, or
    /// `USAgency`): data of the table, so that no partner is a case of
    /// the code.
    pub agency_class: String,
}

impl Partner {
    /// Every name the partner goes by: label and variants.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// A partner the table does not know, named in a title.
    pub fn unknown(name: &str) -> Partner {
        let code: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect();
        Partner {
            code,
            label: name.to_owned(),
            variants: Vec::new(),
            adjectives: Vec::new(),
            wikidata: None,
            kind: "unknown".into(),
            agency_class: DEFAULT_AGENCY_CLASS.into(),
        }
    }
}

/// The partner table.
#[derive(Debug, Clone, Default)]
pub struct Partners {
    /// Every partner, in the table's order.
    pub rows: Vec<Partner>,
    by_code: HashMap<String, usize>,
}

/// A row of a partner table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct PartnersError {
    /// The table's name, as given to [`Partners::parse`].
    pub file: String,
    /// The line at fault, counting from 1.
    pub line: usize,
    /// What is wrong with that line.
    pub message: String,
}

/// The bundled partner table.
pub const BUNDLED_PARTNERS: &str = include_str!("../../ontology/partners.tsv");

const HEADER: [&str; 7] = [
    "code",
    "label",
    "variants",
    "adjectives",
    "wikidata",
    "kind",
    "agency_class",
];

/// The class of a partner's agencies where the table names none.
pub const DEFAULT_AGENCY_CLASS: &str = "PartnerAgency";

impl Partners {
    /// The partner table shipped with the crate (`ontology/partners.tsv`).
    pub fn bundled() -> Result<Partners, PartnersError> {
        Partners::parse("ontology/partners.tsv", BUNDLED_PARTNERS)
    }

    /// Reads a partner table: `#` comment lines, the tab-separated header,
    /// then one partner a row, lists `|`-separated and kind "dialogue" when
    /// empty. `file` names the table in errors. Fails on a wrong header, a
    /// code not in capitals and digits, an empty label or a duplicate code.
    pub fn parse(file: &str, text: &str) -> Result<Partners, PartnersError> {
        let mut partners = Partners::default();
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let err = |message: String| PartnersError {
                file: file.to_owned(),
                line: i + 1,
                message,
            };
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if !header {
                if cols.len() < 2
                    || cols[..cols.len().min(HEADER.len())]
                        != HEADER[..cols.len().min(HEADER.len())]
                {
                    return Err(err(format!("expected the header `{}`", HEADER.join("\\t"))));
                }
                header = true;
                continue;
            }
            let col = |k: usize| cols.get(k).copied().unwrap_or("");
            let list = |k: usize| -> Vec<String> {
                col(k)
                    .split(" | ")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let code = col(0);
            if code.is_empty()
                || !code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                return Err(err(format!("code {code:?} must be capital letters")));
            }
            if col(1).is_empty() {
                return Err(err("empty label".into()));
            }
            if partners.by_code.contains_key(code) {
                return Err(err(format!("duplicate code {code:?}")));
            }
            partners
                .by_code
                .insert(code.to_owned(), partners.rows.len());
            partners.rows.push(Partner {
                code: code.to_owned(),
                label: col(1).to_owned(),
                variants: list(2),
                adjectives: list(3),
                wikidata: Some(col(4)).filter(|s| !s.is_empty()).map(str::to_owned),
                kind: Some(col(5))
                    .filter(|s| !s.is_empty())
                    .unwrap_or("dialogue")
                    .to_owned(),
                agency_class: Some(col(6))
                    .filter(|s| !s.is_empty())
                    .unwrap_or(DEFAULT_AGENCY_CLASS)
                    .to_owned(),
            });
        }
        Ok(partners)
    }

    /// The partner with exactly this code ("US"; case matters).
    pub fn get(&self, code: &str) -> Option<&Partner> {
        self.by_code.get(code).map(|&i| &self.rows[i])
    }

    /// The partner a user names: a code, a label, a variant (any case).
    pub fn lookup(&self, name: &str) -> Option<&Partner> {
        let want = fold(name);
        self.get(&name.trim().to_uppercase()).or_else(|| {
            self.rows
                .iter()
                .find(|p| p.names().any(|n| fold(n) == want))
        })
    }

    /// The partner whose name stands in `text` at a word boundary, longest
    /// name first (so "Republic of Korea" wins over "Korea").
    pub fn find_in(&self, text: &str) -> Option<&Partner> {
        let mut best: Option<(&Partner, usize)> = None;
        // a title in capitals ("THE ASEAN-INDIA PARTNERSHIP") names its
        // partner in capitals; short forms stay out ("US" is also a word)
        let shouting =
            text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
        for p in &self.rows {
            for name in p.names() {
                let upper = (shouting && name.chars().count() >= 4).then(|| name.to_uppercase());
                // a short all-capital form ("US", "UN", "EU") only as a word
                // of its own, never inside another
                if find_word(text, name)
                    .or_else(|| find_word(text, upper.as_deref()?))
                    .is_some()
                {
                    let len = name.chars().count();
                    if best.is_none_or(|(_, l)| len > l) {
                        best = Some((p, len));
                    }
                }
            }
        }
        best.map(|(p, _)| p)
    }
}

use crate::text::fold;

/// The byte position of `word` in `text` where it stands as a whole word
/// (case as given: names are proper nouns).
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let at = from + pos;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // "U.S." ends with a dot: the next character needs no boundary check
        let after_ok = word.ends_with('.') || boundary(after);
        if boundary(before) && after_ok {
            return Some(at);
        }
        from = at + word.len().max(1);
        while from < text.len() && !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads_and_finds_partners() -> Result<(), PartnersError> {
        let p = Partners::bundled()?;
        assert_eq!(p.get("US").map(|x| x.label.as_str()), Some("United States"));
        let kr = p
            .find_in("the ASEAN-Republic of Korea Strategic Partnership")
            .ok_or("korea")
            .map_err(|m| PartnersError {
                file: m.into(),
                line: 0,
                message: String::new(),
            })?;
        assert_eq!(kr.code, "KR");
        assert_eq!(p.lookup("uk").map(|x| x.code.as_str()), Some("GB"));
        assert_eq!(p.lookup("Russia").map(|x| x.code.as_str()), Some("RU"));
        // "US" inside "USAID" is not the United States
        assert!(p.find_in("through USAID programmes").is_none());
        Ok(())
    }
}
