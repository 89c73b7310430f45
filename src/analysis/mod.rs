//! Cross-pillar analysis: the passage-entity network, the entity co-mention
//! graph, and what they say about which mechanisms and instruments connect
//! the pillars.
//!
//! `load` reads the network from the store by SPARQL (so it works on any data
//! loaded); everything else here is pure computation on [`Network`]: no I/O.

pub mod load;
pub mod metrics;
pub mod partners;
mod pillars;
pub mod rdf;
pub use crate::corpus::themes;

use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet};

/// A passage: a clause, the preamble, a programme paragraph or activity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Passage {
    /// The passage's IRI.
    pub iri: String,
    /// Notation: "1.2.16", "preamble", "activity 2".
    pub key: String,
    /// Notation of the pillar it is in (`1`, or `US:2021/1` with several
    /// plans); none outside the pillars (preamble, programme pages).
    pub pillar: Option<String>,
    /// Notation of the section it is in, named like `pillar` with several
    /// plans.
    pub section: Option<String>,
    /// Order in its document (`poa:position`): 0 for the preamble, then from
    /// 1; 0 when the store gives none.
    pub position: i64,
    /// The passage's text (empty when the store has none).
    pub text: String,
    /// The document (plan or programme) it belongs to.
    pub document: String,
    /// The plan's short name (`US:2021`) when the network holds several
    /// plans; its pillars are then `US:2021/1`, ...
    pub plan: Option<String>,
    /// True for programme activities.
    pub is_activity: bool,
}

/// An entity node.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityNode {
    /// The entity's IRI.
    pub iri: String,
    /// Its preferred label (`skos:prefLabel`).
    pub label: String,
    /// Its class (`Mechanism`, `ASEANBody`).
    pub class: crate::entities::EntityClass,
    /// Its alternative labels (acronyms, variant spellings).
    pub alt_labels: Vec<String>,
}

/// The bipartite passage-entity network, with hierarchy and ownership edges.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// The passages that name an entity, in document order; `mentions`
    /// refers to them by index.
    pub passages: Vec<Passage>,
    /// The entities (sorted by IRI when loaded from a store); referred to by
    /// index everywhere else.
    pub entities: Vec<EntityNode>,
    /// Which passage names which entity, each pair once, by passage.
    pub mentions: BTreeSet<Naming>,
    /// The registry's org:subOrganizationOf and poa:owner links.
    pub hierarchy: Vec<RegistryLink>,
    /// Pillar notation -> title.
    pub pillar_titles: BTreeMap<String, String>,
}

/// A passage naming an entity (indices into the network's passages and
/// entities); ordered by passage, then entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Naming {
    /// The passage.
    pub passage: usize,
    /// The entity it names.
    pub entity: usize,
}

/// A registry link between two entities: a body and the one it belongs to
/// (org:subOrganizationOf), or an instrument and its owner (poa:owner).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegistryLink {
    /// The body or instrument.
    pub child: usize,
    /// The body it belongs to, or the owner.
    pub parent: usize,
}

impl Network {
    /// Passages of each entity.
    pub fn passages_of(&self, entity: usize) -> Vec<usize> {
        self.mentions
            .iter()
            .filter(|m| m.entity == entity)
            .map(|m| m.passage)
            .collect()
    }

    /// Entities of each passage.
    pub fn entities_of(&self, passage: usize) -> Vec<usize> {
        let from = |passage| Naming { passage, entity: 0 };
        self.mentions
            .range(from(passage)..from(passage + 1))
            .map(|m| m.entity)
            .collect()
    }

    /// The pillars an entity is named in (plan passages only; with several
    /// plans, each pillar is its plan's: `US:2021/1`).
    pub fn pillar_span(&self, entity: usize) -> BTreeSet<String> {
        self.passages_of(entity)
            .into_iter()
            .filter_map(|p| self.passages[p].pillar.clone())
            .collect()
    }

    /// The pillars an entity is named in, plan by plan (one entry, keyed
    /// "", for a network of one plan).
    pub fn spans_by_plan(&self, entity: usize) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for p in self.passages_of(entity) {
            let passage = &self.passages[p];
            if let Some(pillar) = &passage.pillar {
                out.entry(passage.plan.clone().unwrap_or_default())
                    .or_default()
                    .insert(pillar.clone());
            }
        }
        out
    }

    /// The most pillars of one plan an entity is named in.
    pub fn widest_span(&self, entity: usize) -> usize {
        self.spans_by_plan(entity)
            .values()
            .map(BTreeSet::len)
            .max()
            .unwrap_or(0)
    }

    /// The plans in which an entity connects two or more pillars.
    pub fn connecting_plans(&self, entity: usize) -> Vec<String> {
        self.spans_by_plan(entity)
            .into_iter()
            .filter(|(_, span)| span.len() >= 2)
            .map(|(plan, _)| plan)
            .collect()
    }

    /// Mentioned passages per entity (a passage naming it twice counts once).
    pub fn mention_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.entities.len()];
        for m in &self.mentions {
            counts[m.entity] += 1;
        }
        counts
    }

    /// The entity co-mention graph: an edge between two entities named in the
    /// same passage, weighted by the number of passages they share; with
    /// `hierarchy`, registry parent and owner links are added (weight 1 when
    /// the two are not co-mentioned). Node weights are entity indices.
    pub fn comention_graph(&self, hierarchy: bool) -> UnGraph<usize, f64> {
        let mut graph =
            UnGraph::<usize, f64>::with_capacity(self.entities.len(), self.mentions.len());
        for e in 0..self.entities.len() {
            graph.add_node(e);
        }
        let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        let mut by_passage: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for m in &self.mentions {
            by_passage.entry(m.passage).or_default().push(m.entity);
        }
        for entities in by_passage.values() {
            for (i, &a) in entities.iter().enumerate() {
                for &b in &entities[i + 1..] {
                    *weights.entry((a.min(b), a.max(b))).or_default() += 1.0;
                }
            }
        }
        if hierarchy {
            for &RegistryLink {
                child: a,
                parent: b,
            } in &self.hierarchy
            {
                if a != b {
                    weights.entry((a.min(b), a.max(b))).or_insert(1.0);
                }
            }
        }
        for ((a, b), w) in weights {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
        }
        graph
    }

    /// Finds an entity by label, alternative label or acronym, case-insensitively.
    pub fn find(&self, name: &str) -> Option<usize> {
        let want = fold(name);
        self.entities
            .iter()
            .position(|e| fold(&e.label) == want)
            .or_else(|| {
                self.entities
                    .iter()
                    .position(|e| e.alt_labels.iter().any(|a| fold(a) == want))
            })
    }

    /// The labels nearest to `name`, for "did you mean".
    pub fn nearest(&self, name: &str, n: usize) -> Vec<String> {
        let want = fold(name);
        let mut scored: Vec<(usize, &str)> = self
            .entities
            .iter()
            .flat_map(|e| {
                std::iter::once(&e.label)
                    .chain(&e.alt_labels)
                    .map(move |l| (l, &e.label))
            })
            .map(|(l, label)| (strsim::levenshtein(&want, &fold(l)), label.as_str()))
            .collect();
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, label) in scored {
            if !out.iter().any(|o| o == label) {
                out.push(label.to_owned());
            }
            if out.len() == n {
                break;
            }
        }
        out
    }
}

use crate::text::fold;

#[cfg(test)]
pub(crate) mod tests;

/// Every analysis of one network, computed once.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The network analysed.
    pub net: Network,
    /// The co-mention graph (see [`Network::comention_graph`]); node `i` is
    /// entity `i`.
    pub graph: UnGraph<usize, f64>,
    /// Centrality of each entity, by entity index.
    pub centrality: Vec<metrics::Centrality>,
    /// Leiden community of each entity, numbered by size (0 the largest).
    pub communities: Vec<usize>,
    /// Connected components of the co-mention graph, largest first.
    pub components: metrics::Components,
    /// Entities whose removal disconnects the graph, sorted.
    pub articulation: Vec<usize>,
    /// Links whose removal disconnects the graph, as sorted (lower, higher)
    /// entity pairs.
    pub bridges: Vec<metrics::Link>,
    /// NMI of the communities against each entity's dominant pillar, in
    /// [0, 1] (over the entities named in a pillar).
    pub nmi: f64,
    /// Purity, in [0, 1]: the share of entities (those named in a pillar)
    /// whose dominant pillar is the most common one in their community.
    pub purity: f64,
    /// Passages naming each entity, by entity index (see
    /// [`Network::mention_counts`]).
    pub mentions: Vec<usize>,
}

/// An entity co-mentioned with another, and the weight of their link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    /// The entity (an index into the network's entities).
    pub entity: usize,
    /// The passages naming both (a hierarchy link with none weighs 1).
    pub shared: f64,
}

impl Analysis {
    /// Runs every analysis; `hierarchy` adds registry parent and owner links.
    pub fn compute(net: Network, hierarchy: bool) -> Analysis {
        let graph = net.comention_graph(hierarchy);
        let centrality = metrics::centrality(&graph);
        let communities = metrics::communities(&graph);
        let components = metrics::components(&graph);
        let articulation = metrics::articulation_points(&graph);
        let bridges = metrics::bridges(&graph);
        // compare communities with pillars over the entities named in a pillar
        let dominant = metrics::dominant_pillars(&net);
        let pillar_ids: BTreeMap<&String, usize> = net
            .pillar_titles
            .keys()
            .enumerate()
            .map(|(i, p)| (p, i))
            .collect();
        let (a, b): (Vec<usize>, Vec<usize>) = dominant
            .iter()
            .enumerate()
            .filter_map(|(e, p)| {
                p.as_ref()
                    .and_then(|p| pillar_ids.get(p))
                    .map(|&pi| (communities[e], pi))
            })
            .unzip();
        let metrics::Agreement { nmi, purity } = metrics::nmi_and_purity(&a, &b);
        let mentions = net.mention_counts();
        Analysis {
            net,
            graph,
            centrality,
            communities,
            components,
            articulation,
            bridges,
            nmi,
            purity,
            mentions,
        }
    }

    /// Entities co-mentioned with `e`, by shared passages, heaviest first.
    pub fn neighbours(&self, e: usize) -> Vec<Neighbour> {
        use petgraph::visit::EdgeRef;
        let n = NodeIndex::new(e);
        let mut out: Vec<Neighbour> = self
            .graph
            .edges(n)
            .map(|edge| {
                let other = if edge.source() == n {
                    edge.target()
                } else {
                    edge.source()
                };
                Neighbour {
                    entity: other.index(),
                    shared: *edge.weight(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.shared.total_cmp(&a.shared).then_with(|| {
                self.net.entities[a.entity]
                    .label
                    .cmp(&self.net.entities[b.entity].label)
            })
        });
        out
    }
}
