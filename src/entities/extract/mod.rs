//! [`Extractor::extract`]: the entities of one document, in four phases
//! (registry names, acronym definitions, head-noun names, later uses of what
//! the rules found), each a function of its own.

use super::discover;
use super::lexicon::{HeadRule, Lexicon};
use super::matcher::{self, Matcher};
use super::registry::{self, Registry};
use super::{variants, Entity, EntityClass, Extraction, Mention, Method};
use crate::corpus::partners::{Partner, Partners};
use std::collections::HashMap;

mod partners;
mod rules;

use partners::{is_partner_row, plan_id};
use rules::{later_uses, resolve};

/// Finds entities with a registry and the discovery rules.
pub struct Extractor {
    registry: Registry,
    matcher: Matcher,
    lexicon: Lexicon,
    partners: Partners,
    /// Registry rows that are plans of a partnership (an Instrument of a
    /// partner whose name gives a kind and a period), by row: the plan's
    /// entity id (`plan:<slug>`), so that a plan cited by its title is the
    /// same node as the plan when it is built.
    plan_rows: HashMap<usize, String>,
}

/// What the extractor knows of the document it reads.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// The document's partner: acronyms that several partnerships share
    /// ("JCC") resolve to its row, its own agencies are named after it.
    pub partner: Option<Partner>,
    /// The plan itself, for "this Plan of Action".
    pub this_plan: Option<PlanRef>,
    /// The plan it follows, for "the previous Plan of Action (2016-2020)".
    pub previous_plan: Option<PlanRef>,
}

/// A plan as a reference in text: its entity id (`plan:<slug>`), title,
/// kind and period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRef {
    /// Entity id: `plan:<slug>`.
    pub id: String,
    /// The plan's full title.
    pub title: String,
    /// Its kind, as titles call it ("Plan of Action", "Work Plan").
    pub kind: String,
    /// First and last year of its period (2021, 2025), when known.
    pub period: Option<crate::corpus::Period>,
}

/// The bundled registry.
pub const BUNDLED_REGISTRY: &str = include_str!("../../../ontology/registry.tsv");

/// The bundled registry or lexicon does not read (a packaging fault).
#[derive(Debug, thiserror::Error)]
pub enum ExtractorError {
    /// The bundled registry does not read.
    #[error(transparent)]
    Registry(#[from] registry::RegistryError),
    /// The bundled lexicon does not read.
    #[error(transparent)]
    Lexicon(#[from] super::lexicon::LexiconError),
    /// The bundled partner table does not read.
    #[error(transparent)]
    Partners(#[from] crate::corpus::partners::PartnersError),
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
    /// An extractor with no partner table (see [`Extractor::with_partners`]):
    /// a partner's registry rows count only in that partner's documents, and
    /// a discovered name can be tied to no partner but the document's own.
    pub fn new(registry: Registry, lexicon: Lexicon) -> Extractor {
        Extractor::with_partners(registry, lexicon, Partners::default())
    }

    /// An extractor that knows the partners (to resolve shared acronyms and
    /// name partners' agencies).
    pub fn with_partners(
        registry: Registry,
        mut lexicon: Lexicon,
        partners: Partners,
    ) -> Extractor {
        lexicon.learn_partners(&partners);
        let mut names = Vec::new();
        for (i, known) in registry.entries.iter().enumerate() {
            for label in std::iter::once(&known.label).chain(&known.alt_labels) {
                for variant in variants(label) {
                    names.push((i, variant));
                }
            }
        }
        let matcher = Matcher::new(names.iter().map(|(i, n)| (*i, n.as_str())));
        let plan_rows = registry
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| plan_id(e).map(|id| (i, id.entity_id())))
            .collect();
        Extractor {
            registry,
            matcher,
            lexicon,
            partners,
            plan_rows,
        }
    }

    /// The registry's row for a partnership's plan of this kind and period.
    pub fn plan_row(
        &self,
        partner: &str,
        kind: &str,
        period: crate::corpus::Period,
    ) -> Option<&Entity> {
        let slug = crate::corpus::PlanId::new(
            partner,
            &crate::corpus::meta::kind_code(kind),
            crate::corpus::Span::Period(period),
        )
        .entity_id();
        self.plan_rows
            .iter()
            .find(|(_, s)| **s == slug)
            .map(|(i, _)| &self.registry.entries[*i])
    }

    /// The extractor with the bundled registry, lexicon and partner table.
    pub fn bundled() -> Result<Extractor, ExtractorError> {
        Ok(Extractor::with_partners(
            Registry::parse("ontology/registry.tsv", BUNDLED_REGISTRY)?,
            Lexicon::bundled()?,
            Partners::bundled()?,
        ))
    }

    /// The partner table it was built with.
    pub fn partners(&self) -> &Partners {
        &self.partners
    }

    /// The registry whose names it matches.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The word lists of its discovery rules.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts the entities of one document's passages (in document order).
    pub fn extract(&self, passages: &[&str]) -> Extraction {
        self.extract_in(passages, &DocContext::default())
    }

    /// Extracts the entities of one document's passages, knowing its
    /// partner and the plans it may refer to.
    pub fn extract_in(&self, passages: &[&str], context: &DocContext) -> Extraction {
        let doc = Document {
            texts: passages,
            chars: passages.iter().map(|p| p.chars().collect()).collect(),
        };
        let mut out = Extraction::default();
        self.registry_names(&doc, context, &mut out);
        super::references::plan_references(&doc.chars, context, &mut out);
        let mut local = self.acronym_definitions(&doc, context, &mut out);
        local.extend(self.head_noun_names(&doc, context, &mut out));
        local.extend(self.partner_named(&doc, context, &mut out));
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

    /// Phase 1: the registry's names and their variants; a name several
    /// rows share resolves by the document's partner.
    fn registry_names(&self, doc: &Document<'_>, context: &DocContext, out: &mut Extraction) {
        for (p, text) in doc.texts.iter().enumerate() {
            let hits = self.by_partner(self.matcher.find(text), context, &doc.chars[p]);
            let hits = resolve(hits, &doc.chars[p]);
            for hit in &hits {
                let known = &self.registry.entries[hit.owner];
                // a name inside a longer name: what follows it belongs to the
                // longer one ("the Work Plan of the <Plan of Action> (2019-2025)")
                let nested = hits.iter().any(|o| {
                    o.start <= hit.start
                        && o.end >= hit.end
                        && o.end - o.start > hit.end - hit.start
                });
                if !nested && other_edition(&known.label, &doc.chars[p][hit.end..]) {
                    // "IAI Work Plan V (2026-2030)" is not the registry's Work Plan IV
                    continue;
                }
                if context
                    .partner
                    .as_ref()
                    .is_some_and(|partner| is_partner_row(known, partner))
                {
                    // the plan's partner is its metadata, not an entity it names
                    continue;
                }
                if let Some(plan) = self.plan_rows.get(&hit.owner) {
                    // a plan cited by its title: the plan's own node
                    out.entities.entry(plan.clone()).or_insert_with(|| Entity {
                        id: plan.clone(),
                        // the plan, not the registry row naming it
                        wikidata: None,
                        ..known.clone()
                    });
                    out.mentions
                        .push(doc.mention(p, plan, hit.start, hit.end, Method::Registry));
                    continue;
                }
                out.add_known(known, &self.registry);
                out.mentions
                    .push(doc.mention(p, &known.id, hit.start, hit.end, Method::Registry));
            }
        }
    }
}

/// Whether the text after a registry name gives another edition of it than
/// the registry's row: another Roman numeral or another period ("IAI Work
/// Plan" followed by "V (2026-2030)" when the row is Work Plan IV (2021-2025)).
fn other_edition(label: &str, after: &[char]) -> bool {
    let next: String = after.iter().take(20).collect();
    let next = next.trim_start();
    let first = next
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .next()
        .unwrap_or("");
    let roman = !first.is_empty() && first.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let label_words: Vec<&str> = label.split_whitespace().collect();
    if roman && !label_words.contains(&first) {
        return true;
    }
    let text_period =
        crate::corpus::meta::period_in(next.get(..next.len().min(16)).unwrap_or(next));
    let label_period = crate::corpus::meta::period_in(label);
    matches!((text_period, label_period), (Some(t), Some(l)) if t != l)
        && next.starts_with(|c: char| c == '(' || c.is_ascii_digit())
}
