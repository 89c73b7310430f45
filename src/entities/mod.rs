//! Entities: finding every named ASEAN body, dialogue mechanism, instrument,
//! U.S. agency, programme, organisation and country group in each passage,
//! giving each one identity, and recording where and how it was found.
//!
//! `registry` reads the curated list of known entities; `matcher` finds their
//! names (and variants) in text; `discover` finds entities no registry knows
//! (acronym definitions, head nouns); [`Extractor::extract`] combines them for
//! one document; `rdf` writes the result as triples.

pub mod discover;
pub mod matcher;
pub mod rdf;
pub mod registry;

use matcher::Matcher;
use registry::{Known, Registry};
use std::collections::{BTreeMap, HashMap};

/// The entity classes of the contract vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityClass {
    ASEANBody,
    Mechanism,
    Instrument,
    USAgency,
    Programme,
    Organization,
    CountryGroup,
}

impl EntityClass {
    pub const ALL: [EntityClass; 7] = [
        EntityClass::ASEANBody,
        EntityClass::Mechanism,
        EntityClass::Instrument,
        EntityClass::USAgency,
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
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Registry => "registry",
            Method::AcronymDefinition => "rule:acronym-definition",
            Method::Acronym => "rule:acronym",
            Method::HeadNoun => "rule:head-noun",
        }
    }
}

/// An entity as known after extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub class: EntityClass,
    pub label: String,
    pub alt_labels: Vec<String>,
    pub part_of: Option<String>,
    pub owner: Option<String>,
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

/// Finds entities with a registry and the discovery rules.
pub struct Extractor {
    registry: Registry,
    matcher: Matcher,
}

/// The bundled registry.
pub const BUNDLED_REGISTRY: &str = include_str!("../../ontology/registry.tsv");

impl Extractor {
    pub fn new(registry: Registry) -> Extractor {
        let mut names = Vec::new();
        for (i, known) in registry.entries.iter().enumerate() {
            for label in std::iter::once(&known.label).chain(&known.alt_labels) {
                for variant in variants(label) {
                    names.push((i, variant));
                }
            }
        }
        let matcher = Matcher::new(names.iter().map(|(i, n)| (*i, n.as_str())));
        Extractor { registry, matcher }
    }

    /// The extractor with the bundled registry.
    pub fn bundled() -> Result<Extractor, registry::RegistryError> {
        Ok(Extractor::new(Registry::parse(
            "ontology/registry.tsv",
            BUNDLED_REGISTRY,
        )?))
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Extracts the entities of one document's passages (in document order).
    pub fn extract(&self, passages: &[&str]) -> Extraction {
        let mut out = Extraction::default();
        let chars: Vec<Vec<char>> = passages.iter().map(|p| p.chars().collect()).collect();
        let surface = |p: usize, s: usize, e: usize| chars[p][s..e].iter().collect::<String>();

        // 1. Registry names.
        for (p, text) in passages.iter().enumerate() {
            for hit in resolve(self.matcher.find(text), &chars[p]) {
                let known = &self.registry.entries[hit.owner];
                out.add_known(known, &self.registry);
                out.mentions.push(Mention {
                    passage: p,
                    entity: known.id.clone(),
                    start: hit.start,
                    end: hit.end,
                    surface: surface(p, hit.start, hit.end),
                    method: Method::Registry,
                });
            }
        }
        // 2. Acronym definitions of names the registry does not know (or of
        //    known names with an acronym it does not know).
        let mut local: Vec<(String, String)> = Vec::new(); // (entity id, extra label)
        for (p, text) in passages.iter().enumerate() {
            for def in discover::acronym_definitions(text) {
                let covering = out
                    .mentions
                    .iter()
                    .filter(|m| m.passage == p && m.start < def.end && def.start < m.end)
                    .find(|m| {
                        let shared = m.end.min(def.end) - m.start.max(def.start);
                        shared * 10 >= (def.end - def.start) * 6
                    })
                    .map(|m| m.entity.clone());
                let (acronym, a_start, a_end) =
                    def.acronym.clone().expect("definitions carry an acronym");
                let acronym_known = out
                    .mentions
                    .iter()
                    .any(|m| m.passage == p && m.start <= a_start && m.end >= a_end);
                let id = match covering {
                    Some(id) => id,
                    None => {
                        if out.mentions.iter().any(|m| {
                            m.passage == p
                                && m.start < def.end
                                && def.start < m.end
                                && !(def.start <= m.start && m.end <= def.end)
                        }) {
                            continue; // overlaps a known name partially: not trusted
                        }
                        let id =
                            out.add_discovered(&def.name, def.class, Method::AcronymDefinition);
                        out.mentions.push(Mention {
                            passage: p,
                            entity: id.clone(),
                            start: def.start,
                            end: def.end,
                            surface: surface(p, def.start, def.end),
                            method: Method::AcronymDefinition,
                        });
                        id
                    }
                };
                if !acronym_known {
                    local.push((id.clone(), acronym.clone()));
                    if let Some(e) = out
                        .entities
                        .get(&id)
                        .filter(|e| e.method != Method::Registry)
                    {
                        local.push((id.clone(), e.label.clone()));
                    }
                    if let Some(e) = out.entities.get_mut(&id) {
                        if !e.alt_labels.contains(&acronym) {
                            e.alt_labels.push(acronym.clone());
                        }
                    }
                    out.mentions.push(Mention {
                        passage: p,
                        entity: id,
                        start: a_start,
                        end: a_end,
                        surface: acronym,
                        method: Method::AcronymDefinition,
                    });
                }
            }
        }
        // 3. Names built on head nouns.
        for (p, text) in passages.iter().enumerate() {
            for cand in discover::head_noun_names(text) {
                let overlapping: Vec<&Mention> = out
                    .mentions
                    .iter()
                    .filter(|m| m.passage == p && m.start < cand.end && cand.start < m.end)
                    .collect();
                let covered = overlapping.iter().any(|m| {
                    let inside = m.start <= cand.start && cand.end <= m.end;
                    let same = out
                        .entities
                        .get(&m.entity)
                        .is_some_and(|e| e.class == cand.class)
                        && (m.end - m.start) * 10 >= (cand.end - cand.start) * 6;
                    let partial = !(cand.start <= m.start && m.end <= cand.end);
                    // "the ARF Framework": a known name plus generic words names the known entity
                    let rest: String = chars[p][cand.start..m.start.max(cand.start)]
                        .iter()
                        .chain([&' '])
                        .chain(&chars[p][m.end.min(cand.end)..cand.end])
                        .collect();
                    let rest_words: Vec<&str> = rest.split_whitespace().collect();
                    let adjacent = !rest_words
                        .iter()
                        .any(|w| matches!(*w, "of" | "on" | "for" | "to" | "the" | "in"));
                    let nothing_more = adjacent && !discover::has_distinctive_word(&rest_words);
                    inside || same || partial || nothing_more
                });
                if covered {
                    continue;
                }
                let id = out.add_discovered(&cand.name, cand.class, Method::HeadNoun);
                local.push((id.clone(), cand.name.clone()));
                out.mentions.push(Mention {
                    passage: p,
                    entity: id,
                    start: cand.start,
                    end: cand.end,
                    surface: surface(p, cand.start, cand.end),
                    method: Method::HeadNoun,
                });
            }
        }
        // 4. Later uses of what the rules found, anywhere in the document.
        if !local.is_empty() {
            let ids: Vec<String> = local.iter().map(|(id, _)| id.clone()).collect();
            let names: Vec<(usize, &str)> = local
                .iter()
                .enumerate()
                .map(|(i, (_, n))| (i, n.as_str()))
                .collect();
            let doc_matcher = Matcher::case_sensitive(names);
            for (p, text) in passages.iter().enumerate() {
                for hit in resolve(doc_matcher.find(text), &chars[p]) {
                    let id = &ids[hit.owner];
                    let seen = out.mentions.iter().any(|m| {
                        m.passage == p
                            && m.start < hit.end
                            && hit.start < m.end
                            // nested names count; the same entity twice, or a
                            // partial overlap, does not
                            && (m.entity == *id || !(m.start <= hit.start && hit.end <= m.end))
                    });
                    if !seen {
                        let method = if local[hit.owner].1.chars().any(char::is_lowercase) {
                            Method::HeadNoun
                        } else {
                            Method::Acronym
                        };
                        out.mentions.push(Mention {
                            passage: p,
                            entity: id.clone(),
                            start: hit.start,
                            end: hit.end,
                            surface: surface(p, hit.start, hit.end),
                            method,
                        });
                    }
                }
            }
        }
        out.mentions.sort_by(|a, b| {
            (a.passage, a.start, std::cmp::Reverse(a.end), &a.entity).cmp(&(
                b.passage,
                b.start,
                std::cmp::Reverse(b.end),
                &b.entity,
            ))
        });
        out.mentions.dedup_by(|a, b| {
            a.passage == b.passage && a.entity == b.entity && a.start == b.start && a.end == b.end
        });
        out
    }
}

impl Extraction {
    /// Records a registry entity and the parents and owners it refers to.
    fn add_known(&mut self, known: &Known, registry: &Registry) {
        let mut pending = vec![known.id.clone()];
        while let Some(id) = pending.pop() {
            if self.entities.contains_key(&id) {
                continue;
            }
            let Some(k) = registry.get(&id) else { continue };
            pending.extend(k.part_of.iter().chain(&k.owner).cloned());
            self.entities.insert(
                id,
                Entity {
                    id: k.id.clone(),
                    class: k.class,
                    label: k.label.clone(),
                    alt_labels: k.alt_labels.clone(),
                    part_of: k.part_of.clone(),
                    owner: k.owner.clone(),
                    method: Method::Registry,
                },
            );
        }
    }

    /// Records an entity found by a rule; the same name gives the same entity.
    fn add_discovered(&mut self, name: &str, class: EntityClass, method: Method) -> String {
        let id = slug(name);
        self.entities.entry(id.clone()).or_insert_with(|| Entity {
            id: id.clone(),
            class,
            label: name.to_owned(),
            alt_labels: Vec::new(),
            part_of: None,
            owner: None,
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

/// Keeps nested names (each named entity counts), drops the inner part of a
/// "Plus" format ("ADMM" in "ADMM-Plus") and the shorter of two names that
/// overlap without nesting.
fn resolve(hits: Vec<matcher::Hit>, chars: &[char]) -> Vec<matcher::Hit> {
    let mut kept: Vec<matcher::Hit> = Vec::new();
    for hit in hits {
        let next: String = chars[hit.end..].iter().take(3).collect();
        // the name this hit stands in, back to the last punctuation
        let lead: String = chars[hit.start.saturating_sub(80)..hit.start]
            .iter()
            .collect();
        let lead = lead.rsplit([',', ';', ':', '(', ')']).next().unwrap_or("");
        let inner: String = chars[hit.start..hit.end].iter().collect();
        let in_plus_name = lead.split_whitespace().any(|w| w == "Plus") && !inner.contains("Plus");
        // "Expanded ASEAN Maritime Forum": the expanded format with partners, not the ASEAN body
        let expanded = lead.trim_end().ends_with("Expanded");
        let mut keep = !next.trim_start().starts_with('+') && !in_plus_name && !expanded;
        for outer in &kept {
            let contains = outer.start <= hit.start && hit.end <= outer.end;
            let overlaps = outer.start < hit.end && hit.start < outer.end;
            if contains {
                let same = outer.owner == hit.owner;
                let after: String = chars[hit.end..outer.end].iter().take(6).collect();
                let plus_format = after.starts_with('-')
                    || after.starts_with('+')
                    || after.trim_start().starts_with('+')
                    || after.trim_start().starts_with("Plus");
                if same || plus_format {
                    keep = false;
                }
            } else if overlaps {
                keep = false; // hits are sorted longest first at each start
            }
        }
        if keep {
            kept.push(hit);
        }
    }
    kept
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
