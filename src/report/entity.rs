//! The report on one entity: its names, the passages naming it by pillar,
//! the entities named with it, its centrality and, with several plans, its
//! passages plan by plan. One typed value gives the tables and the JSON.

use super::cells::*;
use super::report_json;
use super::{Report, Table};
use crate::analysis::{metrics::Centrality, Analysis};
use crate::entities::EntityClass;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The entity's passages in one plan of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanPassages {
    /// The plan's short name (`US:2021`).
    pub plan: String,
    /// Passages of the plan naming the entity.
    pub passages: usize,
    /// Titles of the pillars of those passages.
    pub pillars: BTreeSet<String>,
}

/// A passage naming the entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamingPassage {
    /// Its pillar's notation (`-` for none).
    pub pillar: String,
    /// Its key.
    pub passage: String,
    /// Its text around the first name of the entity.
    pub snippet: String,
}

/// An entity named with this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoMention {
    /// Its preferred label.
    pub entity: String,
    /// Its class.
    #[serde(skip)]
    pub class: EntityClass,
    /// The weight of the link (passages naming both).
    pub shared: f64,
}

/// The entity's place in the co-mention network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// Degree, weighted degree, betweenness and PageRank.
    #[serde(flatten)]
    pub measures: Centrality,
    /// Its community.
    pub community: usize,
    /// Whether removing it splits the network.
    #[serde(skip)]
    pub articulation_point: bool,
}

/// The report on one entity (`report entity`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityReport {
    /// Its preferred label.
    pub entity: String,
    /// Its IRI.
    pub iri: String,
    /// Its class.
    pub class: EntityClass,
    /// Its other names.
    pub alt_labels: Vec<String>,
    /// With several plans, its passages plan by plan.
    pub plans: Vec<PlanPassages>,
    /// The pillars naming it.
    pub pillars: BTreeSet<String>,
    /// The passages naming it, by pillar (none last), document and position.
    pub passages: Vec<NamingPassage>,
    /// The entities named with it, heaviest link first.
    pub co_mentioned: Vec<CoMention>,
    /// Its centrality.
    pub centrality: Standing,
}

impl EntityReport {
    /// The report on entity `e` (an index into the network's entities).
    pub fn of(a: &Analysis, e: usize) -> Self {
        let ent = &a.net.entities[e];
        let mut labels = vec![ent.label.clone()];
        labels.extend(ent.alt_labels.iter().cloned());
        let passages = passages_by_pillar(a, e);
        EntityReport {
            entity: ent.label.clone(),
            iri: ent.iri.clone(),
            class: ent.class,
            alt_labels: ent.alt_labels.clone(),
            plans: timeline(a, &passages),
            pillars: a.net.pillar_span(e),
            passages: passages
                .iter()
                .map(|&p| {
                    let ps = &a.net.passages[p];
                    NamingPassage {
                        pillar: ps.pillar.clone().unwrap_or_else(|| "-".into()),
                        passage: ps.key.clone(),
                        snippet: snippet(ps, &labels, 60),
                    }
                })
                .collect(),
            co_mentioned: a
                .neighbours(e)
                .into_iter()
                .map(|n| CoMention {
                    entity: a.net.entities[n.entity].label.clone(),
                    class: a.net.entities[n.entity].class,
                    shared: n.shared,
                })
                .collect(),
            centrality: Standing {
                measures: a.centrality[e].clone(),
                community: a.communities[e],
                articulation_point: a.articulation.contains(&e),
            },
        }
    }

    /// The report: across plans (a corpus), passages by pillar, named
    /// together with, centrality.
    pub fn report(&self) -> Report {
        let mut tables = Vec::new();
        if !self.plans.is_empty() {
            tables.push(Table {
                title: "Across plans".into(),
                header: ["plan", "passages", "pillars"].map(String::from).to_vec(),
                rows: self
                    .plans
                    .iter()
                    .map(|h| {
                        let pillars: Vec<&str> = h.pillars.iter().map(String::as_str).collect();
                        vec![h.plan.clone(), h.passages.to_string(), pillars.join("; ")]
                    })
                    .collect(),
            });
        }
        let passage_rows = self
            .passages
            .iter()
            .map(|p| vec![p.pillar.clone(), p.passage.clone(), p.snippet.clone()])
            .collect();
        let co_rows = self
            .co_mentioned
            .iter()
            .map(|n| {
                vec![
                    n.entity.clone(),
                    n.class.to_string(),
                    format!("{}", n.shared),
                ]
            })
            .collect();
        tables.extend([
            Table {
                title: "Passages by pillar".into(),
                header: ["pillar", "passage", "text"].map(String::from).to_vec(),
                rows: passage_rows,
            },
            Table {
                title: "Named together with".into(),
                header: ["entity", "class", "shared"].map(String::from).to_vec(),
                rows: co_rows,
            },
            Table {
                title: "Centrality in the co-mention network".into(),
                header: ["measure", "value"].map(String::from).to_vec(),
                rows: self.centrality_rows(),
            },
        ]);
        Report {
            title: self.entity.clone(),
            notes: self.notes(),
            tables,
            json: report_json("entity", self),
        }
    }

    /// Class, other names, passages and pillars: one line each.
    fn notes(&self) -> Vec<String> {
        let or_dash = |s: String| if s.is_empty() { "-".into() } else { s };
        vec![
            format!("class: {}", self.class),
            format!("also: {}", or_dash(self.alt_labels.join(", "))),
            format!(
                "named in {} passage(s), pillars: {}",
                self.passages.len(),
                or_dash(span_text(&self.pillars))
            ),
        ]
    }

    /// The centrality table: one measure a row.
    fn centrality_rows(&self) -> Vec<Vec<String>> {
        let s = &self.centrality;
        let c = &s.measures;
        vec![
            vec!["degree".into(), c.degree.to_string()],
            vec!["weighted degree".into(), format!("{}", c.weighted_degree)],
            vec!["betweenness".into(), f3(c.betweenness)],
            vec!["PageRank".into(), f3(c.pagerank)],
            vec!["community".into(), s.community.to_string()],
            vec![
                "articulation point".into(),
                s.articulation_point.to_string(),
            ],
        ]
    }
}

/// The report on entity `e` (an index into the network's entities).
pub fn entity(a: &Analysis, e: usize) -> Report {
    EntityReport::of(a, e).report()
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

/// A corpus: the entity's history across plans and periods, by plan name
/// (plans are named `US:2021`, so the rows run by partner, then by
/// period); empty for passages of no plan.
fn timeline(a: &Analysis, passages: &[usize]) -> Vec<PlanPassages> {
    let mut timeline: BTreeMap<String, PlanPassages> = BTreeMap::new();
    for &p in passages {
        let ps = &a.net.passages[p];
        if let Some(plan) = &ps.plan {
            let row = timeline.entry(plan.clone()).or_default();
            row.passages += 1;
            if let Some(pillar) = &ps.pillar {
                let title = a.net.pillar_titles.get(pillar).unwrap_or(pillar);
                row.pillars.insert(title.clone());
            }
        }
    }
    timeline
        .into_iter()
        .map(|(plan, h)| PlanPassages { plan, ..h })
        .collect()
}
