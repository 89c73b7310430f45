//! Build benchmark: parsing the plan, building the triples, loading them into
//! the store (memory and disk), the whole `poakg build`, and, as the reference
//! measured in the same run, Oxigraph's own bulk load of the same quads written
//! out as N-Quads.
//!
//! Run with `cargo bench --bench build`; compare `build/whole/disk` with
//! `reference/bulk-load-nquads/disk` (the goal is within 2x).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use poakg::entities::Extractor;
use poakg::ingest::{self, plan};
use poakg::store::{Location, Writer};
use std::hint::black_box;
use std::time::Duration;

fn all_quads(sources: &[ingest::Source], extractor: &Extractor) -> Vec<Quad> {
    let mut quads: Vec<Quad> = sources
        .iter()
        .flat_map(|s| ingest::ingest(s, extractor).expect("seed ingests").quads)
        .collect();
    quads.extend(ingest::ontology_quads().expect("ontology parses"));
    quads
}

fn nquads(quads: &[Quad]) -> Vec<u8> {
    let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        writer.serialize_quad(q).expect("in-memory write");
    }
    writer.finish().expect("in-memory write")
}

fn disk_writer(dir: &tempfile::TempDir, n: usize) -> Writer {
    Writer::begin(&Location::Disk(dir.path().join(format!("s{n}"))), false).expect("open store")
}

/// A programme page of about `bytes` bytes: the seed page's body repeated.
fn big_programme(bytes: usize) -> String {
    let page = poakg::seeds::SEEDS
        .iter()
        .find(|(name, _)| name.ends_with(".md"))
        .map(|(_, text)| *text)
        .expect("the seed programme page");
    let body_at = page[3..].find("---").map_or(0, |i| i + 6);
    let (front, body) = page.split_at(body_at);
    let mut out = front.to_owned();
    while out.len() < bytes {
        out.push_str(body);
        out.push('\n');
    }
    out
}

fn benches(c: &mut Criterion) {
    let sources = ingest::bundled_sources();
    let plan_text = sources[0].text.clone();
    let extractor = Extractor::bundled().expect("bundled registry");
    let quads = all_quads(&sources, &extractor);
    let nq = nquads(&quads);
    eprintln!("{} quads, {} bytes of N-Quads", quads.len(), nq.len());
    let tmp = tempfile::tempdir().expect("temp dir");
    let counter = std::sync::atomic::AtomicUsize::new(0);
    let fresh = || counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);

    let mut g = c.benchmark_group("build");
    g.bench_function("parse-plan", |b| {
        b.iter(|| plan::parse(black_box(&plan_text)).expect("parses"))
    });
    g.bench_function("triples", |b| {
        b.iter(|| all_quads(black_box(&sources), &extractor))
    });
    let passages: Vec<String> = plan::parse(&plan_text)
        .expect("parses")
        .clauses()
        .map(|c| c.passage.text.clone())
        .collect();
    let texts: Vec<&str> = passages.iter().map(String::as_str).collect();
    g.bench_function("extract-entities", |b| {
        b.iter(|| extractor.extract(black_box(&texts)))
    });
    g.bench_function("load/memory", |b| {
        b.iter_batched(
            || Writer::in_memory().expect("store"),
            |writer| ingest_quads(&writer, &quads),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("load/disk", |b| {
        b.iter_batched(
            || disk_writer(&tmp, fresh()),
            |writer| ingest_quads(&writer, &quads),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("whole/memory", |b| {
        b.iter_batched(
            || Writer::in_memory().expect("store"),
            |writer| {
                ingest::build(&writer, &ingest::bundled_sources(), true, &extractor)
                    .expect("builds")
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("whole/disk", |b| {
        b.iter_batched(
            || disk_writer(&tmp, fresh()),
            |writer| {
                let inputs: Vec<ingest::Input> = ingest::bundled_sources()
                    .into_iter()
                    .map(ingest::Input::Source)
                    .collect();
                poakg::ops::build(
                    writer,
                    &inputs,
                    true,
                    poakg::ops::OnBadDocument::Stop,
                    &extractor,
                    &mut |_| {},
                )
                .expect("builds")
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    // A programme page read in time linear in its size: 5 MB should take
    // about five times 1 MB (each Markdown event used to count characters
    // from the start of the file).
    let mut p = c.benchmark_group("programme-page");
    p.sample_size(10);
    for mb in [1, 5] {
        let page = big_programme(mb << 20);
        p.bench_function(format!("parse/{mb}MB"), |b| {
            b.iter(|| ingest::programme::parse(black_box(&page)).expect("parses"))
        });
    }
    p.finish();

    let mut r = c.benchmark_group("reference");
    r.bench_function("bulk-load-nquads/memory", |b| {
        b.iter_batched(
            || Store::new().expect("store"),
            |store| bulk_load(&store, &nq),
            BatchSize::PerIteration,
        )
    });
    r.bench_function("bulk-load-nquads/disk", |b| {
        b.iter_batched(
            || Store::open(tmp.path().join(format!("r{}", fresh()))).expect("store"),
            |store| bulk_load(&store, &nq),
            BatchSize::PerIteration,
        )
    });
    r.finish();
}

/// What `build` does after parsing: one transaction replacing the graphs.
fn ingest_quads(store: &Writer, quads: &[Quad]) {
    let graph = oxigraph::model::NamedNode::new_unchecked("https://w3id.org/poakg/id/graph/bench");
    store
        .replace_graphs(&[(&graph, quads)], true)
        .expect("load");
}

fn bulk_load(store: &Store, nq: &[u8]) {
    let mut loader = store.bulk_loader();
    loader
        .load_from_slice(RdfFormat::NQuads, nq)
        .expect("bulk load");
    loader.commit().expect("commit");
    store.flush().expect("flush");
}

criterion_group! {
    name = build;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(build);
