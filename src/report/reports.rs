//! The reports, built from an [`Analysis`]: tables plus a JSON form.

use super::{Report, Table};
use crate::analysis::{metrics, Analysis, Passage};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

fn f3(v: f64) -> String {
    format!("{v:.3}")
}

fn span_text(span: &BTreeSet<String>) -> String {
    span.iter().cloned().collect::<Vec<_>>().join(" ")
}

/// Passages of an entity in document order, as notations.
fn clause_keys(a: &Analysis, e: usize) -> Vec<String> {
    let mut ps = a.net.passages_of(e);
    ps.sort_by_key(|&p| {
        (
            a.net.passages[p].document.clone(),
            a.net.passages[p].position,
        )
    });
    ps.into_iter()
        .map(|p| a.net.passages[p].key.clone())
        .collect()
}

/// Entities named in two or more pillars, ranked by span then mentions.
pub fn cross_pillar(a: &Analysis) -> Report {
    let connectors = metrics::connectors(&a.net);
    let in_pillars = (0..a.net.entities.len())
        .filter(|&e| !a.net.pillar_span(e).is_empty())
        .count();
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for (rank, (e, span, mentions)) in connectors.iter().enumerate() {
        let ent = &a.net.entities[*e];
        let clauses = clause_keys(a, *e);
        rows.push(vec![
            (rank + 1).to_string(),
            ent.label.clone(),
            ent.class.clone(),
            span_text(span),
            mentions.to_string(),
            clauses.join(" "),
        ]);
        items.push(json!({"entity": ent.label, "iri": ent.iri, "class": ent.class, "pillars": span, "span": span.len(), "mentions": mentions, "passages": clauses}));
    }
    Report {
        title: "Cross-pillar connectors".into(),
        notes: vec![format!(
            "{} of the {} entities named in the plan's pillars are named in two or more pillars: the mechanisms, instruments and bodies that connect them. Ranked by pillar span, then by passages naming them.",
            connectors.len(),
            in_pillars
        )],
        tables: vec![Table { title: String::new(), header: ["#", "entity", "class", "pillars", "passages", "where"].map(String::from).to_vec(), rows }],
        json: json!({"report": "cross-pillar", "connectors": items}),
    }
}

/// A snippet of a passage around the first place it names the entity.
fn snippet(p: &Passage, labels: &[String], width: usize) -> String {
    let lower = p.text.to_lowercase();
    let at = labels
        .iter()
        .filter_map(|l| lower.find(&l.to_lowercase()))
        .min()
        .unwrap_or(0);
    let chars: Vec<char> = p.text.chars().collect();
    let at_char = p.text[..at.min(p.text.len())].chars().count();
    let start = at_char.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// Everything about one entity.
pub fn entity(a: &Analysis, e: usize) -> Report {
    let ent = &a.net.entities[e];
    let span = a.net.pillar_span(e);
    let mut labels = vec![ent.label.clone()];
    labels.extend(ent.alt_labels.iter().cloned());
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
                a.net.entities[*n].class.clone(),
                format!("{w}"),
            ]
        })
        .collect();
    let c = &a.centrality[e];
    let cen_rows = vec![
        vec!["degree".into(), c.degree.to_string()],
        vec!["weighted degree".into(), format!("{}", c.weighted_degree)],
        vec!["betweenness".into(), f3(c.betweenness)],
        vec!["PageRank".into(), f3(c.pagerank)],
        vec!["community".into(), a.communities[e].to_string()],
        vec![
            "articulation point".into(),
            a.articulation.contains(&e).to_string(),
        ],
    ];
    Report {
        title: ent.label.clone(),
        notes: vec![
            format!("class: {}", ent.class),
            format!(
                "also: {}",
                if ent.alt_labels.is_empty() {
                    "-".into()
                } else {
                    ent.alt_labels.join(", ")
                }
            ),
            format!(
                "named in {} passage(s), pillars: {}",
                passages.len(),
                if span.is_empty() {
                    "-".into()
                } else {
                    span_text(&span)
                }
            ),
        ],
        tables: vec![
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
                rows: cen_rows,
            },
        ],
        json: json!({
            "report": "entity", "entity": ent.label, "iri": ent.iri, "class": ent.class, "alt_labels": ent.alt_labels,
            "pillars": span,
            "passages": where_rows.iter().map(|r| json!({"pillar": r[0], "passage": r[1], "snippet": r[2]})).collect::<Vec<_>>(),
            "co_mentioned": neighbours.iter().map(|(n, w)| json!({"entity": a.net.entities[*n].label, "shared": w})).collect::<Vec<_>>(),
            "centrality": {"degree": c.degree, "weighted_degree": c.weighted_degree, "betweenness": c.betweenness, "pagerank": c.pagerank, "community": a.communities[e]},
        }),
    }
}

/// The pillar-by-pillar matrix of shared entities.
pub fn pillars(a: &Analysis) -> Report {
    let matrix = metrics::pillar_matrix(&a.net);
    let pillars: Vec<String> = a.net.pillar_titles.keys().cloned().collect();
    let mut header = vec!["pillar".to_string()];
    header.extend(pillars.iter().cloned());
    let rows: Vec<Vec<String>> = pillars
        .iter()
        .map(|p| {
            let mut row = vec![format!("{p} {}", a.net.pillar_titles[p])];
            row.extend(
                pillars
                    .iter()
                    .map(|q| matrix[&(p.clone(), q.clone())].len().to_string()),
            );
            row
        })
        .collect();
    let mut cell_rows = Vec::new();
    let mut cells = Vec::new();
    for (i, p) in pillars.iter().enumerate() {
        for q in &pillars[i + 1..] {
            let shared = &matrix[&(p.clone(), q.clone())];
            let names: Vec<String> = shared
                .iter()
                .map(|&e| a.net.entities[e].label.clone())
                .collect();
            cell_rows.push(vec![
                format!("{p} × {q}"),
                shared.len().to_string(),
                names.join("; "),
            ]);
            cells.push(json!({"pillars": [p, q], "entities": names}));
        }
    }
    Report {
        title: "Entities shared between pillars".into(),
        notes: vec!["Each cell counts the entities named in both pillars; the diagonal counts those named in the pillar at all.".into()],
        tables: vec![
            Table { title: "Matrix".into(), header, rows },
            Table { title: "Entities behind each cell".into(), header: ["pillars", "shared", "entities"].map(String::from).to_vec(), rows: cell_rows },
        ],
        json: json!({
            "report": "pillars",
            "pillars": pillars.iter().map(|p| json!({"notation": p, "title": a.net.pillar_titles[p]})).collect::<Vec<_>>(),
            "matrix": pillars.iter().map(|p| pillars.iter().map(|q| matrix[&(p.clone(), q.clone())].len()).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "cells": cells,
        }),
    }
}

/// The shortest explained path between two entities.
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
                        snippet(ps, &[ent.label.clone()], 50),
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

/// The most central entities, articulation points and bridges.
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
                a.net.entities[e].class.clone(),
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
            "Co-mention network: {} entities, {} links, {} connected component(s). Ranked by betweenness (rustworkx-core), then PageRank (petgraph).",
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

/// Communities and how far they follow the pillars.
pub fn communities(a: &Analysis) -> Report {
    let dominant = metrics::dominant_pillars(&a.net);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (e, &c) in a.communities.iter().enumerate() {
        if a.mentions[e] > 0 {
            groups.entry(c).or_default().push(e);
        }
    }
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for (c, members) in &groups {
        if members.len() < 2 {
            continue;
        }
        let mut by_pillar: BTreeMap<String, usize> = BTreeMap::new();
        for &e in members {
            *by_pillar
                .entry(dominant[e].clone().unwrap_or_else(|| "-".into()))
                .or_default() += 1;
        }
        let mut sorted = members.clone();
        sorted.sort_by(|&x, &y| {
            a.mentions[y]
                .cmp(&a.mentions[x])
                .then_with(|| a.net.entities[x].label.cmp(&a.net.entities[y].label))
        });
        let names: Vec<String> = sorted
            .iter()
            .map(|&e| a.net.entities[e].label.clone())
            .collect();
        let pillars = by_pillar
            .iter()
            .map(|(p, n)| format!("{p}:{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(vec![
            c.to_string(),
            members.len().to_string(),
            pillars.clone(),
            names.join("; "),
        ]);
        items.push(
            json!({"community": c, "size": members.len(), "pillars": by_pillar, "members": names}),
        );
    }
    let singles = groups.values().filter(|m| m.len() == 1).count();
    Report {
        title: "Communities of the co-mention network".into(),
        notes: vec![
            "Method: Leiden (crate leiden-rs, modularity, fixed seed).".into(),
            format!("Against each entity's dominant pillar: NMI {:.3}, purity {:.3} ({} single-entity communities not listed).", a.nmi, a.purity, singles),
        ],
        tables: vec![Table { title: String::new(), header: ["#", "size", "pillars", "members"].map(String::from).to_vec(), rows }],
        json: json!({"report": "communities", "method": "leiden", "nmi": a.nmi, "purity": a.purity, "communities": items}),
    }
}

const STOPWORDS: &[&str] = &[
    "and",
    "the",
    "for",
    "with",
    "from",
    "that",
    "this",
    "their",
    "through",
    "support",
    "supports",
    "promote",
    "including",
    "asean",
    "united",
    "states",
    "cooperation",
    "such",
    "well",
    "other",
    "into",
    "within",
    "across",
    "regional",
    "help",
    "strengthen",
    "enhance",
    "continue",
    "increase",
    "between",
    "towards",
    "toward",
    "also",
    "which",
    "where",
    "among",
    "more",
    "make",
    "areas",
    "area",
];

fn themes(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| w.trim_end_matches('s').to_owned())
        .collect()
}

/// Which clauses each programme activity relates to, and what no activity touches.
pub fn coverage(a: &Analysis, all: &[Passage]) -> Report {
    let activities: Vec<&Passage> = all.iter().filter(|p| p.is_activity).collect();
    let clauses: Vec<&Passage> = all
        .iter()
        .filter(|p| !p.is_activity && p.pillar.is_some())
        .collect();
    let entities_of = |iri: &str| -> BTreeSet<usize> {
        a.net
            .passages
            .iter()
            .position(|p| p.iri == iri)
            .map(|p| a.net.entities_of(p).into_iter().collect())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    let mut items = Vec::new();
    let mut touched_sections: BTreeSet<String> = BTreeSet::new();
    // Themes: content words weighted by rarity (inverse document frequency
    // over clauses and activities), so "MSMEs" counts more than "training".
    let theme_sets: Vec<BTreeSet<String>> = all.iter().map(|p| themes(&p.text)).collect();
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for set in &theme_sets {
        for w in set {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let n_docs = all.len().max(1) as f64;
    let idf = |w: &str| (n_docs / df.get(w).copied().unwrap_or(1) as f64).ln();
    for act in &activities {
        let act_entities = entities_of(&act.iri);
        let act_themes = themes(&act.text);
        let mut related: Vec<(f64, &Passage, Vec<String>, Vec<String>)> = Vec::new();
        for c in &clauses {
            let shared: Vec<String> = entities_of(&c.iri)
                .intersection(&act_entities)
                .map(|&e| a.net.entities[e].label.clone())
                .collect();
            let ct = themes(&c.text);
            let mut common: Vec<String> = act_themes.intersection(&ct).cloned().collect();
            common.sort_by(|x, y| idf(y).total_cmp(&idf(x)).then(x.cmp(y)));
            let theme_score: f64 = common.iter().map(|w| idf(w)).sum();
            let score = 10.0 * shared.len() as f64 + theme_score;
            // one rare word (in under 1 in 20 passages) or several commoner ones
            if !shared.is_empty() || theme_score >= (n_docs / 20.0).ln().max(1.0) {
                related.push((score, c, shared, common));
            }
        }
        related.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.position.cmp(&y.1.position)));
        related.truncate(5);
        for (_, c, _, _) in &related {
            if let Some(s) = &c.section {
                touched_sections.insert(s.clone());
            }
        }
        let keys: Vec<String> = related.iter().map(|(_, c, _, _)| c.key.clone()).collect();
        let why: Vec<String> = related
            .iter()
            .map(|(_, c, shared, common)| {
                if shared.is_empty() {
                    format!(
                        "{}: themes {}",
                        c.key,
                        common
                            .iter()
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    format!("{}: {}", c.key, shared.join(", "))
                }
            })
            .collect();
        rows.push(vec![
            act.key.clone(),
            snippet(act, &[], 40),
            keys.join(" "),
            why.join("; "),
        ]);
        items.push(json!({"activity": act.key, "text": act.text, "clauses": keys, "why": why}));
    }
    let mut sections: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for c in &clauses {
        if let (Some(s), Some(p)) = (&c.section, &c.pillar) {
            sections.entry(s.clone()).or_insert((p.clone(), false));
        }
    }
    for s in &touched_sections {
        if let Some(v) = sections.get_mut(s) {
            v.1 = true;
        }
    }
    let untouched: Vec<Vec<String>> = sections
        .iter()
        .filter(|(_, (_, t))| !t)
        .map(|(s, (p, _))| vec![p.clone(), s.clone()])
        .collect();
    let pillars_touched: BTreeSet<String> = sections
        .values()
        .filter(|(_, t)| *t)
        .map(|(p, _)| p.clone())
        .collect();
    let untouched_pillars: Vec<String> = a
        .net
        .pillar_titles
        .keys()
        .filter(|p| !pillars_touched.contains(*p))
        .cloned()
        .collect();
    Report {
        title: "Programme coverage of the plan".into(),
        notes: vec![
            format!("{} activities; a clause relates to an activity when both name an entity, or when the content words they share are rare enough (summed inverse document frequency ≥ ln(N/20)); top five by shared entities, then by that score.", activities.len()),
            format!("Pillars no activity touches: {}", if untouched_pillars.is_empty() { "none".into() } else { untouched_pillars.join(", ") }),
        ],
        tables: vec![
            Table { title: "Activities and the clauses they relate to".into(), header: ["activity", "text", "clauses", "why"].map(String::from).to_vec(), rows },
            Table { title: "Sections no activity touches".into(), header: ["pillar", "section"].map(String::from).to_vec(), rows: untouched.clone() },
        ],
        json: json!({"report": "coverage", "activities": items, "untouched_sections": untouched.iter().map(|r| r[1].clone()).collect::<Vec<_>>(), "untouched_pillars": untouched_pillars}),
    }
}
