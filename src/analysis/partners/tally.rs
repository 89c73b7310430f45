//! The counting phases of [`Partners::compute`]: pillars matched to
//! themes, mentions and clauses by plan and theme, likeness and balance.
//!
//! [`Partners::compute`]: super::Partners::compute

use super::{Likeness, MatchedPillar, Share};
use crate::analysis::themes::Themes;
use crate::analysis::{Network, Passage};
use crate::compare::text::{cosine, word_vectors};
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

/// The likeness of every pair of plans: the Jaccard index of the entities
/// they name and the cosine of their clause texts' word vectors (see
/// [`word_vectors`]). Each plan's entities are a bitset, so a pair's shared
/// entities are a popcount; the pairs are shared among the cores, row by
/// row. The figures are those of a pair-by-pair loop to the last bit: the
/// same integers, the same cosine.
pub(super) fn likeness(sets: &[BTreeSet<usize>], texts: &[String]) -> Vec<Vec<Likeness>> {
    let n = sets.len();
    let words = word_vectors(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let bits = EntityBits::of(sets);
    let pair = |i: usize, j: usize| {
        let shared = bits.shared(i, j);
        let union = sets[i].len() + sets[j].len() - shared;
        Likeness {
            entities: if union == 0 {
                0.0
            } else {
                shared as f64 / union as f64
            },
            text: f64::from(cosine(&words[i], &words[j])).clamp(0.0, 1.0),
        }
    };
    let rows = upper_rows(n, &pair);
    let same = Likeness {
        entities: 1.0,
        text: 1.0,
    };
    let mut likeness = vec![vec![same; n]; n];
    for (i, row) in rows.into_iter().enumerate() {
        for (offset, l) in row.into_iter().enumerate() {
            let j = i + 1 + offset;
            likeness[i][j] = l;
            likeness[j][i] = l;
        }
    }
    likeness
}

/// For each `i`, `pair(i, j)` for every `j > i`, on all cores (thread `k`
/// takes the rows `i` with `i % threads == k`, so long and short rows mix).
fn upper_rows(n: usize, pair: &(dyn Fn(usize, usize) -> Likeness + Sync)) -> Vec<Vec<Likeness>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(n.max(1));
    let mut rows: Vec<Vec<Likeness>> = vec![Vec::new(); n];
    let parts: Vec<Vec<(usize, Vec<Likeness>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    (k..n)
                        .step_by(threads)
                        .map(|i| (i, (i + 1..n).map(|j| pair(i, j)).collect()))
                        .collect()
                })
            })
            .collect();
        // a worker's panic goes on in this thread, as it would unthreaded
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, row) in parts.into_iter().flatten() {
        rows[i] = row;
    }
    rows
}

/// Each plan's entities as a bitset over the entities any plan names.
struct EntityBits {
    /// Per plan, the words of its bitset.
    words: Vec<Vec<u64>>,
}

impl EntityBits {
    fn of(sets: &[BTreeSet<usize>]) -> EntityBits {
        let all: BTreeSet<usize> = sets.iter().flatten().copied().collect();
        let bit: HashMap<usize, usize> = all.iter().enumerate().map(|(b, &e)| (e, b)).collect();
        let width = all.len().div_ceil(64);
        let words = sets
            .iter()
            .map(|set| {
                let mut words = vec![0u64; width];
                for e in set {
                    let b = bit[e];
                    words[b / 64] |= 1 << (b % 64);
                }
                words
            })
            .collect();
        EntityBits { words }
    }

    /// The entities plans `i` and `j` both name.
    fn shared(&self, i: usize, j: usize) -> usize {
        (self.words[i].iter().zip(&self.words[j]))
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::text::Vectors;

    /// The likeness of a pair as defined: set operations and the cosine of
    /// the word vectors a comparison computes, one pair at a time.
    fn by_definition(sets: &[BTreeSet<usize>], texts: &[String], i: usize, j: usize) -> Likeness {
        let vectors = Vectors::new(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let union = sets[i].union(&sets[j]).count();
        let shared = sets[i].intersection(&sets[j]).count();
        Likeness {
            entities: if union == 0 {
                0.0
            } else {
                shared as f64 / union as f64
            },
            text: f64::from(cosine(&vectors.words[i], &vectors.words[j])).clamp(0.0, 1.0),
        }
    }

    #[test]
    fn every_pair_is_as_defined_to_the_last_bit() {
        // entities past 64 (bitsets of several words), a plan naming none,
        // texts sharing some words
        let sets: Vec<BTreeSet<usize>> = vec![
            (0..150).step_by(3).collect(),
            (0..150).step_by(5).collect(),
            [7, 64, 65, 130].into_iter().collect(),
            BTreeSet::new(),
            (100..140).collect(),
        ];
        let texts: Vec<String> = [
            "Hold the regional forum on maritime security each year",
            "Promote trade and maritime connectivity through the forum",
            "Strengthen disaster management and humanitarian assistance",
            "",
            "Hold the forum each year; promote trade in services",
        ]
        .map(String::from)
        .to_vec();
        let got = likeness(&sets, &texts);
        for (i, row) in got.iter().enumerate() {
            for (j, l) in row.iter().enumerate() {
                if i == j {
                    assert_eq!((l.entities, l.text), (1.0, 1.0));
                    continue;
                }
                let want = by_definition(&sets, &texts, i.min(j), i.max(j));
                assert_eq!(l.entities.to_bits(), want.entities.to_bits(), "{i} {j}");
                assert_eq!(l.text.to_bits(), want.text.to_bits(), "{i} {j}");
            }
        }
    }
}
