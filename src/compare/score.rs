//! Scoring an alignment against a hand alignment: precision and recall of
//! the pairs, and accuracy of the change given to each clause.
//!
//! Hand alignments are TSV with the header `earlier later change`; `#`
//! lines are comments; an empty cell is no clause (a new clause has no
//! earlier, a dropped one no later); clauses are named by notation.

use super::align::Change;
use std::collections::{BTreeMap, BTreeSet};

/// One row of an alignment, by notations.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedRow {
    /// Notation of the earlier clause; None for a new clause.
    pub earlier: Option<String>,
    /// Notation of the later clause; None for a dropped clause.
    pub later: Option<String>,
    /// What became of the clause, or of the pair.
    pub change: Change,
}

/// A malformed hand alignment line.
#[derive(Debug, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct GoldError {
    /// The file, as named to [`parse`].
    pub file: String,
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

/// Reads a hand alignment.
pub fn parse(file: &str, text: &str) -> Result<Vec<NamedRow>, GoldError> {
    let mut rows = Vec::new();
    let mut header = false;
    for (n, line) in text.lines().enumerate() {
        let bad = |message: String| GoldError {
            file: file.to_owned(),
            line: n + 1,
            message,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header {
            if cols != ["earlier", "later", "change"] {
                return Err(bad(
                    "expected the header `earlier<TAB>later<TAB>change`".into()
                ));
            }
            header = true;
            continue;
        }
        let [earlier, later, change] = cols[..] else {
            return Err(bad(format!(
                "expected 3 tab-separated columns, found {}",
                cols.len()
            )));
        };
        let change = Change::parse(change).ok_or_else(|| {
            bad(format!(
                "{change:?}: expected carried-over, revised, new or dropped"
            ))
        })?;
        let cell = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let row = NamedRow {
            earlier: cell(earlier),
            later: cell(later),
            change,
        };
        let consistent = match change {
            Change::New => row.earlier.is_none() && row.later.is_some(),
            Change::Dropped => row.earlier.is_some() && row.later.is_none(),
            _ => row.earlier.is_some() && row.later.is_some(),
        };
        if !consistent {
            return Err(bad(format!(
                "a {} row needs {}",
                change.name(),
                match change {
                    Change::New => "a later clause only",
                    Change::Dropped => "an earlier clause only",
                    _ => "both clauses",
                }
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// How an alignment compares with a hand alignment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AlignmentScore {
    /// Pairs (earlier, later) in the hand alignment.
    pub gold_pairs: usize,
    /// Pairs in the alignment scored.
    pub found_pairs: usize,
    /// Pairs in both.
    pub right_pairs: usize,
    /// Clauses judged: every later clause, and every earlier clause the hand
    /// alignment drops.
    pub clauses: usize,
    /// Judged clauses given the hand alignment's change (a later clause's
    /// change is that of its first row).
    pub right_changes: usize,
    /// Pairs of the hand alignment the alignment missed.
    pub missed: Vec<NotationPair>,
    /// Pairs the alignment made that the hand alignment does not have.
    pub wrong: Vec<NotationPair>,
}

/// A pair of clauses by notation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NotationPair {
    /// The earlier clause's notation.
    pub earlier: String,
    /// The later clause's.
    pub later: String,
}

impl AlignmentScore {
    /// Share of the pairs found that the hand alignment has, in [0, 1] (see
    /// [`crate::eval::Prf`] for none found).
    pub fn precision(&self) -> f64 {
        crate::eval::Prf::of(self.right_pairs, self.found_pairs, self.gold_pairs).precision
    }
    /// Share of the hand alignment's pairs that were found, in [0, 1] (see
    /// [`crate::eval::Prf`] for an empty one).
    pub fn recall(&self) -> f64 {
        crate::eval::Prf::of(self.right_pairs, self.found_pairs, self.gold_pairs).recall
    }
    /// Harmonic mean of precision and recall, in [0, 1].
    pub fn f1(&self) -> f64 {
        crate::eval::f1(self.precision(), self.recall())
    }
    /// Share of the judged clauses given the right change, in [0, 1]; 1 when
    /// none are judged.
    pub fn accuracy(&self) -> f64 {
        ratio(self.right_changes, self.clauses)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn pairs(rows: &[NamedRow]) -> BTreeSet<NotationPair> {
    rows.iter()
        .filter_map(|r| {
            Some(NotationPair {
                earlier: r.earlier.clone()?,
                later: r.later.clone()?,
            })
        })
        .collect()
}

/// The change each later clause got (its first row's), and the earlier
/// clauses dropped.
fn changes(rows: &[NamedRow]) -> (BTreeMap<&str, Change>, BTreeSet<&str>) {
    let mut later = BTreeMap::new();
    let mut dropped = BTreeSet::new();
    for r in rows {
        match (&r.earlier, &r.later) {
            (_, Some(b)) => {
                later.entry(b.as_str()).or_insert(r.change);
            }
            (Some(a), None) => {
                dropped.insert(a.as_str());
            }
            (None, None) => {}
        }
    }
    (later, dropped)
}

/// Scores `found` against `gold`.
pub fn score(gold: &[NamedRow], found: &[NamedRow]) -> AlignmentScore {
    let (g, f) = (pairs(gold), pairs(found));
    let (gold_later, gold_dropped) = changes(gold);
    let (found_later, found_dropped) = changes(found);
    let right_later = gold_later
        .iter()
        .filter(|(b, c)| found_later.get(*b) == Some(c))
        .count();
    let right_dropped = gold_dropped
        .iter()
        .filter(|a| found_dropped.contains(*a))
        .count();
    AlignmentScore {
        gold_pairs: g.len(),
        found_pairs: f.len(),
        right_pairs: g.intersection(&f).count(),
        clauses: gold_later.len() + gold_dropped.len(),
        right_changes: right_later + right_dropped,
        missed: g.difference(&f).cloned().collect(),
        wrong: f.difference(&g).cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_and_changes_are_scored() -> Result<(), GoldError> {
        let gold = parse("g", "# c\nearlier\tlater\tchange\n1\t1\tcarried-over\n2\t2\trevised\n\t3\tnew\n4\t\tdropped\n")?;
        let found = parse(
            "f",
            "earlier\tlater\tchange\n1\t1\tcarried-over\n4\t2\trevised\n\t3\tnew\n2\t\tdropped\n",
        )?;
        let s = score(&gold, &found);
        assert_eq!((s.gold_pairs, s.found_pairs, s.right_pairs), (2, 2, 1));
        assert_eq!((s.clauses, s.right_changes), (4, 3));
        let missed = NotationPair {
            earlier: "2".into(),
            later: "2".into(),
        };
        assert_eq!(s.missed, [missed]);
        Ok(())
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let e = parse("gold.tsv", "earlier\tlater\tchange\n1\t\tcarried-over\n").err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("gold.tsv, line 2: a carried-over row needs both clauses")
        );
        assert!(parse("g", "a\tb\n").is_err());
    }
}
