//! The counting phases of [`Partners::compute`]: pillars matched to
//! themes, mentions and clauses by plan and theme, likeness and balance.
//!
//! [`Partners::compute`]: super::Partners::compute

use super::{Likeness, MatchedPillar, Share};
use crate::analysis::themes::Themes;
use crate::analysis::{Network, Passage};
use crate::compare::text::{cosine, Vectors};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The plans' pillars matched to themes.
pub(super) struct PillarThemes {
    /// Each pillar of a plan, its theme an index into the themes.
    pub(super) matched: Vec<MatchedPillar>,
    /// Pillar key -> theme.
    pub(super) of_pillar: BTreeMap<String, usize>,
}

impl PillarThemes {
    /// Assigns each pillar of the plans (by `index`, plan IRI -> plan) a
    /// theme, in plan order so that made-up themes are named by the first
    /// plan's title.
    pub(super) fn assign(
        net: &Network,
        listed: &[Passage],
        index: &HashMap<&str, usize>,
        themes: &mut Themes,
    ) -> PillarThemes {
        let mut pillars: Vec<(usize, String, String)> = Vec::new();
        for p in listed.iter().chain(&net.passages) {
            if let (Some(&plan), Some(key)) = (index.get(p.document.as_str()), &p.pillar) {
                if let Some(title) = net.pillar_titles.get(key) {
                    pillars.push((plan, key.clone(), title.clone()));
                }
            }
        }
        pillars.sort();
        pillars.dedup();
        let mut out = PillarThemes {
            matched: Vec::new(),
            of_pillar: BTreeMap::new(),
        };
        for (plan, key, title) in pillars {
            let theme = themes.assign(&title);
            let notation = key.rsplit('/').next().unwrap_or(&key).to_owned();
            out.matched.push(MatchedPillar {
                theme,
                plan,
                notation,
                title,
            });
            out.of_pillar.insert(key, theme);
        }
        out
    }
}

/// The mentions of entities in each plan.
pub(super) struct Mentions {
    /// Entity -> passages naming it in each plan.
    pub(super) presence: BTreeMap<usize, Vec<usize>>,
    /// Mentions in each plan.
    pub(super) mentions: Vec<usize>,
    /// Per plan, theme -> mentions in passages of its pillars.
    pub(super) by_theme: Vec<BTreeMap<usize, usize>>,
}

impl Mentions {
    /// Counts the network's mentions in the `n` plans of `index`.
    pub(super) fn count(
        net: &Network,
        index: &HashMap<&str, usize>,
        pillar_theme: &BTreeMap<String, usize>,
        n: usize,
    ) -> Mentions {
        let mut out = Mentions {
            presence: BTreeMap::new(),
            mentions: vec![0; n],
            by_theme: vec![BTreeMap::new(); n],
        };
        for &crate::analysis::Naming {
            passage: p,
            entity: e,
        } in &net.mentions
        {
            let passage = &net.passages[p];
            let Some(&plan) = index.get(passage.document.as_str()) else {
                continue;
            };
            out.presence.entry(e).or_insert_with(|| vec![0; n])[plan] += 1;
            out.mentions[plan] += 1;
            if let Some(t) = passage.pillar.as_ref().and_then(|k| pillar_theme.get(k)) {
                *out.by_theme[plan].entry(*t).or_default() += 1;
            }
        }
        out
    }
}

/// The clauses of each plan (programme activities not counted).
pub(super) struct Clauses {
    /// Clauses in each plan.
    pub(super) clauses: Vec<usize>,
    /// Per plan, theme -> clauses in its pillars.
    pub(super) by_theme: Vec<BTreeMap<usize, usize>>,
    /// Each plan's clause texts, one a line.
    pub(super) texts: Vec<String>,
}

impl Clauses {
    /// Counts the listed clauses in the `n` plans of `index`.
    pub(super) fn count(
        listed: &[Passage],
        index: &HashMap<&str, usize>,
        pillar_theme: &BTreeMap<String, usize>,
        n: usize,
    ) -> Clauses {
        let mut out = Clauses {
            clauses: vec![0; n],
            by_theme: vec![BTreeMap::new(); n],
            texts: vec![String::new(); n],
        };
        for p in listed.iter().filter(|p| !p.is_activity) {
            let Some(&plan) = index.get(p.document.as_str()) else {
                continue;
            };
            out.clauses[plan] += 1;
            out.texts[plan].push_str(&p.text);
            out.texts[plan].push('\n');
            if let Some(t) = p.pillar.as_ref().and_then(|k| pillar_theme.get(k)) {
                *out.by_theme[plan].entry(*t).or_default() += 1;
            }
        }
        out
    }
}

/// The likeness of every two plans, from the entity set and the text of
/// each.
pub(super) fn likeness(sets: &[BTreeSet<usize>], texts: &[String]) -> Vec<Vec<Likeness>> {
    let n = sets.len();
    let vectors = Vectors::new(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let mut likeness = vec![
        vec![
            Likeness {
                entities: 1.0,
                text: 1.0
            };
            n
        ];
        n
    ];
    for i in 0..n {
        for j in i + 1..n {
            let union = sets[i].union(&sets[j]).count();
            let shared = sets[i].intersection(&sets[j]).count();
            let l = Likeness {
                entities: if union == 0 {
                    0.0
                } else {
                    shared as f64 / union as f64
                },
                text: f64::from(cosine(&vectors.words[i], &vectors.words[j])).clamp(0.0, 1.0),
            };
            likeness[i][j] = l;
            likeness[j][i] = l;
        }
    }
    likeness
}

/// `balance[plan][column]`: the share of each plan's clauses and mentions
/// in the theme of each column.
pub(super) fn balance(columns: &[usize], clauses: &Clauses, named: &Mentions) -> Vec<Vec<Share>> {
    let share = |part: Option<&usize>, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            *part.unwrap_or(&0) as f64 / whole as f64
        }
    };
    (0..clauses.clauses.len())
        .map(|plan| {
            columns
                .iter()
                .map(|t| Share {
                    clauses: share(clauses.by_theme[plan].get(t), clauses.clauses[plan]),
                    mentions: share(named.by_theme[plan].get(t), named.mentions[plan]),
                })
                .collect()
        })
        .collect()
}
