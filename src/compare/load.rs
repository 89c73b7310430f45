//! A plan's clauses, in order, with their pillar and the entities they name,
//! read from the store by SPARQL (so a comparison works on any data loaded).

use crate::sparql::{self, row_text, QueryError};
use crate::store::KgStore;
use std::collections::{BTreeMap, HashMap};

/// One clause of a plan, as a comparison needs it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Clause {
    /// The clause's IRI.
    pub iri: String,
    /// Its notation ("1.2.16").
    pub notation: String,
    /// The clause's text.
    pub text: String,
    /// The pillar's notation and title ("1 Political-Security Cooperation").
    pub pillar: String,
    /// Position of its pillar in the plan, from 1; 0 when it has none.
    pub pillar_position: usize,
    /// Entities the clause names, by label.
    pub entities: Vec<ClauseEntity>,
    /// Its commitment level (1-5), when the labeller gave one.
    pub level: Option<u8>,
}

/// An entity a clause names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClauseEntity {
    /// Its IRI.
    pub iri: String,
    /// Its preferred label.
    pub label: String,
}

/// The clauses of the plan `plan` (an IRI), in plan order.
pub fn clauses(store: &KgStore, plan: &str) -> Result<Vec<Clause>, QueryError> {
    let node = crate::sparql::iri(plan)?;
    let values = format!("VALUES ?doc {{ {node} }}");
    Ok(read(store, &values)?
        .remove(node.as_str())
        .unwrap_or_default())
}

/// The clauses of every plan of the store, by plan IRI: two queries for
/// the whole store, not two per plan (a build compares many plans).
pub fn all_clauses(store: &KgStore) -> Result<HashMap<String, Vec<Clause>>, QueryError> {
    read(store, "")
}

/// The clauses of the plans `plans` (IRIs from the store), by plan, each
/// plan's in order: read plan by plan for a few, all at once for many.
pub fn clauses_of(
    store: &KgStore,
    plans: &[&str],
) -> Result<HashMap<String, Vec<Clause>>, QueryError> {
    if plans.len() > 64 {
        return all_clauses(store);
    }
    let iris: Vec<String> = plans.iter().map(|p| format!("<{p}>")).collect();
    read(store, &format!("VALUES ?doc {{ {} }}", iris.join(" ")))
}

/// The entities each clause of the `values` documents names: clause IRI ->
/// label -> entity IRI.
fn clause_entities(
    store: &KgStore,
    values: &str,
) -> Result<HashMap<String, BTreeMap<String, String>>, QueryError> {
    let mut entities: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for row in sparql::select(
        store,
        "entities of a plan's clauses",
        format!(
            "SELECT DISTINCT ?c ?e ?label WHERE {{
               {values} ?c dcterms:isPartOf ?doc ; a poa:Clause .
               ?m a poa:Mention ; oa:hasTarget/oa:hasSource ?c ; oa:hasBody ?e .
               ?e skos:prefLabel ?label .
             }}"
        ),
    )? {
        if let (Some(c), Some(e), Some(label)) = (
            row_text(&row, "c"),
            row_text(&row, "e"),
            row_text(&row, "label"),
        ) {
            entities.entry(c).or_default().entry(label).or_insert(e);
        }
    }
    Ok(entities)
}

/// Clauses by plan, each plan's in order; `values` narrows the plans
/// (`VALUES ?doc { <iri> }`) or is empty for every plan.
fn read(store: &KgStore, values: &str) -> Result<HashMap<String, Vec<Clause>>, QueryError> {
    let rows = sparql::select(
        store,
        "clauses of a plan",
        format!(
            "SELECT ?c ?doc ?n ?text ?pos ?pn ?pt ?ppos ?level WHERE {{
               {values} ?c dcterms:isPartOf ?doc ; a poa:Clause ; skos:notation ?n ; poa:text ?text ; poa:position ?pos .
               OPTIONAL {{ ?c poa:inPillar ?p . ?p skos:notation ?pn ; skos:prefLabel ?pt ; poa:position ?ppos }}
               OPTIONAL {{ ?c poa:commitmentLevel ?level }}
             }}"
        ),
    )?;
    let mut entities = clause_entities(store, values)?;
    let number =
        |row: &sparql::Row, var: &str| row_text(row, var).and_then(|v| v.parse::<usize>().ok());
    let mut seen = std::collections::HashSet::new();
    let mut by_plan: HashMap<String, Vec<(usize, Clause)>> = HashMap::new();
    for row in &rows {
        let (Some(iri), Some(doc), Some(notation), Some(text)) = (
            row_text(row, "c"),
            row_text(row, "doc"),
            row_text(row, "n"),
            row_text(row, "text"),
        ) else {
            continue;
        };
        if !seen.insert(iri.clone()) {
            continue;
        }
        let pillar = match (row_text(row, "pn"), row_text(row, "pt")) {
            (Some(n), Some(t)) => format!("{n} {t}"),
            (Some(n), None) => n,
            _ => String::new(),
        };
        let named = entities
            .remove(&iri)
            .map(|m| {
                m.into_iter()
                    .map(|(label, iri)| ClauseEntity { iri, label })
                    .collect()
            })
            .unwrap_or_default();
        by_plan.entry(doc).or_default().push((
            number(row, "pos").unwrap_or(usize::MAX),
            Clause {
                iri,
                notation,
                text,
                pillar,
                pillar_position: number(row, "ppos").unwrap_or(0),
                entities: named,
                level: row_text(row, "level").and_then(|v| v.parse().ok()),
            },
        ));
    }
    Ok(by_plan
        .into_iter()
        .map(|(doc, mut out)| {
            out.sort_by(|a, b| (a.0, &a.1.notation).cmp(&(b.0, &b.1.notation)));
            (doc, out.into_iter().map(|(_, c)| c).collect())
        })
        .collect())
}
