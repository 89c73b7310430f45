//! Partner to partner, on a fixture corpus of five partners (two periods of
//! Canada): `report partners` through the command line, its figures checked
//! against SPARQL over the same store (an independent count), the themes
//! that match pillars across plans, the clustered SVG read back by an XML
//! parser, and an entity's history across plans.

use crate::common::{repo_file, Env, TestResult};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const PLANS: [&str; 6] = [
    "canada-2016-2020",
    "canada-2021-2025",
    "korea-2021-2025",
    "new-zealand-2021-2025",
    "norway-2021-2025",
    "switzerland-2022-2026",
];

fn corpus() -> Result<Env, Box<dyn std::error::Error>> {
    let env = Env::new();
    std::fs::create_dir_all(env.path("docs"))?;
    for name in PLANS {
        std::fs::copy(
            repo_file(&format!("tests/fixtures/compare/{name}.txt")),
            env.path(&format!("docs/{name}.txt")),
        )?;
    }
    env.run(&["build", "--source", "docs"]).ok();
    Ok(env)
}

fn json(env: &Env, args: &[&str]) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_str(&env.run(args).ok())?)
}

/// Plans naming each entity, counted by SPARQL: entity IRI -> plan names.
fn plans_by_entity(
    env: &Env,
) -> Result<BTreeMap<String, BTreeSet<String>>, Box<dyn std::error::Error>> {
    let out = env
        .run(&[
            "query",
            "--format",
            "tsv",
            "--query",
            "SELECT DISTINCT ?e ?plan WHERE { ?p schema:mentions ?e ; dcterms:isPartOf ?plan . ?plan a poa:PlanOfAction }",
        ])
        .ok();
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in out.lines().skip(1) {
        let mut cells = line
            .split('\t')
            .map(|c| c.trim_matches(['<', '>']).to_owned());
        if let (Some(e), Some(plan)) = (cells.next(), cells.next()) {
            map.entry(e).or_default().insert(plan);
        }
    }
    Ok(map)
}

#[test]
fn what_every_plan_and_one_plan_alone_names_agrees_with_sparql() -> TestResult {
    let env = corpus()?;
    let report = json(&env, &["report", "partners", "--format", "json"])?;
    let plans = report["plans"].as_array().ok_or("plans")?;
    assert_eq!(plans.len(), 6);
    let by_sparql = plans_by_entity(&env)?;
    let iris = |key: &str| -> BTreeSet<String> {
        report[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x["iri"].as_str().map(str::to_owned))
            .collect()
    };
    let every: BTreeSet<String> = by_sparql
        .iter()
        .filter(|(_, plans)| plans.len() == 6)
        .map(|(e, _)| e.clone())
        .collect();
    let shared = iris("shared_by_all");
    assert!(
        !shared.is_empty(),
        "the fixtures share at least the ASEAN Regional Forum"
    );
    // every entity the report says all plans name, SPARQL finds in all six
    for e in &shared {
        assert!(every.contains(e), "{e} is not named in every plan");
    }
    let unique = iris("unique");
    assert!(
        !unique.is_empty(),
        "each fixture plan names something of its own"
    );
    for e in unique {
        assert_eq!(by_sparql.get(&e).map(BTreeSet::len), Some(1), "{e}");
    }
    // the matrix: each row's passages per plan add up to its total, and the
    // plans naming it are those SPARQL finds
    let matrix = report["matrix"].as_array().ok_or("matrix")?;
    assert!(
        matrix
            .iter()
            .any(|r| r["iri"].as_str().is_some_and(|i| shared.contains(i))),
        "the matrix has no row of an entity every plan names"
    );
    for row in matrix {
        let iri = row["iri"].as_str().ok_or("iri")?;
        let named = row["passages"]
            .as_array()
            .ok_or("passages")?
            .iter()
            .filter(|c| c.as_u64() > Some(0))
            .count();
        assert_eq!(Some(named), by_sparql.get(iri).map(BTreeSet::len), "{iri}");
        assert!(["Mechanism", "Instrument"].contains(&row["class"].as_str().ok_or("class")?));
    }
    Ok(())
}

#[test]
fn consecutive_plans_of_one_partner_are_the_most_alike_and_cluster_together() -> TestResult {
    let env = corpus()?;
    let report = json(&env, &["report", "partners", "--format", "json"])?;
    let likeness = report["likeness"].as_array().ok_or("likeness")?;
    assert_eq!(likeness.len(), 15);
    let top = &likeness[0];
    let pair: BTreeSet<&str> =
        [top["a"].as_str().ok_or("a")?, top["b"].as_str().ok_or("b")?].into();
    assert_eq!(
        pair,
        BTreeSet::from(["CA 2016-2020", "CA 2021-2025"]),
        "{top}"
    );
    for l in likeness {
        for k in ["entities", "text", "overall"] {
            let v = l[k].as_f64().ok_or(k)?;
            assert!((0.0..=1.0).contains(&v), "{l}");
        }
    }
    let order: Vec<&str> = report["order"]
        .as_array()
        .ok_or("order")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let at = |name: &str| order.iter().position(|x| *x == name);
    assert_eq!(order.len(), 6);
    assert_eq!(
        at("CA 2016-2020")
            .zip(at("CA 2021-2025"))
            .map(|(a, b)| a.abs_diff(b)),
        Some(1),
        "{order:?}"
    );
    Ok(())
}

#[test]
fn pillars_are_matched_by_theme_and_shares_add_up() -> TestResult {
    let env = corpus()?;
    let report = json(&env, &["report", "partners", "--format", "json"])?;
    let themes: Vec<&str> = report["themes"]
        .as_array()
        .ok_or("themes")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // "POLITICAL-SECURITY COOPERATION" and "POLITICAL AND SECURITY
    // COOPERATION" are one column; so are the three community pillars
    assert_eq!(
        &themes[..3],
        ["Political and security", "Economic", "Socio-cultural"],
        "{themes:?}"
    );
    let balance = report["balance"].as_array().ok_or("balance")?;
    assert_eq!(balance.len(), 6, "one row per plan");
    for row in balance {
        let shares = row["shares"].as_array().ok_or("shares")?;
        let clauses: f64 = shares.iter().filter_map(|s| s["clauses"].as_f64()).sum();
        assert!(clauses > 0.9 && clauses < 1.0 + 1e-9, "{row}");
        for share in shares.iter().take(3) {
            assert!(
                share["clauses"].as_f64() > Some(0.0),
                "every plan has all three: {row}"
            );
        }
    }
    Ok(())
}

#[test]
fn the_text_report_names_plans_and_plan_narrows_it_to_one() -> TestResult {
    let env = corpus()?;
    let text = env.run(&["report", "partners", "--width", "80"]).ok();
    for heading in [
        "Plans",
        "Named in every plan",
        "Likeness of plans",
        "Pillar balance: share of clauses (%)",
        "Pillars matched by theme",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "{heading} missing:\n{text}"
        );
    }
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    let narrowed = json(
        &env,
        &[
            "report", "partners", "--plan", "NO:2021", "--format", "json",
        ],
    )?;
    let likeness = narrowed["likeness"].as_array().ok_or("likeness")?;
    assert_eq!(likeness.len(), 5);
    assert!(likeness
        .iter()
        .all(|l| l["a"] == "NO 2021-2025" || l["b"] == "NO 2021-2025"));
    for u in narrowed["unique"].as_array().ok_or("unique")? {
        assert_eq!(u["plan"], "NO 2021-2025");
    }
    Ok(())
}

#[test]
fn the_clustered_heat_map_is_well_formed_svg_with_a_cell_per_pair() -> TestResult {
    let env = corpus()?;
    let svg = env.run(&["report", "partners", "--format", "svg"]).ok();
    let mut reader = quick_xml::Reader::from_str(&svg);
    let (mut rects, mut depth_ok) = (0, true);
    let mut depth = 0i32;
    loop {
        match reader.read_event()? {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == b"rect" => rects += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
        depth_ok &= depth >= 0;
    }
    assert!(depth_ok && depth == 0);
    // the background and one cell per ordered pair of plans
    assert_eq!(rects, 1 + 36);
    Ok(())
}

#[test]
fn an_entity_report_gives_its_history_across_plans() -> TestResult {
    let env = corpus()?;
    let report = json(
        &env,
        &[
            "report",
            "entity",
            "ASEAN Regional Forum",
            "--format",
            "json",
        ],
    )?;
    let plans = report["plans"].as_array().ok_or("plans")?;
    let by_sparql = plans_by_entity(&env)?;
    let iri = report["iri"].as_str().ok_or("iri")?;
    assert_eq!(Some(plans.len()), by_sparql.get(iri).map(BTreeSet::len));
    let names: Vec<&str> = plans.iter().filter_map(|p| p["plan"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by partner, then period");
    assert!(
        names.contains(&"CA:2016") && names.contains(&"CA:2021"),
        "{names:?}"
    );
    Ok(())
}
