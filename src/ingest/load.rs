//! The one place that writes document graphs: documents are read and parsed
//! on worker threads and streamed into the store one at a time, so a build's
//! memory is bounded by a few documents and one load batch, not by the corpus.
//!
//! Two write paths, both atomic where someone can see the store:
//! - a store with no data yet (every build without `--add` writes a new,
//!   unpublished generation) takes Oxigraph's bulk loader, which writes
//!   sorted table files directly; the generation is published only after the
//!   whole build, so a failed build leaves nothing visible;
//! - a store that keeps documents (`--add`) gets one transaction per
//!   document: each plan's graph is replaced on its own, and the shared
//!   entities graph in one last transaction.

use super::{ingest, ontology_quads, IngestError, Ingested, Source};
use crate::corpus::{Overrides, PlanMeta};
use crate::entities::{Extractor, Method};
use crate::store::{KgStore, Writer};
use crate::vocab;
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Quads handed to the bulk loader at a time: large enough for its sorted
/// runs to pay off, small enough that a build of any size stays well under
/// a gigabyte (about 300 bytes a quad while loading).
const LOAD_BATCH: usize = 200_000;

/// A document to build: a file, read when a worker reaches it, or a source
/// already in memory.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file, read when a worker reaches it, with its `.meta` sidecar.
    Path {
        /// The file's path, as given.
        path: PathBuf,
        /// What the user says of it on the command line, over its sidecar.
        overrides: Overrides,
    },
    /// A document already read, built as it is (its own overrides kept).
    Source(Source),
}

impl Input {
    /// Where the input comes from, for messages: its path as given.
    pub fn origin(&self) -> String {
        match self {
            Input::Source(s) => s.origin.clone(),
            Input::Path { path, .. } => path.display().to_string(),
        }
    }

    fn read(&self) -> Result<Source, IngestError> {
        match self {
            Input::Source(s) => Ok(s.clone()),
            Input::Path { path, overrides } => {
                let mut source = Source::from_path(path)?;
                source.overrides.merge(overrides.clone());
                Ok(source)
            }
        }
    }
}

/// What the build report says of one document written to the store.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Its position among the build's inputs.
    pub index: usize,
    /// The file name, as recorded in provenance.
    pub source_name: String,
    /// Where it was read from, for messages.
    pub origin: String,
    /// The document's name in IRIs.
    pub slug: String,
    /// What a plan is (partner, kind, period); None for programme pages and RDF.
    pub meta: Option<PlanMeta>,
    /// What kind of document it is.
    pub kind: super::DocumentKind,
    /// The named graph it was written to.
    pub graph: NamedNode,
    /// Quads written to its own graph (entity descriptions not counted).
    pub triples: usize,
    /// Numbered clauses (plans) or activities (programme pages).
    pub clauses: usize,
    /// Entity mentions found in its passages.
    pub mentions: usize,
    /// Distinct entities it names, with the registry entities they are part
    /// of or owned by.
    pub entities: usize,
    /// Entities found by the rules, not in the registry.
    pub discovered: usize,
    /// How many repairs of conversion damage its text needed (plans only).
    pub repairs: usize,
    /// The encoding its text was read in.
    pub encoding: super::Encoding,
    /// Doubts for the build report (lines not placed, metadata not found).
    pub warnings: Vec<String>,
}

impl Loaded {
    fn of(index: usize, origin: String, doc: &Ingested) -> Loaded {
        Loaded {
            index,
            origin,
            source_name: doc.source_name.clone(),
            slug: doc.slug.clone(),
            meta: doc.meta.clone(),
            kind: doc.kind,
            graph: doc.graph.clone(),
            triples: doc.quads.len(),
            clauses: doc.clauses,
            mentions: doc.entities.mentions.len(),
            entities: doc.entities.entities.len(),
            discovered: doc
                .entities
                .entities
                .values()
                .filter(|e| e.method != Method::Registry)
                .count(),
            repairs: doc.repairs,
            encoding: doc.encoding,
            warnings: doc.warnings.clone(),
        }
    }
}

/// Builds `sources` into `store`: see [`build_from`].
pub fn build(
    writer: &Writer,
    sources: &[Source],
    drop_others: bool,
    extractor: &Extractor,
) -> Result<Vec<Loaded>, IngestError> {
    let inputs: Vec<Input> = sources.iter().cloned().map(Input::Source).collect();
    Ok(build_from(writer, &inputs, drop_others, true, extractor, &mut |_| {})?.loaded)
}

/// A document a build refused, and why.
#[derive(Debug)]
pub struct Refused {
    /// Its position among the build's inputs.
    pub index: usize,
    /// Where it was read from, for messages.
    pub origin: String,
    /// Why it was refused.
    pub error: IngestError,
}

/// What a build wrote and what it refused, each in input order.
#[derive(Debug, Default)]
pub struct Built {
    /// The documents written.
    pub loaded: Vec<Loaded>,
    /// The documents refused (none when the build was strict: it stops at
    /// the first).
    pub refused: Vec<Refused>,
}

impl IngestError {
    /// Whether the error is about one document (it can be refused and the
    /// others built), not about the store or the program.
    pub fn is_about_a_document(&self) -> bool {
        !matches!(self, IngestError::Store(_) | IngestError::Ontology(_))
    }
}

/// Reads, parses and writes every input, calling `observe` after each
/// document is written (in the order they finish); keeps the documents
/// already in the store unless `drop_others`. A document that does not
/// read or parse is never written: when `strict`, the first one stops the
/// build and is its error; otherwise it is refused and the others are
/// built. A failure of the store always stops the build.
pub fn build_from(
    writer: &Writer,
    inputs: &[Input],
    drop_others: bool,
    strict: bool,
    extractor: &Extractor,
    observe: &mut dyn FnMut(&Loaded),
) -> Result<Built, IngestError> {
    let store = writer.store();
    let fresh = prepare_store(store, drop_others)?;
    let mut sink = Sink::new(store, fresh);
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, inputs.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut built = Built {
        loaded: Vec::with_capacity(inputs.len()),
        refused: Vec::new(),
    };
    std::thread::scope(|scope| -> Result<(), IngestError> {
        let (tx, rx) = std::sync::mpsc::sync_channel(workers * 2);
        let queue = Queue {
            inputs,
            next: &next,
            stop: &stop,
            strict,
            extractor,
        };
        for _ in 0..workers {
            let tx = tx.clone();
            scope.spawn(move || queue.work(&tx));
        }
        drop(tx);
        for (i, result) in rx {
            let (origin, doc) = match built.admit(i, result, inputs, strict) {
                Ok(Some(ok)) => ok,
                Ok(None) => continue,
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            };
            let mut report = Loaded::of(i, origin, &doc);
            // the graph as the store names it, under its base
            report.graph = sink.store.base().node(report.graph.as_str());
            sink.write(doc)?;
            observe(&report);
            built.loaded.push(report);
        }
        Ok(())
    })?;
    sink.finish()?;
    built.loaded.sort_by_key(|l| l.index);
    built.refused.sort_by_key(|r| r.index);
    Ok(built)
}

/// Empties the store when the build drops the documents it holds; returns
/// whether the store is empty (then the bulk loader writes it).
fn prepare_store(store: &KgStore, drop_others: bool) -> Result<bool, IngestError> {
    if drop_others
        && !store
            .inner()
            .is_empty()
            .map_err(crate::store::StoreError::from)?
    {
        // a new generation is empty; only a store held in memory gets here
        store
            .inner()
            .clear()
            .map_err(crate::store::StoreError::from)?;
    }
    let fresh = store
        .inner()
        .is_empty()
        .map_err(crate::store::StoreError::from)?;
    Ok(fresh)
}

/// A document read and parsed on a worker, with where it came from.
type DocumentResult = Result<(String, Ingested), IngestError>;

/// The inputs the workers share, taken in turn until none is left or the
/// build stops.
#[derive(Clone, Copy)]
struct Queue<'a> {
    /// Every input of the build.
    inputs: &'a [Input],
    /// The index of the next input to take.
    next: &'a AtomicUsize,
    /// Set when the build stops.
    stop: &'a AtomicBool,
    /// Whether the build takes no excerpt.
    strict: bool,
    /// What finds the entities.
    extractor: &'a Extractor,
}

impl Queue<'_> {
    /// Takes inputs until none is left, the build stops or nobody listens,
    /// sending each one's index and document.
    fn work(&self, tx: &std::sync::mpsc::SyncSender<(usize, DocumentResult)>) {
        while !self.stop.load(Ordering::Relaxed) {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = self.inputs.get(i) else {
                break;
            };
            if tx.send((i, self.parse(input))).is_err() {
                break;
            }
        }
    }

    /// Reads and ingests one input; a strict build refuses a cut text.
    fn parse(&self, input: &Input) -> DocumentResult {
        input
            .read()
            .and_then(|s| ingest(&s, self.extractor).map(|doc| (s, doc)))
            .and_then(|(s, doc)| match &doc.cut {
                // a strict build takes no excerpt
                Some(clause) if self.strict => Err(IngestError::Plan {
                    name: s.name.clone(),
                    source: super::plan::PlanError::Truncated(format!(
                        "the text ends inside clause {clause}"
                    )),
                }),
                _ => Ok((s.origin, doc)),
            })
    }
}

impl Built {
    /// Whether the document of input `i` is written: it is, unless it failed
    /// or shares a graph with one already written; then it is refused (None),
    /// or, when the build is strict or the error is not about the document,
    /// the error stops the build.
    fn admit(
        &mut self,
        i: usize,
        result: DocumentResult,
        inputs: &[Input],
        strict: bool,
    ) -> Result<Option<(String, Ingested)>, IngestError> {
        let outcome = result.and_then(|(origin, doc)| {
            match self.loaded.iter().find(|l| l.graph == doc.graph) {
                Some(first) => Err(same_graph(first, Loaded::of(i, origin, &doc))),
                None => Ok((origin, doc)),
            }
        });
        match outcome {
            Ok(ok) => Ok(Some(ok)),
            Err(e) if strict || !e.is_about_a_document() => Err(e),
            Err(error) => {
                self.refused.push(Refused {
                    index: i,
                    origin: inputs.get(i).map(Input::origin).unwrap_or_default(),
                    error,
                });
                Ok(None)
            }
        }
    }
}

/// Two inputs that would share a graph, named in input order: two files of
/// one plan, or two files of one name; silently merging them would lose the
/// first one's triples.
fn same_graph(a: &Loaded, b: Loaded) -> IngestError {
    let (first, second) = if a.index < b.index { (a, &b) } else { (&b, a) };
    let what = match &second.meta {
        Some(m) => format!("are the same plan ({})", m.describe()),
        None => "have one name".to_owned(),
    };
    IngestError::SameGraph {
        first: first.origin.clone(),
        second: second.origin.clone(),
        what,
        graph: second.graph.as_str().to_owned(),
    }
}

/// Where parsed documents go.
struct Sink<'a> {
    store: &'a KgStore,
    /// The bulk loader and its pending batch, for a store with no data yet.
    bulk: Option<(oxigraph::store::BulkLoader<'a>, Vec<Quad>)>,
    /// Entity descriptions of every document, written once at the end.
    entity_quads: HashSet<Quad>,
}

impl<'a> Sink<'a> {
    fn new(store: &'a KgStore, fresh: bool) -> Sink<'a> {
        let bulk = fresh.then(|| {
            let loader = store
                .inner()
                .bulk_loader()
                .with_num_threads(2)
                .with_max_memory_size_in_megabytes(LOAD_BATCH / 1000 * 2);
            (loader, Vec::with_capacity(LOAD_BATCH))
        });
        Sink {
            store,
            bulk,
            entity_quads: HashSet::new(),
        }
    }

    fn write(&mut self, doc: Ingested) -> Result<(), IngestError> {
        self.entity_quads.extend(doc.entity_quads);
        match &mut self.bulk {
            Some((loader, batch)) => {
                // the bulk loader bypasses the store's writes: move the
                // IRIs under the store's base here
                batch.extend(self.store.base().quads(doc.quads));
                if batch.len() >= LOAD_BATCH {
                    loader
                        .load_quads(std::mem::take(batch))
                        .map_err(crate::store::StoreError::from)?;
                }
            }
            None => self
                .store
                .replace_graphs(&[(&doc.graph, &doc.quads)], false)?,
        }
        Ok(())
    }

    /// Writes the ontology and the entities graph and commits the load.
    fn finish(mut self) -> Result<(), IngestError> {
        let ontology = ontology_quads()?;
        let entity_graph = self.store.base().node(vocab::ENTITY_GRAPH);
        match self.bulk.take() {
            Some((mut loader, mut batch)) => {
                batch.extend(ontology);
                let entities = self.entity_quads.into_iter().collect();
                batch.extend(self.store.base().quads(entities));
                loader
                    .load_quads(batch)
                    .map_err(crate::store::StoreError::from)?;
                loader.commit().map_err(crate::store::StoreError::from)?;
            }
            None => {
                // documents kept from earlier builds still need their entities
                let kept = self
                    .store
                    .inner()
                    .quads_for_pattern(
                        None,
                        None,
                        None,
                        Some(GraphNameRef::NamedNode(entity_graph.as_ref())),
                    )
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(crate::store::StoreError::from)?;
                self.entity_quads.extend(kept);
                let entities: Vec<Quad> = self.entity_quads.into_iter().collect();
                let ontology_graph = NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH);
                self.store.replace_graphs(
                    &[(&ontology_graph, &ontology), (&entity_graph, &entities)],
                    false,
                )?;
            }
        }
        Ok(())
    }
}
