//! The RocksDB calls of the store, in one place so that the library also
//! builds without RocksDB (`--no-default-features`, as the fuzz targets do:
//! they need no disk, and RocksDB is the longest part of a cold build).

use oxigraph::store::{StorageError, Store};
use std::path::Path;

#[cfg(feature = "rocksdb")]
pub fn open(path: &Path) -> Result<Store, StorageError> {
    Store::open(path)
}

#[cfg(feature = "rocksdb")]
pub fn open_read_only(path: &Path) -> Result<Store, StorageError> {
    Store::open_read_only(path)
}

#[cfg(feature = "rocksdb")]
pub fn flush(store: &Store) -> Result<(), StorageError> {
    store.flush()
}

#[cfg(feature = "rocksdb")]
pub fn backup(store: &Store, target: &Path) -> Result<(), StorageError> {
    store.backup(target)
}

#[cfg(not(feature = "rocksdb"))]
fn no_disk() -> StorageError {
    StorageError::Other(
        "this poakg was built without on-disk storage (feature `rocksdb`); use an in-memory store"
            .into(),
    )
}

#[cfg(not(feature = "rocksdb"))]
pub fn open(_path: &Path) -> Result<Store, StorageError> {
    Err(no_disk())
}

#[cfg(not(feature = "rocksdb"))]
pub fn open_read_only(_path: &Path) -> Result<Store, StorageError> {
    Err(no_disk())
}

#[cfg(not(feature = "rocksdb"))]
pub fn flush(_store: &Store) -> Result<(), StorageError> {
    Ok(())
}

#[cfg(not(feature = "rocksdb"))]
pub fn backup(_store: &Store, _target: &Path) -> Result<(), StorageError> {
    Err(no_disk())
}
