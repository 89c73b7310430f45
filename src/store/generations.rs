//! The on-disk layout that makes concurrent use defined: published
//! generations that nobody writes, a pointer to the current one, and locks.
//!
//! Oxigraph documents a read-only open beside a process that writes the same
//! RocksDB folder as undefined behaviour. So no published folder is ever
//! written:
//!
//! ```text
//! DIR/current            the name of the current generation ("gen-000042"),
//!                        replaced by an atomic rename
//! DIR/gen-000042/        a complete RocksDB store, never written again
//! DIR/gen-000042.lease   readers of that generation hold a shared lock on it
//! DIR/writer.lock        a build (or an updatable endpoint) holds it exclusively
//! ```
//!
//! A build takes the writer lock, makes a new generation (empty, or a
//! hard-linked checkpoint of the current one for `--add`), writes it, closes
//! it, and only then renames the pointer: a killed build leaves the previous
//! generation current and whole. Readers read the pointer, take a shared lease
//! on that generation and keep it as long as they read; old generations are
//! deleted only when no lease is held on them.

use super::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

const POINTER: &str = "current";
const WRITER_LOCK: &str = "writer.lock";
const PREFIX: &str = "gen-";

/// A store folder laid out in generations.
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
}

/// A shared lock on one generation: while it lives, the generation is not
/// deleted.
#[derive(Debug)]
pub struct Lease {
    _file: File,
    /// The generation's folder.
    pub path: PathBuf,
    /// Its name (`gen-000042`), or empty for a store of the old flat layout.
    pub name: String,
}

/// The exclusive right to make new generations.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_owned(),
        }
    }

    fn io_error(&self, e: std::io::Error) -> StoreError {
        StoreError::Open {
            path: self.root.clone(),
            message: e.to_string(),
        }
    }

    /// The name of the current generation, if one was published.
    pub fn current_name(&self) -> Result<Option<String>, StoreError> {
        match std::fs::read_to_string(self.root.join(POINTER)) {
            Ok(name) => {
                let name = name.trim().to_owned();
                if is_generation_name(&name) {
                    Ok(Some(name))
                } else {
                    Err(StoreError::Open {
                        path: self.root.join(POINTER),
                        message: format!("{name:?} is not a generation name"),
                    })
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.io_error(e)),
        }
    }

    /// Whether the folder holds a store of the flat layout of earlier
    /// versions (RocksDB files directly in it, no pointer).
    fn is_flat(&self) -> bool {
        self.root.join("CURRENT").is_file() && !self.root.join(POINTER).exists()
    }

    /// A lease on the current generation, or None when nothing was published.
    pub fn lease_current(&self) -> Result<Option<Lease>, StoreError> {
        // A generation can be deleted between reading the pointer and taking
        // its lease (by a build that published a newer one): then read the
        // pointer again.
        for _ in 0..100 {
            let Some(name) = self.current_name()? else {
                if self.is_flat() {
                    let file = File::open(&self.root).map_err(|e| self.io_error(e))?;
                    return Ok(Some(Lease {
                        _file: file,
                        path: self.root.clone(),
                        name: String::new(),
                    }));
                }
                return Ok(None);
            };
            let path = self.root.join(&name);
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(self.lease_path(&name))
                .map_err(|e| self.io_error(e))?;
            file.lock_shared().map_err(|e| self.io_error(e))?;
            if path.join("CURRENT").is_file() {
                return Ok(Some(Lease {
                    _file: file,
                    path,
                    name,
                }));
            }
        }
        Err(StoreError::Open {
            path: self.root.clone(),
            message: "the current generation kept changing while opening it".into(),
        })
    }

    fn lease_path(&self, name: &str) -> PathBuf {
        self.root.join(format!("{name}.lease"))
    }

    /// Takes the writer lock, or says who holds it.
    pub fn lock_writer(&self) -> Result<WriterLock, StoreError> {
        std::fs::create_dir_all(&self.root).map_err(|e| self.io_error(e))?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.root.join(WRITER_LOCK))
            .map_err(|e| self.io_error(e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: self.root.clone(),
            }),
            Err(TryLockError::Error(e)) => Err(self.io_error(e)),
        }
    }

    /// A new, empty generation folder name, after every existing one.
    pub fn next_name(&self, _lock: &WriterLock) -> Result<String, StoreError> {
        let last = self
            .generation_names()?
            .into_iter()
            .filter_map(|n| n[PREFIX.len()..].parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        Ok(format!("{PREFIX}{:06}", last + 1))
    }

    pub fn path_of(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    fn generation_names(&self) -> Result<Vec<String>, StoreError> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&self.root).map_err(|e| self.io_error(e))? {
            let entry = entry.map_err(|e| self.io_error(e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_generation_name(&name) {
                names.push(name);
            }
        }
        Ok(names)
    }

    /// Makes `name` the current generation: the pointer is written to a
    /// temporary file, synced, and renamed over the old one (atomic on POSIX
    /// file systems), then old generations nobody reads are deleted.
    pub fn publish(&self, lock: &WriterLock, name: &str) -> Result<(), StoreError> {
        sync_dir(&self.root.join(name));
        let tmp = self.root.join(format!("{POINTER}.tmp"));
        let write = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(name.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, self.root.join(POINTER))?;
            sync_dir(&self.root);
            Ok(())
        };
        write().map_err(|e| self.io_error(e))?;
        self.remove_flat_layout();
        self.collect_garbage(lock);
        Ok(())
    }

    /// Deletes every generation but the current one that no reader holds,
    /// and unfinished generations of killed builds. Failures are left for
    /// the next build: garbage never fails a build.
    pub fn collect_garbage(&self, _lock: &WriterLock) {
        let current = self.current_name().ok().flatten();
        let Ok(names) = self.generation_names() else {
            return;
        };
        for name in names {
            if Some(&name) == current.as_ref() {
                continue;
            }
            let Ok(file) = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(self.lease_path(&name))
            else {
                continue;
            };
            if file.try_lock().is_ok() {
                let _ = std::fs::remove_dir_all(self.root.join(&name));
                let _ = std::fs::remove_file(self.lease_path(&name));
            }
        }
        // leases left by readers of generations already gone
        if let Ok(entries) = std::fs::read_dir(&self.root) {
            for entry in entries.flatten() {
                let file_name = entry.file_name().to_string_lossy().into_owned();
                if let Some(name) = file_name.strip_suffix(".lease") {
                    if is_generation_name(name) && !self.root.join(name).exists() {
                        let _ = std::fs::remove_file(entry.path());
                    }
                }
            }
        }
    }

    /// Removes the RocksDB files of the flat layout of earlier versions once
    /// a generation is published beside them.
    fn remove_flat_layout(&self) {
        if !self.root.join("CURRENT").is_file() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rocksdb_file = matches!(name.as_str(), "CURRENT" | "IDENTITY" | "LOCK" | "LOG")
                || name.starts_with("LOG.old")
                || name.starts_with("MANIFEST-")
                || name.starts_with("OPTIONS-")
                || name.ends_with(".sst")
                || name.ends_with(".log")
                || name.ends_with(".blob");
            if rocksdb_file && entry.path().is_file() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn is_generation_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .is_some_and(|n| n.len() >= 6 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Makes a rename or new files in `dir` durable (best effort: not every
/// platform can open a folder for syncing).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn fake_generation(layout: &Layout, name: &str) -> TestResult {
        std::fs::create_dir_all(layout.path_of(name))?;
        std::fs::write(layout.path_of(name).join("CURRENT"), "MANIFEST-000001\n")?;
        Ok(())
    }

    #[test]
    fn a_second_writer_is_refused() -> TestResult {
        let dir = tempfile::tempdir()?;
        let layout = Layout::new(dir.path());
        let lock = layout.lock_writer()?;
        assert!(matches!(
            layout.lock_writer(),
            Err(StoreError::Locked { .. })
        ));
        drop(lock);
        layout.lock_writer()?;
        Ok(())
    }

    #[test]
    fn publishing_moves_the_pointer_and_keeps_leased_generations() -> TestResult {
        let dir = tempfile::tempdir()?;
        let layout = Layout::new(dir.path());
        let lock = layout.lock_writer()?;
        assert!(layout.lease_current()?.is_none());
        let first = layout.next_name(&lock)?;
        fake_generation(&layout, &first)?;
        layout.publish(&lock, &first)?;
        let lease = layout.lease_current()?.ok_or("a lease")?;
        assert_eq!(lease.name, first);

        let second = layout.next_name(&lock)?;
        assert_ne!(first, second);
        fake_generation(&layout, &second)?;
        layout.publish(&lock, &second)?;
        // the first is leased: kept
        assert!(layout.path_of(&first).exists());
        assert_eq!(layout.current_name()?, Some(second.clone()));
        drop(lease);

        let third = layout.next_name(&lock)?;
        fake_generation(&layout, &third)?;
        layout.publish(&lock, &third)?;
        // no lease any more: both older ones are gone
        assert!(!layout.path_of(&first).exists());
        assert!(!layout.path_of(&second).exists());
        Ok(())
    }

    #[test]
    fn an_unfinished_generation_is_never_current_and_is_collected() -> TestResult {
        let dir = tempfile::tempdir()?;
        let layout = Layout::new(dir.path());
        let lock = layout.lock_writer()?;
        let done = layout.next_name(&lock)?;
        fake_generation(&layout, &done)?;
        layout.publish(&lock, &done)?;
        // a build killed before publishing leaves its folder behind
        let killed = layout.next_name(&lock)?;
        fake_generation(&layout, &killed)?;
        assert_eq!(layout.current_name()?, Some(done.clone()));
        layout.collect_garbage(&lock);
        assert!(!layout.path_of(&killed).exists());
        assert!(layout.path_of(&done).exists());
        Ok(())
    }

    #[test]
    fn a_damaged_pointer_is_reported() -> TestResult {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join(POINTER), "../../etc")?;
        let layout = Layout::new(dir.path());
        assert!(matches!(
            layout.lease_current(),
            Err(StoreError::Open { .. })
        ));
        Ok(())
    }
}
