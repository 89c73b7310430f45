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
