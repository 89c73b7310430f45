//! `poakg serve` tested over HTTP with a Rust client (std TcpStream) and an
//! independent SPARQL client (rdflib's SPARQLStore, in Python).

use crate::common::http;
use crate::common::served::{encode, get, post, serve};
use crate::common::{repo_file, TestResult};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[test]
fn protocol_negotiation_and_limits() -> TestResult {
    let s = serve(&["--timeout", "2", "--max-body", "10000"])?;
    let q = "SELECT ?n WHERE { ?p a poa:Pillar ; skos:notation ?n } ORDER BY ?n";
    // GET with a query parameter, CSV by Accept
    let (status, ct, body) = get(
        &s,
        &format!("/sparql?query={}", encode(q)),
        Some("text/csv"),
    )?;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/csv"));
    assert_eq!(body.replace("\r\n", "\n"), "n\n1\n2\n3\n4\n5\n");
    // POST direct, JSON by default
    let (status, ct, body) = post(&s, "application/sparql-query", q, "*/*")?;
    assert_eq!(
        (status, ct.as_str()),
        (200, "application/sparql-results+json")
    );
    assert!(body.contains("\"bindings\""));
    // POST form, XML
    let (status, _, body) = post(
        &s,
        "application/x-www-form-urlencoded",
        format!("query={}", encode(q)),
        "application/sparql-results+xml",
    )?;
    assert_eq!(status, 200);
    assert!(body.contains("<sparql"));
    // CONSTRUCT as JSON-LD and N-Triples
    let c = "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a poa:Pillar ; skos:prefLabel ?l }";
    let (status, ct, _) = post(&s, "application/sparql-query", c, "application/ld+json")?;
    assert_eq!((status, ct.as_str()), (200, "application/ld+json"));
    let (_, ct, body) = post(&s, "application/sparql-query", c, "application/n-triples")?;
    assert_eq!(ct, "application/n-triples");
    assert_eq!(body.lines().count(), 5);
    // bad query: 400 with the position
    let (status, _, body) = post(
        &s,
        "application/sparql-query",
        "SELECT ?x WHERE { ?x ?y }",
        "*/*",
    )?;
    assert_eq!(status, 400);
    assert!(body.contains("1:"), "{body}");
    // updates refused
    let (status, _, _) = post(
        &s,
        "application/sparql-update",
        "INSERT DATA { <a:a> <a:b> <a:c> }",
        "*/*",
    )?;
    assert_eq!(status, 403);
    // oversize body
    let (status, _, _) = post(
        &s,
        "application/sparql-query",
        format!("{}SELECT * {{}}", " ".repeat(20_000)),
        "*/*",
    )?;
    assert_eq!(status, 413);
    Ok(())
}

#[test]
fn a_runaway_query_is_cut_at_the_timeout_and_others_still_answer() -> TestResult {
    let s = serve(&["--timeout", "2"])?;
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let base = s.base.clone();
    let answered = Arc::new(AtomicBool::new(false));
    let slow = std::thread::spawn({
        let answered = Arc::clone(&answered);
        move || {
            let reply = http::request(
                &base,
                "POST",
                "/sparql",
                &[("Content-Type", "application/sparql-query")],
                runaway.as_bytes(),
            )
            .ok()
            .map(|r| (r.status, r.body));
            answered.store(true, Ordering::SeqCst);
            reply
        }
    });
    // the runaway holds a slot: then a quick query answers beside it
    wait_until(|| running(&s).is_ok_and(|n| n >= 1) || answered.load(Ordering::SeqCst))?;
    let (status, _, _) = post(
        &s,
        "application/sparql-query",
        "ASK { ?c a poa:Clause }",
        "*/*",
    )?;
    assert_eq!(status, 200);
    assert!(
        !answered.load(Ordering::SeqCst),
        "the quick query waited for the runaway"
    );
    let (status, body) = slow.join().map_err(|_| "thread")?.ok_or("no answer")?;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("time limit and was cancelled"), "{body}");
    // cancelled, not abandoned: the runaway stops and gives its slot back
    wait_until(|| running(&s).is_ok_and(|n| n == 0))?;
    Ok(())
}

/// The requests holding a slot, as `/health` reports them.
fn running(s: &crate::common::served::Served) -> Result<usize, Box<dyn std::error::Error>> {
    let r = http::request(&s.base, "GET", "/health", &[], b"")?;
    Ok(r.header("poakg-running")
        .ok_or("no Poakg-Running header")?
        .parse()?)
}

/// Polls `ready` until it holds; an error only when it never does (a
/// bound against a hang, not a measure of speed).
fn wait_until(mut ready: impl FnMut() -> bool) -> TestResult {
    for _ in 0..1200 {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err("the state waited for never came".into())
}

#[test]
fn graph_store_dereferencing_page_and_cors() -> TestResult {
    let s = serve(&[])?;
    let (status, ct, body) = get(
        &s,
        &format!(
            "/graph-store?graph={}",
            encode("https://w3id.org/poakg/ontology")
        ),
        Some("text/turtle"),
    )?;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/turtle"));
    assert!(body.contains("poa:Clause"));
    let (status, _, _) = get(
        &s,
        "/graph-store?graph=https%3A%2F%2Fexample.org%2Fnone",
        None,
    )?;
    assert_eq!(status, 404);
    let (status, _, body) = get(
        &s,
        "/id/asean-us-poa-2021-2025/clause/1.2.16",
        Some("text/turtle"),
    )?;
    assert_eq!(status, 200);
    assert!(body.contains("1.2.16"), "{body}");
    let (_, ct, body) = get(&s, "/id/entity/asean-regional-forum", Some("text/html"))?;
    assert!(ct.starts_with("text/html") && body.contains("ASEAN Regional Forum"));
    let (_, ct, body) = get(
        &s,
        "/id/entity/asean-regional-forum",
        Some("application/ld+json"),
    )?;
    assert_eq!(ct, "application/ld+json");
    // compacted against the shipped context: readable keys, not IRIs
    assert!(
        body.contains("\"prefLabel\": \"ASEAN Regional Forum\""),
        "{body}"
    );
    assert!(body.contains("\"@context\""), "{body}");
    let (status, ct, body) = get(&s, "/query", None)?;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html") && body.contains("clauses-per-pillar"));
    // the home page lists the plans, each linked to its page
    let (status, ct, body) = get(&s, "/", None)?;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html"));
    assert!(
        body.contains("<a href=\"/id/asean-us-poa-2021-2025\">"),
        "{body}"
    );
    assert!(
        body.contains(">126<"),
        "the seed plan's 126 clauses: {body}"
    );
    // sorted by another key; an unknown key, a page 0 or past the last refused
    let (status, _, body) = get(&s, "/?sort=period", None)?;
    assert_eq!(status, 200);
    assert!(body.contains("<strong>period</strong>"), "{body}");
    let (status, _, body) = get(&s, "/?sort=size", None)?;
    assert_eq!(status, 400);
    assert!(
        body.contains("sort must be one of partner, period, kind, title"),
        "{body}"
    );
    let (status, _, _) = get(&s, "/?page=0", None)?;
    assert_eq!(status, 400);
    let (status, _, body) = get(&s, "/?page=2", None)?;
    assert_eq!(status, 404);
    assert!(body.contains("the last is 1"), "{body}");
    // an entity's page says how many passages of each plan name it
    let (status, _, body) = get(
        &s,
        "/id/entity/asean-regional-forum?page=1",
        Some("text/html"),
    )?;
    assert_eq!(status, 200);
    assert!(body.contains("passages</span></h3>"), "{body}");
    let (status, _, _) = get(
        &s,
        "/id/entity/asean-regional-forum?page=x",
        Some("text/html"),
    )?;
    assert_eq!(status, 400);
    let response = http::request(&s.base, "OPTIONS", "/sparql", &[], b"")?;
    assert_eq!(response.header("access-control-allow-origin"), Some("*"));
    Ok(())
}

#[test]
fn updates_when_allowed() -> TestResult {
    let s = serve(&["--allow-update"])?;
    let (status, _, _) = post(&s, "application/sparql-update", "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> \"c\" } }", "*/*")?;
    assert_eq!(status, 204);
    let (_, _, body) = post(
        &s,
        "application/sparql-query",
        "ASK { <https://example.org/a> ?p \"c\" }",
        "application/sparql-results+json",
    )?;
    assert!(body.contains("true"));
    // LOAD would make the server fetch what a client names
    let (status, _, body) = post(
        &s,
        "application/sparql-update",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "*/*",
    )?;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("LOAD is refused"), "{body}");
    Ok(())
}

#[test]
fn an_independent_client_reads_the_endpoint() -> TestResult {
    let available = Command::new("python3")
        .args(["-c", "import rdflib"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        return crate::common::external::skip(
            "the rdflib SPARQL client test",
            "python3 with rdflib is not installed (pip install rdflib)",
        );
    }
    let s = serve(&[])?;
    let out = Command::new("python3")
        .arg(repo_file("tests/sparql_client.py"))
        .arg(format!("{}/sparql", s.base))
        .output()?;
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        report.contains("clauses per pillar: 38 37 36 12 3"),
        "{report}"
    );
    Ok(())
}

/// What lies between `open` and the next `close` in `text`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    Some(&text[start..start + text[start..].find(close)?])
}

#[test]
fn a_clause_reads_as_a_page_with_its_mentions_linked_and_its_data_embedded() -> TestResult {
    let s = serve(&[])?;
    let (status, ct, page) = get(
        &s,
        "/id/asean-us-poa-2021-2025/clause/1.2.16",
        Some("text/html"),
    )?;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html"));
    let html = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).map_err(|e| format!("{css}: {e}"));
    // breadcrumbs plan > pillar > section, each a link by its label
    let crumbs: Vec<String> = html
        .select(&select("nav.crumbs a")?)
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(crumbs.len(), 3, "{crumbs:?}");
    assert!(crumbs[0].contains("Plan of Action"), "{crumbs:?}");
    // every highlighted mention links to an entity page that exists
    let marks: Vec<(String, String)> = html
        .select(&select("p.text mark a")?)
        .filter_map(|a| Some((a.text().collect(), a.value().attr("href")?.to_owned())))
        .collect();
    assert!(!marks.is_empty(), "no mention highlighted: {page}");
    for (surface, href) in &marks {
        assert!(href.starts_with("/id/entity/"), "{surface} -> {href}");
        let (status, _, entity) = get(&s, href, Some("text/html"))?;
        assert_eq!(status, 200, "{href}");
        // the entity's page lists this clause among the passages naming it
        assert!(
            entity.contains("/id/asean-us-poa-2021-2025/clause/1.2.16"),
            "{href}"
        );
    }
    // the resource's JSON-LD, embedded, is JSON about this clause
    let embedded = html
        .select(&select("script[type='application/ld+json']")?)
        .next()
        .map(|e| e.inner_html())
        .ok_or("no embedded JSON-LD")?;
    let json: serde_json::Value = serde_json::from_str(&embedded)?;
    assert!(json.to_string().contains("clause/1.2.16"), "{json}");
    // the alternates answer in their formats
    for (format, media) in [("turtle", "text/turtle"), ("jsonld", "application/ld+json")] {
        let link = format!("link[rel=alternate][type='{}']", media);
        let href = html
            .select(&select(&link)?)
            .next()
            .and_then(|l| l.value().attr("href"))
            .ok_or(link)?;
        assert!(href.ends_with(&format!("?format={format}")));
        let (status, ct, _) = get(&s, href, None)?;
        assert_eq!((status, ct.starts_with(media)), (200, true), "{href}: {ct}");
    }
    let (status, _, body) = get(
        &s,
        "/id/asean-us-poa-2021-2025/clause/1.2.16?format=pdf",
        None,
    )?;
    assert_eq!(status, 400, "{body}");
    // no request leaves the server: no external script, style, image or frame
    for css in [
        "script[src]",
        "link[rel=stylesheet]",
        "img[src^=http]",
        "iframe",
    ] {
        assert!(html.select(&select(css)?).next().is_none(), "{css}");
    }
    let (status, _, query_page) = get(&s, "/query", None)?;
    assert!(status == 200 && query_page.contains("clauses-per-pillar"));
    assert!(between(&page, "<h1>", "</h1>").is_some_and(|h| h.contains("1.2.16")));
    Ok(())
}

/// With two consecutive plans built, the pages say how they follow each
/// other: the later plan follows the earlier, a revised clause links the
/// clause it continues with its change, a new clause says it is new, and
/// an earlier clause links what became of it.
#[test]
fn clause_pages_show_how_clauses_changed_from_plan_to_plan() -> TestResult {
    let env = crate::common::Env::new();
    let earlier = repo_file("tests/fixtures/compare/canada-2016-2020.txt");
    let later = repo_file("tests/fixtures/compare/canada-2021-2025.txt");
    env.run(&[
        "build",
        "--source",
        earlier.to_str().ok_or("path")?,
        "--source",
        later.to_str().ok_or("path")?,
    ])
    .ok();
    let store = env.store();
    let s = crate::common::served::serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let page = |path: &str| -> Result<scraper::Html, Box<dyn std::error::Error>> {
        let (status, _, body) = get(&s, path, Some("text/html"))?;
        assert_eq!(status, 200, "{path}");
        Ok(scraper::Html::parse_document(&body))
    };
    let links = |html: &scraper::Html,
                 css: &str|
     -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
        let selector = scraper::Selector::parse(css).map_err(|e| format!("{css}: {e}"))?;
        Ok(html
            .select(&selector)
            .filter_map(|a| Some((a.text().collect(), a.value().attr("href")?.to_owned())))
            .collect())
    };
    // the plans, one after the other
    let plan = page("/id/asean-ca-poa-2021-2025")?;
    let before = links(&plan, "p.sequence a[rel=prev]")?;
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0].1, "/id/asean-ca-poa-2016-2020");
    let plan = page("/id/asean-ca-poa-2016-2020")?;
    assert_eq!(
        links(&plan, "p.sequence a[rel=next]")?[0].1,
        "/id/asean-ca-poa-2021-2025"
    );
    // the hand alignment: later 1.1.4 revises earlier 1.1.3; later 1.1.3 is new
    let revised = page("/id/asean-ca-poa-2021-2025/clause/1.1.4")?;
    let continues = links(&revised, "ul.changes a.continues")?;
    assert_eq!(continues.len(), 1, "{continues:?}");
    assert_eq!(continues[0].1, "/id/asean-ca-poa-2016-2020/clause/1.1.3");
    let tag = scraper::Selector::parse("ul.changes .tag").map_err(|e| e.to_string())?;
    let kind: String = revised
        .select(&tag)
        .next()
        .ok_or("no change tag")?
        .text()
        .collect();
    assert_eq!(kind, "revised");
    let new = page("/id/asean-ca-poa-2021-2025/clause/1.1.3")?;
    let kind: String = new
        .select(&tag)
        .next()
        .ok_or("no change tag")?
        .text()
        .collect();
    assert_eq!(kind, "new");
    let earlier = page("/id/asean-ca-poa-2016-2020/clause/1.1.3")?;
    assert_eq!(
        links(&earlier, "ul.changes a.continued-by")?[0].1,
        "/id/asean-ca-poa-2021-2025/clause/1.1.4"
    );
    Ok(())
}
