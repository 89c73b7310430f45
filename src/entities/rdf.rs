//! Entities and mentions as triples.
//!
//! Each mention is a node in the manner of the Web Annotation vocabulary: its
//! body is the entity, its target the passage, with the source offsets, the
//! surface form and the method that found it. `schema:mentions` links the
//! passage to the entity directly, for simple queries.

use super::{Extraction, Mention};
use crate::corpus::PlanId;
use crate::vocab::{ext::*, id, poa};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

/// A passage as the entity layer sees it.
pub struct PassageRef<'a> {
    /// The passage's IRI.
    pub iri: &'a NamedNode,
    /// Short key for mention IRIs ("1.2.16", "preamble", "activity-2").
    pub key: String,
    /// For each char of the passage text, its offset in the source.
    pub offsets: &'a [usize],
    /// The passage's text (`poa:text`), which the mentions' selectors quote.
    pub text: &'a str,
}

/// IRI of an entity; a plan referred to (`plan:<slug>`) is the plan's node.
pub fn entity_iri(entity_id: &str) -> NamedNode {
    match PlanId::slug_of_entity(entity_id) {
        Some(slug) => NamedNode::new_unchecked(id(slug)),
        None => NamedNode::new_unchecked(id(&format!("entity/{entity_id}"))),
    }
}

/// Where Wikidata mints its items' IRIs (the concept URI, not the page).
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";

/// The IRI of a Wikidata item (`Q7768`).
pub fn wikidata_iri(qid: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{WIKIDATA_ENTITY}{qid}"))
}

/// IRI of a partner, by code.
pub fn partner_iri(code: &str) -> NamedNode {
    NamedNode::new_unchecked(id(&format!("partner/{}", code.to_lowercase())))
}

/// The quads describing the entities one document names (types, labels,
/// relations), in `graph` (the shared entities graph).
pub fn entity_quads(extraction: &Extraction, graph: &NamedNode) -> Vec<Quad> {
    let g = GraphName::NamedNode(graph.clone());
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(s.clone(), p.into_owned(), o, g.clone()));
    };
    // plans are described by their own graph (or the references graph)
    for e in extraction
        .entities
        .values()
        .filter(|e| !PlanId::is_plan_entity(&e.id))
    {
        let iri = entity_iri(&e.id);
        add(
            &iri,
            rdf::TYPE,
            NamedNode::new_unchecked(e.class.iri()).into(),
        );
        add(
            &iri,
            SKOS_PREF_LABEL,
            crate::vocab::english(&e.label).into(),
        );
        for alt in &e.alt_labels {
            add(&iri, SKOS_ALT_LABEL, crate::vocab::english(alt).into());
        }
        if let Some(parent) = &e.part_of {
            add(&iri, ORG_SUB_ORGANIZATION_OF, entity_iri(parent).into());
        }
        if let Some(owner) = &e.owner {
            add(&iri, poa::OWNER, entity_iri(owner).into());
        }
        if let Some(partner) = &e.partner {
            add(&iri, poa::PARTNER, partner_iri(partner).into());
        }
        if let Some(q) = &e.wikidata {
            add(&iri, SKOS_EXACT_MATCH, wikidata_iri(q).into());
        }
        add(
            &iri,
            poa::FOUND_BY,
            Literal::new_simple_literal(e.method.name()).into(),
        );
    }
    out
}

/// The quads of the mentions of one document, in its own graph.
pub fn mention_quads(
    extraction: &Extraction,
    passages: &[PassageRef<'_>],
    slug: &str,
    graph: &NamedNode,
) -> Vec<Quad> {
    let g = GraphName::NamedNode(graph.clone());
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(s.clone(), p.into_owned(), o, g.clone()));
    };
    // a plan named in the text: its name, for when it is not in the store
    // (the references graph takes it from there)
    for e in extraction
        .entities
        .values()
        .filter(|e| PlanId::is_plan_entity(&e.id))
    {
        let iri = entity_iri(&e.id);
        for label in std::iter::once(&e.label).chain(&e.alt_labels) {
            add(&iri, RDFS_LABEL, crate::vocab::english(label).into());
        }
    }
    // the targets' quads, kept apart while `add` borrows `out`
    let mut targets = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut counter: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for m in &extraction.mentions {
        let passage = &passages[m.passage];
        let entity = entity_iri(&m.entity);
        if seen.insert((m.passage, m.entity.clone())) {
            add(passage.iri, SCHEMA_MENTIONS, entity.clone().into());
        }
        let n = counter.entry(m.passage).or_default();
        *n += 1;
        let node = NamedNode::new_unchecked(id(&format!("{slug}/mention/{}/{}", passage.key, n)));
        add(&node, rdf::TYPE, poa::MENTION.into());
        add(&node, rdf::TYPE, OA_ANNOTATION.into());
        add(&node, OA_MOTIVATED_BY, OA_IDENTIFYING.into());
        add(&node, OA_HAS_BODY, entity.into());
        let anchor = crate::anchor::Anchor {
            annotation: &node,
            source: passage.iri,
            text: passage.text,
            start: m.start,
            end: m.end,
        };
        crate::anchor::target_quads(&anchor, &g, &mut targets);
        let std::ops::Range { start, end } = source_span(m, passage.offsets);
        add(
            &node,
            poa::START_OFFSET,
            Literal::new_typed_literal(start.to_string(), xsd::INTEGER).into(),
        );
        add(
            &node,
            poa::END_OFFSET,
            Literal::new_typed_literal(end.to_string(), xsd::INTEGER).into(),
        );
        add(
            &node,
            poa::SURFACE_FORM,
            Literal::new_simple_literal(&m.surface).into(),
        );
        add(
            &node,
            poa::FOUND_BY,
            Literal::new_simple_literal(m.method.name()).into(),
        );
    }
    out.extend(targets);
    out
}

/// The mention's span in the source: from its first char's offset to just
/// past its last char's.
pub fn source_span(m: &Mention, offsets: &[usize]) -> std::ops::Range<usize> {
    let start = offsets.get(m.start).copied().unwrap_or(0);
    let end = m
        .end
        .checked_sub(1)
        .and_then(|i| offsets.get(i))
        .map_or(start, |o| o + 1);
    start..end.max(start)
}
