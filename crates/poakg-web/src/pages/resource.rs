//! The page a person gets for a data IRI (`/id/...` in a browser): the
//! resource by its label, its classes, where it stands (plan > pillar >
//! section), its text with every mention highlighted and linked to the
//! entity's page, its properties and the resources that point to it, all by
//! their labels; the IRI shown once; its Turtle and JSON-LD as alternates and
//! its JSON-LD embedded for search engines and portals.

use super::links::{highlight, href, labels, script_safe, Link, Piece};
use super::{entity, part, passage, plan, PageError};
use askama::Template;
use oxigraph::model::{Term, Triple};
use poakg::sparql::{self, display_term, row_text};
use poakg::store::KgStore;
use poakg::vocab;
use std::collections::{BTreeMap, HashMap};

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
    /// The clauses carrying a label concept (a goal, an area, a modality, a level), by plan.
    concept: Option<Vec<super::labels::ConceptPlan>>,
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
/// from `store`; `page` (from 1) picks the plans an entity's page lists.
pub fn render(
    store: &KgStore,
    iri: &str,
    triples: &[Triple],
    jsonld: &str,
    page: usize,
) -> Result<String, PageError> {
    let mentions = mentions_of(store, iri)?;
    let names = names_of(store, iri, triples, &mentions)?;
    let kind = kind(iri, triples);
    let statements = Statements::read(iri, triples, &names);
    let entity_links = entity_links(&mentions, &names);
    let views = Views::read(store, iri, kind, page)?;
    let page = ResourcePage {
        iri,
        label: names
            .get(iri)
            .cloned()
            .unwrap_or_else(|| vocab::display_iri(iri)),
        classes: statements.classes,
        crumbs: statements.crumbs.into_values().collect(),
        text: statements
            .text
            .map(|t| highlight(&t, &entity_links))
            .unwrap_or_default(),
        facts: statements.facts.into_values().collect(),
        referrers: statements.referrers,
        more_referrers: statements.more_referrers,
        path: super::links::data_path(iri).unwrap_or_else(|| iri.to_owned()),
        jsonld: script_safe(jsonld),
        summary: statements.summary,
        plan: views.plan,
        parts: views.parts,
        passage: views.passage,
        entity: views.entity,
        concept: views.concept,
    };
    Ok(page.render()?)
}

/// The mentions in the passage `iri`: each surface form with its entity.
fn mentions_of(store: &KgStore, iri: &str) -> Result<Vec<(String, String)>, PageError> {
    Ok(sparql::select(
        store,
        "mentions of a passage",
        format!("SELECT ?surface ?e WHERE {{ ?m a poa:Mention ; oa:hasTarget/oa:hasSource {iri} ; oa:hasBody ?e ; poa:surfaceForm ?surface }}", iri = poakg::sparql::iri(iri)?),
    )
    .map_err(PageError::Query)?
    .iter()
    .filter_map(|row| Some((row_text(row, "surface")?, row_text(row, "e")?)))
    .collect())
}

/// Whether `iri` is the subject of `t`.
fn is_own(iri: &str, t: &Triple) -> bool {
    matches!(&t.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == iri)
}

/// The triples of the description of `iri` its page shows: its own, and
/// the first [`REFERRERS`] that point to it (an entity named in a thousand
/// plans is pointed to by thousands of mentions; the page embeds and labels
/// what it shows, the alternates give the whole description).
pub fn shown(iri: &str, triples: &[Triple]) -> Vec<Triple> {
    let mut referrers = 0;
    triples
        .iter()
        .filter(|t| {
            is_own(iri, t) || {
                referrers += 1;
                referrers <= REFERRERS
            }
        })
        .cloned()
        .collect()
}

/// The labels of `iri`, of every IRI in the triples its page shows and of
/// the entities its text mentions.
fn names_of(
    store: &KgStore,
    iri: &str,
    triples: &[Triple],
    mentions: &[(String, String)],
) -> Result<HashMap<String, String>, PageError> {
    let shown = shown(iri, triples);
    let mut iris: Vec<&str> = vec![iri];
    for t in &shown {
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
    labels(store, &iris).map_err(PageError::Query)
}

/// A term as a link by its label (IRIs), or as its text (other terms).
fn link(term: &Term, names: &HashMap<String, String>) -> Link {
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
}

/// What a resource's description says, sorted into the parts of its page.
#[derive(Default)]
struct Statements {
    /// Its classes.
    classes: Vec<Link>,
    /// Its text, for a passage.
    text: Option<String>,
    /// Where it stands, by rank: plan (0), pillar (1), section (2).
    crumbs: BTreeMap<u8, Link>,
    /// Its other properties with their values, by property IRI.
    facts: BTreeMap<String, Fact>,
    /// The resources pointing to it, each with the property (at most [`REFERRERS`]).
    referrers: Vec<(Link, Link)>,
    /// How many more resources point to it.
    more_referrers: usize,
    /// The values summed up under the heading, by caption.
    summary: Vec<(&'static str, Vec<Link>)>,
}

impl Statements {
    /// Sorts the `triples` of the description of `iri`.
    fn read(iri: &str, triples: &[Triple], names: &HashMap<String, String>) -> Statements {
        let mut statements = Statements::default();
        for t in triples {
            if is_own(iri, t) {
                statements.add_own(t, names);
            } else if statements.referrers.len() < REFERRERS {
                statements.referrers.push((
                    link(&t.subject.clone().into(), names),
                    link(&t.predicate.clone().into(), names),
                ));
            } else {
                statements.more_referrers += 1;
            }
        }
        statements
    }

    /// Adds a triple the resource is the subject of.
    fn add_own(&mut self, t: &Triple, names: &HashMap<String, String>) {
        match t.predicate.as_str() {
            p if p == oxigraph::model::vocab::rdf::TYPE.as_str() => {
                self.classes.push(link(&t.object, names))
            }
            // shown on demand with the passage, not among the facts
            p if p == format!("{}rawText", vocab::POA) => {}
            p if p == format!("{}text", vocab::POA) => {
                if let Term::Literal(l) = &t.object {
                    self.text = Some(l.value().to_owned());
                }
            }
            p => self.add_property(p, t, names),
        }
    }

    /// Adds a value of the property `p` (of `t`): to the crumbs, the
    /// summary and the facts.
    fn add_property(&mut self, p: &str, t: &Triple, names: &HashMap<String, String>) {
        if let Some(rank) = crumb_rank(p) {
            self.crumbs.insert(rank, link(&t.object, names));
        }
        if let Some(caption) = summary_caption(p) {
            match self.summary.iter_mut().find(|(c, _)| *c == caption) {
                Some((_, values)) => values.push(link(&t.object, names)),
                None => self.summary.push((caption, vec![link(&t.object, names)])),
            }
        }
        self.facts
            .entry(p.to_owned())
            .or_insert_with(|| Fact {
                property: link(&t.predicate.clone().into(), names),
                values: Vec::new(),
            })
            .values
            .push(link(&t.object, names));
    }
}

/// Where the property `p` puts its value in the crumbs: plan, pillar,
/// section; none for other properties.
fn crumb_rank(p: &str) -> Option<u8> {
    if p == "http://purl.org/dc/terms/isPartOf" {
        Some(0)
    } else if p == format!("{}inPillar", vocab::POA) {
        Some(1)
    } else if p == format!("{}inSection", vocab::POA) {
        Some(2)
    } else {
        None
    }
}

/// The mentions as (surface form, link to the entity's page).
fn entity_links(
    mentions: &[(String, String)],
    names: &HashMap<String, String>,
) -> Vec<(String, Link)> {
    mentions
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
        .collect()
}

/// What the page shows for its kind of resource.
#[derive(Default)]
struct Views {
    /// A plan's contents, sequence, entities and connectors.
    plan: Option<plan::PlanView>,
    /// The passages of a pillar, a section, or a document without pillars.
    parts: Option<Vec<part::PartPassage>>,
    /// A passage's neighbours, source and changes.
    passage: Option<passage::PassageView>,
    /// Where an entity (or a document) is named.
    entity: Option<entity::EntityView>,
    /// The clauses carrying a label concept, by plan.
    concept: Option<Vec<super::labels::ConceptPlan>>,
}

impl Views {
    /// Reads the views of `iri`, a resource of kind `kind` (`page`: which
    /// plans an entity's view lists).
    fn read(store: &KgStore, iri: &str, kind: Kind, page: usize) -> Result<Views, PageError> {
        let mut views = Views::default();
        match kind {
            Kind::Document { has_pillars: true } => views.plan = Some(plan::read(store, iri)?),
            Kind::Document { has_pillars: false } => {
                views.parts = Some(part::read(store, iri, "dcterms:isPartOf", PART_PASSAGES)?)
            }
            Kind::Pillar => {
                views.parts = Some(part::read(store, iri, "poa:inPillar", PART_PASSAGES)?)
            }
            Kind::Section => {
                views.parts = Some(part::read(store, iri, "poa:inSection", PART_PASSAGES)?)
            }
            Kind::Passage => views.passage = Some(passage::read(store, iri)?),
            Kind::Other => {}
        }
        if matches!(kind, Kind::Other | Kind::Document { .. }) {
            views.entity = entity::read(store, iri, page)?;
        }
        if kind == Kind::Other {
            views.concept = super::labels::concept_clauses(store, iri)?;
        }
        Ok(views)
    }
}
