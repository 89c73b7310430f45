//! The coverage report: which plan clauses each programme activity relates
//! to (shared entities, rare shared words), and what no activity touches.

use super::cells::*;
use super::report_json;
use super::{Report, Table};
use crate::analysis::{Analysis, Passage};
use serde::Serialize;
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

/// One programme activity and the clauses it relates to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityCoverage {
    /// The activity's key.
    pub activity: String,
    /// Its text.
    pub text: String,
    /// The beginning of its text, for a table.
    #[serde(skip)]
    pub snippet: String,
    /// The keys of the (at most five) clauses it relates to, best first.
    pub clauses: Vec<String>,
    /// Why, one reason a clause: the entities both name, else the rarest
    /// themes both have.
    pub why: Vec<String>,
}

/// A section no activity touches; serialised as the section's notation.
#[derive(Debug, Clone, PartialEq)]
pub struct UntouchedSection {
    /// Its pillar's notation.
    pub pillar: String,
    /// The section's notation.
    pub section: String,
}

impl Serialize for UntouchedSection {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.section)
    }
}

/// The programme coverage of the plan (`report coverage`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Each activity and the clauses it relates to.
    pub activities: Vec<ActivityCoverage>,
    /// The sections no related clause is in.
    pub untouched_sections: Vec<UntouchedSection>,
    /// The pillars none of whose sections is touched.
    pub untouched_pillars: Vec<String>,
}

impl Coverage {
    /// For each programme activity, the (at most five) clauses it relates
    /// to by shared entities or rare shared words, then the sections and
    /// pillars no activity touches. `all` is every clause and activity with
    /// a text (see [`crate::analysis::load::network_and_passages`]).
    pub fn of(a: &Analysis, all: &[Passage]) -> Self {
        let clauses: Vec<&Passage> = all
            .iter()
            .filter(|p| !p.is_activity && p.pillar.is_some())
            .collect();
        let rarity = Rarity::of(all);
        let mut touched_sections: BTreeSet<String> = BTreeSet::new();
        let mut activities = Vec::new();
        for act in all.iter().filter(|p| p.is_activity) {
            let related = related_clauses(a, act, &clauses, &rarity);
            touched_sections.extend(related.iter().filter_map(|r| r.clause.section.clone()));
            activities.push(ActivityCoverage {
                activity: act.key.clone(),
                text: act.text.clone(),
                snippet: snippet(act, &[], 40),
                clauses: related.iter().map(|r| r.clause.key.clone()).collect(),
                why: related.iter().map(Related::why).collect(),
            });
        }
        let untouched = Untouched::of(a, &clauses, &touched_sections);
        Coverage {
            activities,
            untouched_sections: untouched.sections,
            untouched_pillars: untouched.pillars,
        }
    }

    /// The report: the activities, then the sections no activity touches.
    pub fn report(&self) -> Report {
        let rows = self
            .activities
            .iter()
            .map(|c| {
                vec![
                    c.activity.clone(),
                    c.snippet.clone(),
                    c.clauses.join(" "),
                    c.why.join("; "),
                ]
            })
            .collect();
        let untouched = self
            .untouched_sections
            .iter()
            .map(|u| vec![u.pillar.clone(), u.section.clone()])
            .collect();
        let pillars = if self.untouched_pillars.is_empty() {
            "none".into()
        } else {
            self.untouched_pillars.join(", ")
        };
        Report {
            title: "Programme coverage of the plan".into(),
            notes: vec![
                format!("{} activities; a clause relates to an activity when both name an entity, or when the content words they share are rare enough (summed inverse document frequency ≥ ln(N/20)); top five by shared entities, then by that score.", self.activities.len()),
                format!("Pillars no activity touches: {pillars}"),
            ],
            tables: vec![
                Table { title: "Activities and the clauses they relate to".into(), header: ["activity", "text", "clauses", "why"].map(String::from).to_vec(), rows },
                Table { title: "Sections no activity touches".into(), header: ["pillar", "section"].map(String::from).to_vec(), rows: untouched },
            ],
            json: report_json("coverage", self),
        }
    }
}

/// The programme coverage as a report.
pub fn coverage(a: &Analysis, all: &[Passage]) -> Report {
    Coverage::of(a, all).report()
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
    /// The sections no related clause is in.
    sections: Vec<UntouchedSection>,
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
                .map(|(s, (p, _))| UntouchedSection {
                    pillar: p.clone(),
                    section: s.clone(),
                })
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
