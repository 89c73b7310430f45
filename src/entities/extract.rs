//! [`Extractor::extract`]: the entities of one document, in four phases
//! (registry names, acronym definitions, head-noun names, later uses of what
//! the rules found), each a function of its own.

use super::discover;
use super::lexicon::Lexicon;
use super::matcher::{self, Matcher};
use super::registry::{self, Registry};
use super::{variants, Extraction, Method, Mention};

/// Finds entities with a registry and the discovery rules.
pub struct Extractor {
    registry: Registry,
    matcher: Matcher,
    lexicon: Lexicon,
}

/// The bundled registry.
pub const BUNDLED_REGISTRY: &str = include_str!("../../ontology/registry.tsv");

/// The bundled registry or lexicon does not read (a packaging fault).
#[derive(Debug, thiserror::Error)]
pub enum ExtractorError {
    #[error(transparent)]
    Registry(#[from] registry::RegistryError),
    #[error(transparent)]
    Lexicon(#[from] super::lexicon::LexiconError),
}

/// The passages of one document, with their characters.
struct Document<'a> {
    texts: &'a [&'a str],
    chars: Vec<Vec<char>>,
}

impl Document<'_> {
    fn surface(&self, p: usize, start: usize, end: usize) -> String {
        self.chars[p][start..end].iter().collect()
    }

    fn mention(&self, p: usize, entity: &str, start: usize, end: usize, method: Method) -> Mention {
        Mention {
            passage: p,
            entity: entity.to_owned(),
            start,
            end,
            surface: self.surface(p, start, end),
            method,
        }
    }
}

/// Names the rules found, for the last phase: (entity id, name or acronym).
type Local = Vec<(String, String)>;

impl Extractor {
    pub fn new(registry: Registry, lexicon: Lexicon) -> Extractor {
        let mut names = Vec::new();
        for (i, known) in registry.entries.iter().enumerate() {
            for label in std::iter::once(&known.label).chain(&known.alt_labels) {
                for variant in variants(label) {
                    names.push((i, variant));
                }
            }
        }
        let matcher = Matcher::new(names.iter().map(|(i, n)| (*i, n.as_str())));
        Extractor {
            registry,
            matcher,
            lexicon,
        }
    }

    /// The extractor with the bundled registry and lexicon.
    pub fn bundled() -> Result<Extractor, ExtractorError> {
        Ok(Extractor::new(
            Registry::parse("ontology/registry.tsv", BUNDLED_REGISTRY)?,
            Lexicon::bundled()?,
        ))
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts the entities of one document's passages (in document order).
    pub fn extract(&self, passages: &[&str]) -> Extraction {
        let doc = Document {
            texts: passages,
            chars: passages.iter().map(|p| p.chars().collect()).collect(),
        };
        let mut out = Extraction::default();
        self.registry_names(&doc, &mut out);
        let mut local = self.acronym_definitions(&doc, &mut out);
        local.extend(self.head_noun_names(&doc, &mut out));
        later_uses(&doc, &local, &mut out);
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

    /// Phase 1: the registry's names and their variants.
    fn registry_names(&self, doc: &Document<'_>, out: &mut Extraction) {
        for (p, text) in doc.texts.iter().enumerate() {
            for hit in resolve(self.matcher.find(text), &doc.chars[p]) {
                let known = &self.registry.entries[hit.owner];
                out.add_known(known, &self.registry);
                out.mentions
                    .push(doc.mention(p, &known.id, hit.start, hit.end, Method::Registry));
            }
        }
    }

    /// Phase 2: acronym definitions of names the registry does not know (or
    /// of known names with an acronym it does not know).
    fn acronym_definitions(&self, doc: &Document<'_>, out: &mut Extraction) -> Local {
        let mut local = Local::new();
        for (p, text) in doc.texts.iter().enumerate() {
            for def in discover::acronym_definitions(&self.lexicon, text) {
                let covering = out
                    .mentions
                    .iter()
                    .filter(|m| m.passage == p && m.start < def.end && def.start < m.end)
                    .find(|m| {
                        let shared = m.end.min(def.end) - m.start.max(def.start);
                        shared * 10 >= (def.end - def.start) * 6
                    })
                    .map(|m| m.entity.clone());
                let Some((acronym, a_start, a_end)) = def.acronym.clone() else {
                    continue;
                };
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
                        out.mentions.push(doc.mention(
                            p,
                            &id,
                            def.start,
                            def.end,
                            Method::AcronymDefinition,
                        ));
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
        local
    }

    /// Phase 3: names built on head nouns, unless a known name covers them.
    fn head_noun_names(&self, doc: &Document<'_>, out: &mut Extraction) -> Local {
        let mut local = Local::new();
        for (p, text) in doc.texts.iter().enumerate() {
            for cand in discover::head_noun_names(&self.lexicon, text) {
                let covered = out
                    .mentions
                    .iter()
                    .filter(|m| m.passage == p && m.start < cand.end && cand.start < m.end)
                    .any(|m| self.covers(doc, out, m, p, &cand));
                if covered {
                    continue;
                }
                let id = out.add_discovered(&cand.name, cand.class, Method::HeadNoun);
                local.push((id.clone(), cand.name.clone()));
                out.mentions
                    .push(doc.mention(p, &id, cand.start, cand.end, Method::HeadNoun));
            }
        }
        local
    }

    /// Whether mention `m` already accounts for the candidate name `cand`.
    fn covers(
        &self,
        doc: &Document<'_>,
        out: &Extraction,
        m: &Mention,
        p: usize,
        cand: &discover::Candidate,
    ) -> bool {
        let inside = m.start <= cand.start && cand.end <= m.end;
        let same = out
            .entities
            .get(&m.entity)
            .is_some_and(|e| e.class == cand.class)
            && (m.end - m.start) * 10 >= (cand.end - cand.start) * 6;
        let partial = !(cand.start <= m.start && m.end <= cand.end);
        // "the ARF Framework": a known name plus generic words names the known entity
        let rest: String = doc.chars[p][cand.start..m.start.max(cand.start)]
            .iter()
            .chain([&' '])
            .chain(&doc.chars[p][m.end.min(cand.end)..cand.end])
            .collect();
        let rest_words: Vec<&str> = rest.split_whitespace().collect();
        let adjacent = !rest_words
            .iter()
            .any(|w| matches!(*w, "of" | "on" | "for" | "to" | "the" | "in"));
        let nothing_more =
            adjacent && !discover::has_distinctive_word(&self.lexicon, &rest_words);
        inside || same || partial || nothing_more
    }
}

/// Phase 4: later uses of what the rules found, anywhere in the document.
fn later_uses(doc: &Document<'_>, local: &Local, out: &mut Extraction) {
    if local.is_empty() {
        return;
    }
    let names: Vec<(usize, &str)> = local
        .iter()
        .enumerate()
        .map(|(i, (_, n))| (i, n.as_str()))
        .collect();
    let doc_matcher = Matcher::case_sensitive(names);
    for (p, text) in doc.texts.iter().enumerate() {
        for hit in resolve(doc_matcher.find(text), &doc.chars[p]) {
            let (id, name) = &local[hit.owner];
            let seen = out.mentions.iter().any(|m| {
                m.passage == p
                    && m.start < hit.end
                    && hit.start < m.end
                    // nested names count; the same entity twice, or a
                    // partial overlap, does not
                    && (m.entity == *id || !(m.start <= hit.start && hit.end <= m.end))
            });
            if !seen {
                let method = if name.chars().any(char::is_lowercase) {
                    Method::HeadNoun
                } else {
                    Method::Acronym
                };
                out.mentions
                    .push(doc.mention(p, id, hit.start, hit.end, method));
            }
        }
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

