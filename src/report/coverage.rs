//! The coverage report: which plan clauses each programme activity relates
//! to (shared entities, rare shared words), and what no activity touches.

use super::cells::*;
use super::{Report, Table};
use crate::analysis::{Analysis, Passage};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

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
        .map(|w| w.strip_suffix('s').unwrap_or(&w).to_owned())
        .collect()
}

/// The programme coverage of the plan: for each programme activity, the
/// (at most five) clauses it relates to by shared entities or rare shared
/// words, then the sections and pillars no activity touches. `all` is every
/// clause and activity with a text (see
/// [`crate::analysis::load::network_and_passages`]).
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
