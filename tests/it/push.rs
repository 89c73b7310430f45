//! `poakg push` against a real external triple store: Oxigraph's own server
//! (`oxigraph serve`: PyPI package oxigraph, or crate oxigraph-cli), started on loopback by the test.
//! After the push, every shipped query runs on that server and must give the
//! same solutions as poakg's own store.
//!
//! The server binary is found through $POAKG_OXIGRAPH, then
//! ~/.cache/poakg/tools/bin/oxigraph (where .ci/run installs it), then PATH.
//! Without it the test says so and passes, unless $POAKG_REQUIRE_OXIGRAPH is
//! set (CI sets it).

use crate::common::http::request;
use crate::common::tools::{free_port, oxigraph_binary};
use crate::common::{Env, TestResult};
use std::collections::BTreeMap;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An `oxigraph serve` process, killed on drop.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_oxigraph(binary: &PathBuf, env: &Env) -> Result<Server, Box<dyn std::error::Error>> {
    let port = free_port();
    let child = Command::new(binary)
        .args(["serve", "--location"])
        .arg(env.path("oxigraph-data"))
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--union-default-graph",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(30) {
            return Err("oxigraph serve did not start listening in 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(server)
}

/// Solutions of a SPARQL JSON result as a sorted list of rows (variable →
/// term as type/value/datatype/language), so that two engines' answers
/// compare whatever order ties come in.
fn solutions(json: &str) -> Result<Vec<BTreeMap<String, String>>, Box<dyn std::error::Error>> {
    let v: serde_json::Value = serde_json::from_str(json)?;
    if let Some(b) = v.get("boolean") {
        return Ok(vec![BTreeMap::from([("ASK".to_owned(), b.to_string())])]);
    }
    let mut rows: Vec<BTreeMap<String, String>> = v["results"]["bindings"]
        .as_array()
        .ok_or("no bindings")?
        .iter()
        .map(|row| {
            row.as_object()
                .map(|o| {
                    o.iter()
                        .map(|(var, term)| {
                            let datatype = term["datatype"].as_str().unwrap_or(
                                if term["type"] == "literal" && term.get("xml:lang").is_none() {
                                    "http://www.w3.org/2001/XMLSchema#string"
                                } else {
                                    ""
                                },
                            );
                            (
                                var.clone(),
                                format!(
                                    "{} {} {} {}",
                                    term["type"], term["value"], datatype, term["xml:lang"]
                                ),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    rows.sort();
    Ok(rows)
}

#[test]
fn push_to_oxigraph_server_then_same_answers_there() -> TestResult {
    let Some(binary) = oxigraph_binary() else {
        return crate::common::external::skip(
            "the push test",
            "no `oxigraph` server binary (pip install oxigraph==0.5.13, or set POAKG_OXIGRAPH)",
        );
    };
    let env = Env::new();
    env.run(&["build"]).ok();
    // two consecutive plans of one partner beside the seeds, so that the
    // comparisons graph (and the queries over it) has something to say
    let canada = |period: &str| {
        crate::common::repo_file(&format!("tests/fixtures/compare/canada-{period}.txt"))
            .to_string_lossy()
            .into_owned()
    };
    let (a, b) = (canada("2016-2020"), canada("2021-2025"));
    env.run(&["build", "--add", "--source", &a, "--source", &b])
        .ok();
    let server = start_oxigraph(&binary, &env)?;

    let out = env
        .run(&["push", "--endpoint", &format!("{}/store", server.base)])
        .ok();
    let graphs: Vec<&str> = out.lines().filter(|l| l.starts_with("pushed")).collect();
    assert!(graphs.len() >= 5, "{out}");
    assert!(
        out.contains("https://w3id.org/poakg/id/graph/entities"),
        "{out}"
    );

    // every shipped query, there and here
    let names: Vec<String> = std::fs::read_dir("queries")?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rq").map(str::to_owned)
        })
        .collect();
    assert!(names.len() >= 10);
    for name in &names {
        let text = std::fs::read_to_string(format!("queries/{name}.rq"))?;
        let remote = request(
            &server.base,
            "POST",
            "/query",
            &[
                ("Content-Type", "application/sparql-query"),
                ("Accept", "application/sparql-results+json"),
            ],
            text.as_bytes(),
        )?;
        assert_eq!(remote.status, 200, "{name}: {}", remote.body);
        let local = env.run(&["query", name, "--format", "json"]).ok();
        let (there, here) = (solutions(&remote.body)?, solutions(&local)?);
        assert!(!here.is_empty(), "{name}: no solutions here");
        assert_eq!(there, here, "{name}: answers differ");
    }

    // a second push replaces the graphs rather than adding to them
    env.run(&["push", "--endpoint", &format!("{}/store", server.base)])
        .ok();
    let count = |base: &str| -> Result<String, Box<dyn std::error::Error>> {
        let r = request(
            base,
            "POST",
            "/query",
            &[
                ("Content-Type", "application/sparql-query"),
                ("Accept", "text/tab-separated-values"),
            ],
            b"SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        )?;
        Ok(r.body)
    };
    let local = env
        .run(&[
            "query",
            "--query",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "--format",
            "tsv",
        ])
        .ok();
    assert_eq!(count(&server.base)?.trim(), local.trim());

    // one graph only
    let out = env
        .run(&[
            "push",
            "--endpoint",
            &format!("{}/store", server.base),
            "--graph",
            "https://w3id.org/poakg/id/graph/entities",
        ])
        .ok();
    assert_eq!(
        out.lines().filter(|l| l.starts_with("pushed")).count(),
        1,
        "{out}"
    );
    Ok(())
}

#[test]
fn push_errors_are_one_line() {
    let env = Env::new();
    env.run(&["build"]).ok();
    let port = free_port();
    for (args, want) in [
        (
            vec!["push", "--endpoint", "ftp://example.org/"],
            "--endpoint ftp://example.org/: not an http:// or https:// URL".to_owned(),
        ),
        (
            vec![
                "push",
                "--endpoint",
                "http://127.0.0.1:1/store",
                "--graph",
                "urn:none",
            ],
            "--graph <urn:none>: no such graph".to_owned(),
        ),
        (
            vec![
                "push",
                "--endpoint",
                &format!("http://127.0.0.1:{port}/store"),
            ],
            format!("http://127.0.0.1:{port}/store?graph="),
        ),
    ] {
        let run = env.run(&args);
        assert_eq!(run.code(), 1, "{args:?}: {}", run.stderr());
        let err = run.stderr();
        assert!(err.contains(&want), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}
