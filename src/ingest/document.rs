//! One document's parse, by kind (a plan, a programme page, RDF data): its
//! identity, its quads and the entities of its passages, before `ingest`
//! puts the shared entity descriptions together.

use super::plan::{Passage, Plan};
use super::{
    block_iri, clause_iri, parse_plan, plan_quads, preamble_iri, programme_quads, triples,
    IngestError, Source,
};
use crate::corpus::PlanMeta;
use crate::enrich::rdf::Labelled;
use crate::enrich::{Labeller, Labels};
use crate::entities::rdf::PassageRef;
use crate::entities::{DocContext, Extraction, Extractor, PlanRef};
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad, Triple};

/// What one document's parse yields, before the shared entity descriptions.
pub(super) struct Parsed {
    /// The document's name in IRIs.
    pub(super) slug: String,
    /// The document's named graph.
    pub(super) graph: NamedNode,
    /// What a plan is (plans only).
    pub(super) meta: Option<PlanMeta>,
    /// The document's own quads, not yet deduplicated.
    pub(super) quads: Vec<Quad>,
    /// The description of a plan's partner, for the entities graph.
    pub(super) partner_quads: Vec<Triple>,
    /// Doubts for the build report.
    pub(super) warnings: Vec<String>,
    /// Repairs of conversion damage (plans only).
    pub(super) repairs: usize,
    /// The clause a cut text ends inside.
    pub(super) cut: Option<String>,
    /// Numbered clauses or activities.
    pub(super) clauses: usize,
    /// Entities and mentions found in the passages.
    pub(super) entities: Extraction,
}

impl Parsed {
    /// A document of this slug and graph with nothing in it yet.
    fn empty(slug: String, graph: NamedNode) -> Parsed {
        Parsed {
            slug,
            graph,
            meta: None,
            quads: Vec::new(),
            partner_quads: Vec::new(),
            warnings: Vec::new(),
            repairs: 0,
            cut: None,
            clauses: 0,
            entities: Extraction::default(),
        }
    }
}

/// A plan: its structure, metadata, identity, quads and entities.
pub(super) fn plan(source: &Source, extractor: &Extractor) -> Result<Parsed, IngestError> {
    let plan = parse_plan(source)?;
    let preamble = plan.preamble.as_ref().map_or("", |p| p.text.as_str());
    let plan_meta = PlanMeta::read(
        &plan.title,
        preamble,
        "",
        &source.name,
        extractor.partners(),
        &source.overrides,
    );
    let (slug, graph) = plan_identity(source, &plan_meta);
    let mut parsed = Parsed::empty(slug, graph);
    let (slug, graph) = (&parsed.slug, &parsed.graph);
    parsed.cut.clone_from(&plan.cut);
    parsed.quads = plan_quads(&plan, &plan_meta, source, slug, graph);
    if let Some(partner) = &plan_meta.partner {
        parsed.partner_quads = triples::partner_quads(partner);
    }
    let (iris, passages) = plan_passages(&plan, slug);
    parsed.clauses = plan.clauses().count();
    let passages: Vec<(&str, &[usize])> = passages
        .iter()
        .map(|p| (p.text.as_str(), p.offsets.as_slice()))
        .collect();
    let context = plan_context(extractor, &plan_meta, slug);
    let (entity_quads, extraction) =
        extract_entities(extractor, &iris, &passages, slug, graph, &context);
    parsed.quads.extend(entity_quads);
    parsed
        .quads
        .extend(label_quads(&iris, &passages, slug, graph)?);
    parsed.entities = extraction;
    parsed.warnings = plan.warnings.clone();
    parsed.warnings.extend(plan_meta.warnings.iter().cloned());
    parsed.repairs = plan.repairs.len();
    parsed.meta = Some(plan_meta);
    Ok(parsed)
}

/// A plan's slug and graph: named by what it is (partner, kind, period), not
/// by its file name; without a partner, the file name it is.
fn plan_identity(source: &Source, plan_meta: &PlanMeta) -> (String, NamedNode) {
    let Some(mut identity) = plan_meta.slug() else {
        return (source.slug.clone(), source.graph());
    };
    if plan_meta.period.is_none() && plan_meta.issued.is_none() {
        // neither period nor adoption date: a short digest of
        // the file tells two such plans apart
        identity.push('-');
        identity.push_str(source.sha256().get(..8).unwrap_or_default());
    }
    let graph = NamedNode::new_unchecked(vocab::document_graph(&identity));
    (identity, graph)
}

/// A plan's passages (preamble, then every clause), each with its IRI and key.
fn plan_passages<'p>(plan: &'p Plan, slug: &str) -> (Vec<(NamedNode, String)>, Vec<&'p Passage>) {
    let mut iris = Vec::new();
    let mut passages = Vec::new();
    if let Some(p) = &plan.preamble {
        iris.push((preamble_iri(slug), "preamble".to_owned()));
        passages.push(p);
    }
    for clause in plan.clauses() {
        iris.push((clause_iri(slug, &clause.notation()), clause.notation()));
        passages.push(&clause.passage);
    }
    (iris, passages)
}

/// What extraction knows of a plan: its partner, itself and the plan it follows.
fn plan_context(extractor: &Extractor, plan_meta: &PlanMeta, slug: &str) -> DocContext {
    DocContext {
        partner: plan_meta.partner.clone(),
        this_plan: Some(PlanRef {
            id: crate::corpus::PlanId::entity_id_of_slug(slug),
            title: plan_meta.title.clone(),
            kind: plan_meta.kind.clone(),
            period: plan_meta.period,
        }),
        previous_plan: plan_meta.predecessor_id().map(|id| {
            // the registry may know the earlier plan's exact title
            let known = plan_meta
                .partner
                .as_ref()
                .zip(plan_meta.predecessor)
                .and_then(|(partner, period)| {
                    extractor.plan_row(&partner.code, &plan_meta.kind, period)
                });
            PlanRef {
                id: id.entity_id(),
                title: known.map_or_else(
                    || plan_meta.predecessor_title().unwrap_or_default(),
                    |row| row.label.clone(),
                ),
                kind: plan_meta.kind.clone(),
                period: plan_meta.predecessor,
            }
        }),
    }
}

/// A programme page: its quads and the entities of its paragraphs and activities.
pub(super) fn programme(source: &Source, extractor: &Extractor) -> Result<Parsed, IngestError> {
    let page = super::programme::parse(&source.text).map_err(|e| IngestError::Programme {
        name: source.name.clone(),
        source: e,
    })?;
    let mut parsed = Parsed::empty(source.slug.clone(), source.graph());
    let (slug, graph) = (&parsed.slug, &parsed.graph);
    parsed.quads = programme_quads(&page, source, graph);
    let mut iris = Vec::new();
    let mut blocks = Vec::new();
    for (kind, list) in [
        ("paragraph", &page.paragraphs),
        ("activity", &page.activities),
    ] {
        for (i, block) in list.iter().enumerate() {
            iris.push((block_iri(slug, kind, i + 1), format!("{kind}-{}", i + 1)));
            blocks.push(block);
        }
    }
    parsed.clauses = page.activities.len();
    let passages: Vec<(&str, &[usize])> = blocks
        .iter()
        .map(|b| (b.text.as_str(), b.offsets.as_slice()))
        .collect();
    // a page names its partner in its title ("ASEAN-US Partnership Program")
    let context = DocContext {
        partner: extractor.partners().find_in(&page.title).cloned(),
        ..DocContext::default()
    };
    let (entity_quads, extraction) =
        extract_entities(extractor, &iris, &passages, slug, graph, &context);
    parsed.quads.extend(entity_quads);
    parsed
        .quads
        .extend(label_quads(&iris, &passages, slug, graph)?);
    parsed.entities = extraction;
    Ok(parsed)
}

/// An RDF file: every triple goes into the document's own graph, whatever
/// graph the file names.
pub(super) fn rdf(source: &Source, format: RdfFormat) -> Result<Parsed, IngestError> {
    let mut parsed = Parsed::empty(source.slug.clone(), source.graph());
    let target = GraphName::NamedNode(parsed.graph.clone());
    let quads = RdfParser::from_format(format)
        .for_slice(source.text.as_bytes())
        .map(|r| r.map(|q| Quad::new(q.subject, q.predicate, q.object, target.clone())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| IngestError::Rdf {
            name: source.name.clone(),
            message: e.to_string(),
        })?;
    // a file may state a triple twice, anywhere: count it once (the
    // dedup in `ingest` only sees neighbours)
    let mut seen = std::collections::HashSet::new();
    parsed.quads = quads
        .into_iter()
        .filter(|q| seen.insert(q.clone()))
        .collect();
    Ok(parsed)
}

/// The labels of a document's passages (`enrich`): every clause and activity
/// in full, a preamble or a programme's paragraph by its topics only (it
/// states, it does not commit).
fn label_quads(
    iris: &[(NamedNode, String)],
    passages: &[(&str, &[usize])],
    slug: &str,
    graph: &NamedNode,
) -> Result<Vec<Quad>, IngestError> {
    let labeller = Labeller::shared()?;
    let labels: Vec<Labels> = iris
        .iter()
        .zip(passages)
        .map(|((_, key), (text, _))| {
            if key == "preamble" || key.starts_with("paragraph-") {
                labeller.label_topics(text)
            } else {
                labeller.label(text)
            }
        })
        .collect();
    let labelled: Vec<Labelled<'_>> = iris
        .iter()
        .zip(&labels)
        .zip(passages)
        .map(|(((iri, key), labels), (text, _))| Labelled {
            iri,
            key,
            labels,
            text,
        })
        .collect();
    Ok(crate::enrich::rdf::label_quads(&labelled, slug, graph))
}

/// Entity descriptions are shared by every document that names them: they
/// live once, in the entities graph, so that the union default graph does
/// not count them twice.
pub(super) fn shared_entity_quads(entities: &Extraction, partner_quads: Vec<Triple>) -> Vec<Quad> {
    let entity_graph = NamedNode::new_unchecked(vocab::ENTITY_GRAPH);
    let mut entity_quads = crate::entities::rdf::entity_quads(entities, &entity_graph);
    let entity_graph_name = GraphName::NamedNode(entity_graph);
    entity_quads.extend(
        partner_quads
            .into_iter()
            .map(|t| Quad::new(t.subject, t.predicate, t.object, entity_graph_name.clone())),
    );
    entity_quads
}

/// Finds the entities of a document's passages, given as (IRI, key) and
/// (text, source offsets of its chars); returns the mentions' quads (in the
/// document's graph) and the extraction.
fn extract_entities(
    extractor: &Extractor,
    iris: &[(NamedNode, String)],
    passages: &[(&str, &[usize])],
    slug: &str,
    graph: &NamedNode,
    context: &DocContext,
) -> (Vec<Quad>, Extraction) {
    let texts: Vec<&str> = passages.iter().map(|(t, _)| *t).collect();
    let extraction = extractor.extract_in(&texts, context);
    let refs: Vec<PassageRef<'_>> = iris
        .iter()
        .zip(passages)
        .map(|((iri, key), (text, offsets))| PassageRef {
            iri,
            key: key.clone(),
            offsets,
            text,
        })
        .collect();
    (
        crate::entities::rdf::mention_quads(&extraction, &refs, slug, graph),
        extraction,
    )
}
