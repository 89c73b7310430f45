//! The values of the network analyses stored for the seed graph, against
//! networkx's for the same graph (tests/networkx_check.py): betweenness and
//! PageRank node by node, the connected components, and the modularity of
//! poakg's Leiden partition. (The analysis benchmark compares only times.)

use crate::common::{repo_file, Env, TestResult};
use poakg::entities::EntityClass;
use poakg::vocab::ANALYSIS_GRAPH;
use serde_json::{json, Map, Value};
use std::process::Command;

type Rows = Vec<Vec<String>>;

/// The rows of `poakg query --format csv` (the header left out).
fn rows(env: &Env, query: &str) -> Result<Rows, Box<dyn std::error::Error>> {
    let out = env
        .run(&["query", "--format", "csv", "--query", query])
        .ok();
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record?.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

/// The entity nodes as `analysis::load` reads them: an instance of an
/// entity class with a preferred label, named in a passage or not.
fn entity(var: &str) -> String {
    let classes: Vec<String> = EntityClass::ALL
        .iter()
        .map(|c| format!("poa:{}", c.name()))
        .collect();
    format!(
        "VALUES ?class_{var} {{ {} }} ?{var} a ?class_{var} ; skos:prefLabel ?label_{var} .",
        classes.join(" ")
    )
}

/// The co-mention graph of the analysis graph (`Network::comention_graph`
/// without registry links, as `ops::build::store_analysis` computes it):
/// every entity a node; two entities linked when a passage (a subject with
/// a `skos:notation`) names both, weighted by the passages that do.
fn graph(env: &Env) -> Result<(Vec<String>, Vec<Value>), Box<dyn std::error::Error>> {
    let nodes: Vec<String> = rows(
        env,
        &format!("SELECT DISTINCT ?e WHERE {{ {} }}", entity("e")),
    )?
    .into_iter()
    .map(|mut r| r.swap_remove(0))
    .collect();
    let edges: Vec<Value> = rows(
        env,
        &format!(
            "SELECT ?a ?b (COUNT(DISTINCT ?p) AS ?w) WHERE {{
               ?p skos:notation ?key ; schema:mentions ?a , ?b .
               FILTER(STR(?a) < STR(?b))
               FILTER EXISTS {{ {} }}
               FILTER EXISTS {{ {} }}
             }} GROUP BY ?a ?b",
            entity("a"),
            entity("b")
        ),
    )?
    .into_iter()
    .map(|r| -> Result<Value, Box<dyn std::error::Error>> {
        Ok(json!([r[0], r[1], r[2].parse::<f64>()?]))
    })
    .collect::<Result<_, _>>()?;
    Ok((nodes, edges))
}

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn analyses_match_networkx_on_the_seed_graph() -> TestResult {
    if !networkx_available() {
        return crate::common::external::skip(
            "the networkx comparison",
            "python3 with networkx is not installed (pip install networkx)",
        );
    }
    let env = Env::new();
    let (nodes, edges) = graph(&env)?;
    let stored = rows(
        &env,
        &format!(
            "SELECT ?e ?b ?pr ?c ?comp ?deg ?wdeg WHERE {{ GRAPH <{ANALYSIS_GRAPH}> {{
               ?e poa:betweenness ?b ; poa:pageRank ?pr ; poa:community ?c ;
                  poa:component ?comp ; poa:degree ?deg ; poa:weightedDegree ?wdeg }} }}"
        ),
    )?;
    let mut values: [Map<String, Value>; 6] = Default::default();
    for r in &stored {
        let [e, measures @ ..] = &r[..] else {
            return Err(format!("row {r:?}").into());
        };
        if measures.len() != values.len() {
            return Err(format!("row {r:?}").into());
        }
        for (map, x) in values.iter_mut().zip(measures) {
            map.insert(e.clone(), json!(x.parse::<f64>()?));
        }
    }
    let [betweenness, pagerank, community, component, degree, weighted_degree] = values;
    // one row per entity: a second value of a measure would double rows
    assert_eq!(betweenness.len(), stored.len(), "an entity stored twice");
    assert!(
        stored.len() > 20 && edges.len() > 20 && nodes.len() >= stored.len(),
        "the seed graph is not there: {} nodes, {} edges, {} with values",
        nodes.len(),
        edges.len(),
        stored.len()
    );
    let edges_count = edges.len();
    let input = env.file(
        "graph.json",
        serde_json::to_vec(&json!({
            "nodes": nodes,
            "edges": edges,
            "betweenness": betweenness,
            "pagerank": pagerank,
            "community": community,
            "component": component,
            "degree": degree,
            "weighted_degree": weighted_degree,
        }))?,
    );
    let check = Command::new("python3")
        .arg(repo_file("tests/networkx_check.py"))
        .arg(&input)
        .output()?;
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let v: Value = serde_json::from_str(&out)?;
    let num = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    assert_eq!(num("stored_nodes") as usize, stored.len(), "{out}");
    // the edge list is poakg's: same neighbours, same passage counts
    assert_eq!(num("degree_max_diff"), 0.0, "degrees differ: {out}");
    assert_eq!(
        num("weighted_degree_max_diff"),
        0.0,
        "weighted degrees differ: {out}"
    );
    assert!(
        num("betweenness_max_diff") <= 1e-6,
        "betweenness differs: {out}"
    );
    assert!(num("pagerank_max_diff") <= 1e-4, "PageRank differs: {out}");
    assert_eq!(
        num("components_poakg"),
        num("components_with_stored_nodes"),
        "{out}"
    );
    assert_eq!(v["component_partition_matches"], true, "{out}");
    // what `report central` says of the network it ranks
    let report = env.run(&["report", "central", "--format", "markdown"]).ok();
    let stated = format!(
        "Co-mention network: {} entities, {} links, {} connected component(s).",
        stored.len(),
        edges_count,
        num("components_with_stored_nodes") as usize
    );
    assert!(report.contains(&stated), "not stated: {stated}\n{report}");
    // Leiden maximises this modularity: a clear community structure (0.79
    // on the seeds), as good as networkx's Louvain within a margin (its
    // runs score 0.79 to 0.80 on the seeds, by seed)
    assert!(num("modularity") >= 0.3, "poakg's communities: {out}");
    assert!(
        num("modularity") >= num("louvain_modularity") - 0.05,
        "poakg's communities score well below networkx's Louvain: {out}"
    );
    Ok(())
}
