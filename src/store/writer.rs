//! The one writer of a store: a build, or an endpoint that accepts updates.
//!
//! On disk, a [`Writer`] holds the writer lock and writes a new generation
//! that no reader can see (see `generations`); [`Writer::commit`] closes it
//! and publishes it in one atomic rename. An endpoint that accepts updates
//! keeps its generation private and publishes a checkpoint of it after each
//! update ([`Writer::publish_snapshot`]). In memory, the writer is the store.

use super::generations::{Layout, WriterLock};
use super::{classify_open_error, KgStore, Location, StoreError};
use std::fs::{File, OpenOptions};
use std::path::Path;

/// A store open for writing.
pub struct Writer {
    store: KgStore,
    disk: Option<DiskWriter>,
}

struct DiskWriter {
    layout: Layout,
    lock: WriterLock,
    /// The generation being written.
    name: String,
    /// An exclusive lock on that generation's lease, so that nothing
    /// collects it while it is written.
    _own_lease: File,
}

impl Writer {
    /// Takes the writer lock and opens a new generation: empty, or holding
    /// everything the current one holds when `keep` (for `build --add` and
    /// for updates).
    pub fn begin(location: &Location, keep: bool) -> Result<Writer, StoreError> {
        let Location::Disk(root) = location else {
            return Ok(Writer {
                store: KgStore::in_memory()?,
                disk: None,
            });
        };
        let layout = Layout::new(root);
        let lock = layout.lock_writer()?;
        layout.collect_garbage(&lock);
        let name = layout.next_name(&lock)?;
        let path = layout.path_of(&name);
        let own_lease = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(format!("{name}.lease")))
            .and_then(|f| f.try_lock().map(|()| f).map_err(std::io::Error::other))
            .map_err(|e| StoreError::Open {
                path: path.clone(),
                message: e.to_string(),
            })?;
        if keep {
            if let Some(current) = layout.lease_current()? {
                copy_generation(&current.path, &path).map_err(|e| StoreError::Open {
                    path: path.clone(),
                    message: format!("copying {}: {e}", current.path.display()),
                })?;
            }
        }
        std::fs::create_dir_all(&path).map_err(|e| StoreError::Open {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let store = super::disk::open(&path).map_err(|e| classify_open_error(&path, e))?;
        Ok(Writer {
            store: KgStore {
                base: super::remembered_base(&store)?,
                store,
                location: location.clone(),
                lease: None,
                changes: super::changes::Tracker::default(),
            },
            disk: Some(DiskWriter {
                layout,
                lock,
                name,
                _own_lease: own_lease,
            }),
        })
    }

    /// The writer of an in-memory store (the only handle of it there is).
    pub fn over_memory(store: KgStore) -> Writer {
        Writer { store, disk: None }
    }

    /// A writer of a new in-memory store.
    pub fn in_memory() -> Result<Writer, StoreError> {
        Ok(Writer::over_memory(KgStore::in_memory()?))
    }

    /// Replaces each named graph with the given quads in one transaction
    /// (see [`KgStore`]'s own, which only the core calls).
    pub fn replace_graphs(
        &self,
        graphs: &[(&oxigraph::model::NamedNode, &[oxigraph::model::Quad])],
        drop_others: bool,
    ) -> Result<(), StoreError> {
        self.store.replace_graphs(graphs, drop_others)
    }

    /// Mints the data IRIs of everything written from now on under `base`.
    /// A store that already holds documents keeps the base they were
    /// minted under: asking for another is an error.
    pub fn set_base(&mut self, base: crate::base::Base) -> Result<(), StoreError> {
        if base == self.store.base {
            return Ok(());
        }
        if self.store.has_documents()? {
            return Err(StoreError::BaseMismatch {
                held: self.store.base.as_str().to_owned(),
                asked: base.as_str().to_owned(),
            });
        }
        self.store.base = base;
        Ok(())
    }

    /// The store being written.
    pub fn store(&self) -> &KgStore {
        &self.store
    }

    /// Flushes and closes the new generation, publishes it, and returns the
    /// store opened for reading (in memory: the store itself).
    pub fn commit(self) -> Result<KgStore, StoreError> {
        let Writer { store, disk } = self;
        let Some(disk) = disk else {
            return Ok(store);
        };
        store.settle()?;
        let location = store.location.clone();
        // closed before it is published: readers never open a folder that a
        // read-write handle (and its background compactions) still holds
        drop(store);
        disk.layout.publish(&disk.lock, &disk.name)?;
        drop(disk);
        KgStore::open_read_only(&location)?.ok_or_else(|| StoreError::Open {
            path: match &location {
                Location::Disk(p) => p.clone(),
                Location::Memory => Default::default(),
            },
            message: "the generation just published cannot be found".into(),
        })
    }

    /// Applies a SPARQL UPDATE the caller prepared (with its own options and
    /// cancellation token) to the store being written; [`Writer::publish_snapshot`]
    /// then makes it visible to readers of an on-disk store.
    pub fn apply_update(
        &self,
        update: oxigraph::sparql::PreparedSparqlUpdate,
    ) -> Result<(), oxigraph::sparql::UpdateEvaluationError> {
        update.on_store(self.store.inner()).execute()?;
        // the description's counts and digests no longer follow from the
        // last build: without its per-graph digests, the next build that
        // adds to the store counts and digests everything anew
        let inner = self.store.inner();
        let stale = inner
            .quads_for_pattern(None, Some(crate::vocab::poa::GRAPH_DIGEST), None, None)
            .collect::<Result<Vec<_>, _>>()?;
        for quad in &stale {
            inner.remove(quad)?;
        }
        Ok(())
    }

    /// Publishes a checkpoint of what the writer holds now, and keeps
    /// writing its own generation (an endpoint that accepts updates).
    pub fn publish_snapshot(&self) -> Result<(), StoreError> {
        let Some(disk) = &self.disk else {
            return Ok(());
        };
        let name = disk.layout.next_name(&disk.lock)?;
        let path = disk.layout.path_of(&name);
        // RocksDB's checkpoint: a flush, then hard links to the table files,
        // consistent while the store stays open for writing.
        super::disk::backup(self.store.inner(), &path)?;
        disk.layout.publish(&disk.lock, &name)
    }
}

/// Copies a published (never written) generation into a new folder: table
/// files are immutable and hard-linked, the small metadata files copied.
fn copy_generation(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str == "LOCK" || name_str.starts_with("LOG") {
            continue;
        }
        let target = to.join(&name);
        let immutable = name_str.ends_with(".sst") || name_str.ends_with(".blob");
        if !(immutable && std::fs::hard_link(entry.path(), &target).is_ok()) {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
