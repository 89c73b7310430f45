//! The metrics of pillars and passages: the explained path between two
//! entities (a chain of passages), the pillar-by-pillar matrix, the
//! cross-pillar connectors and each entity's dominant pillar. Re-exported
//! from [`super::metrics`] with the network-wide measures.

use super::Network;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// One step of an explained path: an entity, then the passage leading on.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Step {
    /// The entity at this step (an index into the network's entities).
    pub entity: usize,
    /// The passage that names this entity and the next one (none for the last).
    pub via: Option<usize>,
}

/// The shortest path from entity `a` to entity `b` through passages that name
/// both ends of each hop (breadth-first on the passage-entity network; ties go
/// to the earlier passage and entity).
pub fn explained_path(net: &Network, a: usize, b: usize) -> Option<Vec<Step>> {
    let mut by_entity: Vec<Vec<usize>> = vec![Vec::new(); net.entities.len()];
    let mut by_passage: Vec<Vec<usize>> = vec![Vec::new(); net.passages.len()];
    for &super::Naming {
        passage: p,
        entity: e,
    } in &net.mentions
    {
        by_entity[e].push(p);
        by_passage[p].push(e);
    }
    let mut prev: Vec<Option<(usize, usize)>> = vec![None; net.entities.len()];
    let mut seen = vec![false; net.entities.len()];
    seen[a] = true;
    let mut queue = VecDeque::from([a]);
    while let Some(e) = queue.pop_front() {
        if e == b {
            break;
        }
        for &p in &by_entity[e] {
            for &next in &by_passage[p] {
                if !seen[next] {
                    seen[next] = true;
                    prev[next] = Some((e, p));
                    queue.push_back(next);
                }
            }
        }
    }
    if !seen[b] {
        return None;
    }
    let mut steps = vec![Step {
        entity: b,
        via: None,
    }];
    let mut cur = b;
    while let Some((from, via)) = prev[cur] {
        steps.push(Step {
            entity: from,
            via: Some(via),
        });
        cur = from;
    }
    steps.reverse();
    Some(steps)
}

/// The pillar-by-pillar matrix: for each pair of pillars, the entities named in both.
pub fn pillar_matrix(net: &Network) -> BTreeMap<(String, String), Vec<usize>> {
    let spans: Vec<BTreeSet<String>> = (0..net.entities.len())
        .map(|e| net.pillar_span(e))
        .collect();
    let pillars: Vec<String> = net.pillar_titles.keys().cloned().collect();
    let mut out = BTreeMap::new();
    for a in &pillars {
        for b in &pillars {
            let shared: Vec<usize> = (0..net.entities.len())
                .filter(|&e| spans[e].contains(a) && spans[e].contains(b))
                .collect();
            out.insert((a.clone(), b.clone()), shared);
        }
    }
    out
}

/// An entity named in two or more pillars of one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorRank {
    /// The entity (an index into the network's entities).
    pub entity: usize,
    /// The pillars naming it.
    pub pillars: BTreeSet<String>,
    /// The passages naming it.
    pub mentions: usize,
    /// The plans whose pillars it connects.
    pub plans: usize,
}

/// Entities named in two or more pillars of one plan: by the plans they
/// connect pillars in, then span, then mentions, then label.
pub fn connectors(net: &Network) -> Vec<ConnectorRank> {
    let counts = net.mention_counts();
    // a connector links pillars of one plan; with several plans, one that
    // does so in more plans ranks first
    let mut out: Vec<ConnectorRank> = (0..net.entities.len())
        .map(|e| ConnectorRank {
            entity: e,
            pillars: net.pillar_span(e),
            mentions: counts[e],
            plans: net.connecting_plans(e).len(),
        })
        .filter(|c| c.plans >= 1)
        .collect();
    out.sort_by(|x, y| {
        y.plans
            .cmp(&x.plans)
            .then(y.pillars.len().cmp(&x.pillars.len()))
            .then(y.mentions.cmp(&x.mentions))
            .then_with(|| {
                net.entities[x.entity]
                    .label
                    .cmp(&net.entities[y.entity].label)
            })
    });
    out
}

/// Each entity's dominant pillar (most passages, ties to the lowest), for
/// comparing communities with the formal pillars; None if named in no pillar.
pub fn dominant_pillars(net: &Network) -> Vec<Option<String>> {
    (0..net.entities.len())
        .map(|e| {
            let mut count: BTreeMap<String, usize> = BTreeMap::new();
            for p in net.passages_of(e) {
                if let Some(pillar) = &net.passages[p].pillar {
                    *count.entry(pillar.clone()).or_default() += 1;
                }
            }
            let best = count.values().copied().max()?;
            // ties go to the first pillar in numbering order ("2" before "10")
            count
                .into_iter()
                .filter(|(_, c)| *c == best)
                .map(|(p, _)| p)
                .min_by(|a, b| numbering_order(a, b))
        })
        .collect()
}

/// Orders notations as people number them: runs of digits by value, the
/// rest as text (`US:2021/2` before `US:2021/10`).
fn numbering_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn runs(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let key = |s: &str| -> Vec<(String, u128)> {
        runs(s)
            .into_iter()
            .map(|(digits, run)| {
                if digits {
                    (String::new(), run.parse::<u128>().unwrap_or(u128::MAX))
                } else {
                    (run.to_owned(), 0)
                }
            })
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod numbering_tests {
    #[test]
    fn notations_order_by_their_numbers() {
        let mut got = vec!["10", "2", "US:2021/10", "US:2021/2", "1", ""];
        got.sort_by(|a, b| super::numbering_order(a, b));
        assert_eq!(got, ["", "1", "2", "10", "US:2021/2", "US:2021/10"]);
    }
}
