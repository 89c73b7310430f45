//! The store-opening policy, in one place: readers open the published
//! generation read-only; what happens when there is none is the caller's
//! explicit choice ([`IfEmpty`]); writers go through [`crate::store::Writer`].

use super::{build, extractor, Error};
use crate::store::{KgStore, Location, Writer};

/// What a reader does when the store holds no document yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfEmpty {
    /// Build it from the bundled seeds first where no store exists at all
    /// (the command line's choice, so that `poakg report cross-pillar`
    /// works on a new machine); an existing empty store is an error.
    BuildSeeds,
    /// Open it empty.
    OpenEmpty,
}

/// Opens the store for reading. With [`IfEmpty::BuildSeeds`], a location
/// where no store exists yet is first built from the bundled seeds (the
/// same path as `poakg build`), and `notice` is told so; a store that
/// exists but holds no document is an error saying so.
pub fn open_for_reading(
    location: &Location,
    if_empty: IfEmpty,
    notice: &mut dyn FnMut(&str),
) -> Result<KgStore, Error> {
    if let Some(store) = KgStore::open_read_only(location)? {
        if if_empty == IfEmpty::OpenEmpty || store.has_documents()? {
            return Ok(store);
        }
        // a store that exists and holds nothing was made so by a build:
        // filling it with the seeds would hide that
        return Err(Error::EmptyStore(location.to_string()));
    }
    if if_empty == IfEmpty::OpenEmpty {
        return Ok(KgStore::in_memory()?);
    }
    notice(&format!(
        "the store at {location} is empty; building it from the bundled seeds"
    ));
    let built = build(
        Writer::begin(location, false)?,
        &super::inputs(&[], &Default::default())?,
        true,
        super::OnBadDocument::Stop,
        &extractor(&[], &[])?,
        &mut |_| {},
    )?;
    Ok(built.store)
}
