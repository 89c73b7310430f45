//! The page a person gets for a data IRI (`/id/...` in a browser): the
//! resource by its label, its classes, where it stands (plan > pillar >
//! section), its text with every mention highlighted and linked to the
//! entity's page, its properties and the resources that point to it, all by
//! their labels; the IRI shown once; its Turtle and JSON-LD as alternates and
//! its JSON-LD embedded for search engines and portals.

use super::links::{highlight, href, labels, script_safe, Link, Piece};
use super::{entity, part, passage, plan, PageError};
use poakg::sparql::{self, display_term, row_text};
use poakg::store::KgStore;
use poakg::vocab;
use askama::Template;
use oxigraph::model::{Term, Triple};
use std::collections::BTreeMap;

/// One property and its values.
#[derive(Debug, Clone)]
pub struct Fact {
    /// The property, by its label.
    pub property: Link,
    /// Its values, by label.
    pub values: Vec<Link>,
}

#[derive(Template)]
#[template(path = "resource.html")]
struct ResourcePage<'a> {
    iri: &'a str,
    label: String,
    classes: Vec<Link>,
    crumbs: Vec<Link>,
    text: Vec<Piece>,
    facts: Vec<Fact>,
    referrers: Vec<(Link, Link)>,
    more_referrers: usize,
    path: String,
    jsonld: String,
    /// A line under the heading: other names, partner, period, what it is part of.
    summary: Vec<(&'static str, Vec<Link>)>,
    plan: Option<plan::PlanView>,
    /// The passages of a pillar, a section, or a document without pillars.
    parts: Option<Vec<part::PartPassage>>,
    passage: Option<passage::PassageView>,
    entity: Option<entity::EntityView>,
}

/// At most this many resources pointing to one are listed.
const REFERRERS: usize = 200;

/// At most this many passages are listed on a pillar's or section's page.
const PART_PASSAGES: usize = 2000;

/// What kind of page a resource gets, from its classes and properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A plan or programme document (it has a source).
    Document {
        has_pillars: bool,
    },
    Pillar,
    Section,
    /// A clause, preamble, paragraph or activity (it has a text).
    Passage,
    /// Anything else: entities, partners, classes, sources...
    Other,
}

fn kind(iri: &str, triples: &[Triple]) -> Kind {
    let own = |p: &str| {
        let p = p.to_owned();
        triples.iter().filter(move |t| {
            t.predicate.as_str() == p
                && matches!(&t.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == iri)
        })
    };
    let is_a = |class: &str| {
        let class = format!("{}{class}", vocab::POA);
        own(oxigraph::model::vocab::rdf::TYPE.as_str())
            .any(|t| matches!(&t.object, Term::NamedNode(n) if n.as_str() == class))
    };
    if own(&format!("{}text", vocab::POA)).next().is_some() {
        Kind::Passage
    } else if is_a("Pillar") {
        Kind::Pillar
    } else if is_a("Section") {
        Kind::Section
    } else if own("http://purl.org/dc/terms/source").next().is_some()
        && (is_a("PlanOfAction") || is_a("Programme"))
    {
        Kind::Document {
            has_pillars: is_a("PlanOfAction"),
        }
    } else {
        Kind::Other
    }
}

/// The caption under which a property's values are summed up under the
/// heading, for the properties a reader looks for first.
fn summary_caption(property: &str) -> Option<&'static str> {
    Some(match property.strip_prefix(vocab::POA) {
        Some("partner") => "Partner",
        Some("owner") => "Belongs to",
        _ => match property {
            "http://www.w3.org/2004/02/skos/core#altLabel" => "Also called",
            "http://www.w3.org/ns/org#subOrganizationOf" => "Part of",
            "http://purl.org/dc/terms/temporal" => "Period",
            "http://purl.org/dc/terms/type" => "Kind",
            _ => return None,
        },
    })
}

/// Renders the page of `iri` from its description (`triples`: the triples
/// it is subject or object of) and its JSON-LD, reading labels and mentions
/// from `store`.
pub fn render(
    store: &KgStore,
    iri: &str,
    triples: &[Triple],
    jsonld: &str,
) -> Result<String, PageError> {
    let mentions: Vec<(String, String)> = sparql::select(
        store,
        "mentions of a passage",
        format!("SELECT ?surface ?e WHERE {{ ?m oa:hasTarget <{iri}> ; oa:hasBody ?e ; poa:surfaceForm ?surface }}"),
    )
    .map_err(PageError::Query)?
    .iter()
    .filter_map(|row| Some((row_text(row, "surface")?, row_text(row, "e")?)))
    .collect();
    let mut iris: Vec<&str> = vec![iri];
    for t in triples {
        iris.push(t.predicate.as_str());
        if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = &t.subject {
            iris.push(n.as_str());
        }
        if let Term::NamedNode(n) = &t.object {
            iris.push(n.as_str());
        }
    }
    iris.extend(mentions.iter().map(|(_, e)| e.as_str()));
    iris.sort_unstable();
    iris.dedup();
    let names = labels(store, &iris).map_err(PageError::Query)?;
    let kind = kind(iri, triples);
    let link = |term: &Term| -> Link {
        match term {
            Term::NamedNode(n) => Link {
                label: names
                    .get(n.as_str())
                    .cloned()
                    .unwrap_or_else(|| display_term(term)),
                href: href(n.as_str()),
            },
            other => Link {
                label: display_term(other),
                href: None,
            },
        }
    };
    let mut classes = Vec::new();
    let mut text = None;
    let mut crumbs: BTreeMap<u8, Link> = BTreeMap::new();
    let mut facts: BTreeMap<String, Fact> = BTreeMap::new();
    let mut referrers = Vec::new();
    let mut more_referrers = 0;
    let mut summary: Vec<(&'static str, Vec<Link>)> = Vec::new();
    for t in triples {
        let predicate = t.predicate.as_str();
        let is_subject = matches!(&t.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == iri);
        if is_subject {
            match predicate {
                p if p == oxigraph::model::vocab::rdf::TYPE.as_str() => {
                    classes.push(link(&t.object))
                }
                // shown on demand with the passage, not among the facts
                p if p == format!("{}rawText", vocab::POA) => {}
                p if p == format!("{}text", vocab::POA) => {
                    if let Term::Literal(l) = &t.object {
                        text = Some(l.value().to_owned());
                    }
                }
                p => {
                    let rank = if p == "http://purl.org/dc/terms/isPartOf" {
                        Some(0)
                    } else if p == format!("{}inPillar", vocab::POA) {
                        Some(1)
                    } else if p == format!("{}inSection", vocab::POA) {
                        Some(2)
                    } else {
                        None
                    };
                    if let Some(rank) = rank {
                        crumbs.insert(rank, link(&t.object));
                    }
                    if let Some(caption) = summary_caption(p) {
                        match summary.iter_mut().find(|(c, _)| *c == caption) {
                            Some((_, values)) => values.push(link(&t.object)),
                            None => summary.push((caption, vec![link(&t.object)])),
                        }
                    }
                    facts
                        .entry(predicate.to_owned())
                        .or_insert_with(|| Fact {
                            property: link(&t.predicate.clone().into()),
                            values: Vec::new(),
                        })
                        .values
                        .push(link(&t.object));
                }
            }
        } else if referrers.len() < REFERRERS {
            referrers.push((
                link(&t.subject.clone().into()),
                link(&t.predicate.clone().into()),
            ));
        } else {
            more_referrers += 1;
        }
    }
    let entity_links: Vec<(String, Link)> = mentions
        .iter()
        .map(|(surface, e)| {
            (
                surface.clone(),
                Link {
                    label: names.get(e).cloned().unwrap_or_else(|| e.clone()),
                    href: href(e),
                },
            )
        })
        .collect();
    let (mut plan_view, mut parts, mut passage_view, mut entity_view) = (None, None, None, None);
    match kind {
        Kind::Document { has_pillars: true } => plan_view = Some(plan::read(store, iri)?),
        Kind::Document { has_pillars: false } => {
            parts = Some(part::read(store, iri, "dcterms:isPartOf", PART_PASSAGES)?)
        }
        Kind::Pillar => parts = Some(part::read(store, iri, "poa:inPillar", PART_PASSAGES)?),
        Kind::Section => parts = Some(part::read(store, iri, "poa:inSection", PART_PASSAGES)?),
        Kind::Passage => passage_view = Some(passage::read(store, iri)?),
        Kind::Other => {}
    }
    if matches!(kind, Kind::Other | Kind::Document { .. }) {
        entity_view = entity::read(store, iri)?;
    }
    let page = ResourcePage {
        iri,
        label: names
            .get(iri)
            .cloned()
            .unwrap_or_else(|| vocab::display_iri(iri)),
        classes,
        crumbs: crumbs.into_values().collect(),
        text: text
            .map(|t| highlight(&t, &entity_links))
            .unwrap_or_default(),
        facts: facts.into_values().collect(),
        referrers,
        more_referrers,
        path: iri.strip_prefix(vocab::ID).unwrap_or(iri).to_owned(),
        jsonld: script_safe(jsonld),
        summary,
        plan: plan_view,
        parts,
        passage: passage_view,
        entity: entity_view,
    };
    Ok(page.render()?)
}
