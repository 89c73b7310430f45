//! Every export format, re-read by an independent parser (Python's rdflib;
//! pyld for JSON-LD), gives the graph the store holds.

use crate::common::{repo_file, Env, TestResult};
use std::process::Command;

fn rdflib_available() -> bool {
    Command::new("python3")
        .args(["-c", "import rdflib, pyld"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn exports_round_trip_through_rdflib() -> TestResult {
    if !rdflib_available() {
        return crate::common::external::skip(
            "the rdflib round trip",
            "python3 with rdflib and pyld is not installed (pip install rdflib pyld)",
        );
    }
    let env = Env::new();
    env.run(&["build"]).ok();
    for (format, file) in [
        ("ntriples", "export.nt"),
        ("turtle", "export.ttl"),
        ("jsonld", "export.jsonld"),
        ("rdfxml", "export.rdf"),
        ("nquads", "export.nq"),
        ("trig", "export.trig"),
    ] {
        let out = env.path(file);
        env.run(&[
            "export",
            "--format",
            format,
            "--output",
            out.to_str().ok_or("path")?,
        ])
        .ok();
    }
    let check = Command::new("python3")
        .arg(repo_file("tests/roundtrip.py"))
        .arg(env.dir.path())
        .output()?;
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(report.contains("graphs read back by rdflib"), "{report}");
    Ok(())
}

/// The text with every xsd:dateTime value blanked: the dataset's
/// description says when each build ran, and nothing else may differ.
fn without_times(turtle: &str) -> String {
    turtle
        .lines()
        .map(|line| match line.find("\"^^xsd:dateTime") {
            Some(end) => {
                let start = line[..end].rfind('"').unwrap_or(end);
                format!("{}\"TIME{}", &line[..start], &line[end..])
            }
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn turtle_export_is_stable() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let first = env.run(&["export", "--format", "turtle"]).ok();
    env.run(&["build"]).ok();
    let second = env.run(&["export", "--format", "turtle"]).ok();
    assert_eq!(
        without_times(&first),
        without_times(&second),
        "two builds of the same seeds export differently"
    );
    assert!(first.starts_with("@prefix"), "prefixes declared first");
    Ok(())
}
