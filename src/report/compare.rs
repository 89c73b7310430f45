//! The comparison of two plans as a report: counts, then per pillar of the
//! later plan a side-by-side table (earlier clause, later clause, change,
//! what changed), then the dropped clauses; and as an HTML page with the
//! two texts aligned and the changed words marked (`compare_page`).

use super::{Report, Table};
use crate::compare::{Change, Comparison, Link, Row};
use serde_json::json;

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

/// The report of a comparison.
pub fn compare(c: &Comparison, names: &PlanNames) -> Report {
    let header: Vec<String> = [
        names.earlier.as_str(),
        names.later.as_str(),
        "change",
        "what changed",
    ]
    .map(String::from)
    .to_vec();
    let mut tables: Vec<Table> = Vec::new();
    let mut items = Vec::new();
    for row in &c.rows {
        let (_, pillar) = c.pillar_of(row);
        let title = if row.later.is_some() {
            format!("Pillar {pillar}")
        } else {
            "Dropped clauses of the earlier plan".to_owned()
        };
        if tables.last().is_none_or(|t| t.title != title) {
            tables.push(Table {
                title,
                header: header.clone(),
                rows: Vec::new(),
            });
        }
        let why = c.explain(row);
        let earlier = row.earlier.map(|i| &c.earlier[i]);
        let later = row.later.map(|j| &c.later[j]);
        if let Some(t) = tables.last_mut() {
            t.rows.push(vec![
                earlier.map_or(String::new(), |x| cell(&x.notation, &x.text)),
                later.map_or(String::new(), |x| cell(&x.notation, &x.text)),
                change_cell(row),
                why.summary(),
            ]);
        }
        items.push(json!({
            "earlier": earlier.map(|x| json!({"notation": x.notation, "iri": x.iri, "text": x.text})),
            "later": later.map(|x| json!({"notation": x.notation, "iri": x.iri, "text": x.text})),
            "change": row.change.name(),
            "link": row.link,
            "similarity": row.similarity,
            "level_change": c.level_change(row),
            "levels": [earlier.and_then(|x| x.level), later.and_then(|x| x.level)],
            "explanation": why,
        }));
    }
    tables.push(level_changes(c, names));
    Report {
        title: format!("{} -> {}", names.earlier, names.later),
        notes: vec![summary(c)],
        tables,
        json: json!({
            "report": "compare",
            "earlier": {"iri": c.earlier_plan, "name": names.earlier, "clauses": c.earlier.len()},
            "later": {"iri": c.later_plan, "name": names.later, "clauses": c.later.len()},
            "counts": c.counts().iter().map(|(ch, n)| (ch.name().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "rows": items,
        }),
    }
}
