//! Labelling passages outside a store (`poakg classify`).

use super::Error;
use crate::enrich::{read_passages, Classified, Labeller};

/// Reads the passages of a file (`name` says which, and by its extension
/// whether it is a CSV or TSV table) and labels each.
pub fn classify(name: &str, bytes: &[u8]) -> Result<Vec<Classified>, Error> {
    let passages = read_passages(name, bytes)?;
    let labeller = Labeller::bundled()?;
    Ok(Classified::all(&labeller, &passages))
}
