//! The build operation: documents read and ingested into a new generation,
//! the analysis graph stored, the generation published, a summary returned.

use super::{read_text, Error};
use crate::analysis::{self, Analysis, Passage};
use crate::corpus::Overrides;
use crate::entities::lexicon::Lexicon;
use crate::entities::registry::Registry;
use crate::entities::{Extractor, BUNDLED_REGISTRY};
use crate::ingest::{self, Input, Loaded, Source};
use crate::store::{KgStore, Writer};
use crate::vocab;
use std::path::PathBuf;

/// What a build did, for its report.
#[derive(Debug)]
pub struct BuildSummary {
    /// The documents built, in the order given.
    pub documents: Vec<Loaded>,
    /// What the analysis found, when the store names entities.
    pub analysis: Option<AnalysisSummary>,
    /// Instances per class in the document graphs, by class.
    pub classes: Vec<super::ClassCount>,
    /// The documents refused, each with its reason, in input order.
    pub refused: Vec<ingest::Refused>,
    /// Where the build's time went, phase by phase, in order.
    pub phases: Vec<PhaseTime>,
}

/// The wall time of one phase of a build.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PhaseTime {
    /// ingest (read, extract, write the documents), references,
    /// comparisons, analysis, description, commit, classes.
    pub phase: &'static str,
    /// Seconds it took.
    pub seconds: f64,
}

/// Runs `step`, noting its wall time as `phase`.
fn timed<T>(phases: &mut Vec<PhaseTime>, phase: &'static str, step: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = step();
    phases.push(PhaseTime {
        phase,
        seconds: start.elapsed().as_secs_f64(),
    });
    out
}

/// What a build's analysis found, in three figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalysisSummary {
    /// Entities that connect pillars (cross-pillar connectors).
    pub connectors: usize,
    /// Communities of the co-mention network.
    pub communities: usize,
    /// Normalised mutual information of the communities with the pillars.
    pub nmi: f64,
}

/// Extensions of the documents a folder is searched for.
const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "pdf", "ttl", "nt", "nq", "trig", "jsonld",
    "rdf", "owl",
];

/// What to build: the bundled seeds when no path is given; otherwise each
/// path as a file, a folder (searched recursively for documents, in name
/// order) or a glob pattern (`plans/*.pdf`, `corpus/**/*.txt`). A path that
/// names nothing is an error naming it. `overrides` apply to every document.
pub fn inputs(paths: &[PathBuf], overrides: &Overrides) -> Result<Vec<Input>, Error> {
    if paths.is_empty() {
        return Ok(ingest::bundled_sources()
            .into_iter()
            .map(Input::Source)
            .collect());
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Input {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                let name = entry.file_name().to_string_lossy();
                let wanted = entry.file_type().is_file()
                    && !name.starts_with('.')
                    && entry.path().extension().is_some_and(|x| {
                        DOCUMENT_EXTENSIONS.contains(&x.to_string_lossy().to_lowercase().as_str())
                    });
                if wanted {
                    files.push(entry.into_path());
                }
            }
            if files.len() == before {
                return Err(Error::Input {
                    path: path.clone(),
                    message: format!(
                        "a folder with no documents ({})",
                        DOCUMENT_EXTENSIONS.join(", ")
                    ),
                });
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            let pattern = path.to_string_lossy();
            let is_glob = pattern.contains(['*', '?', '[']);
            let bad = |message: String| Error::Input {
                path: path.clone(),
                message,
            };
            if !is_glob {
                return Err(bad("no such file or folder".into()));
            }
            let matches = glob::glob(&pattern)
                .map_err(|e| bad(format!("bad pattern at {}: {}", e.pos, e.msg)))?;
            let before = files.len();
            for m in matches {
                let m = m.map_err(|e| bad(e.to_string()))?;
                if m.is_file() {
                    files.push(m);
                }
            }
            if files.len() == before {
                return Err(bad("no file matches this pattern".into()));
            }
        }
    }
    files.dedup();
    Ok(files
        .into_iter()
        .map(|path| Input::Path {
            path,
            overrides: overrides.clone(),
        })
        .collect())
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

/// How a build treats a document that does not read or parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBadDocument {
    /// Refuse it, build the others, and list the refusals in the summary
    /// (a build of nothing but refusals publishes nothing and fails).
    Refuse,
    /// Stop the build at the first, publishing nothing.
    Stop,
}

/// Builds a new generation from `inputs` (keeping the documents already in
/// it unless `drop_others`), streaming them into the store one by one and
/// calling `observe` after each; stores the references and analysis graphs,
/// publishes the generation, and returns the store opened for reading with
/// a summary.
pub fn build(
    writer: Writer,
    inputs: &[Input],
    drop_others: bool,
    on_bad: OnBadDocument,
    extractor: &Extractor,
    observe: &mut dyn FnMut(&Loaded),
) -> Result<BuiltStore, Error> {
    let publication = super::Publication::default();
    build_published(
        writer,
        inputs,
        drop_others,
        on_bad,
        extractor,
        &publication,
        observe,
    )
}

/// A store built and opened for reading, and what the build did.
pub struct BuiltStore {
    /// The store, opened for reading.
    pub store: KgStore,
    /// What was built, refused and timed.
    pub summary: BuildSummary,
}

/// [`build`], with the publisher and licence the dataset's description
/// gives (what the store remembers where `publication` says nothing).
pub fn build_published(
    writer: Writer,
    inputs: &[Input],
    drop_others: bool,
    on_bad: OnBadDocument,
    extractor: &Extractor,
    publication: &super::Publication,
    observe: &mut dyn FnMut(&Loaded),
) -> Result<BuiltStore, Error> {
    let started = super::describe::now();
    let strict = on_bad == OnBadDocument::Stop;
    let mut phases = Vec::new();
    if !drop_others {
        // the description is brought up to date from the graphs written
        writer.store().track_changes();
    }
    let ingest::Built {
        loaded: documents,
        refused,
    } = timed(&mut phases, "ingest", || {
        ingest::build_from(&writer, inputs, drop_others, strict, extractor, observe)
    })?;
    if documents.is_empty() && !refused.is_empty() {
        // nothing to publish: the store keeps what it held
        return Err(Error::NothingBuilt(refused));
    }
    timed(&mut phases, "references", || {
        super::store_references(&writer)
    })?;
    timed(&mut phases, "comparisons", || {
        super::store_comparisons(&writer)
    })?;
    let analysis = timed(&mut phases, "analysis", || store_analysis(&writer))?;
    timed(&mut phases, "description", || {
        super::store_description(&writer, publication, &started)
    })?;
    let store = timed(&mut phases, "commit", || writer.commit())?;
    let analysis = analysis.map(|a| {
        let connectors = analysis::metrics::connectors(&a.net).len();
        let communities = a
            .communities
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        AnalysisSummary {
            connectors,
            communities,
            nmi: a.nmi,
        }
    });
    let classes = timed(&mut phases, "classes", || super::class_counts(&store))?;
    Ok(BuiltStore {
        store,
        summary: BuildSummary {
            documents,
            analysis,
            classes,
            refused,
            phases,
        },
    })
}

/// Recomputes the analysis graph of a store being written (after a build):
/// the summaries (counts per plan, pillar, entity and class) and the
/// co-mention measures.
pub fn store_analysis(writer: &Writer) -> Result<Option<Analysis>, Error> {
    let store = writer.store();
    let net = analysis::load::network(store)?;
    let graph = oxigraph::model::NamedNode::new_unchecked(vocab::ANALYSIS_GRAPH);
    if net.mentions.is_empty() {
        // the plans are counted whether or not they name anything
        let quads = super::summaries::quads(store, None, &graph)?;
        store.replace_graphs(&[(&graph, &quads)], false)?;
        return Ok(None);
    }
    let mut quads = super::summaries::quads(store, Some(&net), &graph)?;
    let analysis = Analysis::compute(net, false);
    quads.extend(analysis::rdf::quads(&analysis, &graph));
    store.replace_graphs(&[(&graph, &quads)], false)?;
    Ok(Some(analysis))
}

/// A network analysed, and the passages read with it.
#[derive(Debug)]
pub struct Analysed {
    /// Every analysis of the network.
    pub analysis: Analysis,
    /// Every clause and activity with a text (for `report coverage`).
    pub passages: Vec<Passage>,
}

/// Loads the network from the store (of one plan, or of all), with every
/// clause and activity; an error when no passage names an entity.
pub fn network(
    store: &KgStore,
    plan: Option<&super::PlanInfo>,
) -> Result<analysis::load::NetworkRead, Error> {
    let read = analysis::load::network_and_passages(store, plan.map(|p| p.iri.as_str()))?;
    if read.net.mentions.is_empty() {
        return Err(Error::NothingToAnalyse(store.location().to_string()));
    }
    Ok(read)
}

/// Loads the network from the store (of one plan, or of all) and runs every
/// analysis; also gives every clause and activity (read with the network,
/// for `report coverage`).
pub fn analyse(
    store: &KgStore,
    hierarchy: bool,
    plan: Option<&super::PlanInfo>,
) -> Result<Analysed, Error> {
    let analysis::load::NetworkRead { net, passages } = network(store, plan)?;
    Ok(Analysed {
        analysis: Analysis::compute(net, hierarchy),
        passages,
    })
}
