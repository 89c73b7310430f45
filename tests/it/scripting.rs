//! What a scripting user expects (issue 23 §8): the build summary and the
//! statistics as JSON that says what the text says, `query --output` written
//! whole or not at all in the format its extension names, shell completions
//! a shell accepts and a man page groff renders without a warning.

use crate::common::{Env, TestResult};
use serde_json::Value;
use std::process::Command;

#[test]
fn build_and_stats_json_say_what_the_text_says() -> TestResult {
    let env = Env::new();
    let built: Value = serde_json::from_str(&env.run(&["build", "--format", "json"]).ok())?;
    let documents = built["documents"].as_array().ok_or("documents")?;
    assert_eq!(documents.len(), 2, "{built}");
    let plan = &documents[0];
    assert_eq!(plan["kind"], "plan");
    assert_eq!(
        plan["clauses"], 126,
        "the seed plan's numbered clauses, counted by hand"
    );
    assert_eq!(plan["plan"]["partner"], "US");
    assert_eq!(plan["plan"]["period"], serde_json::json!([2021, 2025]));
    assert_eq!(plan["plan"]["sources"]["period"], "title line");
    assert_eq!(documents[1]["kind"], "programme page");
    // where the time went, every phase in order, none negative
    let phases: Vec<&str> = built["phases"]
        .as_array()
        .ok_or("phases")?
        .iter()
        .filter(|p| p["seconds"].as_f64().is_some_and(|s| s >= 0.0))
        .filter_map(|p| p["phase"].as_str())
        .collect();
    assert_eq!(
        phases,
        [
            "ingest",
            "references",
            "comparisons",
            "analysis",
            "description",
            "commit",
            "classes"
        ]
    );
    assert!(documents[1]["plan"].is_null());
    assert!(
        built["analysis"]["connectors"]
            .as_u64()
            .ok_or("connectors")?
            > 0
    );
    assert!(built["refused"].as_array().ok_or("refused")?.is_empty());

    // stats: the same figures as the text lines
    let stats: Value = serde_json::from_str(&env.run(&["stats", "--format", "json"]).ok())?;
    let text = env.run(&["stats"]).ok();
    for graph in stats["graphs"].as_array().ok_or("graphs")? {
        let line = format!(
            "{} {}",
            graph["graph"].as_str().ok_or("graph")?,
            graph["triples"]
        );
        let squeezed: Vec<String> = text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(squeezed.contains(&line), "{line} not in\n{text}");
    }
    for class in stats["classes"].as_array().ok_or("classes")? {
        let line = format!(
            "{} {}",
            class["count"],
            class["class"].as_str().ok_or("class")?
        );
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == line),
            "{line} not in\n{text}"
        );
    }
    assert_eq!(
        stats["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    Ok(())
}

#[test]
fn a_refused_document_is_in_the_json_with_its_reason() -> TestResult {
    let env = Env::new();
    let bad = env.file("broken.ttl", "<a> <b> .\n");
    let run = env.run(&[
        "build",
        "--format",
        "json",
        "--source",
        bad.to_str().ok_or("path")?,
        "--source",
        crate::common::repo_file("seeds/asean-us-poa-2021-2025.txt")
            .to_str()
            .ok_or("path")?,
    ]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let built: Value = serde_json::from_str(&run.stdout())?;
    let refused = built["refused"].as_array().ok_or("refused")?;
    assert_eq!(refused.len(), 1, "{built}");
    assert!(refused[0]["origin"]
        .as_str()
        .ok_or("origin")?
        .ends_with("broken.ttl"));
    assert!(refused[0]["error"]
        .as_str()
        .ok_or("error")?
        .contains("broken.ttl"));
    assert_eq!(built["documents"].as_array().ok_or("documents")?.len(), 1);
    Ok(())
}

#[test]
fn query_output_is_written_in_the_format_its_extension_names() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let query = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a poa:Clause }";
    let csv = env.path("n.csv");
    let json = env.path("n.srj");
    let printed = env
        .run(&["query", "--query", query, "-o", csv.to_str().ok_or("path")?])
        .ok();
    assert_eq!(printed, "", "nothing on stdout when writing a file");
    assert_eq!(std::fs::read_to_string(&csv)?, "n\r\n126\r\n");
    env.run(&[
        "query",
        "--query",
        query,
        "--output",
        json.to_str().ok_or("path")?,
    ])
    .ok();
    let results: Value = serde_json::from_str(&std::fs::read_to_string(&json)?)?;
    assert_eq!(results["results"]["bindings"][0]["n"]["value"], "126");
    // --format wins over the extension
    env.run(&[
        "query",
        "--query",
        query,
        "-f",
        "tsv",
        "-o",
        csv.to_str().ok_or("path")?,
    ])
    .ok();
    assert_eq!(std::fs::read_to_string(&csv)?, "?n\n126\n");
    Ok(())
}

#[test]
fn a_failing_query_leaves_the_output_file_as_it_was() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let out = env.file("kept.csv", "earlier results\n");
    // parses, but fails while running: a function over a bad IRI is fine, so use a
    // SERVICE to nowhere, which fails at evaluation
    let run = env.run(&[
        "query",
        "--query",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "-o",
        out.to_str().ok_or("path")?,
    ]);
    assert_ne!(run.code(), 0, "{}", run.stdout());
    assert_eq!(std::fs::read_to_string(&out)?, "earlier results\n");
    assert!(!env.path("kept.csv.partial").exists());
    Ok(())
}

#[test]
fn completions_parse_in_bash_and_the_man_page_renders() -> TestResult {
    let env = Env::new();
    let script = env.file("poakg.bash", env.run(&["completions", "bash"]).ok());
    let checked = Command::new("bash").arg("-n").arg(&script).output()?;
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let text = std::fs::read_to_string(&script)?;
    for command in ["build", "query", "validate", "classify", "completions"] {
        assert!(text.contains(command), "{command} is not completed");
    }
    let page = env.file("poakg.1", env.run(&["man"]).ok());
    let rendered = Command::new("groff")
        // -P-cbou: no overstriking, so headings read as plain words
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .arg(&page)
        .output();
    let Ok(rendered) = rendered else {
        return crate::common::external::skip("man page", "groff is not installed");
    };
    let warnings = String::from_utf8_lossy(&rendered.stderr);
    assert!(
        rendered.status.success() && warnings.trim().is_empty(),
        "{warnings}"
    );
    let text = String::from_utf8_lossy(&rendered.stdout);
    for part in ["SYNOPSIS", "EXIT STATUS", "validate", "--store"] {
        assert!(text.contains(part), "{part} not in the man page");
    }
    Ok(())
}

#[test]
fn an_unknown_shell_is_one_line() {
    let env = Env::new();
    env.run(&["completions", "tcsh"]).user_error("tcsh");
}
