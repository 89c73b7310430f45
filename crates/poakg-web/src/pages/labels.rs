//! What a passage commits to, on its page (each label with the words that
//! decided it highlighted in context and the cue that matched), and the
//! page of a label's concept (a goal, an area, a modality, a level): the
//! clauses that carry it, by plan.

use super::links::{labels, Link};
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;
use poakg::vocab;
use std::collections::BTreeMap;

/// One label of a passage, with its evidence.
#[derive(Debug, Clone)]
pub struct LabelRow {
    /// What it is ("Commitment level", "Goal", ...).
    pub what: &'static str,
    /// Its value: the concept's page, or the literal.
    pub value: Link,
    /// The passage text just before the evidence words.
    pub before: String,
    /// The evidence words.
    pub words: String,
    /// The text just after.
    pub after: String,
    /// The cue or rule that matched.
    pub found_by: String,
}

/// How many characters of context stand either side of the evidence words.
const CONTEXT: usize = 40;

fn caption(property: &str) -> (&'static str, u8) {
    match property.strip_prefix(vocab::POA).unwrap_or(property) {
        "leadVerb" => ("Lead verb", 0),
        "commitmentLevel" => ("Commitment level", 1),
        "hedge" => ("Hedge", 2),
        "quantified" => ("Quantified", 3),
        "modality" => ("Means of cooperation", 4),
        "sdg" => ("Sustainable Development Goal", 5),
        "aoipArea" => ("AOIP area", 6),
        _ => ("Label", 7),
    }
}

/// The labels of `passage`, in a fixed order.
pub fn passage_labels(store: &KgStore, passage: &str) -> Result<Vec<LabelRow>, QueryError> {
    let rows = sparql::select(
        store,
        "labels of a passage",
        format!(
            "SELECT ?p ?body ?value ?s ?a ?b ?f ?rank ?text WHERE {{
               {passage} poa:text ?text .
               ?x a poa:Classification ; oa:hasTarget/oa:hasSource {passage} ; poa:labelProperty ?p ; poa:surfaceForm ?s ;
                  poa:startOffset ?a ; poa:endOffset ?b ; poa:foundBy ?f .
               OPTIONAL {{ ?x oa:hasBody ?body }} OPTIONAL {{ ?x oa:bodyValue ?value }} OPTIONAL {{ ?x poa:sdgRank ?rank }} }}",
            passage = sparql::iri(passage)?
        ),
    )?;
    let bodies: Vec<String> = rows.iter().filter_map(|r| row_text(r, "body")).collect();
    let names = labels(
        store,
        &bodies.iter().map(String::as_str).collect::<Vec<_>>(),
    )?;
    let text = rows
        .first()
        .and_then(|r| row_text(r, "text"))
        .unwrap_or_default();
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(u8, String, LabelRow)> = rows
        .iter()
        .filter_map(|r| {
            let (what, order) = caption(&row_text(r, "p")?);
            let a: usize = row_text(r, "a")?.parse().ok()?;
            let b: usize = row_text(r, "b")?.parse().ok()?;
            let slice = |x: usize, y: usize| {
                chars
                    .get(x.min(chars.len())..y.min(chars.len()))
                    .map(|c| c.iter().collect::<String>())
                    .unwrap_or_default()
            };
            let value = match row_text(r, "body") {
                Some(body) => Link::to(&body, &names),
                None => Link {
                    label: row_text(r, "value").unwrap_or_default(),
                    href: None,
                },
            };
            let before = slice(a.saturating_sub(CONTEXT), a);
            let after = slice(b, b + CONTEXT);
            let key = format!("{}{}", row_text(r, "rank").unwrap_or_default(), value.label);
            Some((
                order,
                key,
                LabelRow {
                    what,
                    value,
                    before: if a > CONTEXT {
                        format!("…{before}")
                    } else {
                        before
                    },
                    words: row_text(r, "s")?,
                    after: if b + CONTEXT < chars.len() {
                        format!("{after}…")
                    } else {
                        after
                    },
                    found_by: row_text(r, "f")?,
                },
            ))
        })
        .collect();
    out.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
    Ok(out.into_iter().map(|(_, _, row)| row).collect())
}

/// This server's page of a UN goal IRI (`/goal/14`), which is not ours to
/// dereference.
pub fn goal_page(iri: &str) -> Option<String> {
    let n = iri.strip_prefix(vocab::SDG_NS)?;
    n.parse::<u8>()
        .ok()
        .filter(|n| (1..=17).contains(n))
        .map(|n| format!("/goal/{n}"))
}

/// The graph pattern that finds the clauses `?c` carrying the concept
/// `node` of the label schemes (`iri` unquoted); none for another IRI.
fn concept_pattern(iri: &str, node: &str) -> Option<String> {
    if goal_page(iri).is_some() {
        return Some(format!("?c poa:sdg {node} ."));
    }
    let path = super::links::data_path(iri)?;
    if path.starts_with("concept/level/") {
        // a level is a number on the clause; the concept carries it as rdf:value
        return Some(format!("{node} rdf:value ?v . ?c poa:commitmentLevel ?v ."));
    }
    [
        ("concept/modality/", "poa:modality"),
        ("concept/aoip/", "poa:aoipArea"),
    ]
    .iter()
    .find(|(prefix, _)| path.starts_with(prefix))
    .map(|(_, property)| format!("?c {property} {node} ."))
}

/// A plan and the clauses of it that carry a concept.
#[derive(Debug, Clone)]
pub struct ConceptPlan {
    /// The plan.
    pub plan: Link,
    /// Its clauses with the concept, in plan order.
    pub clauses: Vec<(Link, String)>,
}

/// At most this many clauses are listed per plan on a concept's page.
const CONCEPT_CLAUSES: usize = 200;

/// The clauses that carry the concept `iri`, by plan.
pub fn concept_clauses(store: &KgStore, iri: &str) -> Result<Option<Vec<ConceptPlan>>, QueryError> {
    let node = sparql::iri(iri)?.to_string();
    let Some(pattern) = concept_pattern(iri, &node) else {
        return Ok(None);
    };
    let rows = sparql::select(
        store,
        "clauses of a concept",
        format!("SELECT ?plan ?c ?text ?pos WHERE {{ {pattern} ?c a poa:Clause ; dcterms:isPartOf ?plan ; poa:text ?text ; poa:position ?pos }}"),
    )?;
    let mut by_plan: BTreeMap<String, Vec<(i64, String, String)>> = BTreeMap::new();
    for r in &rows {
        let (Some(plan), Some(c), Some(text)) =
            (row_text(r, "plan"), row_text(r, "c"), row_text(r, "text"))
        else {
            continue;
        };
        let pos = row_text(r, "pos")
            .and_then(|p| p.parse().ok())
            .unwrap_or(i64::MAX);
        by_plan.entry(plan).or_default().push((pos, c, text));
    }
    let mut iris: Vec<&str> = by_plan.keys().map(String::as_str).collect();
    iris.extend(by_plan.values().flatten().map(|(_, c, _)| c.as_str()));
    let names = labels(store, &iris)?;
    Ok(Some(
        by_plan
            .iter()
            .map(|(plan, clauses)| {
                let mut clauses = clauses.clone();
                clauses.sort();
                ConceptPlan {
                    plan: Link::to(plan, &names),
                    clauses: clauses
                        .iter()
                        .take(CONCEPT_CLAUSES)
                        .map(|(_, c, text)| (Link::to(c, &names), text.chars().take(160).collect()))
                        .collect(),
                }
            })
            .collect(),
    ))
}
