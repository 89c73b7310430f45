//! The reports about groups: the pillar-by-pillar matrix and the
//! communities of the co-mention network. Each is one typed value that
//! gives the tables and, serialised, the JSON.

use super::report_json;
use super::{Report, Table};
use crate::analysis::{metrics, Analysis};
use serde::Serialize;
use std::collections::BTreeMap;

/// A pillar: its notation and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarName {
    /// Its notation (`1`, `2`...).
    pub notation: String,
    /// Its title.
    pub title: String,
}

/// The entities two pillars share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedCell {
    /// The two pillars' notations.
    pub pillars: [String; 2],
    /// The labels of the entities named in both.
    pub entities: Vec<String>,
}

/// The pillar-by-pillar matrix (`report pillars`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarMatrix {
    /// The pillars, in order.
    pub pillars: Vec<PillarName>,
    /// Entities named in both of each pair of pillars (on the diagonal, in
    /// the pillar at all), rows and columns in the order of `pillars`.
    pub matrix: Vec<Vec<usize>>,
    /// The entities behind each cell above the diagonal.
    pub cells: Vec<SharedCell>,
}

impl PillarMatrix {
    /// The matrix of the analysis's network.
    pub fn of(a: &Analysis) -> Self {
        let matrix = metrics::pillar_matrix(&a.net);
        let notations: Vec<String> = a.net.pillar_titles.keys().cloned().collect();
        let count = |p: &String, q: &String| matrix[&(p.clone(), q.clone())].len();
        let mut cells = Vec::new();
        for (i, p) in notations.iter().enumerate() {
            for q in &notations[i + 1..] {
                let entities = matrix[&(p.clone(), q.clone())]
                    .iter()
                    .map(|&e| a.net.entities[e].label.clone())
                    .collect();
                cells.push(SharedCell {
                    pillars: [p.clone(), q.clone()],
                    entities,
                });
            }
        }
        PillarMatrix {
            matrix: notations
                .iter()
                .map(|p| notations.iter().map(|q| count(p, q)).collect())
                .collect(),
            pillars: notations
                .iter()
                .map(|p| PillarName {
                    notation: p.clone(),
                    title: a.net.pillar_titles[p].clone(),
                })
                .collect(),
            cells,
        }
    }

    /// The report: the matrix, then the entities behind each cell.
    pub fn report(&self) -> Report {
        let mut header = vec!["pillar".to_string()];
        header.extend(self.pillars.iter().map(|p| p.notation.clone()));
        let rows = self
            .pillars
            .iter()
            .zip(&self.matrix)
            .map(|(p, counts)| {
                let mut row = vec![format!("{} {}", p.notation, p.title)];
                row.extend(counts.iter().map(usize::to_string));
                row
            })
            .collect();
        let cell_rows = self
            .cells
            .iter()
            .map(|c| {
                vec![
                    format!("{} × {}", c.pillars[0], c.pillars[1]),
                    c.entities.len().to_string(),
                    c.entities.join("; "),
                ]
            })
            .collect();
        Report {
            title: "Entities shared between pillars".into(),
            notes: vec!["Each cell counts the entities named in both pillars; the diagonal counts those named in the pillar at all.".into()],
            tables: vec![
                Table { title: "Matrix".into(), header, rows },
                Table { title: "Entities behind each cell".into(), header: ["pillars", "shared", "entities"].map(String::from).to_vec(), rows: cell_rows },
            ],
            json: report_json("pillars", self),
        }
    }
}

/// The pillar-by-pillar matrix as a report.
pub fn pillars(a: &Analysis) -> Report {
    PillarMatrix::of(a).report()
}

/// One community of two or more named entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Community {
    /// Its number in the partition.
    pub community: usize,
    /// Its members.
    pub size: usize,
    /// How many members have each dominant pillar (`-` for none).
    pub pillars: BTreeMap<String, usize>,
    /// The members' labels, most mentioned first.
    pub members: Vec<String>,
}

/// The communities of the co-mention network (`report communities`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communities {
    /// The method that found them.
    pub method: &'static str,
    /// Normalised mutual information against the entities' dominant pillars.
    pub nmi: f64,
    /// Purity against the same.
    pub purity: f64,
    /// The communities of two or more named entities.
    pub communities: Vec<Community>,
    /// Communities of one entity, not listed.
    #[serde(skip)]
    pub singles: usize,
}

impl Communities {
    /// The communities of the analysis's partition.
    pub fn of(a: &Analysis) -> Self {
        let dominant = metrics::dominant_pillars(&a.net);
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (e, &c) in a.communities.iter().enumerate() {
            if a.mentions[e] > 0 {
                groups.entry(c).or_default().push(e);
            }
        }
        let mut communities = Vec::new();
        for (&c, members) in groups.iter().filter(|(_, m)| m.len() >= 2) {
            let mut pillars: BTreeMap<String, usize> = BTreeMap::new();
            for &e in members {
                let pillar = dominant[e].clone().unwrap_or_else(|| "-".into());
                *pillars.entry(pillar).or_default() += 1;
            }
            let mut sorted = members.clone();
            sorted.sort_by(|&x, &y| {
                a.mentions[y]
                    .cmp(&a.mentions[x])
                    .then_with(|| a.net.entities[x].label.cmp(&a.net.entities[y].label))
            });
            communities.push(Community {
                community: c,
                size: members.len(),
                pillars,
                members: sorted
                    .iter()
                    .map(|&e| a.net.entities[e].label.clone())
                    .collect(),
            });
        }
        Communities {
            method: "leiden",
            nmi: a.nmi,
            purity: a.purity,
            communities,
            singles: groups.values().filter(|m| m.len() == 1).count(),
        }
    }

    /// The report: one row a community.
    pub fn report(&self) -> Report {
        let rows = self
            .communities
            .iter()
            .map(|c| {
                let pillars: Vec<String> =
                    c.pillars.iter().map(|(p, n)| format!("{p}:{n}")).collect();
                vec![
                    c.community.to_string(),
                    c.size.to_string(),
                    pillars.join(" "),
                    c.members.join("; "),
                ]
            })
            .collect();
        Report {
            title: "Communities of the co-mention network".into(),
            notes: vec![
                "Method: Leiden (crate leiden-rs, modularity, fixed seed).".into(),
                format!("Against each entity's dominant pillar: NMI {:.3}, purity {:.3} ({} single-entity communities not listed).", self.nmi, self.purity, self.singles),
            ],
            tables: vec![Table { title: String::new(), header: ["#", "size", "pillars", "members"].map(String::from).to_vec(), rows }],
            json: report_json("communities", self),
        }
    }
}

/// The communities as a report.
pub fn communities(a: &Analysis) -> Report {
    Communities::of(a).report()
}
