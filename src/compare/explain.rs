//! Why a pair was made, in words a reader can check: the words both clauses
//! use and those only one does, the entities both name and those only one
//! names, and whether the commitment's lead verb changed ("Explore" ->
//! "Implement").

use super::load::Clause;
use super::text::content_words;
use std::collections::BTreeSet;

/// What two aligned clauses share and how they differ (for a new or dropped
/// clause, everything is on one side).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    /// Content words both clauses use (lower case), in the later clause's
    /// order.
    pub shared_words: Vec<String>,
    /// Content words only the earlier clause uses, in its order.
    pub earlier_only_words: Vec<String>,
    /// Content words only the later clause uses, in its order.
    pub later_only_words: Vec<String>,
    /// Labels of the entities both clauses name.
    pub shared_entities: Vec<String>,
    /// Labels of the entities only the earlier clause names.
    pub earlier_only_entities: Vec<String>,
    /// Labels of the entities only the later clause names.
    pub later_only_entities: Vec<String>,
    /// The lead verbs when they differ.
    pub lead_verb: Option<VerbChange>,
}

/// The lead verbs of two clauses that differ; serialised as `[earlier,
/// later]`, the shape the comparison's JSON has always had.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerbChange {
    /// The earlier clause's.
    pub earlier: String,
    /// The later clause's.
    pub later: String,
}

impl serde::Serialize for VerbChange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&[&self.earlier, &self.later], s)
    }
}

impl Explanation {
    /// One line for text reports: "verb Explore -> Implement; +ADMM-Plus; -think tanks".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = &self.lead_verb {
            parts.push(format!("verb {} -> {}", v.earlier, v.later));
        }
        for e in &self.later_only_entities {
            parts.push(format!("+{e}"));
        }
        for e in &self.earlier_only_entities {
            parts.push(format!("-{e}"));
        }
        let words = |sign: char, list: &[String]| -> Option<String> {
            (!list.is_empty()).then(|| {
                let shown: Vec<&str> = list.iter().take(6).map(String::as_str).collect();
                let more = if list.len() > 6 { " ..." } else { "" };
                format!("{sign}[{}{more}]", shown.join(" "))
            })
        };
        parts.extend(words('+', &self.later_only_words));
        parts.extend(words('-', &self.earlier_only_words));
        parts.join("; ")
    }
}

/// The first word of a clause, when it is a verb-like capitalised word
/// ("Support", "Explore"): the genre opens each commitment with its verb.
pub fn lead_verb(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    let word = first.trim_matches(|c: char| !c.is_alphabetic());
    (word.chars().next()?.is_uppercase() && word.chars().all(char::is_alphabetic) && word.len() > 2)
        .then_some(word)
}

fn ordered_difference(a: &[String], b: &BTreeSet<&String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    a.iter()
        .filter(|w| !b.contains(w) && seen.insert(*w))
        .cloned()
        .collect()
}

/// What `earlier` and `later` share and how they differ; either may be
/// None (a new or dropped clause).
pub fn explain(earlier: Option<&Clause>, later: Option<&Clause>) -> Explanation {
    let words_of = |c: Option<&Clause>| -> Vec<String> {
        c.map(|c| content_words(&c.text).collect())
            .unwrap_or_default()
    };
    let (a, b) = (words_of(earlier), words_of(later));
    let (sa, sb): (BTreeSet<&String>, BTreeSet<&String>) = (a.iter().collect(), b.iter().collect());
    let mut seen = BTreeSet::new();
    let shared_words = b
        .iter()
        .filter(|w| sa.contains(w) && seen.insert(*w))
        .cloned()
        .collect();
    let labels = |c: Option<&Clause>| -> Vec<String> {
        c.map(|c| c.entities.iter().map(|e| e.label.clone()).collect())
            .unwrap_or_default()
    };
    let (ea, eb) = (labels(earlier), labels(later));
    let lead = match (
        earlier.and_then(|c| lead_verb(&c.text)),
        later.and_then(|c| lead_verb(&c.text)),
    ) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => Some(VerbChange {
            earlier: x.to_owned(),
            later: y.to_owned(),
        }),
        _ => None,
    };
    Explanation {
        shared_words,
        earlier_only_words: ordered_difference(&a, &sb),
        later_only_words: ordered_difference(&b, &sa),
        shared_entities: eb.iter().filter(|e| ea.contains(e)).cloned().collect(),
        earlier_only_entities: ea.iter().filter(|e| !eb.contains(e)).cloned().collect(),
        later_only_entities: eb.iter().filter(|e| !ea.contains(e)).cloned().collect(),
        lead_verb: lead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str, entities: &[&str]) -> Clause {
        Clause {
            iri: String::new(),
            notation: "1.1.1".into(),
            text: text.into(),
            pillar: "1".into(),
            pillar_position: 1,
            level: None,
            entities: entities
                .iter()
                .map(|e| crate::compare::load::ClauseEntity {
                    iri: String::new(),
                    label: (*e).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_changed_verb_and_a_new_entity_are_named() {
        let a = clause(
            "Explore cooperation on cybersecurity through the ARF;",
            &["ASEAN Regional Forum"],
        );
        let b = clause(
            "Implement cooperation on cybersecurity through the ARF and ADMM-Plus;",
            &["ASEAN Regional Forum", "ADMM-Plus"],
        );
        let e = explain(Some(&a), Some(&b));
        let verbs = e
            .lead_verb
            .as_ref()
            .map(|v| (v.earlier.as_str(), v.later.as_str()));
        assert_eq!(verbs, Some(("Explore", "Implement")));
        assert_eq!(e.later_only_entities, ["ADMM-Plus"]);
        assert_eq!(e.shared_entities, ["ASEAN Regional Forum"]);
        assert!(e.shared_words.contains(&"cybersecurity".to_owned()));
        assert!(e.later_only_words.contains(&"admm".to_owned()));
        assert!(e
            .summary()
            .starts_with("verb Explore -> Implement; +ADMM-Plus"));
    }
}
