//! Labelling passages outside a store (`poakg classify`).

use super::{read_text, Error};
use crate::enrich::{read_passages, Classified, CueTexts, Labeller};
use std::path::Path;

/// Reads the passages of a file (`name` says which, and by its extension
/// whether it is a CSV or TSV table) and labels each, with the cue files of
/// the folder `cues` (any of them) instead of the bundled ones.
pub fn classify(name: &str, bytes: &[u8], cues: Option<&Path>) -> Result<Vec<Classified>, Error> {
    let passages = read_passages(name, bytes)?;
    let mut texts = CueTexts::default();
    if let Some(dir) = cues {
        for file in CueTexts::FILE_NAMES {
            let path = dir.join(file);
            if path.exists() {
                texts.set(file, path.display().to_string(), read_text(&path)?);
            }
        }
    }
    let labeller = Labeller::with_cues(&texts)?;
    Ok(Classified::all(&labeller, &passages))
}
