//! Corpus benchmark: generated corpora of 1, 10, 100 and 1,000 plans built
//! from the test fixtures (every layout and format they hold: numbered text,
//! Markdown, saved web pages), each plan given a partner and period by a
//! `.meta` sidecar so that every one is a plan of its own.
//!
//! For each size, as whole processes, measured in the same run:
//! - `poakg build --source DIR` (wall time, peak RSS, time per clause, store size);
//! - Oxigraph's bulk loader on the same quads, exported as N-Quads (this
//!   benchmark re-run as a child process with `--bulk-load`);
//! - `poakg report cross-pillar` over the whole corpus;
//! - `poakg report partners` over the whole corpus (what the plans share);
//! - the share of the build its dataset description takes (the build's own
//!   phase timings), and the RDFC-1.0 canonical export against the plain
//!   N-Quads export of the same store;
//! - `build --add` of one more plan into the store, against a build of that
//!   plan alone (the cost of adding should follow the plan, not the store);
//! - the peer a researcher would script (benches/peer_reference.py: rdflib
//!   loading the same triples as N-Triples, the clauses-per-pillar and
//!   mentions queries, networkx betweenness, PageRank and components), when
//!   python3 has rdflib and networkx.
//!
//! Run with `cargo bench --bench corpus`; `POAKG_CORPUS_SIZES=1,10,100` picks
//! sizes, `POAKG_PEER=0` skips the peer, `POAKG_CORPUS_KEEP=DIR` keeps the
//! corpora and stores. Results are printed as a table and written to
//! `corpus-bench.tsv` in cargo's target folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr
)] // tests and benchmarks report and fail loudly

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The repository root (this crate sits in crates/poakg-cli).
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const POAKG: &str = env!("CARGO_BIN_EXE_poakg");

/// Folders of fixture documents the corpus is made of.
const FIXTURES: &[&str] = &[
    "tests/fixtures/layouts",
    "tests/fixtures/layouts-second-author",
    "tests/fixtures/partners",
    "tests/fixtures/partners-second-author",
    "tests/fixtures/genre",
    "tests/fixtures/compare",
    "seeds",
];

/// Kinds of document the generated plans take in turn.
const KINDS: &[&str] = &[
    "Plan of Action",
    "Work Plan",
    "Framework of Cooperation",
    "Practical Cooperation Areas",
    "Action Plan",
];

/// A child process's wall time, peak resident memory and output.
struct Measured {
    wall: Duration,
    max_rss_mb: f64,
    stdout: String,
}

/// Runs a command to its end, its stdout into a file (no pipe to fill).
// reaped by wait4 below, which clippy does not know
#[allow(clippy::zombie_processes)]
fn measure(cmd: &mut Command, what: &str) -> Measured {
    let out = tempfile::NamedTempFile::new().expect("temp file");
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::from(out.reopen().expect("reopen temp file")))
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let mut status = 0;
    // SAFETY: rusage is plain data, written by the kernel for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for the child just spawned; its pid is ours to reap.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert!(pid > 0, "{what}: wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{what}: exit status {status}"
    );
    Measured {
        wall,
        // ru_maxrss is in kilobytes on Linux
        max_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        stdout: std::fs::read_to_string(out.path()).unwrap_or_default(),
    }
}

/// The fixture documents, with their extensions.
fn templates() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in FIXTURES {
        let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(REPO).join(dir))
            .expect("fixture folder")
            .map(|e| e.expect("fixture entry").path())
            .collect();
        files.sort();
        for path in files {
            let ext = path.extension().map(|x| x.to_string_lossy().into_owned());
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let is_doc = matches!(ext.as_deref(), Some("txt" | "md" | "html"));
            if !is_doc || name == "README.md" || name.contains("partnership-program") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("fixture text");
            out.push((ext.unwrap_or_default(), text));
        }
    }
    out
}

/// Partner codes of the shipped partner table.
fn partner_codes() -> Vec<String> {
    let table = std::fs::read_to_string(Path::new(REPO).join("ontology/partners.tsv"))
        .expect("partners.tsv");
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| l.split('\t').next().map(str::to_owned))
        .collect()
}

/// Writes `n` plans into `dir`: fixture i mod T, partner i mod P, a period
/// and kind of its own, said by a sidecar.
fn generate(
    dir: &Path,
    plans: std::ops::Range<usize>,
    templates: &[(String, String)],
    partners: &[String],
) -> usize {
    std::fs::create_dir_all(dir).expect("corpus folder");
    let mut bytes = 0;
    for i in plans {
        let (ext, text) = &templates[i % templates.len()];
        let partner = &partners[i % partners.len()];
        // 26 five-year periods from 1967, then the next kind of document
        let round = i / partners.len();
        let start = 1967 + 5 * (round % 26);
        let kind = KINDS[(round / 26) % KINDS.len()];
        let file = dir.join(format!("plan-{i:04}.{ext}"));
        std::fs::write(&file, text).expect("write plan");
        std::fs::write(
            dir.join(format!("plan-{i:04}.{ext}.meta")),
            format!(
                "partner: {partner}\nperiod: {start}-{}\nkind: {kind}\n",
                start + 4
            ),
        )
        .expect("write sidecar");
        bytes += text.len();
    }
    bytes
}

/// `build --add` of one more plan (the next the generator makes) into the
/// store of `dir`, and a build of that plan alone into a store of its own:
/// (add, one-plan build). Last of a size's measurements, since it changes
/// the store.
fn add_one(
    dir: &Path,
    n: usize,
    templates: &[(String, String)],
    partners: &[String],
) -> (Measured, Measured) {
    let next = dir.join("next");
    generate(&next, n..n + 1, templates, partners);
    let one = measure(
        Command::new(POAKG)
            .arg("--store")
            .arg(dir.join("one"))
            .args(["build", "--source"])
            .arg(&next),
        "poakg build of one plan",
    );
    let add = measure(
        Command::new(POAKG)
            .arg("--store")
            .arg(dir.join("store"))
            .args(["build", "--add", "--format", "json", "--source"])
            .arg(&next),
        "poakg build --add",
    );
    (add, one)
}

/// The seconds a build spent in one phase, from its JSON summary
/// (`"phases": [{"phase": "description", "seconds": 0.4}, ...]`).
fn phase_seconds(summary: &str, phase: &str) -> f64 {
    let json: serde_json::Value = serde_json::from_str(summary).unwrap_or_default();
    json["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["phase"] == phase)
        .and_then(|p| p["seconds"].as_f64())
        .unwrap_or(f64::NAN)
}

fn folder_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The child's side of the Oxigraph reference: bulk-load an N-Quads file.
fn bulk_load(file: &str, store: &str) {
    let store = oxigraph::store::Store::open(store).expect("open reference store");
    let data = File::open(file).expect("open N-Quads");
    let mut loader = store.bulk_loader();
    loader
        .load_from_reader(
            oxigraph::io::RdfFormat::NQuads,
            std::io::BufReader::new(data),
        )
        .expect("bulk load");
    loader.commit().expect("commit");
    store.flush().expect("flush");
}

fn count(store: &Path, what: &str) -> usize {
    let out = Command::new(POAKG)
        .arg("--store")
        .arg(store)
        .args(["query", "--format", "tsv", "--query", what])
        .output()
        .expect("poakg query");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.split('^').next())
        .and_then(|l| l.trim_matches('"').parse().ok())
        .unwrap_or(0)
}

fn peer_available() -> bool {
    std::env::var("POAKG_PEER").map_or(true, |v| v != "0")
        && Command::new("python3")
            .args(["-c", "import rdflib, networkx, numpy, scipy"])
            .status()
            .is_ok_and(|s| s.success())
}

/// `poakg --store STORE ARGS...` run and measured.
fn poakg(store: &Path, args: &[&str], what: &str) -> Measured {
    measure(
        Command::new(POAKG).arg("--store").arg(store).args(args),
        what,
    )
}

/// Every measurement of one corpus size but `--add`, as a row of the table
/// (without its last three columns).
fn measure_size(dir: &Path, n: usize, peer: bool, me: &Path) -> String {
    let store = dir.join("store");
    let plans = dir.join("plans").display().to_string();
    let build = poakg(
        &store,
        &["build", "--format", "json", "--source", &plans],
        "poakg build",
    );
    if !build.stdout.contains("\"documents\"") {
        eprintln!("{}", build.stdout);
    }
    let description = phase_seconds(&build.stdout, "description");
    let clauses = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:Clause }");
    let quads = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let report = poakg(&store, &["report", "cross-pillar"], "poakg report");
    let partners_report = poakg(&store, &["report", "partners"], "poakg report partners");
    let nq = dir.join("data.nq").display().to_string();
    let export = poakg(
        &store,
        &["export", "--format", "nquads", "--output", &nq],
        "poakg export",
    );
    // RDFC-1.0 canonical N-Quads of the same store, in the same run
    let canonical_nq = dir.join("canonical.nq").display().to_string();
    let canonical = poakg(
        &store,
        &[
            "export",
            "--format",
            "nquads",
            "--canonical",
            "--output",
            &canonical_nq,
        ],
        "poakg export --canonical",
    );
    let bulk = measure(
        Command::new(me)
            .arg("--bulk-load")
            .arg(&nq)
            .arg(dir.join("reference")),
        "oxigraph bulk load",
    );
    let poakg_total = build.wall + report.wall;
    let peer_s = peer.then(|| peer_seconds(&store, dir));
    format!(
        "{n}\t{clauses}\t{quads}\t{:.2}\t{:.0}\t{:.0}\t{:.1}\t{:.2}\t{:.0}\t{:.2}\t{:.3}\t{:.3}\t{}\t{}",
        build.wall.as_secs_f64(),
        build.wall.as_secs_f64() * 1e6 / clauses.max(1) as f64,
        build.max_rss_mb,
        folder_size(&store) as f64 / 1e6,
        bulk.wall.as_secs_f64(),
        bulk.max_rss_mb,
        build.wall.as_secs_f64() / bulk.wall.as_secs_f64(),
        report.wall.as_secs_f64(),
        partners_report.wall.as_secs_f64(),
        peer_s.map_or("-".into(), |p| format!("{:.2}", p.as_secs_f64())),
        peer_s.map_or("-".into(), |p| format!("{:.1}", p.as_secs_f64() / poakg_total.as_secs_f64())),
    ) + &format!(
        "\t{description:.3}\t{:.3}\t{:.2}\t{:.2}\t{:.2}\t{:.0}",
        description / build.wall.as_secs_f64(),
        export.wall.as_secs_f64(),
        canonical.wall.as_secs_f64(),
        canonical.wall.as_secs_f64() / export.wall.as_secs_f64(),
        canonical.max_rss_mb,
    )
}

/// The peer's wall time on the same triples (exported as N-Triples).
fn peer_seconds(store: &Path, dir: &Path) -> Duration {
    let nt = dir.join("data.nt").display().to_string();
    poakg(
        store,
        &["export", "--format", "ntriples", "--output", &nt],
        "poakg export",
    );
    let run = measure(
        Command::new("python3")
            .arg(Path::new(REPO).join("benches/peer_reference.py"))
            .arg(&nt)
            .arg(Path::new(REPO).join("queries")),
        "peer",
    );
    eprint!("{}", run.stdout);
    run.wall
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--bulk-load") {
        bulk_load(&args[at + 1], &args[at + 2]);
        return;
    }
    let sizes: Vec<usize> = std::env::var("POAKG_CORPUS_SIZES")
        .unwrap_or_else(|_| "1,10,100,1000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let keep = std::env::var_os("POAKG_CORPUS_KEEP").map(PathBuf::from);
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = keep.clone().unwrap_or_else(|| tmp.path().to_owned());
    let templates = templates();
    let partners = partner_codes();
    let peer = peer_available();
    let me = std::env::current_exe().expect("this benchmark's path");
    println!(
        "{} fixture documents, {} partners; peer: {}",
        templates.len(),
        partners.len(),
        if peer { "rdflib + networkx" } else { "skipped" }
    );
    let header = "plans\tclauses\tquads\tbuild_s\tus_per_clause\tpeak_mb\tstore_mb\toxigraph_bulk_s\toxigraph_peak_mb\tbuild_vs_bulk\treport_s\tpartners_s\tpeer_s\tpeer_vs_poakg\tdescription_s\tdescription_share\texport_s\tcanonical_s\tcanonical_vs_export\tcanonical_peak_mb\tadd_s\tone_plan_s\tadd_vs_one";
    let mut rows = vec![header.to_owned()];
    println!("{}", header.replace('\t', "  "));
    for &n in &sizes {
        let dir = root.join(format!("corpus-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        generate(&dir.join("plans"), 0..n, &templates, &partners);
        let row = measure_size(&dir, n, peer, &me);
        let (add, one) = add_one(&dir, n, &templates, &partners);
        let row = row
            + &format!(
                "\t{:.3}\t{:.3}\t{:.1}",
                add.wall.as_secs_f64(),
                one.wall.as_secs_f64(),
                add.wall.as_secs_f64() / one.wall.as_secs_f64()
            );
        let phases: Vec<String> = [
            "ingest",
            "references",
            "comparisons",
            "analysis",
            "description",
        ]
        .iter()
        .map(|p| format!("{p} {:.2} s", phase_seconds(&add.stdout, p)))
        .collect();
        eprintln!("{n} plans, --add of one: {}", phases.join(", "));
        println!("{}", row.replace('\t', "  "));
        rows.push(row);
        if keep.is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    // this benchmark runs from <target>/release/deps/
    let out = me
        .ancestors()
        .nth(3)
        .unwrap_or_else(|| Path::new(REPO))
        .join("corpus-bench.tsv");
    if std::fs::write(&out, rows.join("\n") + "\n").is_ok() {
        println!("written to {}", out.display());
    }
}
