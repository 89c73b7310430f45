//! The embedded Oxigraph store: where it lives, opening it, and the atomic
//! replacement of named graphs.
//!
//! Every document lives in a named graph of its own; queries see the union of
//! all graphs as their default graph (see `sparql`).

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::store::{StorageError, Store};
use std::path::{Path, PathBuf};

/// Environment variable naming the store folder.
pub const STORE_ENV: &str = "POAKG_STORE";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store at {path} is in use by another poakg process (RocksDB holds its lock); wait for it to finish or use --store to pick another folder")]
    Locked { path: PathBuf },
    #[error("cannot open the store at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("no folder for the store: set --store, {STORE_ENV}, or a home directory")]
    NoLocation,
    #[error("store: {0}")]
    Storage(#[from] StorageError),
}

/// Where the store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Memory,
    Disk(PathBuf),
}

impl Location {
    /// `--memory`, else `--store`, else `$POAKG_STORE`, else the platform's data folder.
    pub fn resolve(store: Option<&Path>, memory: bool) -> Result<Location, StoreError> {
        if memory {
            return Ok(Location::Memory);
        }
        if let Some(path) = store {
            return Ok(Location::Disk(path.to_owned()));
        }
        if let Some(path) = std::env::var_os(STORE_ENV).filter(|v| !v.is_empty()) {
            return Ok(Location::Disk(PathBuf::from(path)));
        }
        directories::ProjectDirs::from("org", "poakg", "poakg")
            .map(|dirs| Location::Disk(dirs.data_dir().join("store")))
            .ok_or(StoreError::NoLocation)
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Memory => f.write_str("memory"),
            Location::Disk(p) => write!(f, "{}", p.display()),
        }
    }
}

/// The knowledge-graph store.
pub struct KgStore {
    store: Store,
    location: Location,
}

impl KgStore {
    pub fn open(location: &Location) -> Result<KgStore, StoreError> {
        let store = match location {
            Location::Memory => Store::new()?,
            Location::Disk(path) => {
                std::fs::create_dir_all(path).map_err(|e| StoreError::Open {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                Store::open(path).map_err(|e| classify_open_error(path, e))?
            }
        };
        Ok(KgStore {
            store,
            location: location.clone(),
        })
    }

    /// Opens an existing on-disk store for reading only: no lock is taken, so
    /// any number of readers can work beside one writer. None when there is
    /// no store there yet (or the store is in memory).
    pub fn open_read_only(location: &Location) -> Result<Option<KgStore>, StoreError> {
        match location {
            Location::Disk(path) if path.join("CURRENT").is_file() => {
                let store =
                    Store::open_read_only(path).map_err(|e| classify_open_error(path, e))?;
                Ok(Some(KgStore {
                    store,
                    location: location.clone(),
                }))
            }
            _ => Ok(None),
        }
    }

    /// An in-memory store (tests, benchmarks).
    pub fn in_memory() -> Result<KgStore, StoreError> {
        KgStore::open(&Location::Memory)
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The Oxigraph store, for reading.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Whether the store holds no document graph yet.
    pub fn has_documents(&self) -> Result<bool, StoreError> {
        for graph in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = graph? {
                if g.as_str().starts_with(crate::vocab::ID) {
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
    pub fn replace_graphs(
        &self,
        graphs: &[(&NamedNode, &[Quad])],
        drop_others: bool,
    ) -> Result<(), StoreError> {
        let mut transaction = self.store.start_transaction()?;
        if drop_others {
            let stale: Vec<NamedNode> = self
                .store
                .named_graphs()
                .filter_map(|g| match g {
                    Ok(NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|n| {
                    n.as_str().starts_with(crate::vocab::ID) && !graphs.iter().any(|(g, _)| *g == n)
                })
                .collect();
            for graph in &stale {
                transaction.remove_named_graph(graph)?;
            }
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

    /// Moves what the last writes left in RocksDB's write-ahead log into
    /// sorted table files. A read-only open replays the whole log into memory
    /// (97% of a reader's instructions on the seed store, measured with
    /// callgrind), so a build pays this once instead of every reader.
    pub fn settle(&self) -> Result<(), StoreError> {
        if let Location::Disk(_) = self.location {
            self.store.flush()?;
        }
        Ok(())
    }

    /// Number of quads in each named graph, sorted by graph IRI.
    pub fn graph_sizes(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut sizes = Vec::new();
        for graph in self.store.named_graphs() {
            let graph = graph?;
            let name = graph.to_string();
            let count = self
                .store
                .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                .count();
            sizes.push((
                name.trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned(),
                count,
            ));
        }
        sizes.sort();
        Ok(sizes)
    }
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
