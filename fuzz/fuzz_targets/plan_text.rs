//! Any bytes as a plan's text file: read, parsed, entities found, triples
//! built. Errors are fine; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poakg::entities::Extractor;
use poakg::ingest::{ingest, Source};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::bundled().expect("the bundled registry reads"));

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = Source::from_bytes("plan.txt", data.to_vec()) {
        let _ = ingest(&source, &EXTRACTOR);
    }
});
