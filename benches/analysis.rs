//! Analysis benchmark: the cross-pillar analyses on the seed graph and on a
//! generated graph 1,000 times larger, and — in the same run — the same
//! analyses (betweenness, PageRank, components) with networkx on the same edge
//! lists, which this benchmark writes out. Prints the ratios at the end.
//!
//! Run with `cargo bench --bench analysis` (needs python3 with networkx for
//! the reference; without it the ratios are skipped, saying so).
//!
//! The generated graph: 1,000 plan-sized networks, each the seed's co-mention
//! graph with a tenth of its links rewired at random (fixed seed), side by
//! side — as a store holding a thousand plans of the genre would be.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use criterion::{criterion_group, criterion_main, Criterion};
use petgraph::graph::{NodeIndex, UnGraph};
use poakg::analysis::{load, metrics, Analysis};
use poakg::entities::Extractor;
use poakg::ingest;
use poakg::store::Writer;
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

fn seed_graph() -> (Analysis, UnGraph<usize, f64>) {
    let writer = Writer::in_memory().expect("store");
    ingest::build(
        &writer,
        &ingest::bundled_sources(),
        true,
        &Extractor::bundled().expect("registry"),
    )
    .expect("build");
    let store = writer.commit().expect("commit");
    let net = load::network(&store).expect("network");
    let analysis = Analysis::compute(net, false);
    let graph = analysis.graph.clone();
    (analysis, graph)
}

/// A small deterministic generator (xorshift), so the graph is the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

fn scaled(seed: &UnGraph<usize, f64>, copies: usize) -> UnGraph<usize, f64> {
    let n = seed.node_count();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut g = UnGraph::with_capacity(n * copies, seed.edge_count() * copies);
    for i in 0..n * copies {
        g.add_node(i);
    }
    for c in 0..copies {
        for e in seed.edge_indices() {
            let (a, b) = seed.edge_endpoints(e).expect("edge");
            let (mut a, mut b) = (a.index(), b.index());
            if rng.next(10) == 0 {
                a = rng.next(n);
                b = rng.next(n);
                if a == b {
                    continue;
                }
            }
            g.add_edge(
                NodeIndex::new(c * n + a),
                NodeIndex::new(c * n + b),
                seed[e],
            );
        }
    }
    g
}

fn write_edges(g: &UnGraph<usize, f64>, path: &std::path::Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("edge file"));
    writeln!(f, "{}", g.node_count()).expect("write");
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge");
        writeln!(f, "{}\t{}\t{}", a.index(), b.index(), g[e]).expect("write");
    }
}

/// Best of `repeats` wall-clock times.
fn best(repeats: usize, mut f: impl FnMut()) -> f64 {
    (0..repeats)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// networkx's times: Some(seconds), or None for a run cut at the limit (">180").
fn networkx(path: &std::path::Path, repeats: usize) -> Option<Vec<(String, Result<f64, String>)>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/networkx_reference.py");
    // POAKG_NETWORKX_LIMIT: seconds one networkx run may take before it is
    // cut and reported as a lower bound (default 600).
    let limit = std::env::var("POAKG_NETWORKX_LIMIT").unwrap_or_else(|_| "600".to_owned());
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(path)
        .arg(repeats.to_string())
        .arg(limit)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "networkx reference failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| {
                let (name, secs) = l.split_once('\t')?;
                Some((
                    name.to_owned(),
                    secs.parse::<f64>().map_err(|_| secs.to_owned()),
                ))
            })
            .collect(),
    )
}

fn benches(c: &mut Criterion) {
    let (analysis, seed) = seed_graph();
    let large = scaled(&seed, 1000);
    eprintln!(
        "seed graph: {} nodes, {} edges; generated: {} nodes, {} edges",
        seed.node_count(),
        seed.edge_count(),
        large.node_count(),
        large.edge_count()
    );
    for (name, f) in [
        (
            "components",
            Box::new(|| drop(metrics::components(&large))) as Box<dyn Fn()>,
        ),
        (
            "betweenness",
            Box::new(|| drop(metrics::betweenness(&large))),
        ),
        (
            "pagerank",
            Box::new(|| drop(metrics::pagerank(&large, 0.85, 100, 1e-6))),
        ),
    ] {
        let t = Instant::now();
        f();
        eprintln!("x1000 {name}: {:.3}s", t.elapsed().as_secs_f64());
    }
    let mut g = c.benchmark_group("analysis/seed");
    g.bench_function("all (Analysis::compute)", |b| {
        b.iter(|| Analysis::compute(black_box(analysis.net.clone()), false))
    });
    g.bench_function("betweenness+pagerank", |b| {
        b.iter(|| metrics::centrality(black_box(&seed)))
    });
    g.bench_function("components", |b| {
        b.iter(|| metrics::components(black_box(&seed)))
    });
    g.bench_function("communities", |b| {
        b.iter(|| metrics::communities(black_box(&seed)))
    });
    g.bench_function("articulation+bridges", |b| {
        b.iter(|| (metrics::articulation_points(&seed), metrics::bridges(&seed)))
    });
    g.finish();
    let mut l = c.benchmark_group("analysis/x1000");
    l.sample_size(10).measurement_time(Duration::from_secs(8));
    l.bench_function("betweenness+pagerank", |b| {
        b.iter(|| metrics::centrality(black_box(&large)))
    });
    l.bench_function("components", |b| {
        b.iter(|| metrics::components(black_box(&large)))
    });
    l.bench_function("communities", |b| {
        b.iter(|| metrics::communities(black_box(&large)))
    });
    l.finish();

    // The reference, in the same run, on the same edge lists.
    let dir = tempfile::tempdir().expect("temp dir");
    // POAKG_BENCH_SEED_ONLY=1 skips the networkx run on the large graph (its
    // betweenness alone takes hours).
    let seed_only = std::env::var_os("POAKG_BENCH_SEED_ONLY").is_some();
    for (name, graph, repeats) in [("seed", &seed, 20), ("x1000", &large, 1)] {
        if seed_only && name == "x1000" {
            continue;
        }
        let path = dir.path().join(format!("{name}.tsv"));
        write_edges(graph, &path);
        let rust = [
            (
                "betweenness",
                // what poakg runs: rustworkx-core's Brandes per component
                best(repeats, || drop(metrics::betweenness(graph))),
            ),
            (
                "pagerank",
                best(repeats, || drop(metrics::pagerank(graph, 0.85, 100, 1e-6))),
            ),
            (
                "components",
                best(repeats, || drop(metrics::components(graph))),
            ),
        ];
        match networkx(&path, repeats) {
            Some(nx) => {
                for (algo, secs) in rust {
                    match nx.iter().find(|(n, _)| n == algo).map(|(_, t)| t) {
                        Some(Ok(nx_secs)) => println!("{name:>6} {algo:<12} poakg {secs:>10.6}s  networkx {nx_secs:>10.6}s  ratio {:>7.1}x", nx_secs / secs),
                        Some(Err(limit)) => println!("{name:>6} {algo:<12} poakg {secs:>10.6}s  networkx {limit}s (cut)  ratio > {:.0}x", limit.trim_start_matches('>').parse::<f64>().unwrap_or(0.0) / secs),
                        None => {}
                    }
                }
            }
            None => {
                println!("{name}: networkx reference skipped (python3 with networkx not available)")
            }
        }
    }
}

criterion_group! {
    name = analysis;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(analysis);
