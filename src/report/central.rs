//! The reports on the network's structure: the most central entities with
//! the articulation points and bridges, and the explained path between two
//! entities. Each is one typed value that gives the tables and the JSON.

use super::cells::*;
use super::report_json;
use super::{Report, Table};
use crate::analysis::{metrics, metrics::Centrality, Analysis};
use crate::entities::EntityClass;
use serde::Serialize;

/// One step of an explained path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    /// The entity's label.
    pub entity: String,
    /// The key of the passage naming it and the next entity (empty for the
    /// last).
    pub via: String,
    /// That passage's text around the entity's name.
    #[serde(skip)]
    pub text: String,
}

/// The explained path between two entities (`report path`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedPath {
    /// The first entity's label.
    pub from: String,
    /// The last entity's label.
    pub to: String,
    /// The steps, from first to last; none when no chain of passages links
    /// the two.
    pub path: Option<Vec<PathStep>>,
}

impl ExplainedPath {
    /// The path from entity `from` to entity `to`, each hop a passage
    /// naming both ends (see [`metrics::explained_path`]).
    pub fn of(a: &Analysis, from: usize, to: usize) -> Self {
        let step = |s: &metrics::Step| {
            let ent = &a.net.entities[s.entity];
            let (via, text) = match s.via {
                Some(p) => {
                    let ps = &a.net.passages[p];
                    let text = snippet(ps, std::slice::from_ref(&ent.label), 50);
                    (ps.key.clone(), text)
                }
                None => (String::new(), String::new()),
            };
            PathStep {
                entity: ent.label.clone(),
                via,
                text,
            }
        };
        ExplainedPath {
            from: a.net.entities[from].label.clone(),
            to: a.net.entities[to].label.clone(),
            path: metrics::explained_path(&a.net, from, to)
                .map(|steps| steps.iter().map(step).collect()),
        }
    }

    /// The report: one row a step, or a note that there is no path.
    pub fn report(&self) -> Report {
        let title = format!("{} → {}", self.from, self.to);
        let Some(steps) = &self.path else {
            return Report {
                title,
                notes: vec!["No path: no chain of passages links the two.".into()],
                tables: Vec::new(),
                json: report_json("path", self),
            };
        };
        let rows = steps
            .iter()
            .map(|s| vec![s.entity.clone(), s.via.clone(), s.text.clone()])
            .collect();
        Report {
            title,
            notes: vec![format!(
                "{} hop(s); each passage names the entity on its row and the next one.",
                steps.len().saturating_sub(1)
            )],
            tables: vec![Table {
                title: String::new(),
                header: ["entity", "then via", "text"].map(String::from).to_vec(),
                rows,
            }],
            json: report_json("path", self),
        }
    }
}

/// The explained path as a report.
pub fn path(a: &Analysis, from: usize, to: usize) -> Report {
    ExplainedPath::of(a, from, to).report()
}

/// An entity ranked by centrality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Its label.
    pub entity: String,
    /// Degree, weighted degree, betweenness and PageRank.
    #[serde(flatten)]
    pub measures: Centrality,
}

/// An entity named by label and class; serialised as its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Its label.
    pub label: String,
    /// Its class.
    pub class: EntityClass,
}

impl Serialize for Named {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label)
    }
}

/// The size of the co-mention network, counting named entities only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NetworkSize {
    /// Entities named in some passage.
    pub entities: usize,
    /// Links between entities.
    pub links: usize,
    /// Connected components with a named entity.
    pub components: usize,
}

/// The most central entities (`report central`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Central {
    /// The first entities by betweenness, then PageRank, then label.
    pub top: Vec<Ranked>,
    /// Entities whose removal splits the network.
    pub articulation_points: Vec<Named>,
    /// Links whose removal splits the network, as the two ends' labels.
    pub bridges: Vec<[String; 2]>,
    /// The network's size.
    #[serde(skip)]
    pub network: NetworkSize,
}

impl Central {
    /// The `top` named entities of the analysis, with its articulation
    /// points and bridges.
    pub fn of(a: &Analysis, top: usize) -> Self {
        let mut order: Vec<usize> = (0..a.net.entities.len())
            .filter(|&e| a.mentions[e] > 0)
            .collect();
        order.sort_by(|&x, &y| {
            let (cx, cy) = (&a.centrality[x], &a.centrality[y]);
            cy.betweenness
                .total_cmp(&cx.betweenness)
                .then(cy.pagerank.total_cmp(&cx.pagerank))
                .then_with(|| a.net.entities[x].label.cmp(&a.net.entities[y].label))
        });
        order.truncate(top);
        let label = |e: usize| a.net.entities[e].label.clone();
        Central {
            top: order
                .iter()
                .map(|&e| Ranked {
                    entity: label(e),
                    measures: a.centrality[e].clone(),
                })
                .collect(),
            articulation_points: a
                .articulation
                .iter()
                .map(|&e| Named {
                    label: label(e),
                    class: a.net.entities[e].class,
                })
                .collect(),
            bridges: a
                .bridges
                .iter()
                .map(|b| [label(b.from), label(b.to)])
                .collect(),
            network: NetworkSize {
                entities: a.graph.node_count() - a.mentions.iter().filter(|&&m| m == 0).count(),
                links: petgraph::visit::EdgeCount::edge_count(&a.graph),
                components: a
                    .components
                    .iter()
                    .filter(|c| c.iter().any(|&e| a.mentions[e] > 0))
                    .count(),
            },
        }
    }

    /// The report: the ranking, the articulation points, the bridges.
    pub fn report(&self) -> Report {
        let rows = self
            .top
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let c = &r.measures;
                vec![
                    (i + 1).to_string(),
                    r.entity.clone(),
                    c.degree.to_string(),
                    format!("{}", c.weighted_degree),
                    f3(c.betweenness),
                    f3(c.pagerank),
                ]
            })
            .collect();
        let art = self
            .articulation_points
            .iter()
            .map(|n| vec![n.label.clone(), n.class.to_string()])
            .collect();
        let bridges = self.bridges.iter().map(|b| b.to_vec()).collect();
        let n = self.network;
        Report {
            title: "Central entities".into(),
            notes: vec![format!(
                "Co-mention network: {} entities, {} links, {} connected component(s). Ranked by betweenness (rustworkx-core), then PageRank (power iteration, the standard definition).",
                n.entities, n.links, n.components
            )],
            tables: vec![
                Table { title: String::new(), header: ["#", "entity", "degree", "weighted", "betweenness", "PageRank"].map(String::from).to_vec(), rows },
                Table { title: "Articulation points (removing one splits the network)".into(), header: ["entity", "class"].map(String::from).to_vec(), rows: art },
                Table { title: "Bridges (links whose removal splits the network)".into(), header: ["entity", "entity"].map(String::from).to_vec(), rows: bridges },
            ],
            json: report_json("central", self),
        }
    }
}

/// The most central entities as a report.
pub fn central(a: &Analysis, top: usize) -> Report {
    Central::of(a, top).report()
}
