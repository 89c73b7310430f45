//! Parsing throughput per layout, and the cost of reading plans as PDF and
//! as saved web pages, each as a ratio against the plain-text parse of the
//! same plan measured in the same run.
//!
//! For every fixture of tests/fixtures/layouts, layouts-second-author,
//! real-forms and real-forms-blind (the forms real texts come in: no pillar
//! line, run-in and nested numbering, other encodings, site furniture), and
//! the seed plan:
//! - `parse`: the plan parser on the plan's text (clauses per second), and
//!   its cost per clause against the seed's in the same run (`×seed`);
//! - `pdf`: the text typeset as a PDF (lopdf, as the tests do), then text
//!   extraction (pdf_oxide) per page and extraction + parse against `parse`;
//! - `html`: for the saved web pages, HTML to text (scraper) against the
//!   parse of the text it gives.
//!
//! Run with `cargo bench --bench layouts`. Times are medians of repeated
//! runs (at least 20, and at least 0.3 s of them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

#[path = "../tests/it/common/pdf.rs"]
mod pdf;

use poakg::ingest::{self, Source};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// Median wall time of `f`, run at least 20 times and for at least 0.3 s.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 20 || start.elapsed() < Duration::from_millis(300) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [
        "tests/fixtures/layouts",
        "tests/fixtures/layouts-second-author",
        "tests/fixtures/real-forms",
        "tests/fixtures/real-forms-blind",
    ] {
        for entry in std::fs::read_dir(Path::new(REPO).join(dir)).expect("fixture folder") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name != "README.md" && [".txt", ".md", ".html"].iter().any(|x| name.ends_with(x)) {
                files.push(path);
            }
        }
    }
    files.sort();
    let seed = Path::new(REPO).join("seeds/asean-us-poa-2021-2025.txt");
    files.push(seed.clone());
    // the seed's parse per clause, the yardstick of every form
    let seed_text = Source::from_path(&seed).expect("seed reads");
    let seed_clauses = ingest::parse_plan(&seed_text)
        .expect("seed parses")
        .clauses()
        .count();
    let seed_per_clause = median(|| {
        black_box(ingest::parse_plan(black_box(&seed_text)).expect("parses"));
    })
    .as_secs_f64()
        / seed_clauses as f64;
    let mut worst_form: (f64, String) = (0.0, String::new());
    println!(
        "{:<44} {:>7} {:>10} {:>11} {:>6} {:>5} {:>12} {:>9} {:>12} {:>9}",
        "plan",
        "clauses",
        "parse µs",
        "clauses/s",
        "×seed",
        "pages",
        "pdf µs/page",
        "pdf×parse",
        "html µs",
        "html×parse"
    );
    let mut ratios_pdf = Vec::new();
    let mut ratios_html = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = Source::from_path(path).expect("fixture reads");
        // the plain-text plan: what the parser reads, whatever the format
        let text = Source::from_bytes("plan.txt", source.text.clone().into_bytes()).expect("text");
        // a fixture of a text that is no plan (a news page) is refused
        let Ok(plan) = ingest::parse_plan(&text) else {
            continue;
        };
        let clauses = plan.clauses().count().max(1);
        let parse = median(|| {
            black_box(ingest::parse_plan(black_box(&text)).ok());
        });
        let per_seed = parse.as_secs_f64() / clauses as f64 / seed_per_clause;
        if path.to_string_lossy().contains("real-forms") && per_seed > worst_form.0 {
            worst_form = (per_seed, name.clone());
        }
        let mut row = format!(
            "{:<44} {:>7} {:>10.0} {:>11.0} {:>6.2}",
            name,
            clauses,
            micros(parse),
            clauses as f64 / parse.as_secs_f64(),
            per_seed
        );
        // the same text as a PDF (plans whose characters WinAnsi can encode)
        match pdf::from_text(&source.text) {
            Some(bytes) => {
                let pages = lopdf::Document::load_mem(&bytes).map_or(0, |d| d.get_pages().len());
                let extract = median(|| {
                    black_box(
                        Source::from_bytes("plan.pdf", black_box(bytes.clone())).expect("reads"),
                    );
                });
                let whole = extract + parse;
                ratios_pdf.push(whole.as_secs_f64() / parse.as_secs_f64());
                row.push_str(&format!(
                    " {:>5} {:>12.0} {:>9.1}",
                    pages,
                    micros(extract) / pages.max(1) as f64,
                    whole.as_secs_f64() / parse.as_secs_f64()
                ));
            }
            None => row.push_str(&format!(" {:>5} {:>12} {:>9}", "-", "-", "-")),
        }
        if name.ends_with(".html") {
            let bytes = std::fs::read(path).expect("page");
            let extract = median(|| {
                black_box(
                    Source::from_bytes("plan.html", black_box(bytes.clone())).expect("reads"),
                );
            });
            let whole = extract + parse;
            ratios_html.push(whole.as_secs_f64() / parse.as_secs_f64());
            row.push_str(&format!(
                " {:>12.0} {:>9.1}",
                micros(extract),
                whole.as_secs_f64() / parse.as_secs_f64()
            ));
        }
        println!("{row}");
    }
    println!(
        "costliest form per clause: {} at {:.2}x the seed's",
        worst_form.1, worst_form.0
    );
    let geomean = |v: &[f64]| (v.iter().map(|x| x.ln()).sum::<f64>() / v.len().max(1) as f64).exp();
    println!(
        "geometric mean of (extraction + parse) / parse: PDF {:.1}x over {} plans, web page {:.1}x over {}",
        geomean(&ratios_pdf),
        ratios_pdf.len(),
        geomean(&ratios_html),
        ratios_html.len()
    );
}
