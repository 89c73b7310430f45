//! Where the store lives: `--memory`, `--store DIR`, `$POAKG_STORE`, or the
//! platform's data folder.

use super::{StoreError, STORE_ENV};
use std::path::{Path, PathBuf};

/// Where the store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// In memory, gone when the process ends (`--memory`).
    Memory,
    /// The store's root folder on disk, which holds its generations.
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
