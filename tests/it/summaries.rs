//! The summaries a build leaves in the analysis graph (counts per plan,
//! pillar, entity and class), against the same counts made without SPARQL:
//! the store's N-Quads export parsed by Oxigraph's parser and tallied here,
//! quad by quad; and the listings that read them.

use crate::common::{repo_file, Env, TestResult};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const POA: &str = "https://w3id.org/poakg/ontology#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const IS_PART_OF: &str = "http://purl.org/dc/terms/isPartOf";
const MENTIONS: &str = "https://schema.org/mentions";
/// The counts the build states of a plan (a pillar has the last four).
const PLAN_COUNTS: [&str; 6] = [
    "pillarCount",
    "sectionCount",
    "clauseCount",
    "entityMentionCount",
    "namingCount",
    "entityCount",
];
const ANALYSIS: &str = "https://w3id.org/poakg/id/graph/analysis";

/// The seeds with three partners' plans: several plans, pillars and graphs.
fn built() -> Result<Env, Box<dyn std::error::Error>> {
    let env = Env::new();
    let mut args = vec!["build".to_owned()];
    for path in sources() {
        args.extend(["--source".to_owned(), path.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.run(&args).ok();
    Ok(env)
}

/// Every quad of the store, read back from its N-Quads export.
fn quads(env: &Env) -> Result<Vec<Quad>, Box<dyn std::error::Error>> {
    let out = env.run(&["export", "--format", "nquads"]).ok();
    let mut all = Vec::new();
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(out.as_bytes()) {
        all.push(quad?);
    }
    Ok(all)
}

fn iri(term: &Term) -> Option<&str> {
    match term {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

/// The counts tallied from the quads: per subject, per count property.
type Tallies = BTreeMap<(String, String), usize>;

/// What the summaries should say, from the quads outside the analysis graph.
fn tally(all: &[Quad]) -> Tallies {
    let mut types: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut part_of: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut in_pillar: HashMap<String, String> = HashMap::new();
    let mut graph_of_mention: Vec<String> = Vec::new();
    let mut namings: BTreeSet<(String, String)> = BTreeSet::new();
    let mut plan_graphs: HashMap<String, String> = HashMap::new();
    for q in all
        .iter()
        .filter(|q| q.graph_name.to_string() != format!("<{ANALYSIS}>"))
    {
        let s = q.subject.to_string().trim_matches(['<', '>']).to_owned();
        let (p, o) = (q.predicate.as_str(), iri(&q.object));
        match (p, o) {
            (RDF_TYPE, Some(class)) => {
                if class == format!("{POA}Mention") {
                    graph_of_mention.push(q.graph_name.to_string());
                }
                if class == format!("{POA}PlanOfAction") {
                    plan_graphs.insert(q.graph_name.to_string(), s.clone());
                }
                types.entry(s).or_default().insert(class.to_owned());
            }
            (IS_PART_OF, Some(whole)) => {
                part_of.entry(s).or_default().insert(whole.to_owned());
            }
            (p, Some(pillar)) if p == format!("{POA}inPillar") => {
                in_pillar.insert(s, pillar.to_owned());
            }
            (MENTIONS, Some(entity)) => {
                namings.insert((s, entity.to_owned()));
            }
            _ => {}
        }
    }
    let mut out = Tallies::new();
    let mut add =
        |s: &str, p: &str, n: usize| *out.entry((s.to_owned(), p.to_owned())).or_default() += n;
    let has = |s: &str, class: &str| {
        types
            .get(s)
            .is_some_and(|t| t.contains(&format!("{POA}{class}")))
    };
    for plan in plan_graphs.values() {
        for p in PLAN_COUNTS {
            add(plan, p, 0);
        }
    }
    for (s, wholes) in &part_of {
        for (class, count) in [
            ("Pillar", "pillarCount"),
            ("Section", "sectionCount"),
            ("Clause", "clauseCount"),
        ] {
            if has(s, class) {
                wholes
                    .iter()
                    .filter(|w| has(w, "PlanOfAction"))
                    .for_each(|w| add(w, count, 1));
            }
        }
    }
    for (s, pillar) in &in_pillar {
        for (class, count) in [("Section", "sectionCount"), ("Clause", "clauseCount")] {
            if has(s, class) {
                add(pillar, count, 1);
            }
        }
    }
    for g in &graph_of_mention {
        if let Some(plan) = plan_graphs.get(g) {
            add(plan, "entityMentionCount", 1);
        }
    }
    let mut entities_of: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (passage, entity) in &namings {
        let wholes = part_of
            .get(passage)
            .into_iter()
            .flatten()
            .filter(|w| has(w, "PlanOfAction"));
        for plan in wholes.chain(in_pillar.get(passage)) {
            add(plan, "namingCount", 1);
            entities_of.entry(plan.clone()).or_default().insert(entity);
        }
    }
    for (whole, entities) in entities_of {
        add(&whole, "entityCount", entities.len());
    }
    out
}

/// The summaries of the analysis graph, as the store states them.
fn stated(all: &[Quad]) -> Tallies {
    let counts = PLAN_COUNTS;
    all.iter()
        .filter(|q| q.graph_name.to_string() == format!("<{ANALYSIS}>"))
        .filter_map(|q| {
            let p = q.predicate.as_str().strip_prefix(POA)?;
            let s = iri(&Term::from(q.subject.clone()))?.to_owned();
            let Term::Literal(n) = &q.object else {
                return None;
            };
            // the classes' counts are checked apart
            (counts.contains(&p) && !s.starts_with(POA))
                .then(|| Some(((s, p.to_owned()), n.value().parse().ok()?)))?
        })
        .collect()
}

#[test]
fn the_plan_and_pillar_summaries_are_the_counts_of_the_quads() -> TestResult {
    let env = built()?;
    let all = quads(&env)?;
    let expected = tally(&all);
    let stated = stated(&all);
    assert_eq!(stated, expected);
    // the seed plan's 126 numbered clauses (counted in its text by hand)
    let seed = "https://w3id.org/poakg/id/asean-us-poa-2021-2025";
    assert_eq!(
        stated.get(&(seed.to_owned(), "clauseCount".to_owned())),
        Some(&126)
    );
    Ok(())
}

#[test]
fn the_class_and_entity_summaries_add_up() -> TestResult {
    let env = built()?;
    let all = quads(&env)?;
    let in_analysis = |p: &str| {
        all.iter()
            .filter(|q| q.graph_name.to_string() == format!("<{ANALYSIS}>"))
            .filter(|q| q.predicate.as_str() == format!("{POA}{p}"))
            .filter_map(|q| {
                let Term::Literal(n) = &q.object else {
                    return None;
                };
                Some((q.subject.to_string(), n.value().parse::<usize>().ok()?))
            })
            .collect::<Vec<_>>()
    };
    // each class's entities are the named entities of that class, and its
    // namings all the namings: summed over the classes, every naming of an
    // entity of a class, and every entity with a mention count
    let class_rows: Vec<_> = in_analysis("entityCount")
        .into_iter()
        .filter(|(s, _)| s.starts_with(&format!("<{POA}")))
        .collect();
    let named = in_analysis("mentionCount").len();
    assert!(class_rows.len() >= 3, "{class_rows:?}");
    assert_eq!(class_rows.iter().map(|(_, n)| n).sum::<usize>(), named);
    let passages_per_entity: usize = in_analysis("mentionCount").iter().map(|(_, n)| n).sum();
    let class_namings: usize = in_analysis("namingCount")
        .into_iter()
        .filter(|(s, _)| s.starts_with(&format!("<{POA}")))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(class_namings, passages_per_entity);
    // an entity is named in at most all four plans (none: the programme
    // page alone), and the ASEAN Regional Forum in more than one
    let plans = in_analysis("planCount");
    assert_eq!(plans.len(), named);
    assert!(plans.iter().all(|(_, n)| *n <= 4), "{plans:?}");
    let arf = plans
        .iter()
        .find(|(s, _)| s.ends_with("/entity/asean-regional-forum>"));
    assert!(arf.is_some_and(|(_, n)| *n >= 2), "{arf:?}");
    Ok(())
}

/// The seeds and the three partners' plans, as paths.
fn sources() -> Vec<std::path::PathBuf> {
    let mut paths = vec![
        repo_file("seeds/asean-us-poa-2021-2025.txt"),
        repo_file("seeds/asean-us-partnership-program-2024-2029.md"),
    ];
    for plan in ["asean-japan.txt", "asean-korea.txt", "asean-eu.txt"] {
        paths.push(repo_file(&format!("tests/fixtures/partners/{plan}")));
    }
    paths
}

#[test]
fn the_plan_counts_read_from_the_summaries_are_those_counted_without_them() -> TestResult {
    use poakg::store::Writer;
    let extractor = poakg::entities::Extractor::bundled()?;
    let inputs = poakg::ops::inputs(&sources(), &Default::default())?;
    let built = poakg::ops::build(
        Writer::in_memory()?,
        &inputs,
        true,
        poakg::ops::OnBadDocument::Stop,
        &extractor,
        &mut |_| {},
    )?;
    let summarised = poakg::ops::plan_counts(&built.store)?;
    // the documents alone, without the analysis graph: counted anew
    let plain = Writer::in_memory()?;
    poakg::ingest::build(&plain, &poakg::ops::sources(&sources())?, true, &extractor)?;
    let counted = poakg::ops::plan_counts(&plain.commit()?)?;
    assert_eq!(summarised.len(), 4);
    // (counting anew also finds the programme page's mentions; it is no plan)
    for (plan, counts) in &summarised {
        assert_eq!(counted.get(plan), Some(counts), "{plan}");
    }
    Ok(())
}
