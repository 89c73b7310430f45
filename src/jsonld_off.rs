//! JSON-LD output in a build without the `jsonld` feature: the same API,
//! which says so instead of writing (the JSON-LD processor and its
//! dependencies are left out of such a build).

use oxigraph::model::Triple;
use std::io::Write;

/// The shipped JSON-LD context.
pub const CONTEXT: &str = include_str!("../ontology/context.jsonld");

/// Why JSON-LD output failed.
#[derive(Debug, thiserror::Error)]
pub enum JsonLdError {
    /// This build has no JSON-LD processor.
    #[error("this poakg was built without JSON-LD output (feature `jsonld`)")]
    NotBuilt,
}

/// Refuses: this build writes no JSON-LD.
pub fn write_compacted(_out: &mut dyn Write, _triples: &[Triple]) -> Result<(), JsonLdError> {
    Err(JsonLdError::NotBuilt)
}
