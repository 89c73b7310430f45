//! Enrichment benchmark, figures in one run:
//! - `classify`: passages labelled per second on one core (the seed's 126
//!   clauses and the 380 short texts of the SDG dev set), against the seed
//!   plan's parse in the same run;
//! - the share of the build the labels cost: a whole build (ingest,
//!   comparisons, analyses) of the eight plans of tests/fixtures/compare, the
//!   labelling of every passage with its quads, and the insertion of those
//!   quads alone into an empty store, timed in the same run: (labelling +
//!   insertion) / (build - labelling - insertion) is the overhead.
//!
//! Run with `cargo bench --bench enrich`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use poakg::enrich::rdf::{label_quads, Labelled};
use poakg::enrich::{read_passages, Labeller};
use poakg::entities::Extractor;
use poakg::ingest::{self, plan};
use poakg::ops;
use poakg::store::Writer;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The best of `runs` timings of `f`.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn seed_clauses(p: &plan::Plan) -> Vec<String> {
    p.clauses().map(|c| c.passage.text.clone()).collect()
}

fn main() {
    let labeller = Labeller::bundled().expect("bundled cues");
    let sources = ingest::bundled_sources();
    let plan_text = sources[0].text.clone();
    let parsed = plan::parse(&plan_text).expect("the seed parses");
    let clauses = seed_clauses(&parsed);
    let dev = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/enrichment/sdg-dev.tsv"
    ))
    .expect("dev set");
    let short: Vec<String> = read_passages("sdg-dev.tsv", &dev)
        .expect("reads")
        .into_iter()
        .map(|p| p.text)
        .collect();

    let parse = best(20, || plan::parse(&plan_text).expect("parses"));
    for (name, texts) in [("seed clauses", &clauses), ("short non-plan texts", &short)] {
        let t = best(10, || {
            texts.iter().map(|x| labeller.label(x)).collect::<Vec<_>>()
        });
        let rate = texts.len() as f64 / t.as_secs_f64();
        println!(
            "classify {name}: {} passages in {:.2} ms = {rate:.0} passages/s on one core ({:.2}x the seed's parse, {:.2} ms)",
            texts.len(),
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() / parse.as_secs_f64(),
            parse.as_secs_f64() * 1e3
        );
    }

    // a corpus of eight plans of four partners, built as `poakg build` does
    // (ingest, comparisons of consecutive plans, analyses)
    let extractor = Extractor::bundled().expect("registry");
    let corpus = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/compare"
    ));
    let inputs = ops::inputs(&[corpus], &Default::default()).expect("the corpus");
    let whole = || {
        let writer = Writer::in_memory().expect("store");
        ops::build(
            writer,
            &inputs,
            true,
            ops::OnBadDocument::Refuse,
            &extractor,
            &mut |_| {},
        )
        .expect("build")
    };
    let build = best(5, whole);
    let store = whole().store;
    let texts: Vec<String> =
        poakg::sparql::select(&store, "passages", "SELECT ?t WHERE { ?p poa:text ?t }")
            .expect("texts")
            .iter()
            .filter_map(|r| poakg::sparql::row_text(r, "t"))
            .collect();
    let iris: Vec<oxigraph::model::NamedNode> = (0..texts.len())
        .map(|i| {
            oxigraph::model::NamedNode::new_unchecked(format!(
                "https://w3id.org/poakg/id/bench/passage/{i}"
            ))
        })
        .collect();
    let graph = oxigraph::model::NamedNode::new_unchecked("https://w3id.org/poakg/id/graph/bench");
    let make = || {
        let labels: Vec<_> = texts.iter().map(|c| labeller.label(c)).collect();
        let keys: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let labelled: Vec<Labelled<'_>> = iris
            .iter()
            .zip(&labels)
            .zip(&keys)
            .zip(&texts)
            .map(|(((iri, labels), key), text)| Labelled {
                iri,
                key,
                labels,
                text,
            })
            .collect();
        label_quads(&labelled, "bench", &graph)
    };
    let labelling = best(10, make);
    let quads = make();
    let insert = best(5, || {
        let writer = Writer::in_memory().expect("store");
        writer
            .replace_graphs(&[(&graph, &quads)], false)
            .expect("insert");
        writer.commit().expect("commit")
    });
    let cost = labelling + insert;
    println!(
        "build of 8 plans ({} passages) {:.1} ms; their labels: labelling {:.1} ms + inserting {} quads {:.1} ms = {:.1}% on top of the rest of the build",
        texts.len(),
        build.as_secs_f64() * 1e3,
        labelling.as_secs_f64() * 1e3,
        quads.len(),
        insert.as_secs_f64() * 1e3,
        100.0 * cost.as_secs_f64() / (build.saturating_sub(cost)).as_secs_f64()
    );
}
