//! Clause alignment against the baseline a researcher would script:
//! Python's difflib.SequenceMatcher (benches/difflib_baseline.py), timed on
//! the same clauses in the same run.
//!
//! Pairs: every hand-aligned fixture pair (tests/fixtures/compare and
//! compare-second-author), and a pair of 150 clauses a side, made by putting the
//! earlier plans of the fixture pairs one after another, and the later
//! plans likewise. Both sides are timed on the alignment alone (clauses
//! already read): poakg's `Comparison::new` (median of repeated runs) and
//! difflib's (best of 5 runs, as it reports itself).
//!
//! Run with `cargo bench --bench compare` (needs python3).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use poakg::compare::{self, Clause, Comparison};
use poakg::entities::Extractor;
use poakg::ingest::{self, Source};
use poakg::store::Writer;
use std::path::Path;
use std::time::{Duration, Instant};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

const PAIRS: [(&str, &str, &str); 5] = [
    ("compare", "canada-2016-2020", "canada-2021-2025"),
    ("compare", "korea-2016-2020", "korea-2021-2025"),
    ("compare", "new-zealand-2016-2020", "new-zealand-2021-2025"),
    (
        "compare-second-author",
        "india-2016-2020",
        "india-2021-2025",
    ),
    (
        "compare-second-author",
        "japan-2018-2022",
        "japan-2023-2027",
    ),
];

fn clauses(folder: &str, earlier: &str, later: &str) -> (Vec<Clause>, Vec<Clause>) {
    let writer = Writer::in_memory().expect("store");
    let sources: Vec<Source> = [earlier, later]
        .iter()
        .map(|f| {
            Source::from_path(&Path::new(REPO).join(format!("tests/fixtures/{folder}/{f}.txt")))
                .expect("fixture")
        })
        .collect();
    let built = ingest::build(
        &writer,
        &sources,
        true,
        &Extractor::bundled().expect("registry"),
    )
    .expect("build");
    let store = writer.commit().expect("commit");
    let plan = |k: usize| poakg::vocab::id(&built[k].slug);
    (
        compare::clauses(&store, &plan(0)).expect("clauses"),
        compare::clauses(&store, &plan(1)).expect("clauses"),
    )
}

/// Median wall time of `f`, run at least 10 times and for at least 0.5 s.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 10 || start.elapsed() < Duration::from_millis(500) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// difflib's own timing of its alignment (best of 5), in seconds.
fn difflib(earlier: &[Clause], later: &[Clause], dir: &Path) -> Option<f64> {
    let json = serde_json::json!({
        "earlier": earlier.iter().map(|x| [&x.notation, &x.text]).collect::<Vec<_>>(),
        "later": later.iter().map(|x| [&x.notation, &x.text]).collect::<Vec<_>>(),
    });
    let path = dir.join("clauses.json");
    std::fs::write(&path, json.to_string()).ok()?;
    let out = std::process::Command::new("python3")
        .arg(Path::new(REPO).join("benches/difflib_baseline.py"))
        .arg(&path)
        .arg("5")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr).trim().parse().ok()
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pairs: Vec<(String, Vec<Clause>, Vec<Clause>)> = PAIRS
        .iter()
        .map(|(folder, a, b)| {
            let (x, y) = clauses(folder, a, b);
            (format!("{a} -> {b}"), x, y)
        })
        .collect();
    // 150 clauses a side: the fixture plans one after another
    let mut long_a: Vec<Clause> = pairs.iter().flat_map(|p| p.1.clone()).collect();
    let mut long_b: Vec<Clause> = pairs.iter().flat_map(|p| p.2.clone()).collect();
    long_a.truncate(150);
    long_b.truncate(150);
    for (i, c) in long_a.iter_mut().enumerate() {
        c.notation = format!("a{i}");
    }
    for (i, c) in long_b.iter_mut().enumerate() {
        c.notation = format!("b{i}");
    }
    pairs.push(("150 clauses a side".into(), long_a, long_b));
    println!(
        "{:<44} {:>7} {:>10} {:>10} {:>8}",
        "pair", "clauses", "poakg ms", "difflib ms", "ratio"
    );
    let mut ratios = Vec::new();
    for (name, a, b) in &pairs {
        let ours = median(|| {
            std::hint::black_box(Comparison::new("a", "b", a.clone(), b.clone()));
        });
        let theirs = difflib(a, b, dir.path());
        let ratio = theirs.map(|t| t / ours.as_secs_f64());
        if let Some(r) = ratio {
            ratios.push(r);
        }
        println!(
            "{name:<44} {:>7} {:>10.2} {:>10} {:>8}",
            format!("{}+{}", a.len(), b.len()),
            ours.as_secs_f64() * 1e3,
            theirs.map_or("-".into(), |t| format!("{:.2}", t * 1e3)),
            ratio.map_or("-".into(), |r| format!("{r:.1}x")),
        );
    }
    if !ratios.is_empty() {
        let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        println!("geometric mean: poakg {geomean:.1}x faster than difflib");
    }
}
