//! Entities: finding every named ASEAN body, dialogue mechanism, instrument,
//! U.S. agency, programme, organisation and country group in each passage,
//! giving each one identity, and recording where and how it was found.
//!
//! `registry` reads the curated list of known entities; `matcher` finds their
//! names (and variants) in text; `discover` finds entities no registry knows
//! (acronym definitions, head nouns) with the word lists of `lexicon`;
//! `extract` ([`Extractor::extract`]) combines them for one document; `rdf`
//! writes the result as triples. No I/O, no store.

pub mod discover;
mod extract;
pub mod lexicon;
pub mod matcher;
pub mod rdf;
mod references;
pub mod registry;

pub use extract::{DocContext, Extractor, ExtractorError, PlanRef, BUNDLED_REGISTRY};
use std::collections::{BTreeMap, HashMap};

/// The entity classes of the contract vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityClass {
    ASEANBody,
    Mechanism,
    Instrument,
    USAgency,
    /// A government department or agency of a partner (`poa:USAgency` is
    /// its subclass for the United States).
    PartnerAgency,
    Programme,
    Organization,
    CountryGroup,
}

impl EntityClass {
    pub const ALL: [EntityClass; 8] = [
        EntityClass::ASEANBody,
        EntityClass::Mechanism,
        EntityClass::Instrument,
        EntityClass::USAgency,
        EntityClass::PartnerAgency,
        EntityClass::Programme,
        EntityClass::Organization,
        EntityClass::CountryGroup,
    ];

    /// The local name of the class IRI (`poa:ASEANBody`).
    pub fn name(self) -> &'static str {
        match self {
            EntityClass::ASEANBody => "ASEANBody",
            EntityClass::Mechanism => "Mechanism",
            EntityClass::Instrument => "Instrument",
            EntityClass::USAgency => "USAgency",
            EntityClass::PartnerAgency => "PartnerAgency",
            EntityClass::Programme => "Programme",
            EntityClass::Organization => "Organization",
            EntityClass::CountryGroup => "CountryGroup",
        }
    }

    /// Parses a class name, with or without `poa:`, case-insensitively.
    pub fn parse(s: &str) -> Option<EntityClass> {
        let s = s.trim().trim_start_matches("poa:");
        let s = s.rsplit('#').next().unwrap_or(s);
        EntityClass::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(s))
    }

    pub fn iri(self) -> String {
        format!("{}{}", crate::vocab::POA, self.name())
    }
}

/// How an entity or mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// A label or variant from the registry.
    Registry,
    /// A "Full Name (ACRONYM)" definition.
    AcronymDefinition,
    /// A later use of an acronym defined in the document.
    Acronym,
    /// A name built on a head noun (Work Plan, Summit, Committee, ...).
    HeadNoun,
    /// A reference to the plan itself or to the plan it follows ("this Plan
    /// of Action", "the previous Plan of Action (2016-2020)").
    PlanReference,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Registry => "registry",
            Method::AcronymDefinition => "rule:acronym-definition",
            Method::Acronym => "rule:acronym",
            Method::HeadNoun => "rule:head-noun",
            Method::PlanReference => "rule:plan-reference",
        }
    }
}

/// An entity: a registry row, or what a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub class: EntityClass,
    pub label: String,
    pub alt_labels: Vec<String>,
    pub part_of: Option<String>,
    pub owner: Option<String>,
    /// The code of the partner it belongs to (`JP`), for a partner's agency,
    /// fund, programme or joint mechanism.
    pub partner: Option<String>,
    /// Registry for known entities, else the rule that discovered it.
    pub method: Method,
}

/// One mention of an entity in a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the passage in the slice given to [`Extractor::extract`].
    pub passage: usize,
    pub entity: String,
    /// Char range in the passage's text.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub method: Method,
}

/// The entities and mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: BTreeMap<String, Entity>,
    pub mentions: Vec<Mention>,
}

impl Extraction {
    /// Records a registry entity and the parents and owners it refers to.
    pub(crate) fn add_known(&mut self, known: &Entity, registry: &registry::Registry) {
        let mut pending = vec![known.id.clone()];
        while let Some(id) = pending.pop() {
            if self.entities.contains_key(&id) {
                continue;
            }
            let Some(k) = registry.get(&id) else { continue };
            pending.extend(k.part_of.iter().chain(&k.owner).cloned());
            self.entities.insert(id, k.clone());
        }
    }

    /// Records an entity found by a rule; the same name gives the same entity.
    pub(crate) fn add_discovered(
        &mut self,
        name: &str,
        class: EntityClass,
        method: Method,
    ) -> String {
        let id = slug(name);
        self.entities.entry(id.clone()).or_insert_with(|| Entity {
            id: id.clone(),
            class,
            label: name.to_owned(),
            alt_labels: Vec::new(),
            part_of: None,
            owner: None,
            partner: None,
            method,
        });
        id
    }

    /// Mention counts per entity id.
    pub fn counts(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for m in &self.mentions {
            *counts.entry(m.entity.as_str()).or_default() += 1;
        }
        counts
    }
}

/// Spelling variants of a name that texts of the genre use interchangeably.
pub fn variants(name: &str) -> Vec<String> {
    if !name.chars().any(char::is_lowercase) {
        return vec![name.to_owned()];
    }
    const SWAPS: &[(&str, &str)] = &[
        ("U.S.", "US"),
        ("Programme", "Program"),
        ("Centre", "Center"),
        ("Organisation", "Organization"),
        ("Defence", "Defense"),
        ("Experts'", "Expert"),
        ("Experts'", "Experts"),
        ("Work Plan", "Workplan"),
        ("Counter-Terrorism", "Counter Terrorism"),
        ("Counter Terrorism", "Counter-Terrorism"),
        ("-", " - "),
    ];
    let mut out = vec![name.to_owned()];
    for (a, b) in SWAPS {
        for (from, to) in [(a, b), (b, a)] {
            let snapshot = out.clone();
            for v in snapshot {
                if v.contains(*from) && !(*from == "-" && v.contains(" - ")) {
                    let w = v.replace(*from, to);
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
            }
            if out.len() > 24 {
                return out;
            }
        }
    }
    out
}

/// A name as an IRI-safe id.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().map(matcher::normalise_char) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '+' {
            out.push_str("-plus-");
        } else if !out.ends_with('-') && !out.is_empty() && c != '\'' && c != '.' {
            out.push('-');
        }
    }
    let out = out
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if out.is_empty() {
        "entity".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests;
