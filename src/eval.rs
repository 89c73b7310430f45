//! Scoring extracted entities against a hand annotation.
//!
//! The gold file is TSV with the header `clause entity class`: one row per
//! (passage, entity) pair; `clause` is a clause notation or `preamble`. A
//! comment line `# scope: 1.2 1.3 preamble` lists the passages or sections
//! the annotation covers; without it, the scope is the passages it names.
//! Scoring is at the passage-entity level: a gold row matches a found entity
//! of the same passage when one of the entity's labels is the gold name, up to
//! case, punctuation, a leading "the" and years.

use crate::entities::EntityClass;
use std::collections::BTreeSet;

/// One row of a gold annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRow {
    /// The passage's notation (`1.2.3`, `preamble`), without a trailing dot.
    pub passage: String,
    /// The entity's name as the annotator wrote it.
    pub entity: String,
    /// The class the annotator gave the entity.
    pub class: EntityClass,
    /// The 1-based line of the row in the gold file, for messages.
    pub line: usize,
}

/// A found passage-entity pair, with every label of the entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The notation of the passage that mentions the entity.
    pub passage: String,
    /// The entity's preferred label.
    pub label: String,
    /// The entity's alternative labels; a gold name may match these or `label`.
    pub labels: Vec<String>,
    /// The entity's class in the store.
    pub class: EntityClass,
}

/// Why a gold file could not be parsed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GoldError {
    /// A line is not a valid row: the header is missing or wrong, a row lacks
    /// a column, or its class is unknown. An empty file is reported at line 1.
    #[error("{file}, line {line}: {message}")]
    Row {
        /// The gold file's name, as given to [`Gold::parse`].
        file: String,
        /// The 1-based line at fault.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
}

/// A parsed gold file: its rows and its scope.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The annotation's rows, in file order.
    pub rows: Vec<GoldRow>,
    /// Passage notations or section prefixes the annotation covers.
    pub scope: Vec<String>,
}

impl Gold {
    /// Parses the TSV text of a gold file; `file` names it in errors. Blank
    /// lines and `#` comments are skipped, except `# scope:` lines, whose
    /// entries are added to the scope.
    pub fn parse(file: &str, text: &str) -> Result<Gold, GoldError> {
        let err = |line: usize, message: String| GoldError::Row {
            file: file.to_owned(),
            line,
            message,
        };
        let mut rows = Vec::new();
        let mut scope = Vec::new();
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if let Some(rest) = trimmed.strip_prefix('#') {
                if let Some(list) = rest.trim().strip_prefix("scope:") {
                    scope.extend(
                        list.split([' ', ','])
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    );
                }
                continue;
            }
            if trimmed.is_empty() {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if !header {
                if cols.len() < 3 || !cols[0].eq_ignore_ascii_case("clause") {
                    return Err(err(
                        line,
                        "expected the header `clause<TAB>entity<TAB>class`".into(),
                    ));
                }
                header = true;
                continue;
            }
            if cols.len() < 3 || cols[0].is_empty() || cols[1].is_empty() {
                return Err(err(
                    line,
                    "expected three tab-separated columns: clause, entity, class".into(),
                ));
            }
            let class = EntityClass::parse(cols[2])
                .ok_or_else(|| err(line, format!("unknown class {:?}", cols[2])))?;
            rows.push(GoldRow {
                passage: cols[0].trim_end_matches('.').to_owned(),
                entity: cols[1].to_owned(),
                class,
                line,
            });
        }
        if !header {
            return Err(err(
                1,
                "empty annotation: no header `clause<TAB>entity<TAB>class`".into(),
            ));
        }
        Ok(Gold { rows, scope })
    }

    /// Whether a passage lies in the annotation's scope.
    pub fn covers(&self, passage: &str) -> bool {
        if self.scope.is_empty() {
            return self.rows.iter().any(|r| r.passage == passage);
        }
        self.scope
            .iter()
            .any(|s| passage == s || passage.starts_with(&format!("{s}.")))
    }
}

/// A name reduced to what must agree: lower case, letters and digits, no
/// leading "the", no years.
pub fn normalise_name(name: &str) -> String {
    name_words(name, false)
}

/// Like [`normalise_name`], but years stay.
fn normalise_keeping_years(name: &str) -> String {
    name_words(name, true)
}

/// The words of a name (the toolkit's characters, letters and digits, lower
/// case), less a leading "the" and, unless `keep_years`, its years.
fn name_words(name: &str, keep_years: bool) -> String {
    let folded: String = name
        .chars()
        .map(crate::text::normalise_char)
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let is_year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| keep_years || !is_year(w))
        .collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The outcome of scoring.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// The number of gold rows.
    pub gold: usize,
    /// The number of found pairs within the gold's scope.
    pub found: usize,
    /// The number of gold rows matched to a found pair (each pair matches at
    /// most one row).
    pub matched: usize,
    /// The matched rows whose found class agrees with the gold class (a found
    /// `USAgency` counts as right for a gold `PartnerAgency`).
    pub class_right: usize,
    /// Gold rows with no found entity.
    pub misses: Vec<GoldRow>,
    /// Found pairs with no gold row.
    pub false_finds: Vec<Found>,
    /// Matched pairs whose class differs: (gold, found).
    pub wrong_class: Vec<(GoldRow, Found)>,
}

impl Score {
    /// Matched pairs over found pairs, from 0 to 1 (see [`Prf`] for nothing
    /// found).
    pub fn precision(&self) -> f64 {
        Prf::of(self.matched, self.found, self.gold).precision
    }
    /// Matched rows over gold rows, from 0 to 1 (see [`Prf`] for an empty
    /// gold).
    pub fn recall(&self) -> f64 {
        Prf::of(self.matched, self.found, self.gold).recall
    }
    /// The harmonic mean of [`precision`](Self::precision) and
    /// [`recall`](Self::recall).
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    /// Matches with the right class over all matches, from 0 to 1 (0 when
    /// nothing matched).
    pub fn class_accuracy(&self) -> f64 {
        ratio(self.class_right, self.matched)
    }
}

/// Precision, recall and F1 of `right` items out of `found` against `gold`:
/// the one definition every score of poakg uses. With nothing found and
/// nothing to find, both are 1 (nothing was missed, nothing was wrong); with
/// nothing found and something to find, precision is 0, as recall is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// `right` over `found`.
    pub precision: f64,
    /// `right` over `gold`.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

impl Prf {
    /// The scores of `right` of `found` items against `gold` items.
    pub fn of(right: usize, found: usize, gold: usize) -> Prf {
        let share = |a: usize, b: usize| {
            if b == 0 {
                if gold == 0 {
                    1.0
                } else {
                    0.0
                }
            } else {
                a as f64 / b as f64
            }
        };
        let (precision, recall) = (share(right, found), share(right, gold));
        Prf {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// The harmonic mean of a precision and a recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores found pairs against the gold rows, within the gold's scope.
pub fn score(gold: &Gold, found: &[Found]) -> Score {
    let in_scope: Vec<&Found> = found.iter().filter(|f| gold.covers(&f.passage)).collect();
    let mut used = vec![false; in_scope.len()];
    let mut s = Score {
        gold: gold.rows.len(),
        found: in_scope.len(),
        ..Score::default()
    };
    // Two passes: names that agree with their years first, then names that
    // agree without them, so that "the Plan of Action (2016-2020)" and
    // "(2021-2025)" in one passage each find their own.
    let mut matched: Vec<Option<usize>> = vec![None; gold.rows.len()];
    for strict in [true, false] {
        for (r, row) in gold.rows.iter().enumerate() {
            if matched[r].is_some() {
                continue;
            }
            let norm = |name: &str| {
                if strict {
                    normalise_keeping_years(name)
                } else {
                    normalise_name(name)
                }
            };
            let want = norm(&row.entity);
            let hit = in_scope.iter().enumerate().position(|(k, f)| {
                !used[k]
                    && f.passage == row.passage
                    && f.labels.iter().chain([&f.label]).any(|l| norm(l) == want)
            });
            if let Some(k) = hit {
                used[k] = true;
                matched[r] = Some(k);
            }
        }
    }
    for (row, hit) in gold.rows.iter().zip(&matched) {
        match hit {
            Some(k) => {
                let f = in_scope[*k];
                s.matched += 1;
                if f.class == row.class
                    || (row.class == EntityClass::PartnerAgency && f.class == EntityClass::USAgency)
                {
                    s.class_right += 1;
                } else {
                    s.wrong_class.push((row.clone(), f.clone()));
                }
            }
            None => s.misses.push(row.clone()),
        }
    }
    let mut seen = BTreeSet::new();
    for (k, f) in in_scope.iter().enumerate() {
        if !used[k] && seen.insert((f.passage.clone(), f.label.clone())) {
            s.false_finds.push((*f).clone());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_definition_of_precision_and_recall_at_the_edges() {
        // nothing to find, nothing found: nothing missed, nothing wrong
        assert_eq!(
            Prf::of(0, 0, 0),
            Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        // something to find, nothing found
        assert_eq!(
            Prf::of(0, 0, 4),
            Prf {
                precision: 0.0,
                recall: 0.0,
                f1: 0.0
            }
        );
        // found things where there was nothing to find
        assert_eq!(Prf::of(0, 3, 0).precision, 0.0);
        let half = Prf::of(2, 4, 2);
        assert_eq!((half.precision, half.recall), (0.5, 1.0));
        assert!((half.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    const GOLD: &str = "# scope: 1.2 preamble\nclause\tentity\tclass\n1.2.1\tASEAN Regional Forum\tMechanism\n1.2.1\tEast Asia Summit\tMechanism\n1.2.3\tthe ARF Hanoi Plan of Action II (2020-2025)\tInstrument\n";

    fn found(passage: &str, label: &str, alts: &[&str], class: EntityClass) -> Found {
        Found {
            passage: passage.into(),
            label: label.into(),
            labels: alts.iter().map(|s| s.to_string()).collect(),
            class,
        }
    }

    #[test]
    fn scores_precision_recall_and_class() -> Result<(), GoldError> {
        let gold = Gold::parse("gold.tsv", GOLD)?;
        let found = [
            found(
                "1.2.1",
                "ASEAN Regional Forum",
                &["ARF"],
                EntityClass::Mechanism,
            ),
            found(
                "1.2.3",
                "ARF Hanoi Plan of Action II",
                &[],
                EntityClass::Mechanism,
            ),
            found("1.2.3", "Hanoi", &[], EntityClass::Organization),
            found("2.1.1", "outside the scope", &[], EntityClass::Organization),
        ];
        let s = score(&gold, &found);
        assert_eq!((s.gold, s.found, s.matched, s.class_right), (3, 3, 2, 1));
        assert_eq!(s.misses.len(), 1);
        assert_eq!(s.misses[0].entity, "East Asia Summit");
        assert_eq!(s.false_finds.len(), 1);
        assert!((s.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.class_accuracy() - 0.5).abs() < 1e-9);
        Ok(())
    }

    #[test]
    fn bad_gold_rows_name_their_line() {
        let e = Gold::parse("g.tsv", "clause\tentity\tclass\n1.1.1\tX\tForum\n")
            .expect_err("bad class");
        assert_eq!(e.to_string(), "g.tsv, line 2: unknown class \"Forum\"");
        assert!(Gold::parse("g.tsv", "").is_err());
    }

    #[test]
    fn names_normalise() {
        assert_eq!(
            normalise_name("the ARF Hanoi Plan of Action II (2020-2025)"),
            "arf hanoi plan of action ii"
        );
        assert_eq!(
            normalise_name("Experts’ Working Group"),
            normalise_name("Experts' Working Group")
        );
    }
}
