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
    /// An organ or body of ASEAN itself: a ministerial or senior officials'
    /// meeting, committee, centre or network (ADMM, AICHR, AHA Centre).
    ASEANBody,
    /// A dialogue or consultation mechanism bringing ASEAN together with
    /// partners (ARF, East Asia Summit, ADMM-Plus, PMC+1).
    Mechanism,
    /// A treaty, declaration, statement, plan of action, work plan, framework
    /// or other written instrument (TAC, AOIP, MPAC 2025).
    Instrument,
    /// A U.S. government department or agency (USAID, USTR).
    USAgency,
    /// A government department or agency of a partner (`poa:USAgency` is
    /// its subclass for the United States).
    PartnerAgency,
    /// A named programme, initiative, partnership, fund, fellowship or project
    /// (YSEALI, ASEAN Single Window).
    Programme,
    /// Any other named organisation or institution (IAEA, Mekong River
    /// Commission).
    Organization,
    /// A named group of countries (CLMV, Mekong countries).
    CountryGroup,
}

impl EntityClass {
    /// Every class, in declaration order.
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

    /// The full IRI of the class in the poakg ontology namespace.
    pub fn iri(self) -> String {
        format!("{}{}", crate::vocab::POA, self.name())
    }
}

impl std::fmt::Display for EntityClass {
    /// The class's local name (`Mechanism`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for EntityClass {
    /// As its local name, the same word the reports and the RDF use.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
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
    /// The value written as `poa:foundBy`: `registry`, or the rule as
    /// `rule:<name>` (`rule:acronym-definition`).
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
    /// Unique id: the registry row's id, a slug of a discovered name, or
    /// `plan:<slug>` for a plan.
    pub id: String,
    /// What kind of entity it is; gives its `rdf:type`.
    pub class: EntityClass,
    /// The preferred name (`skos:prefLabel`).
    pub label: String,
    /// Other names: acronyms and variant spellings (`skos:altLabel`).
    pub alt_labels: Vec<String>,
    /// Id of the entity it is part of (`org:subOrganizationOf`): ADMM-Plus is
    /// part of the ADMM.
    pub part_of: Option<String>,
    /// Id of the body or mechanism an instrument or programme belongs to
    /// (`poa:owner`).
    pub owner: Option<String>,
    /// The code of the partner it belongs to (`JP`), for a partner's agency,
    /// fund, programme or joint mechanism.
    pub partner: Option<String>,
    /// Registry for known entities, else the rule that discovered it.
    pub method: Method,
    /// The entity's Wikidata item (`Q7768`), where a cited source verified it
    /// (`skos:exactMatch` its IRI).
    pub wikidata: Option<String>,
}

/// One mention of an entity in a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the passage in the slice given to [`Extractor::extract`].
    pub passage: usize,
    /// Id of the entity named (a key of [`Extraction::entities`]).
    pub entity: String,
    /// Char range in the passage's text.
    pub start: usize,
    /// End of the char range (exclusive).
    pub end: usize,
    /// The text as written in the passage (its chars `start..end`).
    pub surface: String,
    /// How this mention was found (it may differ from the entity's method:
    /// a later use of a defined acronym is [`Method::Acronym`]).
    pub method: Method,
}

/// The entities and mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The entities named, by id; a registry entity brings along the parents
    /// and owners it refers to.
    pub entities: BTreeMap<String, Entity>,
    /// Every mention, sorted by passage, then start, longest first.
    pub mentions: Vec<Mention>,
}

impl Extraction {
    /// The mentions in passage `passage` that overlap the characters
    /// `start..end`.
    pub(crate) fn overlapping(
        &self,
        passage: usize,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .filter(move |m| m.passage == passage && m.start < end && start < m.end)
    }

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
            wikidata: None,
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
    // two initials with and without their dots ("U.S." and "US", "U.K."
    // and "UK"): a rule of spelling, for every partner's short name alike
    if let Some(other) = swap_initials(name) {
        out.push(other);
    }
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

/// The name with its two-letter initials spelled the other way: dotted
/// ("U.S.") made plain ("US"), or, where there are none, plain made dotted;
/// None when it has neither.
fn swap_initials(name: &str) -> Option<String> {
    static DOTTED: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::text::regex(r"\b([A-Z])\.([A-Z])\."));
    static PLAIN: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::text::regex(r"\b([A-Z])([A-Z])\b"));
    let (dotted, plain) = (&*DOTTED, &*PLAIN);
    let swapped = if dotted.is_match(name) {
        dotted.replace_all(name, "$1$2")
    } else {
        plain.replace_all(name, "$1.$2.")
    };
    (swapped != name).then(|| swapped.into_owned())
}

/// A name as an IRI-safe id (see [`crate::text::slug`]).
pub use crate::text::slug;

#[cfg(test)]
mod tests;
