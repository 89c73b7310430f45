//! Any bytes as an RDF source of each kind `build --source` reads (the first
//! byte picks the file extension), built into an in-memory store.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poakg::entities::Extractor;
use poakg::ingest::{self, Source};
use poakg::store::Writer;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::bundled().expect("the bundled registry reads"));

const NAMES: [&str; 7] = [
    "data.ttl", "data.nt", "data.nq", "data.trig", "data.jsonld", "data.rdf", "data.owl",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if let Ok(source) = Source::from_bytes(name, rest.to_vec()) {
        if let Ok(writer) = Writer::in_memory() {
            let _ = ingest::build(&writer, &[source], true, &EXTRACTOR);
        }
    }
});
