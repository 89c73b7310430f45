//! The comparison of two plans as a report: counts, then per pillar of the
//! later plan a side-by-side table (earlier clause, later clause, change,
//! what changed), then the dropped clauses; and as an HTML page with the
//! two texts aligned and the changed words marked (`compare_page`).

use super::report_json;
use super::{Report, Table};
use crate::compare::{Change, ChangeCounts, Clause, Comparison, Explanation, Link, Row};
use serde::Serialize;

/// Names of the two plans, as the report shows them.
#[derive(Debug, Clone)]
pub struct PlanNames {
    /// The earlier plan's short name (`US 2016-2020`).
    pub earlier: String,
    /// The later plan's short name (`US 2021-2025`).
    pub later: String,
}

fn cell(notation: &str, text: &str) -> String {
    format!("{notation} {text}")
}

fn change_cell(row: &Row) -> String {
    let link = match row.link {
        Link::OneToOne => "",
        Link::Split => " (split)",
        Link::Merge => " (merge)",
    };
    match row.change {
        Change::New | Change::Dropped => format!("{}{link}", row.change.name()),
        _ => format!("{}{link} {:.2}", row.change.name(), row.similarity),
    }
}

/// The counts of a comparison in one sentence.
pub fn summary(c: &Comparison) -> String {
    let count = |ch: Change| c.rows.iter().filter(|r| r.change == ch).count();
    let later_of = |ch: Change| {
        let mut js: Vec<usize> = c
            .rows
            .iter()
            .filter(|r| r.change == ch)
            .filter_map(|r| r.later)
            .collect();
        js.sort_unstable();
        js.dedup();
        js.len()
    };
    let splits = c
        .rows
        .iter()
        .filter(|r| r.link == Link::Split)
        .filter_map(|r| r.earlier)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let merges = c
        .rows
        .iter()
        .filter(|r| r.link == Link::Merge)
        .filter_map(|r| r.later)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    format!(
        "Of the later plan's {} clauses, {} are carried over, {} revised and {} new; {} of the earlier plan's {} clauses were dropped; {} split, {} merged.",
        c.later.len(),
        later_of(Change::CarriedOver),
        later_of(Change::Revised),
        count(Change::New),
        count(Change::Dropped),
        c.earlier.len(),
        splits,
        merges
    )
}

/// The clauses whose commitment got firmer or weaker, most changed first.
fn level_changes(c: &Comparison, names: &PlanNames) -> Table {
    let mut changed: Vec<(i64, &Row)> = c
        .rows
        .iter()
        .filter_map(|r| c.level_change(r).filter(|d| *d != 0).map(|d| (d, r)))
        .collect();
    changed.sort_by_key(|(d, r)| (std::cmp::Reverse(d.abs()), std::cmp::Reverse(*d), r.later));
    let rows = changed
        .into_iter()
        .filter_map(|(d, row)| {
            let (a, b) = (&c.earlier[row.earlier?], &c.later[row.later?]);
            let verdict = if d > 0 { "strengthened" } else { "weakened" };
            Some(vec![
                cell(&a.notation, &a.text),
                cell(&b.notation, &b.text),
                format!("{verdict} {} -> {} ({d:+})", a.level?, b.level?),
            ])
        })
        .collect();
    Table {
        title: "Strengthened and weakened clauses (commitment level, 1-5)".into(),
        header: vec![names.earlier.clone(), names.later.clone(), "level".into()],
        rows,
    }
}

/// A clause of a compared pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseSide {
    /// Its notation.
    pub notation: String,
    /// Its IRI.
    pub iri: String,
    /// Its text.
    pub text: String,
}

impl ClauseSide {
    fn of(c: &Clause) -> Self {
        ClauseSide {
            notation: c.notation.clone(),
            iri: c.iri.clone(),
            text: c.text.clone(),
        }
    }

    /// Notation and text, as a table cell.
    fn cell(&self) -> String {
        cell(&self.notation, &self.text)
    }
}

/// One row of a comparison: a pair, a new clause or a dropped one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareRow {
    /// The earlier plan's clause, if any.
    pub earlier: Option<ClauseSide>,
    /// The later plan's clause, if any.
    pub later: Option<ClauseSide>,
    /// What became of it (`carried-over`, `revised`, `new`, `dropped`).
    pub change: &'static str,
    /// How the pair came to be.
    pub link: Link,
    /// The texts' similarity.
    pub similarity: f64,
    /// Later commitment level minus earlier, when both have one.
    pub level_change: Option<i64>,
    /// The two clauses' commitment levels.
    pub levels: [Option<u8>; 2],
    /// What the two share and how they differ.
    pub explanation: Explanation,
    /// The change, link and similarity, as a table cell.
    #[serde(skip)]
    pub change_cell: String,
    /// The heading of the group the row is shown in.
    #[serde(skip)]
    pub group: String,
}

/// One plan of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedPlan {
    /// Its IRI.
    pub iri: String,
    /// Its short name.
    pub name: String,
    /// Its clauses.
    pub clauses: usize,
}

/// The comparison of two plans (`poakg compare`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// The earlier plan.
    pub earlier: ComparedPlan,
    /// The later plan.
    pub later: ComparedPlan,
    /// Rows of each change.
    pub counts: ChangeCounts,
    /// The rows, in the later plan's order; dropped clauses last.
    pub rows: Vec<CompareRow>,
    /// The counts in one sentence.
    #[serde(skip)]
    pub summary: String,
    /// The clauses strengthened and weakened, most changed first.
    #[serde(skip)]
    pub level_changes: Table,
}

impl CompareReport {
    /// The report of comparison `c` of the plans `names`.
    pub fn of(c: &Comparison, names: &PlanNames) -> Self {
        let rows = c
            .rows
            .iter()
            .map(|row| {
                let earlier = row.earlier.map(|i| &c.earlier[i]);
                let later = row.later.map(|j| &c.later[j]);
                CompareRow {
                    earlier: earlier.map(ClauseSide::of),
                    later: later.map(ClauseSide::of),
                    change: row.change.name(),
                    link: row.link,
                    similarity: row.similarity,
                    level_change: c.level_change(row),
                    levels: [earlier.and_then(|x| x.level), later.and_then(|x| x.level)],
                    explanation: c.explain(row),
                    change_cell: change_cell(row),
                    group: if row.later.is_some() {
                        format!("Pillar {}", c.pillar_of(row))
                    } else {
                        "Dropped clauses of the earlier plan".to_owned()
                    },
                }
            })
            .collect();
        let plan = |iri: &str, name: &str, clauses: usize| ComparedPlan {
            iri: iri.to_owned(),
            name: name.to_owned(),
            clauses,
        };
        CompareReport {
            earlier: plan(&c.earlier_plan, &names.earlier, c.earlier.len()),
            later: plan(&c.later_plan, &names.later, c.later.len()),
            counts: c.counts(),
            rows,
            summary: summary(c),
            level_changes: level_changes(c, names),
        }
    }

    /// The report: a side-by-side table per pillar of the later plan, the
    /// dropped clauses, then the clauses strengthened and weakened.
    pub fn report(&self) -> Report {
        let header: Vec<String> = [
            self.earlier.name.as_str(),
            self.later.name.as_str(),
            "change",
            "what changed",
        ]
        .map(String::from)
        .to_vec();
        let mut tables: Vec<Table> = Vec::new();
        for row in &self.rows {
            if tables.last().is_none_or(|t| t.title != row.group) {
                tables.push(Table {
                    title: row.group.clone(),
                    header: header.clone(),
                    rows: Vec::new(),
                });
            }
            if let Some(t) = tables.last_mut() {
                t.rows.push(vec![
                    row.earlier.as_ref().map_or(String::new(), ClauseSide::cell),
                    row.later.as_ref().map_or(String::new(), ClauseSide::cell),
                    row.change_cell.clone(),
                    row.explanation.summary(),
                ]);
            }
        }
        tables.push(self.level_changes.clone());
        Report {
            title: format!("{} -> {}", self.earlier.name, self.later.name),
            notes: vec![self.summary.clone()],
            tables,
            json: report_json("compare", self),
        }
    }
}

/// The report of a comparison.
pub fn compare(c: &Comparison, names: &PlanNames) -> Report {
    CompareReport::of(c, names).report()
}
