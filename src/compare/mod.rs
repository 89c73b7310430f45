//! Comparing plans: which clauses of a later plan carry over, revise or add
//! to an earlier plan's, which were dropped, and why each pair was made.
//!
//! `text` weighs clause texts, `align` pairs them, `explain` says what a
//! pair shares and what changed, `load` reads a plan's clauses from the
//! store, `rdf` writes alignments as triples (the comparisons graph).

pub mod align;
pub mod explain;
pub mod load;
pub mod rdf;
pub mod score;
pub mod text;

pub use align::{align, Change, Link, Params, Row};
pub use explain::Explanation;
pub use load::{clauses, Clause};

/// Rows of each change, named as in reports (`carried-over`...).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChangeCounts {
    /// Rows carrying a clause over.
    #[serde(rename = "carried-over")]
    pub carried_over: usize,
    /// Rows revising a clause.
    pub revised: usize,
    /// Clauses of the later plan alone.
    pub new: usize,
    /// Clauses of the earlier plan alone.
    pub dropped: usize,
}

/// Two plans' clauses and their alignment.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// IRI of the earlier plan.
    pub earlier_plan: String,
    /// IRI of the later plan.
    pub later_plan: String,
    /// The earlier plan's clauses, in plan order; [`Row::earlier`] indexes
    /// them.
    pub earlier: Vec<Clause>,
    /// The later plan's clauses, in plan order; [`Row::later`] indexes them.
    pub later: Vec<Clause>,
    /// Rows in the later plan's order; dropped earlier clauses last.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// Aligns two plans' clauses.
    pub fn new(
        earlier_plan: &str,
        later_plan: &str,
        earlier: Vec<Clause>,
        later: Vec<Clause>,
    ) -> Comparison {
        let a: Vec<&str> = earlier.iter().map(|c| c.text.as_str()).collect();
        let b: Vec<&str> = later.iter().map(|c| c.text.as_str()).collect();
        let rows = align(&a, &b, &Params::default());
        Comparison {
            earlier_plan: earlier_plan.to_owned(),
            later_plan: later_plan.to_owned(),
            earlier,
            later,
            rows,
        }
    }

    /// How much firmer the later clause of a pair commits than the earlier
    /// (later level minus earlier); `None` for a new or dropped clause, or
    /// when either has no level.
    pub fn level_change(&self, row: &Row) -> Option<i64> {
        let earlier = self.earlier.get(row.earlier?)?.level?;
        let later = self.later.get(row.later?)?.level?;
        Some(i64::from(later) - i64::from(earlier))
    }

    /// What a row's two clauses share and how they differ.
    pub fn explain(&self, row: &Row) -> Explanation {
        explain::explain(
            row.earlier.map(|i| &self.earlier[i]),
            row.later.map(|j| &self.later[j]),
        )
    }

    /// The rows by clause notation, for scoring against a hand alignment.
    pub fn named_rows(&self) -> Vec<score::NamedRow> {
        self.rows
            .iter()
            .map(|r| score::NamedRow {
                earlier: r.earlier.map(|i| self.earlier[i].notation.clone()),
                later: r.later.map(|j| self.later[j].notation.clone()),
                change: r.change,
            })
            .collect()
    }

    /// Rows of each change.
    pub fn counts(&self) -> ChangeCounts {
        let count = |c: Change| self.rows.iter().filter(|r| r.change == c).count();
        ChangeCounts {
            carried_over: count(Change::CarriedOver),
            revised: count(Change::Revised),
            new: count(Change::New),
            dropped: count(Change::Dropped),
        }
    }

    /// The pillar a row belongs to (the later clause's, else the
    /// earlier's: notation and title), for grouping reports.
    pub fn pillar_of(&self, row: &Row) -> &str {
        match (row.later, row.earlier) {
            (Some(j), _) => self.later[j].pillar.as_str(),
            (None, Some(i)) => self.earlier[i].pillar.as_str(),
            (None, None) => "",
        }
    }
}
