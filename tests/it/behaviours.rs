//! Behaviours that had no test: a folder build with a bad file among good
//! ones, `--add` in its three uses (a later plan beside its predecessor, a
//! failing file, RDF), two writers racing, the endpoint's updates (DELETE,
//! DROP, CLEAR, a malformed one) beside reads and what they leave of the
//! analysis, the network's parameters, the programme and activity pages,
//! and the user's own registry and lexicon.

use crate::common::served::{encode, get, post, serve_store, Served};
use crate::common::{clause_count, repo_file, Env, TestResult};

fn fixture(path: &str) -> String {
    repo_file(path).to_string_lossy().into_owned()
}

fn count(env: &Env, query: &str) -> Result<usize, Box<dyn std::error::Error>> {
    let out = env
        .run(&["query", "--format", "csv", "--query", query])
        .ok();
    Ok(out.lines().nth(1).ok_or("no row")?.trim().parse()?)
}

#[test]
fn a_folder_build_keeps_every_good_file_and_lists_each_refusal() -> TestResult {
    let env = Env::new();
    let folder = env.path("plans");
    std::fs::create_dir(&folder)?;
    for (name, from) in [
        (
            "a-canada-2016.txt",
            "tests/fixtures/compare/canada-2016-2020.txt",
        ),
        (
            "c-canada-2021.txt",
            "tests/fixtures/compare/canada-2021-2025.txt",
        ),
    ] {
        std::fs::copy(repo_file(from), folder.join(name))?;
    }
    // in the middle, in name order: a file of prose and a binary one
    std::fs::write(
        folder.join("b-notes.txt"),
        "Some notes on the meeting.\nNothing numbered here.\n",
    )?;
    std::fs::write(
        folder.join("b-zz-image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )?;
    let run = env.run(&["build", "--source", folder.to_str().ok_or("path")?]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let err = run.stderr();
    let refused: Vec<&str> = err.lines().filter(|l| l.starts_with("refused ")).collect();
    assert_eq!(refused.len(), 2, "{err}");
    assert!(
        refused[0].contains("b-notes.txt") && refused[1].contains("b-zz-image.txt"),
        "{err}"
    );
    assert!(err.contains("2 of 4 documents were refused"), "{err}");
    // both plans are in the store, with their comparison
    assert_eq!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { ?p a poa:PlanOfAction }"
        )?,
        2
    );
    assert!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:ClauseChange }"
        )? > 40
    );
    // --strict stops at the first refusal and keeps what the store held
    env.run(&[
        "build",
        "--strict",
        "--source",
        folder.to_str().ok_or("path")?,
    ])
    .user_error("b-notes.txt");
    assert_eq!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { ?p a poa:PlanOfAction }"
        )?,
        2
    );
    Ok(())
}

#[test]
fn an_existing_empty_store_says_so_instead_of_filling_itself() -> TestResult {
    let env = Env::new();
    let folder = env.path("nothing");
    std::fs::create_dir(&folder)?;
    std::fs::write(folder.join("notes.txt"), "Just a note.\n")?;
    // a build of nothing but refusals publishes nothing
    env.run(&["build", "--source", folder.to_str().ok_or("path")?])
        .user_error("notes.txt");
    // an empty RDF file makes a store that exists and holds no plan
    let empty = env.file("empty.ttl", "");
    env.run(&["build", "--source", empty.to_str().ok_or("path")?])
        .ok();
    let plans = env.run(&["plans"]);
    assert!(
        !plans.stdout().contains("United States"),
        "{}",
        plans.stdout()
    );
    Ok(())
}

#[test]
fn add_a_later_plan_beside_its_predecessor_then_a_failing_file_then_rdf() -> TestResult {
    let env = Env::new();
    env.run(&[
        "build",
        "--source",
        &fixture("tests/fixtures/compare/canada-2016-2020.txt"),
    ])
    .ok();
    assert_eq!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:ClauseChange }"
        )?,
        0
    );
    // the later plan added: the comparison with its predecessor is made
    env.run(&[
        "build",
        "--add",
        "--source",
        &fixture("tests/fixtures/compare/canada-2021-2025.txt"),
    ])
    .ok();
    let changes = count(
        &env,
        "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:ClauseChange }",
    )?;
    assert!(changes > 40, "{changes} changes");
    let clauses = clause_count(&env);
    // a failing file added: refused, the store unchanged
    let bad = env.file("bad.txt", "Nothing numbered.\n");
    env.run(&["build", "--add", "--source", bad.to_str().ok_or("path")?])
        .user_error("bad.txt");
    assert_eq!(clause_count(&env), clauses);
    // RDF added: its graph joins the plans, which stay
    let rdf = env.file(
        "extra.ttl",
        "<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"an extra\" .\n",
    );
    env.run(&["build", "--add", "--source", rdf.to_str().ok_or("path")?])
        .ok();
    assert_eq!(clause_count(&env), clauses);
    assert_eq!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s rdfs:label \"an extra\" } }"
        )?,
        1
    );
    assert_eq!(
        count(
            &env,
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a poa:ClauseChange }"
        )?,
        changes
    );
    Ok(())
}

#[test]
fn two_writers_racing_on_one_store_leave_one_whole_graph() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let canada = fixture("tests/fixtures/compare/canada-2021-2025.txt");
    let first = env
        .command(&["build", "--source", &canada])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    let second = env.command(&["build"]).output()?;
    let first = first.wait_with_output()?;
    let codes = [first.status.code(), second.status.code()];
    // each either built or was turned away by the writer lock, never both failed
    for out in [&first, &second] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() || err.contains("in use by another poakg process"),
            "{err}"
        );
    }
    assert!(codes.contains(&Some(0)), "{codes:?}");
    let n = clause_count(&env);
    assert!(n == 126 || n == 43, "{n} clauses: a mix of two builds");
    Ok(())
}

fn served_store(env: &Env, extra: &[&str]) -> Result<Served, Box<dyn std::error::Error>> {
    let store = env.store();
    serve_store(&["--store", store.to_str().ok_or("path")?], extra)
}

fn ask(s: &Served, query: &str) -> Result<bool, Box<dyn std::error::Error>> {
    let (status, _, body) = post(
        s,
        "application/sparql-query",
        query,
        "application/sparql-results+json",
    )?;
    assert_eq!(status, 200, "{body}");
    Ok(serde_json::from_str::<serde_json::Value>(&body)?["boolean"] == true)
}

#[test]
fn endpoint_updates_delete_drop_clear_and_refuse_a_malformed_one() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let s = served_store(&env, &["--allow-update"])?;
    let update = |text: &str| post(&s, "application/sparql-update", text.to_owned(), "*/*");
    let g = "<https://example.org/g>";
    assert_eq!(update(&format!("INSERT DATA {{ GRAPH {g} {{ <https://example.org/a> <https://example.org/b> 1, 2 }} }}"))?.0, 204);
    // reads beside the writes see them
    assert!(ask(&s, &format!("ASK {{ GRAPH {g} {{ ?a ?b 2 }} }}"))?);
    assert_eq!(
        update(&format!(
            "DELETE DATA {{ GRAPH {g} {{ <https://example.org/a> <https://example.org/b> 2 }} }}"
        ))?
        .0,
        204
    );
    assert!(!ask(&s, &format!("ASK {{ GRAPH {g} {{ ?a ?b 2 }} }}"))?);
    assert!(ask(&s, &format!("ASK {{ GRAPH {g} {{ ?a ?b 1 }} }}"))?);
    assert_eq!(update(&format!("DROP GRAPH {g}"))?.0, 204);
    assert!(!ask(&s, &format!("ASK {{ GRAPH {g} {{ ?a ?b ?c }} }}"))?);
    // a malformed update: 400 with the parser's message, nothing changed
    let (status, _, body) = update("INSERT DATA { <a> ")?;
    assert_eq!(status, 400, "{body}");
    assert!(ask(&s, "ASK { ?c a poa:Clause }")?);
    // the analysis graph stays queryable after updates
    assert!(ask(
        &s,
        "ASK { GRAPH <https://w3id.org/poakg/id/graph/analysis> { ?e poa:betweenness ?b } }"
    )?);
    // CLEAR of a document's graph removes its clauses, and only them
    assert_eq!(
        update("CLEAR GRAPH <https://w3id.org/poakg/id/graph/asean-us-poa-2021-2025>")?.0,
        204
    );
    assert!(!ask(&s, "ASK { ?c a poa:Clause }")?);
    assert!(ask(&s, "ASK { ?a a poa:Activity }")?);
    Ok(())
}

#[test]
fn network_parameters_and_the_programme_pages() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let s = served_store(&env, &[])?;
    let (status, _, body) = get(&s, "/network.json?limit=5", None)?;
    assert_eq!(status, 200, "{body}");
    let net: serde_json::Value = serde_json::from_str(&body)?;
    let nodes = net["nodes"].as_array().ok_or("nodes")?.len();
    assert!((1..=5).contains(&nodes), "{nodes} nodes with limit=5");
    let (status, _, _) = get(&s, "/network.json?limit=many", None)?;
    assert_eq!(status, 400);
    let (status, _, body) = get(&s, "/network?plan=asean-us-poa-2021-2025", None)?;
    assert_eq!(status, 200, "{body}");
    let (status, _, _) = get(&s, "/network?plan=nowhere-9999", None)?;
    assert_eq!(status, 404);
    // the programme page and one of its activities, as people read them
    let (status, _, body) = get(
        &s,
        "/id/asean-us-partnership-program-2024-2029",
        Some("text/html"),
    )?;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Partnership Program"), "{body}");
    let (status, _, body) = get(
        &s,
        "/id/asean-us-partnership-program-2024-2029/activity/1",
        Some("text/html"),
    )?;
    assert_eq!(status, 200, "{body}");
    assert!(body.to_lowercase().contains("activity"), "{body}");
    let _ = encode("");
    Ok(())
}

#[test]
fn a_user_registry_and_lexicon_change_what_is_found() -> TestResult {
    let env = Env::new();
    let plan = env.file(
        "plan.txt",
        "Plan of Action to Implement the ASEAN-Freedonia Partnership (2024-2028)\n\
         ASEAN and Freedonia agree on the following.\n\
         1. POLITICAL-SECURITY COOPERATION\n\
         1.1 Dialogue\n\
         1.1.1 Support the Blue Lantern Compact and the work of the Ocean Conclave;\n\
         1.1.2 Hold consultations every year.\n",
    );
    let plan = plan.to_str().ok_or("path")?;
    let named = |env: &Env, name: &str| -> Result<bool, Box<dyn std::error::Error>> {
        Ok(count(
            env,
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?e skos:prefLabel \"{name}\"@en }}"),
        )? > 0)
    };
    env.run(&["build", "--source", plan]).ok();
    assert!(!named(&env, "Blue Lantern Compact")?);
    assert!(!named(&env, "Ocean Conclave")?);
    // a registry row names the first; a lexicon head makes the second a name
    let registry = env.file(
        "registry.tsv",
        "id\tclass\tlabel\talt_labels\tpart_of\towner\tpartner\nblue-lantern-compact\tInstrument\tBlue Lantern Compact\t\t\t\t\n",
    );
    let lexicon = env.file("lexicon.tsv", "head\tConclave\tforum\n");
    env.run(&[
        "build",
        "--source",
        plan,
        "--registry",
        registry.to_str().ok_or("path")?,
        "--lexicon",
        lexicon.to_str().ok_or("path")?,
    ])
    .ok();
    assert!(named(&env, "Blue Lantern Compact")?);
    assert!(named(&env, "Ocean Conclave")?);
    Ok(())
}

#[test]
fn two_plans_of_one_partner_and_kind_without_a_period_are_two_plans() -> TestResult {
    let env = Env::new();
    let (a, b) = (
        fixture("tests/fixtures/real-forms-blind/asean-canada-poa-a.txt"),
        fixture("tests/fixtures/real-forms-blind/asean-canada-poa-b.txt"),
    );
    env.run(&["build", "--source", &a, "--source", &b]).ok();
    let plans = env.run(&["plans", "--format", "csv"]).ok();
    let slugs: Vec<&str> = plans
        .lines()
        .filter(|l| l.contains("asean-ca-poa"))
        .filter_map(|l| l.split(',').find(|c| c.starts_with("asean-ca-poa")))
        .collect();
    assert_eq!(slugs.len(), 2, "{plans}");
    // the one that states its adoption date is named by its year
    assert!(slugs.contains(&"asean-ca-poa-2010"), "{slugs:?}");
    Ok(())
}

#[test]
fn the_plan_each_plan_follows_is_stated_when_the_comparison_infers_it() -> TestResult {
    let env = Env::new();
    // the later plan's text, less the words that name its predecessor
    let later = std::fs::read_to_string(repo_file("tests/fixtures/compare/korea-2021-2025.txt"))?
        .replace("previous", "other")
        .replace("preceding", "other")
        .replace("earlier", "other");
    let later = env.file("korea-2021-2025.txt", later);
    env.run(&[
        "build",
        "--source",
        &fixture("tests/fixtures/compare/korea-2016-2020.txt"),
        "--source",
        later.to_str().ok_or("path")?,
    ])
    .ok();
    let replaces = count(
        &env,
        "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/poakg/id/asean-kr-poa-2021-2025> dcterms:replaces <https://w3id.org/poakg/id/asean-kr-poa-2016-2020> }",
    )?;
    assert!(replaces >= 1);
    let plans = env.run(&["plans", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&plans)?;
    let later = v
        .as_array()
        .ok_or("plans")?
        .iter()
        .find(|p| p["slug"] == "asean-kr-poa-2021-2025")
        .ok_or("the later plan")?;
    assert_eq!(
        later["replaces"],
        "https://w3id.org/poakg/id/asean-kr-poa-2016-2020"
    );
    Ok(())
}

/// A user's update through the endpoint is not a build: the next build that
/// adds to the store counts everything anew, the update's quads included,
/// rather than bringing the last build's counts up to date.
#[test]
fn a_build_after_endpoint_updates_counts_them() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    {
        let s = served_store(&env, &["--allow-update"])?;
        let insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> 1, 2, 3 } }";
        let (status, _, body) = post(&s, "application/sparql-update", insert.to_owned(), "*/*")?;
        assert_eq!(status, 204, "{body}");
    }
    let before = "https://w3id.org/poakg/id/graph/dataset";
    let stated = |env: &Env| {
        count(
            env,
            &format!("SELECT ?n WHERE {{ GRAPH <{before}> {{ ?d <http://rdfs.org/ns/void#triples> ?n ; poa:graphDigest ?x }} }} LIMIT 1"),
        )
    };
    let held = |env: &Env| {
        count(
            env,
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{before}>) }}"),
        )
    };
    env.file(
        "extra.ttl",
        "<https://example.org/c> <https://example.org/d> 4 .\n",
    );
    env.run(&["build", "--add", "--source", "extra.ttl"]).ok();
    assert_eq!(stated(&env)?, held(&env)?, "the update's quads are counted");
    // and a later build that adds again follows the change from there
    env.file(
        "more.ttl",
        "<https://example.org/e> <https://example.org/f> 5 .\n",
    );
    env.run(&["build", "--add", "--source", "more.ttl"]).ok();
    assert_eq!(stated(&env)?, held(&env)?);
    Ok(())
}
