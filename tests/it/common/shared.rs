//! Reference data sets published by others that the tests check against.

use std::path::PathBuf;

/// A reference data set published by others that the tests check against
/// (the W3C's Web Annotation schemas, SEMIC's DCAT-AP shapes): kept beside
/// the project, in the steering repository's `shared/` folder, not committed
/// here (each folder's SOURCE.txt says where it came from and its licence).
/// $POAKG_SHARED/<name>, then ../shared/<name> beside the checkout, then
/// /work/shared/<name>.
pub fn shared_data(name: &str) -> Option<PathBuf> {
    let mut places = Vec::new();
    if let Some(dir) = std::env::var_os("POAKG_SHARED") {
        places.push(PathBuf::from(dir));
    }
    places.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    places.push(PathBuf::from("/work/shared"));
    places
        .into_iter()
        .map(|dir| dir.join(name))
        .find(|p| p.exists())
}
