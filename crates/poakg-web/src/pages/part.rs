//! What a pillar's or a section's page shows: its passages in document
//! order, each with its notation linked to its own page and its text with
//! every mention highlighted and linked to the entity's page.

use super::links::{highlight, labels, Link, Piece};
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;
use std::collections::HashMap;

/// One passage of a pillar or section.
#[derive(Debug, Clone)]
pub struct PartPassage {
    /// The passage, by its notation (`1.2.3`), linked to its page.
    pub passage: Link,
    /// The section it is in, when the part is a pillar and the section
    /// changes here (a heading to print before it).
    pub heading: Option<Link>,
    /// Its cleaned text, mentions linked.
    pub text: Vec<Piece>,
}

/// Every passage with a text whose `property` (`poa:inPillar` or
/// `poa:inSection`) is `part`, in document order, at most `limit`.
pub fn read(
    store: &KgStore,
    part: &str,
    property: &str,
    limit: usize,
) -> Result<Vec<PartPassage>, QueryError> {
    let rows = sparql::select(
        store,
        "passages of a part",
        format!(
            "SELECT ?c ?n ?t ?section ?pos WHERE {{
               ?c {property} {part} ; poa:text ?t ; poa:startOffset ?pos .
               OPTIONAL {{ ?c skos:notation ?n }} OPTIONAL {{ ?c poa:inSection ?section }} }}
             ORDER BY ?pos LIMIT {limit}",
            part = poakg::sparql::iri(part)?
        ),
    )?;
    let mentions = sparql::select(
        store,
        "mentions in a part",
        format!(
            "SELECT ?c ?surface ?e WHERE {{
               ?c {property} {part} . ?m a poa:Mention ; oa:hasTarget/oa:hasSource ?c ; oa:hasBody ?e ; poa:surfaceForm ?surface }}", part = poakg::sparql::iri(part)?),
    )?;
    let mut iris: Vec<String> = mentions.iter().filter_map(|r| row_text(r, "e")).collect();
    iris.extend(rows.iter().filter_map(|r| row_text(r, "section")));
    iris.sort_unstable();
    iris.dedup();
    let names = labels(store, &iris.iter().map(String::as_str).collect::<Vec<_>>())?;
    let mut by_passage: HashMap<String, Vec<(String, Link)>> = HashMap::new();
    for row in &mentions {
        let (Some(c), Some(surface), Some(e)) = (
            row_text(row, "c"),
            row_text(row, "surface"),
            row_text(row, "e"),
        ) else {
            continue;
        };
        by_passage
            .entry(c)
            .or_default()
            .push((surface, Link::to(&e, &names)));
    }
    let mut out = Vec::new();
    let mut last_section = None;
    for row in &rows {
        let Some(c) = row_text(row, "c") else {
            continue;
        };
        let section = row_text(row, "section");
        let heading =
            if property.ends_with("inPillar") && section.is_some() && section != last_section {
                section.as_deref().map(|s| Link::to(s, &names))
            } else {
                None
            };
        last_section = section;
        let text = row_text(row, "t").unwrap_or_default();
        out.push(PartPassage {
            passage: Link {
                label: row_text(row, "n").unwrap_or_else(|| poakg::vocab::display_iri(&c)),
                href: super::links::href(&c),
            },
            heading,
            text: highlight(&text, by_passage.get(&c).map_or(&[], Vec::as_slice)),
        });
    }
    Ok(out)
}
