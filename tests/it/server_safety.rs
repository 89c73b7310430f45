//! The endpoint is safe to leave running: updates on a disk store are
//! applied and published to other readers, no page of another site can
//! write, every route has the limits queries have, and out-of-range limits
//! are refused in one line.

use crate::common::http;
use crate::common::served::{encode, get, post, serve, serve_store};
use crate::common::{Env, TestResult};
use std::time::Duration;

const INSERT: &str = "INSERT DATA { <https://example.org/a> <https://example.org/b> \"c\" }";
const ASK: &str = "ASK { <https://example.org/a> ?p ?o }";

fn ask(base: &crate::common::served::Served) -> Result<bool, Box<dyn std::error::Error>> {
    let (status, _, body) = get(
        base,
        &format!("/sparql?query={}", encode(ASK)),
        Some("text/csv"),
    )?;
    assert_eq!(status, 200, "{body}");
    Ok(body.contains("true"))
}

#[test]
fn updates_on_a_disk_store_are_applied_and_published() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let store = env.store();
    let s = serve_store(
        &["--store", store.to_str().ok_or("path")?],
        &["--allow-update"],
    )?;
    let (status, _, body) = post(&s, "application/sparql-update", INSERT, "*/*")?;
    assert_eq!(status, 204, "{body}");
    assert!(ask(&s)?, "the endpoint sees its update");
    // another process reads the generation the update published
    let out = env.run(&["query", "--format", "tsv", "--query", ASK]).ok();
    assert!(out.contains("true"), "{out}");
    // the endpoint is the store's one writer while it runs
    env.run(&["build"])
        .user_error("in use by another poakg process");
    Ok(())
}

#[test]
fn a_forged_cross_site_form_post_cannot_write() -> TestResult {
    let s = serve(&["--allow-update"])?;
    let host = s.base.trim_start_matches("http://").to_owned();
    let form = format!("update={}", encode(INSERT));
    // what a page of another site sends: a simple form POST, no preflight
    let forged = http::request(
        &s.base,
        "POST",
        "/sparql",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "http://evil.example"),
        ],
        form.as_bytes(),
    )?;
    assert_eq!(forged.status, 403, "{}", forged.body);
    assert!(forged.header("access-control-allow-origin").is_none());
    assert!(!ask(&s)?, "nothing was written");
    // the same from a browser that marks it cross-site, without an Origin
    let marked = http::request(
        &s.base,
        "POST",
        "/sparql",
        &[
            ("Content-Type", "application/sparql-update"),
            ("Sec-Fetch-Site", "cross-site"),
        ],
        INSERT.as_bytes(),
    )?;
    assert_eq!(marked.status, 403);
    assert!(!ask(&s)?);
    // this endpoint's own page (same origin) may write
    let origin = format!("http://{host}");
    let own = http::request(
        &s.base,
        "POST",
        "/sparql",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", &origin),
        ],
        form.as_bytes(),
    )?;
    assert_eq!(own.status, 204, "{}", own.body);
    assert!(ask(&s)?);
    // reads stay open to every site (SPARQL clients in the browser)
    let read = http::request(
        &s.base,
        "GET",
        &format!("/sparql?query={}", encode(ASK)),
        &[("Origin", "http://evil.example")],
        b"",
    )?;
    assert_eq!(read.header("access-control-allow-origin"), Some("*"));
    Ok(())
}

#[test]
fn the_whole_default_graph_has_the_limits_of_a_query() -> TestResult {
    let s = serve(&["--max-results", "1000"])?;
    let (status, _, body) = get(&s, "/graph-store?default", Some("application/n-triples"))?;
    assert_eq!(status, 413, "{body}");
    let (status, _, _) = get(
        &s,
        "/graph-store?graph=https://w3id.org/poakg/ontology",
        Some("application/n-triples"),
    )?;
    assert_eq!(status, 200);
    Ok(())
}

#[test]
fn a_runaway_update_is_cut_at_the_timeout_and_the_server_goes_on() -> TestResult {
    let s = serve(&["--allow-update", "--timeout", "1"])?;
    // updates see the real default graph (empty here): the runaway joins named graphs
    let runaway = "INSERT { ?a <https://example.org/x> ?i } WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }";
    let (status, _, body) = post(&s, "application/sparql-update", runaway, "*/*")?;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("time limit and was cancelled"), "{body}");
    // the update stops (its slot comes back) and wrote nothing
    let mut stopped = false;
    for _ in 0..1200 {
        let r = crate::common::http::request(&s.base, "GET", "/health", &[], b"")?;
        assert_eq!(r.status, 200);
        if r.header("poakg-running") == Some("0") {
            stopped = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(stopped, "the cancelled update never gave its slot back");
    assert!(!ask(&s)?);
    Ok(())
}

#[test]
fn out_of_range_limits_are_refused_or_taken_whole() -> TestResult {
    let env = Env::new();
    for timeout in ["1e20", "NaN", "-1", "inf", "0"] {
        let flag = format!("--timeout={timeout}");
        env.run(&["serve", &flag]).user_error("--timeout");
        env.run(&["push", "--endpoint", "http://127.0.0.1:9/store", &flag])
            .user_error("--timeout");
    }
    // the largest body limit the type holds works: no overflow at max + 1
    let s = serve(&["--max-body", &usize::MAX.to_string()])?;
    let (status, _, body) = post(&s, "application/sparql-query", "ASK {}", "text/csv")?;
    assert_eq!(status, 200, "{body}");
    Ok(())
}
