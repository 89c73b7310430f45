//! The relationship reports and pictures, run as a user would.

mod common;

use common::{Env, TestResult};
use test_case::test_case;

#[test]
fn cross_pillar_report_gets_the_seed_facts_right() -> TestResult {
    let env = Env::new();
    let json = env
        .run(&["report", "cross-pillar", "--format", "json"])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json)?;
    let connectors = v["connectors"].as_array().ok_or("connectors")?;
    let pillars_of = |label: &str| -> Vec<String> {
        connectors
            .iter()
            .find(|c| c["entity"] == label)
            .map(|c| {
                c["pillars"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(pillars_of("ASEAN Regional Forum"), ["1", "3"]);
    assert_eq!(
        pillars_of("U.S.-ASEAN Smart Cities Partnership"),
        ["1", "2", "4"]
    );
    assert_eq!(
        pillars_of("ASEAN-U.S. Leaders' Statement on Cybersecurity Cooperation"),
        ["1", "2"]
    );
    assert_eq!(pillars_of("East Asia Summit"), ["1", "3"]);
    // ranked by span first
    assert_eq!(
        connectors[0]["entity"],
        "U.S.-ASEAN Smart Cities Partnership"
    );
    Ok(())
}

#[test_case("text")]
#[test_case("markdown")]
#[test_case("csv")]
fn text_reports_fit_an_80_column_terminal(format: &str) {
    let env = Env::new();
    for report in [
        &["report", "cross-pillar"][..],
        &["report", "pillars"],
        &["report", "central"],
        &["report", "communities"],
        &["report", "coverage"],
        &["report", "entity", "EAS"],
    ] {
        let mut args = report.to_vec();
        args.extend(["--format", format]);
        let out = env.run(&args).ok();
        assert!(!out.trim().is_empty(), "{args:?}");
        if format == "text" {
            assert!(
                out.lines().all(|l| l.chars().count() <= 80),
                "{args:?}:\n{out}"
            );
        }
    }
}

#[test]
fn entity_report_resolves_acronyms_and_suggests_names() {
    let env = Env::new();
    let out = env.run(&["report", "entity", "arf"]).ok();
    assert!(out.starts_with("ASEAN Regional Forum\n"), "{out}");
    assert!(out.contains("pillars: 1 3"), "{out}");
    assert!(out.contains("3.1.5"), "{out}");
    let err = env
        .run(&["report", "entity", "East Asia Sumit"])
        .user_error("no entity named \"East Asia Sumit\"; did you mean \"East Asia Summit\"");
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn path_report_explains_each_hop() -> TestResult {
    let env = Env::new();
    let json = env
        .run(&[
            "report",
            "path",
            "ARF",
            "ADMM-Plus Experts' Working Group on Humanitarian Mine Action",
            "--format",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json)?;
    let path = v["path"].as_array().ok_or("path")?;
    assert_eq!(path.len(), 3, "{json}");
    assert_eq!(path[0]["entity"], "ASEAN Regional Forum");
    assert_eq!(
        path[2]["entity"],
        "ADMM-Plus Experts' Working Group on Humanitarian Mine Action"
    );
    Ok(())
}

#[test]
fn pictures() -> TestResult {
    let env = Env::new();
    let svg = env.run(&["report", "pillars", "--format", "svg"]).ok();
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    assert!(svg.contains("Political and Security Cooperation"));
    let dot = env.path("net.dot");
    env.run(&[
        "graph",
        "--format",
        "dot",
        "--output",
        dot.to_str().ok_or("path")?,
    ])
    .ok();
    let text = std::fs::read_to_string(&dot)?;
    assert!(text.starts_with("graph comention {") && text.contains("\"East Asia Summit\""));
    let svg_graph = env.run(&["graph", "--format", "svg"]);
    match svg_graph.code() {
        0 => assert!(svg_graph.stdout().contains("<svg")),
        _ => {
            svg_graph.user_error("apt-get install graphviz");
        }
    }
    env.run(&["report", "central", "--format", "svg"])
        .user_error("--format svg is for `report pillars`");
    Ok(())
}

#[test]
fn analysis_results_are_queryable() {
    let env = Env::new();
    let out = env
        .run(&["query", "--format", "csv", "--query", "SELECT ?span WHERE { ?e skos:prefLabel \"East Asia Summit\" ; poa:pillarSpan ?span ; poa:betweenness ?b ; poa:community ?c }"])
        .ok();
    assert_eq!(out.replace("\r\n", "\n"), "span\n2\n");
}

#[test]
fn a_store_without_entities_says_so() -> TestResult {
    let env = Env::new();
    let data = env.file(
        "data.ttl",
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
    );
    env.run(&["build", "--source", data.to_str().ok_or("path")?])
        .ok();
    env.run(&["report", "cross-pillar"])
        .user_error("holds no plan that names an entity: nothing to analyse");
    Ok(())
}
