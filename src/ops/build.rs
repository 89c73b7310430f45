//! The build operation: documents read and ingested into a new generation,
//! the analysis graph stored, the generation published, a summary returned.

use super::{read_text, Error};
use crate::analysis::{self, Analysis, Passage};
use crate::entities::lexicon::Lexicon;
use crate::entities::registry::Registry;
use crate::entities::{Extractor, Method, BUNDLED_REGISTRY};
use crate::ingest::{self, Source};
use crate::store::{KgStore, Writer};
use crate::vocab;
use std::path::PathBuf;

/// What a build did, for its report.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub documents: Vec<DocumentSummary>,
    /// Cross-pillar connectors, communities and their NMI with the pillars,
    /// when the store names entities.
    pub analysis: Option<(usize, usize, f64)>,
    /// Instances per class in the document graphs (prefixed class, count).
    pub classes: Vec<(String, usize)>,
}

/// One document of a build.
#[derive(Debug, Clone)]
pub struct DocumentSummary {
    pub name: String,
    pub kind: &'static str,
    pub triples: usize,
    pub graph: String,
    pub mentions: usize,
    pub entities: usize,
    /// Entities found by rules, not in the registry.
    pub discovered: usize,
    pub repairs: usize,
    pub warnings: Vec<String>,
}

/// Reads the given files as sources (the bundled seeds when none is given).
pub fn sources(paths: &[PathBuf]) -> Result<Vec<Source>, Error> {
    if paths.is_empty() {
        return Ok(ingest::bundled_sources());
    }
    Ok(paths
        .iter()
        .map(|p| Source::from_path(p))
        .collect::<Result<Vec<_>, _>>()?)
}

/// The bundled registry and lexicon, extended with the user's files.
pub fn extractor(registries: &[PathBuf], lexicons: &[PathBuf]) -> Result<Extractor, Error> {
    let mut registry = Registry::parse("ontology/registry.tsv", BUNDLED_REGISTRY)?;
    for path in registries {
        registry.extend(Registry::parse(
            &path.display().to_string(),
            &read_text(path)?,
        )?);
    }
    let mut lexicon = Lexicon::bundled()?;
    for path in lexicons {
        lexicon.add(&path.display().to_string(), &read_text(path)?)?;
    }
    Ok(Extractor::with_partners(
        registry,
        lexicon,
        crate::corpus::Partners::bundled()?,
    ))
}

/// Builds a new generation from `sources` (keeping the documents already in
/// it unless `drop_others`), stores the analysis graph, publishes it, and
/// returns the store opened for reading with a summary.
pub fn build(
    writer: Writer,
    sources: &[Source],
    drop_others: bool,
    extractor: &Extractor,
) -> Result<(KgStore, BuildSummary), Error> {
    let ingested = ingest::build(writer.store(), sources, drop_others, extractor)?;
    super::store_references(writer.store())?;
    let analysis = store_analysis(writer.store())?;
    let store = writer.commit()?;
    let documents = ingested
        .iter()
        .map(|doc| DocumentSummary {
            name: doc.source_name.clone(),
            kind: doc.kind.name(),
            triples: doc.quads.len(),
            graph: doc.graph.as_str().to_owned(),
            mentions: doc.entities.mentions.len(),
            entities: doc.entities.entities.len(),
            discovered: doc
                .entities
                .entities
                .values()
                .filter(|e| e.method != Method::Registry)
                .count(),
            repairs: doc.repairs,
            warnings: doc.warnings.clone(),
        })
        .collect();
    let analysis = analysis.map(|a| {
        let connectors = analysis::metrics::connectors(&a.net).len();
        let communities = a
            .communities
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        (connectors, communities, a.nmi)
    });
    let classes = super::class_counts(&store)?;
    Ok((
        store,
        BuildSummary {
            documents,
            analysis,
            classes,
        },
    ))
}

/// Recomputes the analysis graph of a store being written (after a build).
pub fn store_analysis(store: &KgStore) -> Result<Option<Analysis>, Error> {
    let net = analysis::load::network(store)?;
    let graph = oxigraph::model::NamedNode::new_unchecked(vocab::ANALYSIS_GRAPH);
    if net.mentions.is_empty() {
        store.replace_graphs(&[(&graph, &[])], false)?;
        return Ok(None);
    }
    let analysis = Analysis::compute(net, false);
    let quads = analysis::rdf::quads(&analysis, &graph);
    store.replace_graphs(&[(&graph, &quads)], false)?;
    Ok(Some(analysis))
}

/// Loads the network from the store (of one plan, or of all) and runs every
/// analysis; also gives every clause and activity (read with the network,
/// for `report coverage`).
pub fn analyse(
    store: &KgStore,
    hierarchy: bool,
    plan: Option<&super::PlanInfo>,
) -> Result<(Analysis, Vec<Passage>), Error> {
    let (net, passages) =
        analysis::load::network_and_passages(store, plan.map(|p| p.iri.as_str()))?;
    if net.mentions.is_empty() {
        return Err(Error::NothingToAnalyse(store.location().to_string()));
    }
    Ok((Analysis::compute(net, hierarchy), passages))
}
