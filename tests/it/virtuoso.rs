//! `poakg push` into OpenLink Virtuoso 7 (Debian's virtuoso-opensource),
//! started by the test with a temporary database on loopback ports and
//! stopped after: every named graph arrives through Virtuoso's Graph Store
//! endpoint, which asks for HTTP Digest authentication, and every shipped
//! query, sent by `poakg query --endpoint` to Virtuoso's SPARQL endpoint,
//! gives the same solutions as on poakg's own store.

use crate::common::tools::free_port;
use crate::common::{Env, TestResult};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A Virtuoso server, stopped on drop.
struct Virtuoso {
    child: Child,
    base: String,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn virtuoso_binary() -> Option<PathBuf> {
    std::env::var_os("POAKG_VIRTUOSO")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("/usr/bin/virtuoso-t")))
        .filter(|p| p.is_file())
}

/// A database of its own in `dir`, the SQL and HTTP servers on free loopback
/// ports; the HTTP root is the package's (its Graph Store and SPARQL pages).
fn start(binary: &Path, dir: &Path) -> Result<Virtuoso, Box<dyn std::error::Error>> {
    let (sql, http) = (free_port(), free_port());
    let d = dir.display();
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/v.db\nErrorLogFile = {d}/v.log\nLockFile = {d}/v.lck\n\
         TransactionFile = {d}/v.trx\nxa_persistent_file = {d}/v.pxa\n\
         [TempDatabase]\nDatabaseFile = {d}/v-temp.db\nTransactionFile = {d}/v-temp.trx\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nNumberOfBuffers = 10000\n\
         MaxDirtyBuffers = 6000\nDirsAllowed = ., /usr/share/virtuoso-opensource-7/vad\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = /var/lib/virtuoso-opensource-7/vsp\n\
         ServerThreads = 10\nMaxClientConnections = 10\n\
         [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n"
    );
    let ini_path = dir.join("virtuoso.ini");
    std::fs::write(&ini_path, ini)?;
    let child = Command::new(binary)
        .args(["+foreground", "+configfile"])
        .arg(&ini_path)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let server = Virtuoso {
        child,
        base: format!("http://127.0.0.1:{http}"),
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", http)).is_err() {
        if started.elapsed() > Duration::from_secs(120) {
            return Err(
                format!("Virtuoso did not listen on {http} in 120 s (log: {d}/v.log)").into(),
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(server)
}

/// A solution as a map from variable to term, with what the two engines
/// are known to write differently made equal (each named, none hiding a
/// wrong answer):
/// - numbers compare by value: Virtuoso's ROUND gives an xsd:integer where
///   Oxigraph keeps xsd:decimal;
/// - a boolean compares as 0 or 1: Virtuoso stores xsd:boolean as an integer;
/// - an empty string is no binding: GROUP_CONCAT over nothing is "" on
///   Virtuoso, unbound on Oxigraph.
type Row = std::collections::BTreeMap<String, String>;

fn comparable(json: &str) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let v: serde_json::Value = serde_json::from_str(json)?;
    if let Some(b) = v.get("boolean") {
        return Ok(vec![Row::from([("ASK".to_owned(), b.to_string())])]);
    }
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let mut rows = Vec::new();
    for binding in v["results"]["bindings"].as_array().ok_or("no bindings")? {
        let mut row = Row::new();
        for (var, term) in binding.as_object().ok_or("not an object")? {
            let value = term["value"].as_str().unwrap_or_default();
            let datatype = term["datatype"].as_str().unwrap_or_default();
            let local = datatype.strip_prefix(xsd).unwrap_or("");
            let key = match (term["type"].as_str(), local) {
                (_, "integer" | "decimal" | "double" | "float" | "int" | "long") => {
                    format!("number {}", value.parse::<f64>()?)
                }
                (_, "boolean") => format!("number {}", u8::from(value == "true" || value == "1")),
                (Some("literal" | "typed-literal"), _) if value.is_empty() => continue,
                (Some("uri"), _) => format!("<{value}>"),
                _ => format!("{value:?}@{}", term["xml:lang"].as_str().unwrap_or("")),
            };
            row.insert(var.clone(), key);
        }
        rows.push(row);
    }
    rows.sort();
    Ok(rows)
}

#[test]
fn push_to_virtuoso_then_same_answers_there() -> TestResult {
    let Some(binary) = virtuoso_binary() else {
        return crate::common::external::skip(
            "the Virtuoso push test",
            "no virtuoso-t (apt-get install virtuoso-opensource, or set POAKG_VIRTUOSO)",
        );
    };
    let env = Env::new();
    env.run(&["build"]).ok();
    let data = env.path("virtuoso");
    std::fs::create_dir_all(&data)?;
    let server = start(&binary, &data)?;

    // Virtuoso's Graph Store endpoint asks for Digest (dba/dba: a fresh database's
    // administrator)
    let crud = format!("{}/sparql-graph-crud-auth", server.base);
    let out = env
        .run(&[
            "push",
            "--endpoint",
            &crud,
            "--user",
            "dba",
            "--password",
            "dba",
        ])
        .ok();
    let pushed = out.lines().filter(|l| l.starts_with("pushed")).count();
    let stats: serde_json::Value =
        serde_json::from_str(&env.run(&["stats", "--format", "json"]).ok())?;
    let graphs = stats["graphs"].as_array().ok_or("graphs")?;
    assert_eq!(pushed, graphs.len(), "{out}");
    // each graph arrived whole
    let endpoint = format!("{}/sparql", server.base);
    for graph in graphs.iter().filter(|g| g["triples"] != 0) {
        let iri = graph["graph"].as_str().ok_or("graph")?;
        let query = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}");
        let there = env
            .run(&[
                "query",
                "--endpoint",
                &endpoint,
                "--query",
                &query,
                "-f",
                "tsv",
            ])
            .ok();
        assert_eq!(
            there.lines().nth(1).map(str::trim),
            Some(graph["triples"].to_string().as_str()),
            "{iri}"
        );
    }
    // wrong credentials: one line naming the URL and the status
    env.run(&[
        "push",
        "--endpoint",
        &crud,
        "--user",
        "dba",
        "--password",
        "wrong",
    ])
    .user_error("401");

    // every shipped query, there (through query --endpoint) and here
    let mut names: Vec<String> = std::fs::read_dir(crate::common::repo_file("queries"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".rq")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    let mut differ = Vec::new();
    for name in &names {
        let there = env.run(&["query", name, "--endpoint", &endpoint, "-f", "json"]);
        let here = env.run(&["query", name, "-f", "json"]).ok();
        if there.code() != 0 {
            differ.push(format!("{name}: {}", there.stderr().trim()));
            continue;
        }
        let (mut there, here) = (comparable(&there.stdout())?, comparable(&here)?);
        if name == "graphs" {
            // Virtuoso keeps graphs of its own (its OWL and system graphs)
            there.retain(|row| here.iter().any(|h| h.get("graph") == row.get("graph")));
        }
        if there != here {
            differ.push(format!(
                "{name}: {} solutions there, {} here; first differing: {:?}",
                there.len(),
                here.len(),
                there.iter().zip(&here).find(|(a, b)| a != b)
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    Ok(())
}
