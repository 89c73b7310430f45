//! `poakg validate`: the bundled seeds conform to ontology/shapes.ttl, and
//! broken data gives the violations the shapes promise, with focus node,
//! path and message, and exit code 1.

use crate::common::{Env, TestResult};
use test_case::test_case;

const PREFIXES: &str = "@prefix poa: <https://w3id.org/poakg/ontology#> .
@prefix id: <https://w3id.org/poakg/id/> .
@prefix t: <https://w3id.org/poakg/id/t/> .
@prefix ent: <https://w3id.org/poakg/id/entity/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <https://schema.org/> .
";

#[test]
fn the_seeds_conform() {
    let env = Env::new();
    env.run(&["build"]).ok();
    let out = env.run(&["validate"]).ok();
    assert!(
        out.contains("conforms: 0 result(s), 0 violation(s)"),
        "{out}"
    );
}

#[test_case(
    "t:clause-1 a poa:Clause ; skos:notation \"1.1\", \"1.2\" ; poa:text \"Do things.\"@en ; dcterms:isPartOf id:t .",
    &[
        ("id:t/clause-1", "skos:notation", "a passage has one notation"),
        ("id:t/clause-1", "poa:inPillar", "a clause is in one pillar"),
    ];
    "clause without a pillar and with two notations"
)]
#[test_case(
    "t:p-1 a poa:Clause ; skos:notation \"1\" ; poa:text \"\"@en ; dcterms:isPartOf id:t ;
       poa:inSection t:s ; poa:inPillar t:pi .
     t:s a poa:Section ; skos:notation \"1\" ; poa:inPillar t:pi .
     t:pi a poa:Pillar ; skos:notation \"1\" ; skos:prefLabel \"P\"@en ; dcterms:isPartOf id:t .
     id:t a poa:PlanOfAction ; dcterms:title \"T\"@en .",
    &[("id:t/p-1", "poa:text", "a passage has one non-empty text")];
    "empty clause text"
)]
#[test_case(
    "ent:x a poa:ASEANBody, poa:Mechanism .",
    &[
        ("id:entity/x", "skos:prefLabel", "an entity has one name (skos:prefLabel)"),
        // the engine words qualified counts itself (it ignores sh:message there)
        ("id:entity/x", "rdf:type", "QualifiedValueShape: 2 nodes conform"),
    ];
    "entity without a name and with two classes"
)]
#[test_case(
    "t:m-1 a poa:Mention ; oa:hasBody ent:nobody ; oa:hasTarget t:nowhere ;
       poa:surfaceForm \"X\" ; poa:startOffset -4 ; poa:endOffset 3 .",
    &[
        ("id:t/m-1", "oa:hasBody", "a mention names one entity (oa:hasBody)"),
        ("id:t/m-1", "oa:hasTarget", "a mention targets one part of a passage (oa:hasTarget, an oa:SpecificResource)"),
        // the engine words a failed sh:node itself (it ignores sh:message there)
        ("id:t/m-1", "oa:hasTarget", "does not conform to node shape https://w3id.org/poakg/shapes#TextTarget"),
        // no motivation: once for sh:minCount, once for sh:hasValue
        ("id:t/m-1", "oa:motivatedBy", "a mention is motivated by oa:identifying"),
        ("id:t/m-1", "oa:motivatedBy", "a mention is motivated by oa:identifying"),
        ("id:t/m-1", "poa:startOffset", "a mention starts at one offset, a non-negative integer"),
    ];
    "mention of nothing, nowhere, at a negative offset"
)]
fn broken_data_gives_its_violations(data: &str, want: &[(&str, &str, &str)]) -> TestResult {
    let env = Env::new();
    let file = env.file("broken.ttl", format!("{PREFIXES}{data}\n"));
    env.run(&["build", "--source", file.to_str().ok_or("path")?])
        .ok();
    let run = env.run(&["validate"]);
    assert_eq!(
        run.code(),
        1,
        "stdout: {}\nstderr: {}",
        run.stdout(),
        run.stderr()
    );
    let out = run.stdout();
    for (focus, path, message) in want {
        assert!(
            out.lines()
                .any(|l| l.contains(focus) && l.contains(path) && l.contains(message)),
            "no line with {focus} {path} {message:?} in:\n{out}"
        );
    }
    let violations = out.lines().filter(|l| l.starts_with("Violation")).count();
    assert_eq!(violations, want.len(), "{out}");
    let err = run.stderr();
    assert_eq!(
        err.trim(),
        format!(
            "poakg: error: the store does not conform to the shapes: {} violation(s)",
            want.len()
        )
    );
    Ok(())
}

#[test]
fn turtle_report_is_a_shacl_validation_report() -> TestResult {
    let env = Env::new();
    let file = env.file(
        "broken.ttl",
        format!("{PREFIXES}ent:x a poa:Instrument .\n"),
    );
    env.run(&["build", "--source", file.to_str().ok_or("path")?])
        .ok();
    let run = env.run(&["validate", "--format", "turtle"]);
    assert_eq!(run.code(), 1);
    let out = run.stdout();
    assert!(out.contains("sh:ValidationReport"), "{out}");
    assert!(out.contains("sh:conforms false"), "{out}");
    assert!(
        out.contains("sh:focusNode id:entity\\/x")
            || out.contains("sh:focusNode <https://w3id.org/poakg/id/entity/x>"),
        "{out}"
    );
    assert!(out.contains("sh:MinCountConstraintComponent"), "{out}");
    Ok(())
}

#[test]
fn user_shapes_replace_the_bundled_ones() -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    // every pillar must have a (made-up) colour: all five fail
    let shapes = env.file(
        "colour.ttl",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .
         @prefix poa: <https://w3id.org/poakg/ontology#> .
         <urn:s> a sh:NodeShape ; sh:targetClass poa:Pillar ;
           sh:property [ sh:path poa:colour ; sh:minCount 1 ; sh:message \"a pillar has a colour\" ] .",
    );
    let run = env.run(&["validate", "--shapes", shapes.to_str().ok_or("path")?]);
    assert_eq!(run.code(), 1);
    let lines = run
        .stdout()
        .lines()
        .filter(|l| l.contains("a pillar has a colour"))
        .count();
    assert_eq!(lines, 5, "{}", run.stdout());
    Ok(())
}

#[test_case("not turtle at all", "bad.ttl: not valid SHACL shapes" ; "not turtle")]
fn bad_shapes_are_a_one_line_error(contents: &str, want: &str) -> TestResult {
    let env = Env::new();
    env.run(&["build"]).ok();
    let shapes = env.file("bad.ttl", contents);
    let run = env.run(&["validate", "--shapes", shapes.to_str().ok_or("path")?]);
    // 0 conforms, 1 does not, 2 could not validate: scripts tell them apart
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(err.contains(want), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    Ok(())
}

#[test]
fn exit_codes_tell_conforms_from_violations_from_errors() {
    let env = Env::new();
    env.run(&["build"]).ok();
    assert_eq!(env.run(&["validate"]).code(), 0, "the seeds conform");
    let run = env.run(&["validate", "--shapes", "missing.ttl"]);
    assert_eq!(
        run.code(),
        2,
        "a missing shapes file is an error, not a violation"
    );
    assert!(run.stderr().contains("missing.ttl"), "{}", run.stderr());
}
