//! Any bytes as a programme page (Markdown with YAML front matter): read,
//! parsed, entities found, triples built.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poakg::entities::Extractor;
use poakg::ingest::{ingest, Source};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::bundled().expect("the bundled registry reads"));

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = Source::from_bytes("page.md", data.to_vec()) {
        let _ = ingest(&source, &EXTRACTOR);
    }
});
