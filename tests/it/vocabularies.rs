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
