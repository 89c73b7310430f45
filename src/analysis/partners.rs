//! Partner to partner: what the plans of a corpus share. For each plan, the
//! entities it names (a plans x entities matrix), how alike any two plans
//! are (by the entities they name and by their words), and how their
//! clauses and mentions fall across pillars matched by theme. Pure
//! computation on a [`Network`] and the listed passages; no I/O.

mod tally;

use super::themes::Themes;
use super::{Network, Passage};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tally::{Clauses, Mentions, PillarThemes};

/// A plan as the report names it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlanLabel {
    /// The plan's IRI.
    pub iri: String,
    /// `US 2021-2025`.
    pub name: String,
    /// The partner's name ("United States"), when the store gives one.
    pub partner: Option<String>,
    /// First and last year of the plan's period.
    pub period: Option<crate::corpus::Period>,
}

/// One plan's figures.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlanFigures {
    /// The plan these figures are of.
    pub plan: PlanLabel,
    /// Its clauses with a text (programme activities not counted).
    pub clauses: usize,
    /// Passage-entity pairs in its passages (an entity counts once per
    /// passage).
    pub mentions: usize,
    /// Distinct entities named.
    pub entities: usize,
}

/// How alike two plans are, each figure in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Likeness {
    /// Jaccard index of the entity sets.
    pub entities: f64,
    /// Cosine of the plans' TF-IDF word vectors.
    pub text: f64,
}

impl Likeness {
    /// The mean of both: the figure the heat map shows.
    pub fn overall(self) -> f64 {
        (self.entities + self.text) / 2.0
    }
}

/// A theme's share of one plan, in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Share {
    /// Share of the plan's clauses that are in the theme's pillars.
    pub clauses: f64,
    /// Share of the plan's mentions that are in passages of the theme's
    /// pillars.
    pub mentions: f64,
}

/// A pillar of a plan and the theme it went into.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedPillar {
    /// Index into [`Partners::themes`].
    pub theme: usize,
    /// Index into [`Partners::plans`].
    pub plan: usize,
    /// The pillar's notation (`1`).
    pub notation: String,
    /// The pillar's title.
    pub title: String,
}

/// An entity one plan alone names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedByOne {
    /// The plan (an index into [`Partners::plans`]).
    pub plan: usize,
    /// The entity (an index into the network's entities).
    pub entity: usize,
}

/// Everything the partners report shows.
#[derive(Debug, Clone)]
pub struct Partners {
    /// Each plan's figures, in the order given to [`Partners::compute`].
    pub plans: Vec<PlanFigures>,
    /// Entity index -> passages naming it in each plan (same order as `plans`).
    pub presence: BTreeMap<usize, Vec<usize>>,
    /// `likeness[i][j]` for plans i and j.
    pub likeness: Vec<Vec<Likeness>>,
    /// The plans in the order of an average-linkage clustering on
    /// 1 - overall likeness: alike plans side by side.
    pub order: Vec<usize>,
    /// Theme labels, in the order of the balance columns.
    pub themes: Vec<String>,
    /// `balance[plan][theme]`.
    pub balance: Vec<Vec<Share>>,
    /// Which pillars went into each theme.
    pub matched: Vec<MatchedPillar>,
}

impl Partners {
    /// Computes the figures for `plans` (documents of the network that are
    /// not among them, such as programme pages, are left out). `listed` is
    /// every clause with a text, whether it names an entity or not.
    pub fn compute(
        net: &Network,
        listed: &[Passage],
        plans: &[PlanLabel],
        mut themes: Themes,
    ) -> Partners {
        let index: HashMap<&str, usize> = plans
            .iter()
            .enumerate()
            .map(|(i, p)| (p.iri.as_str(), i))
            .collect();
        let n = plans.len();
        let pillars = PillarThemes::assign(net, listed, &index, &mut themes);
        let named = Mentions::count(net, &index, &pillars.of_pillar, n);
        let clauses = Clauses::count(listed, &index, &pillars.of_pillar, n);
        let sets: Vec<BTreeSet<usize>> = (0..n)
            .map(|plan| {
                named
                    .presence
                    .iter()
                    .filter(|(_, counts)| counts[plan] > 0)
                    .map(|(e, _)| *e)
                    .collect()
            })
            .collect();
        let likeness = tally::likeness(&sets, &clauses.texts);
        // the themes some plan has a pillar in, in table order
        let used: BTreeSet<usize> = pillars.matched.iter().map(|m| m.theme).collect();
        let columns: Vec<usize> = used.into_iter().collect();
        let position: HashMap<usize, usize> =
            columns.iter().enumerate().map(|(i, t)| (*t, i)).collect();
        Partners {
            plans: plans
                .iter()
                .enumerate()
                .map(|(i, p)| PlanFigures {
                    plan: p.clone(),
                    clauses: clauses.clauses[i],
                    mentions: named.mentions[i],
                    entities: sets[i].len(),
                })
                .collect(),
            balance: tally::balance(&columns, &clauses, &named),
            presence: named.presence,
            order: cluster_order(&likeness),
            likeness,
            themes: columns
                .iter()
                .map(|&t| themes.themes[t].label.clone())
                .collect(),
            matched: pillars
                .matched
                .into_iter()
                .map(|m| MatchedPillar {
                    theme: position[&m.theme],
                    ..m
                })
                .collect(),
        }
    }

    /// The entities every plan names (with two plans or more).
    pub fn shared_by_all(&self) -> Vec<usize> {
        if self.plans.len() < 2 {
            return Vec::new();
        }
        self.presence
            .iter()
            .filter(|(_, c)| c.iter().all(|&x| x > 0))
            .map(|(e, _)| *e)
            .collect()
    }

    /// The entities one plan alone names, by plan then entity.
    pub fn unique(&self) -> Vec<NamedByOne> {
        if self.plans.len() < 2 {
            return Vec::new();
        }
        let mut out: Vec<NamedByOne> = self
            .presence
            .iter()
            .filter_map(|(e, c)| {
                let mut named = c.iter().enumerate().filter(|(_, &x)| x > 0);
                match (named.next(), named.next()) {
                    (Some((plan, _)), None) => Some(NamedByOne { plan, entity: *e }),
                    _ => None,
                }
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// How many plans name an entity.
    pub fn plans_naming(&self, entity: usize) -> usize {
        self.presence
            .get(&entity)
            .map_or(0, |c| c.iter().filter(|&&x| x > 0).count())
    }
}

/// Leaf order of an average-linkage (UPGMA) clustering on 1 - overall
/// likeness, through `kodama` (a well-kept implementation of the standard
/// algorithms): plans that are alike end up side by side in the heat map.
fn cluster_order(likeness: &[Vec<Likeness>]) -> Vec<usize> {
    let n = likeness.len();
    if n < 3 {
        return (0..n).collect();
    }
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for (i, row) in likeness.iter().enumerate().take(n) {
        for cell in &row[i + 1..n] {
            condensed.push(1.0 - cell.overall());
        }
    }
    let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
    // cluster n + k is step k's union; walk it depth first, left to right
    let steps = dendrogram.steps();
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![n + steps.len() - 1];
    while let Some(c) = stack.pop() {
        if c < n {
            order.push(c);
        } else {
            let step = &steps[c - n];
            stack.push(step.cluster2);
            stack.push(step.cluster1);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(doc: &str, pillar: &str, key: &str, text: &str) -> Passage {
        Passage {
            iri: format!("{doc}/{key}"),
            key: key.into(),
            pillar: Some(format!("{doc}/{pillar}")),
            section: None,
            position: 0,
            text: text.into(),
            document: doc.into(),
            plan: Some(doc.into()),
            is_activity: false,
        }
    }

    fn label(iri: &str) -> PlanLabel {
        PlanLabel {
            iri: iri.into(),
            name: iri.to_uppercase(),
            partner: None,
            period: None,
        }
    }

    /// Three plans: a and b name the same forum and share words; c names
    /// the forum and one instrument of its own, in other words.
    fn corpus() -> (Network, Vec<PlanLabel>) {
        let mut net = Network::default();
        for (doc, title) in [
            ("a", "Political and Security Cooperation"),
            ("b", "Political-Security Cooperation"),
            ("c", "Maritime Cooperation"),
        ] {
            net.pillar_titles.insert(format!("{doc}/1"), title.into());
        }
        net.pillar_titles
            .insert("a/2".into(), "Economic Cooperation".into());
        net.passages = vec![
            passage(
                "a",
                "1",
                "1.1",
                "Hold the regional forum on maritime security each year",
            ),
            passage("a", "2", "2.1", "Promote trade through the regional forum"),
            passage(
                "b",
                "1",
                "1.1",
                "Hold the regional forum on maritime security every year",
            ),
            passage(
                "c",
                "1",
                "1",
                "Ratify the fisheries convention and report to the forum",
            ),
        ];
        for name in ["Forum", "Convention"] {
            net.entities.push(super::super::EntityNode {
                iri: name.into(),
                label: name.into(),
                class: crate::entities::EntityClass::Mechanism,
                alt_labels: vec![],
            });
        }
        net.mentions = [(0, 0), (1, 0), (2, 0), (3, 0), (3, 1)]
            .into_iter()
            .map(|(passage, entity)| crate::analysis::Naming { passage, entity })
            .collect();
        (net, ["a", "b", "c"].map(label).to_vec())
    }

    #[test]
    fn shared_unique_and_likeness_follow_what_the_plans_name() {
        let (net, plans) = corpus();
        let listed = net.passages.clone();
        let p = Partners::compute(&net, &listed, &plans, Themes::bundled());
        assert_eq!(p.shared_by_all(), vec![0]);
        assert_eq!(p.unique(), vec![NamedByOne { plan: 2, entity: 1 }]);
        assert_eq!(p.presence[&0], vec![2, 1, 1]);
        assert_eq!(p.likeness[0][1].entities, 1.0);
        assert_eq!(p.likeness[0][2].entities, 0.5);
        assert!(p.likeness[0][1].text > p.likeness[0][2].text);
        // a and b side by side, c at one end
        let at = |x| p.order.iter().position(|&i| i == x).unwrap();
        assert_eq!(at(0).abs_diff(at(1)), 1);
    }

    #[test]
    fn pillars_are_balanced_by_theme_not_number() {
        let (net, plans) = corpus();
        let listed = net.passages.clone();
        let p = Partners::compute(&net, &listed, &plans, Themes::bundled());
        assert_eq!(
            p.themes,
            vec!["Political and security", "Economic", "Maritime Cooperation"]
        );
        // a: one clause in each of its two pillars; b: all political
        assert_eq!(p.balance[0][0].clauses, 0.5);
        assert_eq!(p.balance[0][1].clauses, 0.5);
        assert_eq!(p.balance[1][0].clauses, 1.0);
        assert_eq!(p.balance[2][2].clauses, 1.0);
        assert_eq!(p.balance[2][2].mentions, 1.0);
    }
}
