//! Mentions and classifications as W3C Web Annotations (issue 23 §4): the
//! JSON-LD export, framed per annotation by pyld under the W3C's context,
//! validates against the Web Annotation Data Model's published JSON schemas,
//! and every selector quotes the passage text at its position
//! (tests/annotations_check.py).

use crate::common::shared::shared_data;
use crate::common::{repo_file, Env, TestResult};
use std::process::Command;

fn checker_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyld, jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check(
    export: &std::path::Path,
    schemas: &std::path::Path,
) -> std::io::Result<std::process::Output> {
    Command::new("python3")
        .arg(repo_file("tests/annotations_check.py"))
        .arg(export)
        .arg(schemas)
        .output()
}

#[test]
fn mentions_and_classifications_are_valid_web_annotations() -> TestResult {
    let Some(schemas) = shared_data("w3c-web-annotation-tests") else {
        return crate::common::external::skip(
            "the Web Annotation schemas",
            "the W3C's web-annotation-tests are not in ../shared/w3c-web-annotation-tests",
        );
    };
    if !checker_available() {
        return crate::common::external::skip(
            "the Web Annotation schemas",
            "python3 with pyld and jsonschema is not installed (pip install pyld jsonschema)",
        );
    }
    let env = Env::new();
    env.run(&["build"]).ok();
    let export = env.path("export.jsonld");
    env.run(&[
        "export",
        "--format",
        "jsonld",
        "--output",
        export.to_str().ok_or("path")?,
    ])
    .ok();
    let run = check(&export, &schemas)?;
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary: serde_json::Value = serde_json::from_str(report.trim())?;
    // every mention (252 in the plan, 11 on the programme page) and every
    // classification, all anchored
    let mentions = env
        .run(&[
            "query",
            "-f",
            "tsv",
            "--query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?m a poa:Mention }",
        ])
        .ok();
    let labels = env
        .run(&[
            "query",
            "-f",
            "tsv",
            "--query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:Classification }",
        ])
        .ok();
    let count = |tsv: &str| {
        tsv.lines()
            .nth(1)
            .and_then(|l| l.trim().parse::<u64>().ok())
    };
    let (mentions, labels) = (
        count(&mentions).ok_or("count")?,
        count(&labels).ok_or("count")?,
    );
    assert_eq!(mentions, 263);
    assert_eq!(summary["motivations"]["identifying"], mentions);
    assert_eq!(summary["motivations"]["classifying"], labels);
    assert_eq!(summary["anchored"], mentions + labels);
    assert_eq!(summary["failures"], 0);

    // the check fails on a quote that is not the text at its position
    let text = std::fs::read_to_string(&export)?;
    let data = text.find("\"graph\": [").ok_or("no graph")?; // past the context
    let at = data + text[data..].find("\"exact\": \"").ok_or("no exact")? + "\"exact\": \"".len();
    let tampered = env.file(
        "tampered.jsonld",
        format!("{}Z{}", &text[..at], &text[at + 1..]),
    );
    let run = check(&tampered, &schemas)?;
    assert!(!run.status.success(), "a wrong quote passed");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("quote says"), "{err}");
    Ok(())
}

#[test]
fn a_mention_is_anchored_by_position_and_quote() -> TestResult {
    // the first mention of clause 1.1.1, read from the store with SPARQL:
    // its quote is its surface form, and prefix and suffix surround it
    let env = Env::new();
    env.run(&["build"]).ok();
    let rows = env
        .run(&[
            "query",
            "-f",
            "tsv",
            "--query",
            "SELECT ?surface ?start ?end ?exact ?prefix ?suffix ?text WHERE {
               ?m a poa:Mention ; poa:surfaceForm ?surface ; oa:motivatedBy oa:identifying ;
                  oa:hasTarget ?t . ?t a oa:SpecificResource ; oa:hasSource ?p ; oa:hasSelector ?pos, ?q .
               ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
               ?q a oa:TextQuoteSelector ; oa:exact ?exact .
               OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
               ?p poa:text ?text }",
        ])
        .ok();
    let mut checked = 0;
    for line in rows.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let value = |i: usize| {
            cells[i]
                .trim_matches('"')
                .split("\"^^")
                .next()
                .unwrap_or("")
                .to_owned()
        };
        let (surface, exact) = (value(0), value(3));
        let (start, end): (usize, usize) = (value(1).parse()?, value(2).parse()?);
        assert_eq!(surface, exact, "{line}");
        assert_eq!(end - start, exact.chars().count(), "{line}");
        checked += 1;
    }
    assert_eq!(
        checked, 263,
        "every mention has one target with both selectors"
    );
    Ok(())
}
