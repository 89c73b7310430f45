//! The dataset as a portal harvests it: its VoID and DCAT description
//! (counts equal to `poakg stats`, one subset per plan, the canonical hash,
//! publisher and licence remembered), re-read by rdflib, and served at
//! /.well-known/void.

use crate::common::http::request;
use crate::common::served::serve_store;
use crate::common::{Env, TestResult};
use std::process::Command;

fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const DATASET_GRAPH: &str = "https://w3id.org/poakg/id/graph/dataset";

fn query(env: &Env, sparql: &str) -> Vec<Vec<String>> {
    let out = env
        .run(&["query", "--format", "tsv", "--query", sparql])
        .ok();
    out.lines()
        .skip(1)
        .map(|l| {
            l.split('\t')
                .map(|c| {
                    c.trim_matches('"')
                        .split("\"^^")
                        .next()
                        .unwrap_or("")
                        .trim_matches('"')
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_description_counts_what_the_store_holds() -> TestResult {
    let env = Env::new();
    env.run(&[
        "build",
        "--publisher",
        "ASEAN Studies Centre",
        "--license",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ])
    .ok();
    // triples: the sum of `stats`, less the description's own graph
    let stats = env.run(&["stats"]).ok();
    assert!(stats.contains("publisher: ASEAN Studies Centre; licence: https://creativecommons.org/licenses/by-sa/4.0/"), "{stats}");
    let mut total = 0usize;
    for line in stats
        .lines()
        .filter(|l| l.trim_start().starts_with("https://"))
    {
        let mut cells = line.split_whitespace();
        let (graph, n) = (
            cells.next().ok_or("graph")?,
            cells.next().ok_or("count")?.parse::<usize>()?,
        );
        if graph != DATASET_GRAPH {
            total += n;
        }
    }
    let void = "http://rdfs.org/ns/void#";
    let rows = query(&env, &format!("SELECT ?n WHERE {{ GRAPH <{DATASET_GRAPH}> {{ <https://w3id.org/poakg/id/dataset> <{void}triples> ?n }} }}"));
    assert_eq!(rows, vec![vec![total.to_string()]]);
    let clauses = query(&env, &format!("SELECT ?n WHERE {{ GRAPH <{DATASET_GRAPH}> {{ ?d <{void}classPartition> ?p . ?p <{void}class> poa:Clause ; <{void}entities> ?n }} }}"));
    assert_eq!(clauses, vec![vec!["126".to_owned()]]);
    let subsets = query(&env, &format!("SELECT ?n WHERE {{ GRAPH <{DATASET_GRAPH}> {{ ?d <{void}subset> ?s . ?s poa:clauseCount ?n }} }}"));
    assert_eq!(
        subsets,
        vec![vec!["126".to_owned()]],
        "one subset per plan, with its clauses"
    );
    // the canonical hash is the export's
    let run = env.run(&["export", "--format", "nquads", "--canonical"]);
    run.ok();
    let printed = run
        .stderr()
        .lines()
        .find_map(|l| l.strip_prefix("sha256 ").map(str::to_owned))
        .ok_or("hash")?;
    let export = run.ok();
    assert_eq!(sha256(&export), printed, "the printed hash is the export's");
    // each graph's digest is the SHA-256 of its lines of the canonical export
    // (the seeds have no blank nodes), and the dataset's the SHA-256 of the
    // sorted lines `<graph> digest`
    let held = query(
        &env,
        "SELECT ?g ?h WHERE { GRAPH ?x { ?d poa:graphDigest ?n . ?n <http://www.w3.org/ns/sparql-service-description#name> ?g ; poa:canonicalSha256 ?h } } ORDER BY ?g",
    );
    let mut graphs: Vec<&str> = export
        .lines()
        .filter_map(|l| l.rsplit_once(' ').map(|(rest, _)| rest))
        .filter_map(|rest| rest.rsplit_once(' ').map(|(_, graph)| graph))
        .collect();
    graphs.sort_unstable();
    graphs.dedup();
    assert_eq!(held.len(), graphs.len(), "one digest per graph");
    let mut manifest = String::new();
    for row in &held {
        let graph = &row[0];
        let lines: String = export
            .lines()
            .filter(|l| l.ends_with(&format!(" {graph} .")))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(sha256(&lines), row[1], "digest of {graph}");
        manifest.push_str(&format!("{graph} {}\n", row[1]));
    }
    let dataset = query(
        &env,
        "SELECT ?h WHERE { GRAPH ?x { ?d poa:graphDigest ?n ; poa:canonicalSha256 ?h } } GROUP BY ?h",
    );
    assert_eq!(dataset, vec![vec![sha256(&manifest)]]);
    // publisher and licence are remembered by a later build that names none
    env.run(&["build", "--add"]).ok();
    assert!(env.run(&["stats"]).ok().contains(
        "publisher: ASEAN Studies Centre; licence: https://creativecommons.org/licenses/by-sa/4.0/"
    ));
    env.run(&["validate"]).ok();
    Ok(())
}

#[test]
fn a_licence_must_be_an_iri() {
    let env = Env::new();
    env.run(&["build", "--license", "CC BY 4.0"])
        .user_error("licence \"CC BY 4.0\": not an IRI");
}

#[test]
fn the_description_is_served_at_well_known_void_and_reads_in_rdflib() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let store = env.store();
    let served = serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let turtle = request(
        &served.base,
        "GET",
        "/.well-known/void",
        &[("Accept", "text/turtle")],
        b"",
    )?;
    assert_eq!(turtle.status, 200);
    assert!(turtle
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/turtle")));
    let jsonld = request(
        &served.base,
        "GET",
        "/.well-known/void",
        &[("Accept", "application/ld+json")],
        b"",
    )?;
    assert_eq!(jsonld.status, 200);
    serde_json::from_str::<serde_json::Value>(&jsonld.body)?;
    let has_rdflib = Command::new("python3")
        .args(["-c", "import rdflib"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_rdflib {
        return crate::common::external::skip(
            "rdflib reading the VoID description",
            "python3 with rdflib is not installed",
        );
    }
    let file = env.file("void.ttl", &turtle.body);
    let script = "import sys, rdflib\ng = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')\nV = rdflib.Namespace('http://rdfs.org/ns/void#'); D = rdflib.Namespace('http://www.w3.org/ns/dcat#'); T = rdflib.Namespace('http://purl.org/dc/terms/')\nds = rdflib.URIRef('https://w3id.org/poakg/id/dataset')\nassert (ds, rdflib.RDF.type, V.Dataset) in g and (ds, rdflib.RDF.type, D.Dataset) in g\nfor p in (T.title, T.publisher, T.license, T.modified, V.triples, V.sparqlEndpoint, D.distribution, V.subset):\n    assert g.value(ds, p) is not None, p\nprint(len(g), 'triples')\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()?;
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

/// `GET /sparql` with an RDF Accept and no query: the service description;
/// HEAD like GET without a body; `Vary: Accept`; q-values respected.
#[test]
fn the_endpoint_describes_itself_and_negotiates_as_http_says() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let store = env.store();
    let served = serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let sd = request(
        &served.base,
        "GET",
        "/sparql",
        &[("Accept", "text/turtle")],
        b"",
    )?;
    assert_eq!(sd.status, 200);
    assert_eq!(sd.header("vary"), Some("Accept"));
    let triples: Vec<String> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(sd.body.as_bytes())
            .map(|q| q.map(|q| format!("{} {} {}", q.subject, q.predicate, q.object)))
            .collect::<Result<_, _>>()?;
    let sd_ns = "http://www.w3.org/ns/sparql-service-description#";
    for wanted in [
        format!("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{sd_ns}Service>"),
        format!("<{sd_ns}supportedLanguage> <{sd_ns}SPARQL11Query>"),
        format!("<{sd_ns}name> <https://w3id.org/poakg/id/graph/dataset>"),
        format!("<{sd_ns}feature> <{sd_ns}UnionDefaultGraph>"),
    ] {
        assert!(
            triples.iter().any(|t| t.contains(&wanted)),
            "no {wanted} in {triples:?}"
        );
    }
    // a browser still gets the form
    let page = request(
        &served.base,
        "GET",
        "/sparql",
        &[("Accept", "text/html,application/xhtml+xml")],
        b"",
    )?;
    assert!(page
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/html")));
    // q-values: Turtle preferred over HTML
    let weighed = request(
        &served.base,
        "GET",
        "/id/asean-us-poa-2021-2025",
        &[("Accept", "text/turtle, text/html;q=0.1")],
        b"",
    )?;
    assert!(
        weighed
            .header("content-type")
            .is_some_and(|c| c.starts_with("text/turtle")),
        "{:?}",
        weighed.headers
    );
    // HEAD: the same status and type, no body
    let head = request(
        &served.base,
        "HEAD",
        "/id/asean-us-poa-2021-2025",
        &[("Accept", "text/turtle")],
        b"",
    )?;
    assert_eq!(head.status, 200);
    assert!(head
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/turtle")));
    assert!(head.body.is_empty());
    Ok(())
}

/// `query --endpoint`: every shipped query sent to a served store by the
/// SPARQL 1.1 Protocol gives what it gives on the store itself, in the same
/// format; a bad endpoint is one line naming it.
#[test]
fn shipped_queries_give_the_same_results_through_an_endpoint() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let store = env.store();
    let served = serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let endpoint = format!("{}/sparql", served.base);
    for q in poakg::queries::SHIPPED {
        let local = env.run(&["query", q.name, "--format", "tsv"]).ok();
        let remote = env
            .run(&["query", q.name, "--format", "tsv", "--endpoint", &endpoint])
            .ok();
        assert_eq!(remote, local, "{}", q.name);
    }
    let construct = "CONSTRUCT { ?c poa:commitmentLevel ?l } WHERE { ?c poa:commitmentLevel ?l }";
    let local = env
        .run(&["query", "--query", construct, "--format", "ntriples"])
        .ok();
    let remote = env
        .run(&[
            "query",
            "--query",
            construct,
            "--format",
            "ntriples",
            "--endpoint",
            &endpoint,
        ])
        .ok();
    let sorted = |s: &str| {
        let mut lines: Vec<String> = s.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    assert_eq!(sorted(&remote), sorted(&local));
    env.run(&[
        "query",
        "--query",
        "ASK {}",
        "--endpoint",
        "http://127.0.0.1:1/sparql",
    ])
    .user_error("http://127.0.0.1:1/sparql");
    Ok(())
}

/// `default-graph-uri` and `named-graph-uri` (SPARQL 1.1 Protocol) make the
/// query's dataset; without them the default graph is the union.
#[test]
fn the_protocol_dataset_parameters_are_honoured() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let store = env.store();
    let served = serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let count = encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let get = |path: String| -> Result<String, Box<dyn std::error::Error>> {
        let r = request(&served.base, "GET", &path, &[("Accept", "text/csv")], b"")?;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        Ok(r.body.lines().nth(1).unwrap_or_default().to_owned())
    };
    let ontology = encode("https://w3id.org/poakg/ontology");
    let only_ontology = get(format!(
        "/sparql?query={count}&default-graph-uri={ontology}"
    ))?;
    let stats = env.run(&["stats"]).ok();
    let ontology_size = stats
        .lines()
        .find(|l| {
            l.trim_start()
                .starts_with("https://w3id.org/poakg/ontology ")
        })
        .and_then(|l| l.split_whitespace().nth(1))
        .ok_or("the ontology graph in stats")?;
    assert_eq!(only_ontology, ontology_size);
    let union = get(format!("/sparql?query={count}"))?;
    assert!(union.parse::<usize>()? > only_ontology.parse::<usize>()?);
    let graphs = encode("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    assert_eq!(
        get(format!("/sparql?query={graphs}&named-graph-uri={ontology}"))?,
        "1"
    );
    let posted = request(
        &served.base,
        "POST",
        &format!("/sparql?default-graph-uri={ontology}"),
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    )?;
    assert_eq!(posted.body.lines().nth(1), Some(ontology_size));
    let bad = request(
        &served.base,
        "GET",
        &format!("/sparql?query={count}&default-graph-uri=not%20an%20iri"),
        &[],
        b"",
    )?;
    assert_eq!(bad.status, 400);
    Ok(())
}

/// SEMIC's DCAT-AP 3.0.0 shapes (releases/3.0.0/shacl/dcat-ap-SHACL.ttl of
/// SEMICeu/DCAT-AP, CC BY 4.0), kept in ../shared/dcat-ap-3.0.0.
fn dcat_ap_shapes() -> Option<std::path::PathBuf> {
    crate::common::shared::shared_data("dcat-ap-3.0.0/dcat-ap-SHACL.ttl")
}

#[test]
fn the_description_conforms_to_dcat_ap_3() -> TestResult {
    let Some(shapes) = dcat_ap_shapes() else {
        return crate::common::external::skip(
            "DCAT-AP 3.0.0",
            "SEMIC's dcat-ap-SHACL.ttl is not in ../shared/dcat-ap-3.0.0",
        );
    };
    let env = Env::new();
    env.run(&["build", "--publisher", "https://example.org/portal"])
        .ok();
    // poakg's own validator, over the whole store
    let run = env.run(&["validate", "--shapes", shapes.to_str().ok_or("path")?]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    // pySHACL, an independent validator, over the description
    if Command::new("python3")
        .args(["-c", "import pyshacl"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        return crate::common::external::skip(
            "DCAT-AP 3.0.0 by pySHACL",
            "python3 with pyshacl is not installed (pip install pyshacl)",
        );
    }
    let description = env.path("dataset.ttl");
    env.run(&[
        "export",
        "--format",
        "turtle",
        "--graph",
        DATASET_GRAPH,
        "--output",
        description.to_str().ok_or("path")?,
    ])
    .ok();
    let check = |data: &std::path::Path| -> std::io::Result<std::process::Output> {
        Command::new("python3")
            .arg("-c")
            .arg(
                "import sys, pyshacl
ok, _, text = pyshacl.validate(sys.argv[1], shacl_graph=sys.argv[2], inference='none')
print(text); sys.exit(0 if ok else 1)",
            )
            .arg(data)
            .arg(&shapes)
            .output()
    };
    let run = check(&description)?;
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    // and the shapes do bite: a distribution without its media type's class fails
    let text = std::fs::read_to_string(&description)?;
    let broken = env.file(
        "broken.ttl",
        text.replace("a dcterms:MediaType", "a <https://example.org/NotAType>"),
    );
    assert_ne!(
        text,
        std::fs::read_to_string(&broken)?,
        "nothing was broken"
    );
    let run = check(&broken)?;
    assert!(!run.status.success(), "a broken description conformed");
    Ok(())
}
