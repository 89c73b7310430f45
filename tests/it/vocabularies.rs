//! Literals and ranges as the vocabularies define them: titles, labels and
//! texts carry their language tag, a plan's kind is a SKOS concept, and a
//! store mints its data IRIs under the base a portal gives it.

use crate::common::{Env, TestResult};

/// The cells of a TSV result, each as written (`"x"@en`, `<iri>`).
fn cells(env: &Env, sparql: &str) -> Vec<Vec<String>> {
    env.run(&["query", "--format", "tsv", "--query", sparql])
        .ok()
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

const FRENCH_PLAN: &str = "Plan d'action ASEAN-Freedonia (2024-2028)\n\
    1. COOPERATION POLITIQUE ET DE SECURITE\n\
    1.1 Dialogue politique\n\
    1.1.1 Tenir chaque annee des consultations entre les hauts fonctionnaires;\n\
    1.1.2 Soutenir le Forum regional de l'ASEAN.\n";

#[test]
fn titles_labels_and_texts_carry_the_plans_language() -> TestResult {
    let env = Env::new();
    let plan = env.file("plan.txt", FRENCH_PLAN);
    env.run(&[
        "build",
        "--source",
        plan.to_str().ok_or("path")?,
        "--language",
        "fr",
        "--kind",
        "Memorandum of Understanding",
        "--partner",
        "Freedonia",
    ])
    .ok();
    let title = cells(
        &env,
        "SELECT ?t WHERE { ?p a poa:PlanOfAction ; dcterms:title ?t }",
    );
    assert_eq!(
        title,
        [["\"Plan d'action ASEAN-Freedonia (2024-2028)\"@fr"]]
    );
    // every passage, pillar and section name in French; none untagged
    let untagged = cells(
        &env,
        "SELECT (COUNT(*) AS ?n) WHERE { ?x poa:text|skos:prefLabel ?t ; poa:startOffset ?o FILTER(LANG(?t) != \"fr\") }",
    );
    assert_eq!(untagged, [["0"]]);
    let french = cells(
        &env,
        "SELECT (COUNT(*) AS ?n) WHERE { ?x poa:text ?t FILTER(LANG(?t) = \"fr\") }",
    );
    assert_eq!(french, [["2"]]);
    // a kind the scheme does not list is declared by the plan, by its name
    let kind = cells(
        &env,
        "SELECT ?k ?label WHERE { ?p a poa:PlanOfAction ; dcterms:type ?k .
           ?k a skos:Concept ; skos:inScheme <https://w3id.org/poakg/id/scheme/document-kind> ; skos:prefLabel ?label }",
    );
    assert_eq!(
        kind,
        [[
            "<https://w3id.org/poakg/id/concept/kind/memorandum-of-understanding>",
            "\"Memorandum of Understanding\"@fr"
        ]]
    );
    let run = env.run(&["validate"]);
    assert_eq!(run.code(), 0, "{}", run.stdout());
    Ok(())
}

#[test]
fn a_plans_kind_is_a_concept_of_the_scheme() {
    let env = Env::new();
    env.run(&["build"]).ok();
    let kinds = cells(
        &env,
        "SELECT ?k ?label ?n WHERE { ?p a poa:PlanOfAction ; dcterms:type ?k .
           ?k skos:inScheme <https://w3id.org/poakg/id/scheme/document-kind> ; skos:prefLabel ?label ; skos:notation ?n }",
    );
    assert_eq!(
        kinds,
        [[
            "<https://w3id.org/poakg/id/concept/kind/poa>",
            "\"Plan of Action\"@en",
            "\"poa\""
        ]]
    );
    let literal = cells(
        &env,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s dcterms:type ?k FILTER(isLiteral(?k)) }",
    );
    assert_eq!(literal, [["0"]]);
    // the listing still names the kind in words
    let plans = env.run(&["plans"]).ok();
    assert!(plans.contains("Plan of Action"), "{plans}");
}

#[test]
fn other_spellings_of_a_kind_are_its_alternative_labels() {
    let env = Env::new();
    env.run(&["build"]).ok();
    let alts = cells(
        &env,
        "SELECT ?alt WHERE { <https://w3id.org/poakg/id/concept/kind/wp> skos:altLabel ?alt }",
    );
    assert_eq!(alts, [["\"Workplan\"@en"]]);
}

#[test]
fn a_bad_language_tag_is_one_line_naming_the_sidecar_line() {
    let env = Env::new();
    let plan = env.file("plan.txt", FRENCH_PLAN);
    env.file("plan.txt.meta", "partner: Freedonia\nlanguage: not a tag\n");
    let run = env.run(&["build", "--source", plan.to_str().unwrap_or("plan.txt")]);
    assert_ne!(run.code(), 0);
    let err = run.stderr();
    assert!(
        err.contains("plan.txt.meta") && err.contains("line 2") && err.contains("BCP 47"),
        "{err}"
    );
    let run = env.run(&["build", "--language", "en_US!"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("BCP 47"), "{}", run.stderr());
}

const PORTAL: &str = "https://data.example.org/kg/";

/// Every IRI of an N-Quads export, each once.
fn iris(nquads: &str) -> std::collections::BTreeSet<String> {
    nquads
        .split('<')
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(iri, _)| iri.to_owned()))
        .collect()
}

#[test]
fn a_base_moves_every_data_iri_and_leaves_the_vocabulary() -> TestResult {
    let env = Env::new();
    env.run(&["build", "--base", PORTAL]).ok();
    let nquads = env.run(&["export", "--format", "nquads"]).ok();
    // what the store minted is under the portal's base...
    let iris = iris(&nquads);
    let moved = iris.iter().filter(|i| i.starts_with(PORTAL)).count();
    assert!(moved > 1000, "{moved} IRIs under the base");
    for graph in [
        "graph/entities",
        "graph/analysis",
        "graph/dataset",
        "asean-us-poa-2021-2025/clause/1.2.16",
        "entity/asean-regional-forum",
    ] {
        assert!(iris.contains(&format!("{PORTAL}id/{graph}")), "no {graph}");
    }
    // ...and what stays at w3id.org is the vocabulary only
    let kept: Vec<&String> = iris
        .iter()
        .filter(|i| i.starts_with("https://w3id.org/poakg/id/"))
        .filter(|i| {
            let path = &i["https://w3id.org/poakg/id/".len()..];
            !(path == "asean"
                || ["scheme/", "concept/", "member/"]
                    .iter()
                    .any(|p| path.starts_with(p)))
        })
        .collect();
    assert!(kept.is_empty(), "data left under w3id.org: {kept:?}");
    // the store remembers it; the description says it; the data validates
    let stats = env.run(&["stats", "--format", "json"]).ok();
    let stats: serde_json::Value = serde_json::from_str(&stats)?;
    assert_eq!(stats["base"], PORTAL);
    let space = cells(
        &env,
        &format!(
            "SELECT ?s WHERE {{ <{PORTAL}id/dataset> <http://rdfs.org/ns/void#uriSpace> ?s }}"
        ),
    );
    assert_eq!(space, [[format!("\"{PORTAL}id/\"")]]);
    assert_eq!(env.run(&["validate"]).code(), 0);
    // a shipped query runs unchanged (it names only vocabulary IRIs)
    let sdg = env.run(&["query", "sdg-coverage", "--format", "csv"]).ok();
    assert!(
        sdg.contains(&format!("{PORTAL}id/asean-us-poa-2021-2025")),
        "{sdg}"
    );
    Ok(())
}

#[test]
fn adding_keeps_the_base_and_refuses_another() -> TestResult {
    let env = Env::new();
    env.run(&["build", "--base", PORTAL]).ok();
    let plan = env.file("plan.txt", FRENCH_PLAN);
    let plan = plan.to_str().ok_or("path")?;
    // --add without a base keeps the store's
    env.run(&["build", "--add", "--source", plan, "--partner", "Freedonia"])
        .ok();
    let plans = cells(
        &env,
        "SELECT ?p WHERE { ?p a poa:PlanOfAction } ORDER BY ?p",
    );
    assert_eq!(plans.len(), 2, "{plans:?}");
    assert!(
        plans
            .iter()
            .all(|p| p[0].starts_with(&format!("<{PORTAL}id/"))),
        "{plans:?}"
    );
    let run = env.run(&[
        "build",
        "--add",
        "--source",
        plan,
        "--base",
        "https://other.example/",
    ]);
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr().trim(),
        format!("poakg: error: the store mints its IRIs under {PORTAL}; build --add cannot move them under https://other.example/ (build without --add to change --base)")
    );
    // a base that cannot be one is refused by the flag
    let run = env.run(&["build", "--base", "https://data.example.org/kg"]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("ends with /"), "{}", run.stderr());
    Ok(())
}

#[test]
fn serve_answers_under_the_base() -> TestResult {
    use crate::common::http::request;
    use crate::common::served::serve_store;
    let env = Env::new();
    env.run(&["build", "--base", PORTAL]).ok();
    let store = env.store();
    let served = serve_store(&["--store", store.to_str().ok_or("path")?], &[])?;
    let get =
        |path: &str, accept: &str| request(&served.base, "GET", path, &[("Accept", accept)], b"");
    let clause = get("/id/asean-us-poa-2021-2025/clause/1.2.16", "text/turtle")?;
    assert_eq!(clause.status, 200);
    assert!(
        clause
            .body
            .contains(&format!("{PORTAL}id/asean-us-poa-2021-2025/clause/1.2.16")),
        "{}",
        clause.body
    );
    // the page links to this server's own /id/ paths
    let page = get("/id/entity/asean-regional-forum", "text/html")?;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("href=\"/id/asean-us-poa-2021-2025"),
        "no local link in the page"
    );
    assert!(
        !page.body.contains(&format!("href=\"{PORTAL}")),
        "a link leaves the server"
    );
    let void = get("/.well-known/void", "text/turtle")?;
    assert_eq!(void.status, 200);
    assert!(
        void.body.contains(&format!("{PORTAL}sparql")),
        "{}",
        void.body
    );
    // the vocabulary at its own IRIs
    let ontology = get("/ontology", "text/turtle")?;
    assert_eq!(ontology.status, 200);
    assert!(ontology.body.contains("PlanOfAction"));
    let context = get("/context.jsonld", "application/ld+json")?;
    assert_eq!(context.status, 200);
    assert_eq!(context.header("content-type"), Some("application/ld+json"));
    let context: serde_json::Value = serde_json::from_str(&context.body)?;
    assert!(context["@context"]["prefLabel"].is_object());
    Ok(())
}
