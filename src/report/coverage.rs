//! The coverage report: which plan clauses each programme activity relates
//! to (shared entities, rare shared words), and what no activity touches.

use super::cells::*;
use super::{Report, Table};
use crate::analysis::{Analysis, Passage};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// The theme words of a text: its content words (the toolkit's stop words
/// left out) of four letters or more, by stem ("policies" and "policy"
/// meet), each with the first form the text uses, for display.
fn themes(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for word in crate::text::content_words(text).filter(|w| w.chars().count() >= 4) {
        out.entry(crate::text::stem(&word)).or_insert(word);
    }
    out
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
    let mut rows = Vec::new();
    let mut items = Vec::new();
    let mut touched_sections: BTreeSet<String> = BTreeSet::new();
    let rarity = Rarity::of(all);
    for act in &activities {
        let related = related_clauses(a, act, &clauses, &rarity);
        for r in &related {
            if let Some(s) = &r.clause.section {
                touched_sections.insert(s.clone());
            }
        }
        let keys: Vec<String> = related.iter().map(|r| r.clause.key.clone()).collect();
        let why: Vec<String> = related.iter().map(Related::why).collect();
        rows.push(vec![
            act.key.clone(),
            snippet(act, &[], 40),
            keys.join(" "),
            why.join("; "),
        ]);
        items.push(json!({"activity": act.key, "text": act.text, "clauses": keys, "why": why}));
    }
    let untouched = Untouched::of(a, &clauses, &touched_sections);
    let (untouched, untouched_pillars) = (untouched.sections, untouched.pillars);
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

/// Themes: content words weighted by rarity (inverse document frequency
/// over clauses and activities), so "MSMEs" counts more than "training".
struct Rarity {
    /// Theme word -> passages it is a theme of.
    df: BTreeMap<String, usize>,
    /// Passages counted (at least 1).
    n_docs: f64,
}

impl Rarity {
    /// The document frequencies of the themes of `all`.
    fn of(all: &[Passage]) -> Rarity {
        let mut df: BTreeMap<String, usize> = BTreeMap::new();
        for p in all {
            for w in themes(&p.text).into_keys() {
                *df.entry(w).or_default() += 1;
            }
        }
        Rarity {
            df,
            n_docs: all.len().max(1) as f64,
        }
    }

    /// The inverse document frequency of theme word `w`.
    fn idf(&self, w: &str) -> f64 {
        (self.n_docs / self.df.get(w).copied().unwrap_or(1) as f64).ln()
    }

    /// The least summed IDF of the themes two passages share for them to
    /// relate: one rare word (in under 1 in 20 passages) or several
    /// commoner ones.
    fn threshold(&self) -> f64 {
        (self.n_docs / 20.0).ln().max(1.0)
    }
}

/// A clause an activity relates to, and why.
struct Related<'a> {
    /// Shared entities count 10 each, plus the summed IDF of the shared themes.
    score: f64,
    /// The clause.
    clause: &'a Passage,
    /// Labels of the entities both name.
    shared: Vec<String>,
    /// The themes both have, rarest first.
    common: Vec<String>,
}

impl Related<'_> {
    /// The reason shown: the shared entities, else the three rarest shared
    /// themes.
    fn why(&self) -> String {
        if self.shared.is_empty() {
            format!(
                "{}: themes {}",
                self.clause.key,
                self.common
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            format!("{}: {}", self.clause.key, self.shared.join(", "))
        }
    }
}

/// The entities the network's passage `iri` names (none when it names none).
fn entities_of(a: &Analysis, iri: &str) -> BTreeSet<usize> {
    a.net
        .passages
        .iter()
        .position(|p| p.iri == iri)
        .map(|p| a.net.entities_of(p).into_iter().collect())
        .unwrap_or_default()
}

/// The (at most five) clauses activity `act` relates to, best first.
fn related_clauses<'a>(
    a: &Analysis,
    act: &Passage,
    clauses: &[&'a Passage],
    rarity: &Rarity,
) -> Vec<Related<'a>> {
    let act_entities = entities_of(a, &act.iri);
    let act_themes = themes(&act.text);
    let mut related: Vec<Related<'a>> = Vec::new();
    for &c in clauses {
        let shared: Vec<String> = entities_of(a, &c.iri)
            .intersection(&act_entities)
            .map(|&e| a.net.entities[e].label.clone())
            .collect();
        let ct = themes(&c.text);
        let mut stems: Vec<&String> = act_themes.keys().filter(|s| ct.contains_key(*s)).collect();
        stems.sort_by(|x, y| rarity.idf(y).total_cmp(&rarity.idf(x)).then(x.cmp(y)));
        let theme_score: f64 = stems.iter().map(|s| rarity.idf(s)).sum();
        let common: Vec<String> = stems
            .iter()
            .filter_map(|s| act_themes.get(*s).cloned())
            .collect();
        let score = 10.0 * shared.len() as f64 + theme_score;
        if !shared.is_empty() || theme_score >= rarity.threshold() {
            related.push(Related {
                score,
                clause: c,
                shared,
                common,
            });
        }
    }
    related.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.clause.position.cmp(&y.clause.position))
    });
    related.truncate(5);
    related
}

/// What no activity touches.
struct Untouched {
    /// Rows of (pillar, section) for the sections no related clause is in.
    sections: Vec<Vec<String>>,
    /// The pillars none of whose sections is touched.
    pillars: Vec<String>,
}

impl Untouched {
    /// The sections of `clauses` not in `touched`, and the network's pillars
    /// with no touched section.
    fn of(a: &Analysis, clauses: &[&Passage], touched: &BTreeSet<String>) -> Untouched {
        let mut sections: BTreeMap<String, (String, bool)> = BTreeMap::new();
        for c in clauses {
            if let (Some(s), Some(p)) = (&c.section, &c.pillar) {
                sections.entry(s.clone()).or_insert((p.clone(), false));
            }
        }
        for s in touched {
            if let Some(v) = sections.get_mut(s) {
                v.1 = true;
            }
        }
        let pillars_touched: BTreeSet<String> = sections
            .values()
            .filter(|(_, t)| *t)
            .map(|(p, _)| p.clone())
            .collect();
        Untouched {
            sections: sections
                .iter()
                .filter(|(_, (_, t))| !t)
                .map(|(s, (p, _))| vec![p.clone(), s.clone()])
                .collect(),
            pillars: a
                .net
                .pillar_titles
                .keys()
                .filter(|p| !pillars_touched.contains(*p))
                .cloned()
                .collect(),
        }
    }
}
