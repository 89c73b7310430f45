//! Load run on loopback: the shipped queries against `poakg serve`, and in
//! the same run the same load against `oxigraph serve-read-only` on the same
//! data (the seeds, exported as N-Quads and loaded with `oxigraph load`).
//!
//! `cargo bench --bench serve_load` (release). Each client thread sends the
//! shipped queries in turn (GET, SPARQL JSON results, one connection per
//! request) for POAKG_LOAD_SECONDS (default 10) per round; the servers take
//! turns, two rounds each, and the better round counts. Then, under the same
//! load, a runaway query is sent to `poakg serve --timeout 2` to see the
//! timeout honoured. Oxigraph's server is found like the push test finds it
//! ($POAKG_OXIGRAPH, ~/.cache/poakg/tools/bin/oxigraph, PATH).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

#[allow(dead_code)]
#[path = "../../../tests/it/common/http.rs"]
mod http;
#[path = "../../../tests/it/common/tools.rs"]
mod tools;

use tools::{free_port, oxigraph_binary};

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Server {
    name: &'static str,
    child: Child,
    base: String,
    /// Path of the SPARQL query service.
    path: &'static str,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_listening(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "server on {port} did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("run a setup command");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn start(name: &'static str, cmd: &mut Command, port: u16, path: &'static str) -> Server {
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start a server");
    wait_listening(port);
    Server {
        name,
        child,
        base: format!("http://127.0.0.1:{port}"),
        path,
    }
}

fn shipped_queries() -> Vec<(String, String)> {
    let mut queries: Vec<(String, String)> = std::fs::read_dir("queries")
        .expect("queries/")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".rq")?.to_owned();
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((stem, text))
        })
        .collect();
    queries.sort();
    queries
}

struct Outcome {
    completed: usize,
    failed: usize,
    seconds: f64,
    latencies: Vec<Duration>,
}

impl Outcome {
    fn rps(&self) -> f64 {
        self.completed as f64 / self.seconds
    }
    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i]
    }
}

/// `clients` threads, each sending the queries in turn until `seconds` pass.
fn load(server: &Server, queries: &[(String, String)], clients: usize, seconds: f64) -> Outcome {
    let paths: Arc<Vec<String>> = Arc::new(
        queries
            .iter()
            .map(|(_, q)| {
                format!(
                    "{}?query={}",
                    server.path,
                    form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
                )
            })
            .collect(),
    );
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let paths = Arc::clone(&paths);
            let base = server.base.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut failed = 0;
                let mut i = c;
                while Instant::now() < deadline {
                    let path = &paths[i % paths.len()];
                    i += 1;
                    let t = Instant::now();
                    match http::request(
                        &base,
                        "GET",
                        path,
                        &[("Accept", "application/sparql-results+json")],
                        b"",
                    ) {
                        Ok(r) if r.status == 200 => latencies.push(t.elapsed()),
                        _ => failed += 1,
                    }
                }
                (latencies, failed)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failed = 0;
    for t in threads {
        let (l, f) = t.join().expect("client thread");
        latencies.extend(l);
        failed += f;
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort();
    Outcome {
        completed: latencies.len(),
        failed,
        seconds,
        latencies,
    }
}

fn print(name: &str, o: &Outcome) {
    println!(
        "{name:<26} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  {:>7} ok  {:>3} failed",
        o.rps(),
        o.percentile(0.50).as_secs_f64() * 1000.0,
        o.percentile(0.99).as_secs_f64() * 1000.0,
        o.completed,
        o.failed
    );
}

fn main() {
    // `cargo bench` passes --bench; any other argument is a filter we ignore.
    let Some(oxigraph) = oxigraph_binary() else {
        println!("serve_load: skipped (no `oxigraph` binary: pip install oxigraph==0.5.13, or set POAKG_OXIGRAPH)");
        return;
    };
    let seconds: f64 = std::env::var("POAKG_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let clients = std::thread::available_parallelism().map_or(2, |n| n.get()) * 4;
    let dir = tempfile::tempdir().expect("temp dir");
    let poakg = env!("CARGO_BIN_EXE_poakg");
    let store = dir.path().join("poakg");
    let ox_store = dir.path().join("oxigraph");
    build_stores(
        poakg,
        &oxigraph,
        &store,
        &ox_store,
        &dir.path().join("all.nq"),
    );
    let queries = shipped_queries();
    let servers = start_servers(poakg, &oxigraph, &store, &ox_store);
    same_answers(&queries, &servers);
    println!(
        "serve_load: {} shipped queries, {clients} clients, {seconds} s per round, two rounds per server, better round kept",
        queries.len()
    );
    rounds(&servers, &queries, clients, seconds);
    runaway_under_load(&servers, &queries, clients);
}

/// The seed store built by poakg, exported, and loaded by Oxigraph.
fn build_stores(poakg: &str, oxigraph: &Path, store: &Path, ox_store: &Path, nquads: &Path) {
    run(Command::new(poakg).arg("--store").arg(store).arg("build"));
    run(Command::new(poakg)
        .arg("--store")
        .arg(store)
        .args(["export", "--format", "nquads", "--output"])
        .arg(nquads));
    run(Command::new(oxigraph)
        .args(["load", "--location"])
        .arg(ox_store)
        .arg("--file")
        .arg(nquads));
}

/// `poakg serve` and `oxigraph serve-read-only` on the same data.
fn start_servers(poakg: &str, oxigraph: &Path, store: &Path, ox_store: &Path) -> [Server; 2] {
    let (p1, p2) = (free_port(), free_port());
    [
        start(
            "poakg serve",
            Command::new(poakg)
                .arg("--store")
                .arg(store)
                .args([
                    "serve",
                    "--bind",
                    &format!("127.0.0.1:{p1}"),
                    "--timeout",
                    "2",
                ])
                .args(["--max-concurrent", "64"]),
            p1,
            "/sparql",
        ),
        start(
            "oxigraph serve-read-only",
            Command::new(oxigraph)
                .args(["serve-read-only", "--location"])
                .arg(ox_store)
                .args([
                    "--bind",
                    &format!("127.0.0.1:{p2}"),
                    "--union-default-graph",
                    "--timeout-s",
                    "2",
                ]),
            p2,
            "/query",
        ),
    ]
}

/// Both servers answer every shipped query: a load run of errors would be
/// meaningless.
fn same_answers(queries: &[(String, String)], servers: &[Server]) {
    for (name, q) in queries {
        for s in servers {
            let path = format!(
                "{}?query={}",
                s.path,
                form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
            );
            let r = http::request(
                &s.base,
                "GET",
                &path,
                &[("Accept", "application/sparql-results+json")],
                b"",
            )
            .expect("a first answer");
            assert_eq!(r.status, 200, "{}: {name}: {}", s.name, r.body);
        }
    }
}

/// Two load rounds per server, the better kept, printed with the ratios.
fn rounds(servers: &[Server], queries: &[(String, String)], clients: usize, seconds: f64) {
    let mut best: Vec<Option<Outcome>> = vec![None, None];
    for _round in 0..2 {
        for (i, s) in servers.iter().enumerate() {
            let o = load(s, queries, clients, seconds);
            if best[i].as_ref().is_none_or(|b| o.rps() > b.rps()) {
                best[i] = Some(o);
            }
        }
    }
    for (s, o) in servers.iter().zip(&best) {
        print(s.name, o.as_ref().expect("a round"));
    }
    if let [Some(a), Some(b)] = &best[..] {
        println!(
            "throughput ratio poakg/oxigraph {:.2}x; p50 ratio {:.2}, p99 ratio {:.2}",
            a.rps() / b.rps(),
            a.percentile(0.5).as_secs_f64() / b.percentile(0.5).as_secs_f64(),
            a.percentile(0.99).as_secs_f64() / b.percentile(0.99).as_secs_f64()
        );
    }
}

/// The timeout under load: a cross product that never ends on its own.
fn runaway_under_load(servers: &[Server], queries: &[(String, String)], clients: usize) {
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    for s in servers {
        let stop = Arc::new(AtomicBool::new(false));
        let background: Vec<_> = (0..clients)
            .map(|c| {
                let stop = Arc::clone(&stop);
                let base = s.base.clone();
                let path = format!(
                    "{}?query={}",
                    s.path,
                    form_urlencoded::byte_serialize(queries[c % queries.len()].1.as_bytes())
                        .collect::<String>()
                );
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let _ = http::request(&base, "GET", &path, &[], b"");
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        let t = Instant::now();
        let path = format!(
            "{}?query={}",
            s.path,
            form_urlencoded::byte_serialize(runaway.as_bytes()).collect::<String>()
        );
        let status = http::request(&s.base, "GET", &path, &[], b"").map(|r| r.status);
        let elapsed = t.elapsed().as_secs_f64();
        stop.store(true, Ordering::Relaxed);
        for b in background {
            let _ = b.join();
        }
        println!(
            "{:<26} timeout 2.0 s under load: answered {} after {elapsed:.2} s ({:+.0}%)",
            s.name,
            status.map_or_else(|e| format!("error {e}"), |c| c.to_string()),
            (elapsed / 2.0 - 1.0) * 100.0
        );
    }
}
