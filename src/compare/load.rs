//! A plan's clauses, in order, with their pillar and the entities they name,
//! read from the store by SPARQL (so a comparison works on any data loaded).

use crate::sparql::{self, row_text, QueryError};
use crate::store::KgStore;
use std::collections::{BTreeMap, HashMap};

/// One clause of a plan, as a comparison needs it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Clause {
    pub iri: String,
    pub notation: String,
    pub text: String,
    /// The pillar's notation and title ("1 Political-Security Cooperation").
    pub pillar: String,
    pub pillar_position: usize,
    /// Entities the clause names: (IRI, label), by label.
    pub entities: Vec<(String, String)>,
}

/// The clauses of the plan `plan` (an IRI), in plan order.
pub fn clauses(store: &KgStore, plan: &str) -> Result<Vec<Clause>, QueryError> {
    let plan = format!("<{}>", plan.replace(['<', '>', '"', ' '], ""));
    let rows = sparql::select(
        store,
        "clauses of a plan",
        format!(
            "SELECT ?c ?n ?text ?pos ?pn ?pt ?ppos WHERE {{
               ?c a poa:Clause ; dcterms:isPartOf {plan} ; skos:notation ?n ; poa:text ?text ; poa:position ?pos .
               OPTIONAL {{ ?c poa:inPillar ?p . ?p skos:notation ?pn ; skos:prefLabel ?pt ; poa:position ?ppos }}
             }}"
        ),
    )?;
    let mut entities: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for row in sparql::select(
        store,
        "entities of a plan's clauses",
        format!(
            "SELECT DISTINCT ?c ?e ?label WHERE {{
               ?c a poa:Clause ; dcterms:isPartOf {plan} .
               ?m oa:hasTarget ?c ; oa:hasBody ?e .
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
    let number =
        |row: &sparql::Row, var: &str| row_text(row, var).and_then(|v| v.parse::<usize>().ok());
    let mut out: Vec<(usize, Clause)> = Vec::with_capacity(rows.len());
    for row in &rows {
        let (Some(iri), Some(notation), Some(text)) = (
            row_text(row, "c"),
            row_text(row, "n"),
            row_text(row, "text"),
        ) else {
            continue;
        };
        if out.iter().any(|(_, c)| c.iri == iri) {
            continue;
        }
        let pillar = match (row_text(row, "pn"), row_text(row, "pt")) {
            (Some(n), Some(t)) => format!("{n} {t}"),
            (Some(n), None) => n,
            _ => String::new(),
        };
        let named = entities
            .remove(&iri)
            .map(|m| m.into_iter().map(|(label, e)| (e, label)).collect())
            .unwrap_or_default();
        out.push((
            number(row, "pos").unwrap_or(usize::MAX),
            Clause {
                iri,
                notation,
                text,
                pillar,
                pillar_position: number(row, "ppos").unwrap_or(0),
                entities: named,
            },
        ));
    }
    out.sort_by(|a, b| (a.0, &a.1.notation).cmp(&(b.0, &b.1.notation)));
    Ok(out.into_iter().map(|(_, c)| c).collect())
}
