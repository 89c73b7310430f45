//! The cross-pillar connectors: the entities that link the pillars of a
//! plan. One typed value gives the table and, serialised, the JSON.

use super::cells::*;
use super::report_json;
use super::{Report, Table};
use crate::analysis::{metrics, Network};
use crate::entities::EntityClass;
use serde::Serialize;
use std::collections::BTreeSet;

/// An entity named in two or more pillars of one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connector {
    /// Its preferred label.
    pub entity: String,
    /// Its IRI.
    pub iri: String,
    /// Its class.
    pub class: EntityClass,
    /// The pillars naming it (with several plans, `plan:pillar`).
    pub pillars: BTreeSet<String>,
    /// How many pillars.
    pub span: usize,
    /// The plans whose pillars it connects.
    pub plans: Vec<String>,
    /// The passages naming it.
    pub mentions: usize,
    /// Those passages' keys, by document and position.
    pub passages: Vec<String>,
}

/// The cross-pillar connectors (`report cross-pillar`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossPillar {
    /// The plans of the passages analysed.
    pub plans: BTreeSet<String>,
    /// The connectors, ranked.
    pub connectors: Vec<Connector>,
    /// Entities named in any pillar.
    #[serde(skip)]
    pub in_pillars: usize,
}

impl CrossPillar {
    /// The connectors of a network: ranked by pillar span,
    /// then by passages naming them (with several plans, first by how many
    /// plans they connect pillars in).
    pub fn of(net: &Network) -> Self {
        let connectors = metrics::connectors(net)
            .into_iter()
            .map(|c| {
                let ent = &net.entities[c.entity];
                Connector {
                    entity: ent.label.clone(),
                    iri: ent.iri.clone(),
                    class: ent.class,
                    span: c.pillars.len(),
                    pillars: c.pillars,
                    plans: net.connecting_plans(c.entity),
                    mentions: c.mentions,
                    passages: clause_keys(net, c.entity),
                }
            })
            .collect();
        CrossPillar {
            plans: net.passages.iter().filter_map(|p| p.plan.clone()).collect(),
            connectors,
            in_pillars: (0..net.entities.len())
                .filter(|&e| !net.pillar_span(e).is_empty())
                .count(),
        }
    }

    /// The report: one row a connector, with a plans column for a corpus.
    pub fn report(&self) -> Report {
        // a corpus: which plans each connects pillars in (a finding when several)
        let corpus = self.plans.len() > 1;
        let mut header: Vec<String> = ["#", "entity", "class"].map(String::from).to_vec();
        if corpus {
            header.push("plans".into());
        }
        header.extend(["pillars", "passages", "where"].map(String::from));
        let rows = self
            .connectors
            .iter()
            .enumerate()
            .map(|(rank, c)| {
                let mut row = vec![
                    (rank + 1).to_string(),
                    c.entity.clone(),
                    c.class.to_string(),
                ];
                if corpus {
                    row.push(c.plans.join(" "));
                }
                row.extend([
                    span_text(&c.pillars),
                    c.mentions.to_string(),
                    c.passages.join(" "),
                ]);
                row
            })
            .collect();
        Report {
            title: "Cross-pillar connectors".into(),
            notes: vec![self.note()],
            tables: vec![Table {
                title: String::new(),
                header,
                rows,
            }],
            json: report_json("cross-pillar", self),
        }
    }

    /// What the ranking shows, for one plan or a corpus.
    fn note(&self) -> String {
        if self.plans.len() > 1 {
            let in_several = self.connectors.iter().filter(|c| c.plans.len() > 1).count();
            return format!(
                "Across {} plans, {} of the {} entities named in their pillars connect two or more pillars of one plan; {} of them do so in several plans. Pillars are named plan:pillar (US:2021/1). Ranked by the plans they connect pillars in, then by pillar span and passages.",
                self.plans.len(),
                self.connectors.len(),
                self.in_pillars,
                in_several
            );
        }
        format!(
            "{} of the {} entities named in the plan's pillars are named in two or more pillars: the mechanisms, instruments and bodies that connect them. Ranked by pillar span, then by passages naming them.",
            self.connectors.len(),
            self.in_pillars
        )
    }
}

/// The cross-pillar connectors of a network as a report (they need the
/// network only, not its centralities or communities).
pub fn cross_pillar(net: &Network) -> Report {
    CrossPillar::of(net).report()
}
