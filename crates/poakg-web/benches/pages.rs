//! How fast `poakg serve` answers the pages people read, on the seed store:
//! each page kind through the same handler the server runs (no network),
//! median of repeated requests, against the Turtle description of the same
//! IRI in the same run (the machine answer, which every data page also
//! reads). The budget is 50 ms a page.
//!
//! Run with `cargo bench --bench pages`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use oxhttp::model::{Body, HeaderName, HeaderValue, Request};
use poakg::store::{Location, Writer};
use poakg_web::server::{Backing, Endpoint, Options};
use std::time::{Duration, Instant};

/// (page kind, path); the data pages also get their Turtle description timed.
const PAGES: [(&str, &str); 10] = [
    ("home", "/"),
    ("plan", "/id/asean-us-poa-2021-2025"),
    ("pillar", "/id/asean-us-poa-2021-2025/pillar/1"),
    ("section", "/id/asean-us-poa-2021-2025/section/1.2"),
    ("clause", "/id/asean-us-poa-2021-2025/clause/1.2.1"),
    ("entity", "/id/entity/asean-regional-forum"),
    ("programme", "/id/asean-us-partnership-program-2024-2029"),
    ("network page", "/network"),
    ("network data", "/network.json"),
    ("query page", "/query"),
];

fn endpoint() -> Endpoint {
    let writer = Writer::begin(&Location::Memory, false).expect("memory store");
    let extractor = poakg::entities::Extractor::bundled().expect("registry");
    let seeds: Vec<poakg::ingest::Input> = poakg::ingest::bundled_sources()
        .into_iter()
        .map(poakg::ingest::Input::Source)
        .collect();
    let store = poakg::ops::build(
        writer,
        &seeds,
        true,
        poakg::ops::OnBadDocument::Stop,
        &extractor,
        &mut |_| {},
    )
    .expect("the seeds build")
    .store;
    Endpoint::new(
        Backing::Writing(Writer::over_memory(store)),
        Options::default(),
    )
}

fn request(endpoint: &Endpoint, path: &str, accept: &str) -> usize {
    let mut request = Request::new(Body::empty());
    *request.uri_mut() = format!("http://localhost{path}").parse().expect("uri");
    request.headers_mut().insert(
        HeaderName::from_static("accept"),
        HeaderValue::from_str(accept).expect("accept"),
    );
    let mut response = endpoint.handle(&mut request);
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let mut body = Vec::new();
    std::io::Read::read_to_end(response.body_mut(), &mut body).expect("body");
    body.len()
}

/// Median wall time, at least 20 runs and 0.5 s.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 20 || start.elapsed() < Duration::from_millis(500) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let endpoint = endpoint();
    println!(
        "{:<14} {:>10} {:>10} {:>12} {:>8}",
        "page", "bytes", "median ms", "Turtle ms", "ratio"
    );
    let mut slowest = Duration::ZERO;
    for (kind, path) in PAGES {
        let bytes = request(&endpoint, path, "text/html");
        let page = median(|| {
            request(&endpoint, path, "text/html");
        });
        slowest = slowest.max(page);
        let turtle = path.starts_with("/id/").then(|| {
            median(|| {
                request(&endpoint, path, "text/turtle");
            })
        });
        println!(
            "{kind:<14} {bytes:>10} {:>10.2} {:>12} {:>8}",
            page.as_secs_f64() * 1e3,
            turtle.map_or("-".into(), |t| format!("{:.2}", t.as_secs_f64() * 1e3)),
            turtle.map_or("-".into(), |t| format!(
                "{:.1}×",
                page.as_secs_f64() / t.as_secs_f64()
            )),
        );
    }
    println!(
        "slowest page {:.1} ms: {} the 50 ms budget",
        slowest.as_secs_f64() * 1e3,
        if slowest < Duration::from_millis(50) {
            "within"
        } else {
            "OVER"
        }
    );
}
