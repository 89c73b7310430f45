//! Canonical exports (RDFC-1.0): two builds of the same sources give the
//! same bytes and the same hash, blank nodes from a user's RDF included, and
//! an independent implementation (pyld's URDNA2015) gives the same form.

use crate::common::{Env, TestResult};
use sha2::{Digest, Sha256};
use std::process::Command;

/// A user's RDF with blank nodes, which a build keeps in its own graph.
const WITH_BLANK_NODES: &str = "\
@prefix ex: <https://example.org/> .
ex:plan ex:reviewedBy [ ex:name \"Panel A\" ; ex:member [ ex:name \"Member 1\" ] ] .
ex:plan ex:reviewedBy [ ex:name \"Panel B\" ] .
";

fn canonical(env: &Env) -> Result<(String, String), Box<dyn std::error::Error>> {
    let run = env.run(&["export", "--format", "nquads", "--canonical"]);
    let out = run.ok();
    let hash = run
        .stderr()
        .lines()
        .find_map(|l| l.strip_prefix("sha256 ").map(str::to_owned))
        .ok_or("no hash on stderr")?;
    Ok((out, hash))
}

#[test]
fn two_builds_of_the_same_sources_export_the_same_canonical_bytes() -> TestResult {
    let mut exports = Vec::new();
    for _ in 0..2 {
        let env = Env::new();
        env.file("review.ttl", WITH_BLANK_NODES);
        env.run(&["build"]).ok();
        env.run(&["build", "--add", "--source", "review.ttl"]).ok();
        exports.push(canonical(&env)?);
    }
    let (first, hash) = &exports[0];
    assert_eq!(&exports[1], &exports[0], "two builds differ");
    let digest: String = Sha256::digest(first.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        &digest, hash,
        "the printed hash is the SHA-256 of the output"
    );
    assert!(
        first.contains("_:c14n0"),
        "blank nodes get canonical labels"
    );
    let mut sorted: Vec<&str> = first.lines().collect();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        first.lines().collect::<Vec<_>>(),
        "lines are sorted"
    );
    Ok(())
}

#[test]
fn canonical_needs_nquads() {
    let env = Env::new();
    env.run(&["export", "--format", "turtle", "--canonical"])
        .user_error("--canonical writes N-Quads");
}

/// pyld's URDNA2015 (the same algorithm as RDFC-1.0 with SHA-256) on the
/// seed store's plain N-Quads export gives poakg's canonical form.
#[test]
fn pyld_gives_the_same_canonical_form() -> TestResult {
    let has_pyld = Command::new("python3")
        .args(["-c", "import pyld"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyld {
        return crate::common::external::skip(
            "the pyld canonical form",
            "python3 with pyld is not installed (pip install pyld)",
        );
    }
    let env = Env::new();
    env.file("review.ttl", WITH_BLANK_NODES);
    env.run(&["build"]).ok();
    env.run(&["build", "--add", "--source", "review.ttl"]).ok();
    let (ours, _) = canonical(&env)?;
    let plain = env.path("plain.nq");
    env.run(&[
        "export",
        "--format",
        "nquads",
        "--output",
        plain.to_str().ok_or("path")?,
    ])
    .ok();
    // the description's graph is not part of the canonical export
    let script = "import sys\nfrom pyld import jsonld\ndata = ''.join(l for l in open(sys.argv[1], encoding='utf-8') if not l.rstrip().endswith('<https://w3id.org/poakg/id/graph/dataset> .'))\nout = jsonld.normalize(data, {'algorithm': 'URDNA2015', 'inputFormat': 'application/n-quads', 'format': 'application/n-quads'})\nsys.stdout.write(out)\n";
    let theirs = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&plain)
        .output()?;
    assert!(
        theirs.status.success(),
        "{}",
        String::from_utf8_lossy(&theirs.stderr)
    );
    let theirs = String::from_utf8(theirs.stdout)?;
    assert_eq!(theirs.lines().count(), ours.lines().count());
    assert!(
        theirs == ours,
        "pyld's canonical form differs: first difference at line {:?}",
        theirs.lines().zip(ours.lines()).position(|(a, b)| a != b)
    );
    Ok(())
}

/// The N-Quads export of every graph, sorted, but for the description's
/// times (they say when each build ran) and the quads with blank nodes
/// (labelled anew by each build; the canonical export compares those).
fn all_graphs_but_times(env: &Env) -> Vec<String> {
    let out = env.run(&["export", "--format", "nquads"]).ok();
    let mut lines: Vec<String> = out
        .lines()
        .filter(|l| !l.contains("XMLSchema#dateTime>") && !l.contains("_:"))
        .map(str::to_owned)
        .collect();
    lines.sort_unstable();
    lines
}

/// Adding documents one by one (and adding one again, as a new version
/// would be) gives the store a build of all of them from nothing gives:
/// every graph, the comparisons, the analysis and the description's
/// counts and digests included.
#[test]
fn adding_to_a_store_gives_what_a_full_build_gives() -> TestResult {
    let fixture = |name: &str| crate::common::repo_file(&format!("tests/fixtures/compare/{name}"));
    let first = ["canada-2016-2020.txt", "korea-2016-2020.txt"];
    let later = ["korea-2021-2025.txt", "canada-2021-2025.txt"];
    let full = Env::new();
    let all = full.path("all");
    std::fs::create_dir_all(&all)?;
    for name in first.iter().chain(&later) {
        std::fs::copy(fixture(name), all.join(name))?;
    }
    full.file("all/review.ttl", WITH_BLANK_NODES);
    full.run(&["build", "--source", all.to_str().ok_or("path")?])
        .ok();

    let added = Env::new();
    let copy = |name: &str| -> Result<String, std::io::Error> {
        std::fs::create_dir_all(added.path("all"))?;
        std::fs::copy(fixture(name), added.path(&format!("all/{name}")))?;
        Ok(format!("all/{name}"))
    };
    let (a, b) = (copy(first[0])?, copy(first[1])?);
    added.run(&["build", "--source", &a, "--source", &b]).ok();
    for name in later {
        added
            .run(&["build", "--add", "--source", &copy(name)?])
            .ok();
    }
    added.file("all/review.ttl", WITH_BLANK_NODES);
    added
        .run(&["build", "--add", "--source", "all/review.ttl"])
        .ok();
    // the first document again, as a new version of it would come
    added.run(&["build", "--add", "--source", &a]).ok();

    let (want, got) = (all_graphs_but_times(&full), all_graphs_but_times(&added));
    let missing: Vec<&String> = want
        .iter()
        .filter(|l| got.binary_search(l).is_err())
        .collect();
    let extra: Vec<&String> = got
        .iter()
        .filter(|l| want.binary_search(l).is_err())
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} quads only in the full build, {} only in the added one; first: {:?} / {:?}",
        missing.len(),
        extra.len(),
        missing.first(),
        extra.first()
    );
    assert_eq!(canonical(&full)?, canonical(&added)?);
    Ok(())
}
