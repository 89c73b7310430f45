//! The embedded Oxigraph store: where it lives (`location`), how readers and
//! one writer share it (`generations`, `writer`), and the replacement of
//! named graphs.
//!
//! Every document lives in a named graph of its own; queries see the union of
//! all graphs as their default graph (see `sparql`). Readers open a published
//! generation read-only; a build writes a new generation and publishes it
//! when complete, so readers never see a store being written.

mod changes;
mod disk;
mod generations;
mod location;
mod writer;

pub use changes::Changes;
pub use generations::Lease;
pub use location::Location;
pub use writer::Writer;

use crate::base::Base;
use generations::Layout;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{PreparedSparqlQuery, QueryEvaluationError, QueryResults};
use oxigraph::store::{StorageError, Store};
use std::path::{Path, PathBuf};

/// Environment variable naming the store folder.
pub const STORE_ENV: &str = "POAKG_STORE";

/// Why the store cannot be found, opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another poakg process holds the store's lock (a build, or a server
    /// that takes updates).
    #[error("the store at {path} is in use by another poakg process (a build, or `serve --allow-update`); wait for it to finish or pick another folder")]
    Locked {
        /// The store folder (or generation) that is locked.
        path: PathBuf,
    },
    /// The store folder, a generation or a file of it cannot be opened or
    /// set up.
    #[error("cannot open the store at {path}: {message}")]
    Open {
        /// The folder or file that cannot be opened.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// No store folder was given (nor `$POAKG_STORE`) and there is no home
    /// directory to put one in.
    #[error("no folder for the store: name one, set {STORE_ENV}, or have a home directory")]
    NoLocation,
    /// Oxigraph failed to read or write.
    #[error("store: {0}")]
    Storage(#[from] StorageError),
    /// A build that adds to a store asked for another base than the one
    /// its IRIs were minted under.
    #[error("the store mints its IRIs under {held}; adding to it cannot move them under {asked} (build it anew to change the base)")]
    BaseMismatch {
        /// The base the store holds.
        held: String,
        /// The base asked for.
        asked: String,
    },
}

/// Quads read from the store, one at a time.
pub type QuadIter = Box<dyn Iterator<Item = Result<Quad, StorageError>>>;

/// The knowledge-graph store.
pub struct KgStore {
    store: Store,
    location: Location,
    /// For a published generation opened for reading: the shared lease that
    /// keeps it from being deleted while this store reads it.
    lease: Option<Lease>,
    /// Where its data IRIs are minted; every write moves them there.
    base: Base,
    /// The graphs written since a build began tracking them.
    changes: changes::Tracker,
}

impl KgStore {
    /// An in-memory store (tests, benchmarks, `--memory`).
    pub fn in_memory() -> Result<KgStore, StoreError> {
        Ok(KgStore {
            store: Store::new()?,
            location: Location::Memory,
            lease: None,
            base: Base::default(),
            changes: changes::Tracker::default(),
        })
    }

    /// Opens the current published generation of an on-disk store for
    /// reading, with a lease on it: any number of readers work beside one
    /// build, each on the generation it opened. None when nothing was
    /// published there yet (or the store is in memory).
    pub fn open_read_only(location: &Location) -> Result<Option<KgStore>, StoreError> {
        let Location::Disk(root) = location else {
            return Ok(None);
        };
        let Some(lease) = Layout::new(root).lease_current()? else {
            return Ok(None);
        };
        let store =
            disk::open_read_only(&lease.path).map_err(|e| classify_open_error(&lease.path, e))?;
        Ok(Some(KgStore {
            base: remembered_base(&store)?,
            store,
            location: location.clone(),
            lease: Some(lease),
            changes: changes::Tracker::default(),
        }))
    }

    /// The base its data IRIs are minted under (remembered by the store).
    pub fn base(&self) -> &Base {
        &self.base
    }

    /// Where this store lives.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The generation this store reads (`gen-000042`), for an on-disk store.
    pub fn generation(&self) -> Option<&str> {
        self.lease.as_ref().map(|l| l.name.as_str())
    }

    /// A newer generation than the one this store reads, if a build
    /// published one since, opened for reading.
    pub fn newer(&self) -> Result<Option<KgStore>, StoreError> {
        let (Location::Disk(root), Some(lease)) = (&self.location, &self.lease) else {
            return Ok(None);
        };
        if Layout::new(root).current_name()?.as_deref() == Some(lease.name.as_str()) {
            return Ok(None);
        }
        KgStore::open_read_only(&self.location)
    }

    /// The Oxigraph store. Crate-private: outside the core a store is read
    /// through [`KgStore::execute`] and [`KgStore::graph_quads`], and written
    /// only through [`Writer`], so what a caller may do is fixed by types.
    pub(crate) fn inner(&self) -> &Store {
        &self.store
    }

    /// Evaluates a query the caller prepared (with its own dataset, options
    /// and cancellation token) against this store.
    pub fn execute(
        &self,
        prepared: PreparedSparqlQuery,
    ) -> Result<QueryResults<'static>, QueryEvaluationError> {
        prepared.on_store(&self.store).execute()
    }

    /// The quads of one named graph (None when the store has no such graph),
    /// or of every graph.
    pub fn graph_quads(&self, graph: Option<&NamedNode>) -> Result<Option<QuadIter>, StoreError> {
        match graph {
            Some(g) if !self.store.contains_named_graph(g)? => Ok(None),
            Some(g) => Ok(Some(Box::new(self.store.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            )))),
            None => Ok(Some(Box::new(self.store.iter()))),
        }
    }

    /// The quads of `subject` in every graph, of `predicate` and `object`
    /// when given (an index look-up, not a scan).
    pub fn quads_about(
        &self,
        subject: NamedNodeRef<'_>,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<NamedNodeRef<'_>>,
    ) -> Result<QuadIter, StoreError> {
        Ok(Box::new(self.store.quads_for_pattern(
            Some(subject.into()),
            predicate,
            object.map(Into::into),
            None,
        )))
    }

    /// Whether the store holds a document graph (a built plan or programme).
    pub fn has_documents(&self) -> Result<bool, StoreError> {
        for graph in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = graph? {
                if self.base.is_data(g.as_str()) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Replaces each named graph with the given quads in one transaction, so a
    /// failure (or a kill) at any point leaves every previous graph whole.
    /// With `drop_others`, the other poakg graphs (documents of earlier builds,
    /// derived results) are removed in the same transaction.
    pub(crate) fn replace_graphs(
        &self,
        graphs: &[(&NamedNode, &[Quad])],
        drop_others: bool,
    ) -> Result<(), StoreError> {
        if !self.base.is_default() {
            let moved: Vec<(NamedNode, Vec<Quad>)> = graphs
                .iter()
                .map(|(g, quads)| (self.base.node(g.as_str()), self.base.quads(quads.to_vec())))
                .collect();
            let moved: Vec<(&NamedNode, &[Quad])> =
                moved.iter().map(|(g, q)| (g, q.as_slice())).collect();
            return self.write_graphs(&moved, drop_others);
        }
        self.write_graphs(graphs, drop_others)
    }

    /// [`KgStore::replace_graphs`] of graphs already under the store's base.
    fn write_graphs(
        &self,
        graphs: &[(&NamedNode, &[Quad])],
        drop_others: bool,
    ) -> Result<(), StoreError> {
        let mut stale: Vec<NamedNode> = Vec::new();
        if drop_others {
            stale = self
                .store
                .named_graphs()
                .filter_map(|g| match g {
                    Ok(NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|n| self.base.is_data(n.as_str()) && !graphs.iter().any(|(g, _)| *g == n))
                .collect();
        }
        self.changes.before_write(
            &self.store,
            stale.iter().chain(graphs.iter().map(|(g, _)| *g)),
        )?;
        let mut transaction = self.store.start_transaction()?;
        for graph in &stale {
            transaction.remove_named_graph(graph)?;
        }
        for (graph, quads) in graphs {
            transaction.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
            transaction.insert_named_graph(NamedNodeRef::from(*graph));
            transaction.extend(quads.iter());
        }
        // The commit is one RocksDB write batch, logged before it is applied:
        // durable without a flush. Callers that end a build call `settle`.
        transaction.commit()?;
        Ok(())
    }

    /// Adds quads by Oxigraph's bulk loader: sorted files handed to RocksDB,
    /// several times faster than a transaction and in bounded memory, but
    /// not atomic. Only for a generation a build is writing: it is published
    /// whole or not at all, so nobody sees a half-loaded graph.
    pub(crate) fn bulk_add(&self, quads: Vec<Quad>) -> Result<(), StoreError> {
        let quads = self.base.quads(quads);
        let graphs: std::collections::BTreeSet<NamedNode> = quads
            .iter()
            .filter_map(|q| match &q.graph_name {
                oxigraph::model::GraphName::NamedNode(g) => Some(g.clone()),
                _ => None,
            })
            .collect();
        self.changes.before_write(&self.store, &graphs)?;
        let mut loader = self.store.bulk_loader().with_num_threads(2);
        loader.load_quads(quads)?;
        loader.commit()?;
        Ok(())
    }

    /// Removes `remove` from `graph` and adds `add` to it, in one
    /// transaction: a change to a graph too large to rewrite.
    pub(crate) fn edit_graph(
        &self,
        graph: &NamedNode,
        remove: Vec<Quad>,
        add: Vec<Quad>,
    ) -> Result<(), StoreError> {
        let graph = self.base.node(graph.as_str());
        self.changes.before_write(&self.store, [&graph])?;
        let mut transaction = self.store.start_transaction()?;
        for quad in self.base.quads(remove) {
            transaction.remove(&quad);
        }
        transaction.extend(self.base.quads(add).iter());
        transaction.commit()?;
        Ok(())
    }

    /// Moves what the last writes left in RocksDB's write-ahead log into
    /// sorted table files. A read-only open replays the whole log into memory
    /// (97% of a reader's instructions on the seed store, measured with
    /// callgrind), so a build pays this once instead of every reader.
    fn settle(&self) -> Result<(), StoreError> {
        if let Location::Disk(_) = self.location {
            disk::flush(&self.store)?;
        }
        Ok(())
    }

    /// Starts noting the graphs written from now on, each with its quads
    /// from before (see [`Changes`]).
    pub(crate) fn track_changes(&self) {
        self.changes.start();
    }

    /// The graphs written since [`KgStore::track_changes`] (IRIs under the
    /// store's base); None when nothing is being noted.
    pub(crate) fn changed_graphs(&self) -> Option<std::collections::BTreeSet<String>> {
        self.changes.touched()
    }

    /// Stops noting and gives what was written since
    /// [`KgStore::track_changes`]; None when nothing was being noted.
    pub(crate) fn take_changes(&self) -> Option<Changes> {
        self.changes.take()
    }

    /// Number of quads in each named graph, sorted by graph IRI.
    pub fn graph_sizes(&self) -> Result<Vec<GraphSize>, StoreError> {
        let mut sizes = Vec::new();
        for graph in self.store.named_graphs() {
            let graph = graph?;
            let name = graph.to_string();
            let count = self
                .store
                .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                .count();
            sizes.push(GraphSize {
                graph: name
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned(),
                triples: count,
            });
        }
        sizes.sort_by(|a, b| a.graph.cmp(&b.graph));
        Ok(sizes)
    }
}

/// The quads of one named graph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GraphSize {
    /// The graph's IRI.
    pub graph: String,
    /// Its quads.
    pub triples: usize,
}

/// The base a store was built under: the one its dataset description
/// gives as `void:uriSpace` (`{base}id/`) in its own graph
/// (`{base}id/graph/dataset`); the default when it has none.
fn remembered_base(store: &Store) -> Result<Base, StoreError> {
    let space = NamedNodeRef::new_unchecked("http://rdfs.org/ns/void#uriSpace");
    for quad in store.quads_for_pattern(None, Some(space), None, None) {
        let quad = quad?;
        let (Term::Literal(value), oxigraph::model::GraphName::NamedNode(graph)) =
            (&quad.object, &quad.graph_name)
        else {
            continue;
        };
        let described = value
            .value()
            .strip_suffix("id/")
            .and_then(|b| Base::new(b).ok());
        if let Some(base) = described {
            if graph.as_str() == format!("{}graph/dataset", base.data_namespace()) {
                return Ok(base);
            }
        }
    }
    Ok(Base::default())
}

/// Tells a lock held by another process from other failures to open.
fn classify_open_error(path: &Path, e: StorageError) -> StoreError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("lock")
        && (lower.contains("temporarily unavailable")
            || lower.contains("hold")
            || lower.contains("resource busy"))
    {
        StoreError::Locked {
            path: path.to_owned(),
        }
    } else {
        StoreError::Open {
            path: path.to_owned(),
            message: message.lines().next().unwrap_or_default().to_owned(),
        }
    }
}
