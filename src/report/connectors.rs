//! The reports about single entities and the paths between them:
//! cross-pillar connectors, one entity, an explained path, centrality.

use super::cells::*;
use super::{Report, Table};
use crate::analysis::{metrics, Analysis};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// The cross-pillar connectors: entities named in two or more pillars of
/// one plan, ranked by pillar span, then by passages naming them (with
/// several plans, first by how many plans they connect pillars in).
pub fn cross_pillar(a: &Analysis) -> Report {
    let connectors = metrics::connectors(&a.net);
    let in_pillars = (0..a.net.entities.len())
        .filter(|&e| !a.net.pillar_span(e).is_empty())
        .count();
    // a corpus: which plans each connects pillars in (a finding when several)
    let plans: std::collections::BTreeSet<&str> = a
        .net
        .passages
        .iter()
        .filter_map(|p| p.plan.as_deref())
        .collect();
    let corpus = plans.len() > 1;
    let mut rows = Vec::new();
    let mut items = Vec::new();
    let mut in_several = 0;
    for (rank, (e, span, mentions)) in connectors.iter().enumerate() {
        let ent = &a.net.entities[*e];
        let clauses = clause_keys(a, *e);
        let connecting = a.net.connecting_plans(*e);
        in_several += usize::from(connecting.len() > 1);
        let mut row = vec![
            (rank + 1).to_string(),
            ent.label.clone(),
            ent.class.to_string(),
        ];
        if corpus {
            row.push(connecting.join(" "));
        }
        row.extend([span_text(span), mentions.to_string(), clauses.join(" ")]);
        rows.push(row);
        items.push(json!({"entity": ent.label, "iri": ent.iri, "class": ent.class, "pillars": span, "span": span.len(), "plans": connecting, "mentions": mentions, "passages": clauses}));
    }
    let mut notes = vec![format!(
        "{} of the {} entities named in the plan's pillars are named in two or more pillars: the mechanisms, instruments and bodies that connect them. Ranked by pillar span, then by passages naming them.",
        connectors.len(),
        in_pillars
    )];
    let mut header: Vec<String> = ["#", "entity", "class"].map(String::from).to_vec();
    if corpus {
        notes = vec![format!(
            "Across {} plans, {} of the {} entities named in their pillars connect two or more pillars of one plan; {} of them do so in several plans. Pillars are named plan:pillar (US:2021/1). Ranked by the plans they connect pillars in, then by pillar span and passages.",
            plans.len(),
            connectors.len(),
            in_pillars,
            in_several
        )];
        header.push("plans".into());
    }
    header.extend(["pillars", "passages", "where"].map(String::from));
    Report {
        title: "Cross-pillar connectors".into(),
        notes,
        tables: vec![Table {
            title: String::new(),
            header,
            rows,
        }],
        json: json!({"report": "cross-pillar", "plans": plans, "connectors": items}),
    }
}

/// The report on entity `e` (an index into the network's entities): its
/// names, the passages naming it by pillar, the entities named with it,
/// its centrality and, with several plans, its passages plan by plan.
pub fn entity(a: &Analysis, e: usize) -> Report {
    let ent = &a.net.entities[e];
    let span = a.net.pillar_span(e);
    let mut labels = vec![ent.label.clone()];
    labels.extend(ent.alt_labels.iter().cloned());
    let passages = passages_by_pillar(a, e);
    let where_rows: Vec<Vec<String>> = passages
        .iter()
        .map(|&p| {
            let ps = &a.net.passages[p];
            vec![
                ps.pillar.clone().unwrap_or_else(|| "-".into()),
                ps.key.clone(),
                snippet(ps, &labels, 60),
            ]
        })
        .collect();
    let neighbours = a.neighbours(e);
    let co_rows: Vec<Vec<String>> = neighbours
        .iter()
        .map(|(n, w)| {
            vec![
                a.net.entities[*n].label.clone(),
                a.net.entities[*n].class.to_string(),
                format!("{w}"),
            ]
        })
        .collect();
    let c = &a.centrality[e];
    let timeline = timeline(a, &passages);
    let mut tables = Vec::new();
    if !timeline.is_empty() {
        tables.push(Table {
            title: "Across plans".into(),
            header: ["plan", "passages", "pillars"].map(String::from).to_vec(),
            rows: timeline_rows(&timeline),
        });
    }
    tables.extend([
        Table {
            title: "Passages by pillar".into(),
            header: ["pillar", "passage", "text"].map(String::from).to_vec(),
            rows: where_rows.clone(),
        },
        Table {
            title: "Named together with".into(),
            header: ["entity", "class", "shared"].map(String::from).to_vec(),
            rows: co_rows,
        },
        Table {
            title: "Centrality in the co-mention network".into(),
            header: ["measure", "value"].map(String::from).to_vec(),
            rows: centrality_rows(a, e),
        },
    ]);
    Report {
        title: ent.label.clone(),
        notes: entity_notes(ent.class, &ent.alt_labels, passages.len(), &span),
        tables,
        json: json!({
            "report": "entity", "entity": ent.label, "iri": ent.iri, "class": ent.class, "alt_labels": ent.alt_labels,
            "plans": timeline.iter().map(|(plan, h)| json!({"plan": plan, "passages": h.passages, "pillars": h.pillars})).collect::<Vec<_>>(),
            "pillars": span,
            "passages": where_rows.iter().map(|r| json!({"pillar": r[0], "passage": r[1], "snippet": r[2]})).collect::<Vec<_>>(),
            "co_mentioned": neighbours.iter().map(|(n, w)| json!({"entity": a.net.entities[*n].label, "shared": w})).collect::<Vec<_>>(),
            "centrality": {"degree": c.degree, "weighted_degree": c.weighted_degree, "betweenness": c.betweenness, "pagerank": c.pagerank, "community": a.communities[e]},
        }),
    }
}

/// The passages naming entity `e`, by pillar (those in none last), then
/// document and position.
fn passages_by_pillar(a: &Analysis, e: usize) -> Vec<usize> {
    let mut passages = a.net.passages_of(e);
    passages.sort_by_key(|&p| {
        (
            a.net.passages[p]
                .pillar
                .clone()
                .unwrap_or_else(|| "~".into()),
            a.net.passages[p].document.clone(),
            a.net.passages[p].position,
        )
    });
    passages
}

/// The notes on an entity of `class` with `alt_labels`, named in
/// `passages` passages of the pillars `span`.
fn entity_notes(
    class: crate::entities::EntityClass,
    alt_labels: &[String],
    passages: usize,
    span: &BTreeSet<String>,
) -> Vec<String> {
    vec![
        format!("class: {class}"),
        format!(
            "also: {}",
            if alt_labels.is_empty() {
                "-".into()
            } else {
                alt_labels.join(", ")
            }
        ),
        format!(
            "named in {passages} passage(s), pillars: {}",
            if span.is_empty() {
                "-".into()
            } else {
                span_text(span)
            }
        ),
    ]
}

/// The rows of entity `e`'s centrality table: one measure a row.
fn centrality_rows(a: &Analysis, e: usize) -> Vec<Vec<String>> {
    let c = &a.centrality[e];
    vec![
        vec!["degree".into(), c.degree.to_string()],
        vec!["weighted degree".into(), format!("{}", c.weighted_degree)],
        vec!["betweenness".into(), f3(c.betweenness)],
        vec!["PageRank".into(), f3(c.pagerank)],
        vec!["community".into(), a.communities[e].to_string()],
        vec![
            "articulation point".into(),
            a.articulation.contains(&e).to_string(),
        ],
    ]
}

/// An entity in one plan of a corpus.
#[derive(Default)]
struct PlanHistory {
    /// Passages of the plan naming it.
    passages: usize,
    /// Titles of the pillars of those passages.
    pillars: BTreeSet<String>,
}

/// A corpus: the entity's history across plans and periods, by plan name
/// (plans are named `US:2021`, so the rows run by partner, then by
/// period); empty for passages of no plan.
fn timeline(a: &Analysis, passages: &[usize]) -> BTreeMap<String, PlanHistory> {
    let mut timeline: BTreeMap<String, PlanHistory> = BTreeMap::new();
    for &p in passages {
        let ps = &a.net.passages[p];
        if let Some(plan) = &ps.plan {
            let row = timeline.entry(plan.clone()).or_default();
            row.passages += 1;
            if let Some(pillar) = &ps.pillar {
                row.pillars.insert(
                    a.net
                        .pillar_titles
                        .get(pillar)
                        .cloned()
                        .unwrap_or_else(|| pillar.clone()),
                );
            }
        }
    }
    timeline
}

/// The rows of the table across plans: plan, passages, pillars.
fn timeline_rows(timeline: &BTreeMap<String, PlanHistory>) -> Vec<Vec<String>> {
    timeline
        .iter()
        .map(|(plan, h)| {
            vec![
                plan.clone(),
                h.passages.to_string(),
                h.pillars.iter().cloned().collect::<Vec<_>>().join("; "),
            ]
        })
        .collect()
}

/// The explained path from entity `from` to entity `to`, each hop a passage
/// naming both ends (see [`metrics::explained_path`]); a report of no path
/// when no chain of passages links them.
pub fn path(a: &Analysis, from: usize, to: usize) -> Report {
    let steps = metrics::explained_path(&a.net, from, to);
    let (from_l, to_l) = (&a.net.entities[from].label, &a.net.entities[to].label);
    let Some(steps) = steps else {
        return Report {
            title: format!("{from_l} → {to_l}"),
            notes: vec!["No path: no chain of passages links the two.".into()],
            tables: Vec::new(),
            json: json!({"report": "path", "from": from_l, "to": to_l, "path": null}),
        };
    };
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|s| {
            let ent = &a.net.entities[s.entity];
            match s.via {
                Some(p) => {
                    let ps = &a.net.passages[p];
                    vec![
                        ent.label.clone(),
                        ps.key.clone(),
                        snippet(ps, std::slice::from_ref(&ent.label), 50),
                    ]
                }
                None => vec![ent.label.clone(), String::new(), String::new()],
            }
        })
        .collect();
    Report {
        title: format!("{from_l} → {to_l}"),
        notes: vec![format!(
            "{} hop(s); each passage names the entity on its row and the next one.",
            steps.len() - 1
        )],
        tables: vec![Table {
            title: String::new(),
            header: ["entity", "then via", "text"].map(String::from).to_vec(),
            rows: rows.clone(),
        }],
        json: json!({"report": "path", "from": from_l, "to": to_l, "path": rows.iter().map(|r| json!({"entity": r[0], "via": r[1]})).collect::<Vec<_>>()}),
    }
}

/// The `top` named entities by betweenness, then PageRank, with the
/// network's articulation points and bridges.
pub fn central(a: &Analysis, top: usize) -> Report {
    let mut order: Vec<usize> = (0..a.net.entities.len())
        .filter(|&e| a.mentions[e] > 0)
        .collect();
    order.sort_by(|&x, &y| {
        a.centrality[y]
            .betweenness
            .total_cmp(&a.centrality[x].betweenness)
            .then(
                a.centrality[y]
                    .pagerank
                    .total_cmp(&a.centrality[x].pagerank),
            )
            .then_with(|| a.net.entities[x].label.cmp(&a.net.entities[y].label))
    });
    order.truncate(top);
    let rows: Vec<Vec<String>> = order
        .iter()
        .enumerate()
        .map(|(i, &e)| {
            let c = &a.centrality[e];
            vec![
                (i + 1).to_string(),
                a.net.entities[e].label.clone(),
                c.degree.to_string(),
                format!("{}", c.weighted_degree),
                f3(c.betweenness),
                f3(c.pagerank),
            ]
        })
        .collect();
    let art: Vec<Vec<String>> = a
        .articulation
        .iter()
        .map(|&e| {
            vec![
                a.net.entities[e].label.clone(),
                a.net.entities[e].class.to_string(),
            ]
        })
        .collect();
    let bridges: Vec<Vec<String>> = a
        .bridges
        .iter()
        .map(|&(x, y)| {
            vec![
                a.net.entities[x].label.clone(),
                a.net.entities[y].label.clone(),
            ]
        })
        .collect();
    Report {
        title: "Central entities".into(),
        notes: vec![format!(
            "Co-mention network: {} entities, {} links, {} connected component(s). Ranked by betweenness (rustworkx-core), then PageRank (power iteration, the standard definition).",
            a.graph.node_count() - a.mentions.iter().filter(|&&m| m == 0).count(),
            petgraph::visit::EdgeCount::edge_count(&a.graph),
            a.components.iter().filter(|c| c.iter().any(|&e| a.mentions[e] > 0)).count()
        )],
        tables: vec![
            Table { title: String::new(), header: ["#", "entity", "degree", "weighted", "betweenness", "PageRank"].map(String::from).to_vec(), rows: rows.clone() },
            Table { title: "Articulation points (removing one splits the network)".into(), header: ["entity", "class"].map(String::from).to_vec(), rows: art.clone() },
            Table { title: "Bridges (links whose removal splits the network)".into(), header: ["entity", "entity"].map(String::from).to_vec(), rows: bridges.clone() },
        ],
        json: json!({
            "report": "central",
            "top": order.iter().map(|&e| { let c = &a.centrality[e]; json!({"entity": a.net.entities[e].label, "degree": c.degree, "weighted_degree": c.weighted_degree, "betweenness": c.betweenness, "pagerank": c.pagerank}) }).collect::<Vec<_>>(),
            "articulation_points": art.iter().map(|r| r[0].clone()).collect::<Vec<_>>(),
            "bridges": bridges,
        }),
    }
}
