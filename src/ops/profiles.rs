//! What each plan commits to, read back from the store: every clause's
//! level, hedges, quantity, modalities, goals and areas (the labels the
//! build wrote), and the level changes the comparisons stored.

use super::{plans, Error, PlanInfo};
use crate::report::commitments::{ClauseLabels, LevelShift, PlanProfile};
use crate::sparql::{self, row_text};
use crate::store::KgStore;
use std::collections::HashMap;

fn list(row: &sparql::Row, var: &str) -> Vec<String> {
    let mut v: Vec<String> = row_text(row, var)
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    v.sort_by_key(|s| (s.parse::<u32>().unwrap_or(u32::MAX), s.clone()));
    v
}

/// The clause labels of every plan, by plan IRI, in plan order.
fn clause_labels(store: &KgStore) -> Result<HashMap<String, Vec<ClauseLabels>>, Error> {
    let rows = sparql::select(
        store,
        "clause labels",
        "SELECT ?plan ?c ?n ?pos ?level (COUNT(DISTINCT ?h) AS ?hedges) (COUNT(DISTINCT ?q) AS ?quantified)
                (GROUP_CONCAT(DISTINCT ?mc; separator=\",\") AS ?modalities)
                (GROUP_CONCAT(DISTINCT ?sc; separator=\",\") AS ?sdgs)
                (GROUP_CONCAT(DISTINCT ?ac; separator=\",\") AS ?aoip) WHERE {
           ?c a poa:Clause ; dcterms:isPartOf ?plan ; skos:notation ?n ; poa:position ?pos .
           OPTIONAL { ?c poa:commitmentLevel ?level }
           OPTIONAL { ?c poa:hedge ?h }
           OPTIONAL { ?c poa:quantified ?q }
           OPTIONAL { ?c poa:modality ?m . ?m skos:notation ?mc }
           OPTIONAL { ?c poa:sdg ?s . ?s skos:notation ?sc }
           OPTIONAL { ?c poa:aoipArea ?a . ?a skos:notation ?ac }
         } GROUP BY ?plan ?c ?n ?pos ?level ORDER BY ?plan ?pos",
    )?;
    let mut out: HashMap<String, Vec<ClauseLabels>> = HashMap::new();
    for row in &rows {
        let (Some(plan), Some(iri), Some(notation)) = (
            row_text(row, "plan"),
            row_text(row, "c"),
            row_text(row, "n"),
        ) else {
            continue;
        };
        let count = |v: &str| {
            row_text(row, v)
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        };
        out.entry(plan).or_default().push(ClauseLabels {
            iri,
            notation,
            level: row_text(row, "level").and_then(|l| l.parse().ok()),
            hedged: count("hedges") > 0,
            quantified: count("quantified") > 0,
            modalities: list(row, "modalities"),
            sdgs: list(row, "sdgs"),
            aoip: list(row, "aoip"),
        });
    }
    Ok(out)
}

/// Every plan's profile (only `focus`'s when given), by partner then period.
pub fn profiles(store: &KgStore, focus: Option<&PlanInfo>) -> Result<Vec<PlanProfile>, Error> {
    let mut labels = clause_labels(store)?;
    Ok(plans(store)?
        .into_iter()
        .filter(|p| focus.is_none_or(|f| f.iri == p.iri))
        .map(|p| PlanProfile {
            clauses: labels.remove(&p.iri).unwrap_or_default(),
            name: p.label(),
            partner: p
                .partner
                .clone()
                .or_else(|| p.partner_code.clone())
                .unwrap_or_default(),
            start: p.period.map(|p| p.first),
            iri: p.iri,
        })
        .collect())
}

/// The revised clause pairs whose level changed, from the comparisons the
/// build stored (only those touching `focus` when given).
pub fn level_shifts(store: &KgStore, focus: Option<&PlanInfo>) -> Result<Vec<LevelShift>, Error> {
    let names: HashMap<String, String> = plans(store)?
        .into_iter()
        .map(|p| (p.iri.clone(), p.label()))
        .collect();
    let rows = sparql::select(
        store,
        "level changes",
        "SELECT ?d ?ea ?la ?an ?bn ?at ?bt ?pa ?pb WHERE {
           ?x a poa:ClauseChange ; poa:levelChange ?d ; poa:earlier ?a ; poa:later ?b .
           FILTER (?d != 0)
           ?a skos:notation ?an ; poa:text ?at ; dcterms:isPartOf ?pa ; poa:commitmentLevel ?ea .
           ?b skos:notation ?bn ; poa:text ?bt ; dcterms:isPartOf ?pb ; poa:commitmentLevel ?la .
           ?pa a poa:PlanOfAction . ?pb a poa:PlanOfAction .
         }",
    )?;
    let mut out: Vec<LevelShift> = rows
        .iter()
        .filter_map(|row| {
            let (pa, pb) = (row_text(row, "pa")?, row_text(row, "pb")?);
            if focus.is_some_and(|f| f.iri != pa && f.iri != pb) {
                return None;
            }
            let level = |v: &str| row_text(row, v).and_then(|l| l.parse::<u8>().ok());
            Some(LevelShift {
                earlier_plan: names.get(&pa).cloned().unwrap_or(pa),
                later_plan: names.get(&pb).cloned().unwrap_or(pb),
                earlier: row_text(row, "an")?,
                later: row_text(row, "bn")?,
                earlier_text: row_text(row, "at")?,
                later_text: row_text(row, "bt")?,
                earlier_level: level("ea")?,
                later_level: level("la")?,
                change: row_text(row, "d")?.parse().ok()?,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.change
            .abs()
            .cmp(&a.change.abs())
            .then(b.change.cmp(&a.change))
            .then_with(|| (&a.later_plan, &a.later).cmp(&(&b.later_plan, &b.later)))
    });
    Ok(out)
}
