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
    pub id: String,
    pub title: String,
    pub kind: String,
    pub period: Option<(u16, u16)>,
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
    pub fn new(registry: Registry, lexicon: Lexicon) -> Extractor {
        Extractor::with_partners(registry, lexicon, Partners::default())
    }

    /// An extractor that knows the partners (to resolve shared acronyms and
    /// name partners' agencies).
    pub fn with_partners(registry: Registry, lexicon: Lexicon, partners: Partners) -> Extractor {
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
            .filter_map(|(i, e)| plan_slug(e).map(|slug| (i, format!("plan:{slug}"))))
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
    pub fn plan_row(&self, partner: &str, kind: &str, period: (u16, u16)) -> Option<&Entity> {
        let slug = format!(
            "plan:asean-{}-{}-{}-{}",
            partner.to_lowercase(),
            crate::corpus::meta::kind_code(kind),
            period.0,
            period.1
        );
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

    pub fn partners(&self) -> &Partners {
        &self.partners
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

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

    /// Keeps, of several rows that share a name ("JCC" is an alternative
    /// label of each partnership's committee), the one of the document's
    /// partner, else one of no partner, else one whose partner the name
    /// itself names; none otherwise, so that "JCC" in an ASEAN-Japan plan is
    /// never the ASEAN-U.S. JCC. A name of one partner's row that does not
    /// name its partner counts only in that partner's plans.
    fn by_partner(
        &self,
        hits: Vec<matcher::Hit>,
        context: &DocContext,
        chars: &[char],
    ) -> Vec<matcher::Hit> {
        let doc_partner = context.partner.as_ref().map(|p| p.code.as_str());
        let mut out = Vec::with_capacity(hits.len());
        let mut i = 0;
        while i < hits.len() {
            let mut j = i + 1;
            while j < hits.len() && hits[j].start == hits[i].start && hits[j].end == hits[i].end {
                j += 1;
            }
            let group = &hits[i..j];
            let partner_of = |h: &matcher::Hit| self.registry.entries[h.owner].partner.as_deref();
            let surface: String = chars[group[0].start..group[0].end].iter().collect();
            let names_its_partner = |h: &matcher::Hit| {
                partner_of(h)
                    .and_then(|code| self.partners.get(code))
                    .is_some_and(|p| names_partner(&surface, p))
            };
            if group.len() == 1 {
                // a partner's name that does not say whose it is ("Ministry of
                // Foreign Affairs", "DFAT") is that partner's in its own plans
                // only; elsewhere it is another partner's or nobody's
                let h = &group[0];
                let scoped_out = partner_of(h).is_some()
                    && partner_of(h) != doc_partner
                    && !names_its_partner(h);
                if !scoped_out {
                    out.push(h.clone());
                }
                i = j;
                continue;
            }
            let chosen = group
                .iter()
                .find(|h| doc_partner.is_some() && partner_of(h) == doc_partner)
                .or_else(|| group.iter().find(|h| partner_of(h).is_none()))
                .or_else(|| group.iter().find(|h| names_its_partner(h)));
            if let Some(h) = chosen {
                out.push(h.clone());
            }
            i = j;
        }
        out
    }

    /// What the partners tell of a name the rules found: a leading possessive
    /// belongs to the partner, not to the name ("the UK's National Crime
    /// Agency" is the National Crime Agency); an agency or institution named
    /// after a partner ("Japanese ...", "UK ...", "... of Japan") is that
    /// partner's agency. Returns the partner's code.
    fn partner_of_name(
        &self,
        cand: &mut discover::Candidate,
        context: &DocContext,
    ) -> Option<String> {
        let mut partner: Option<&Partner> = None;
        'possessive: for p in &self.partners.rows {
            for name in std::iter::once(p.code.as_str()).chain(p.names()) {
                for apostrophe in ["'s ", "’s "] {
                    let prefix = format!("{name}{apostrophe}");
                    if let Some(rest) = cand.name.strip_prefix(&prefix) {
                        if discover::classify(&self.lexicon, rest).is_some() {
                            cand.start += prefix.chars().count();
                            cand.name = rest.to_owned();
                            partner = Some(p);
                            break 'possessive;
                        }
                    }
                }
            }
        }
        if partner.is_none() {
            'adjective: for p in &self.partners.rows {
                for adjective in &p.adjectives {
                    let prefix = format!("{adjective} ");
                    if let Some(rest) = cand.name.strip_prefix(&prefix) {
                        // only before an agency's own name: "Korean Ministry of
                        // Oceans and Fisheries" is the Ministry of Oceans and Fisheries
                        let own_name =
                            ["Ministry of ", "Department of ", "Bureau of ", "Office of "]
                                .iter()
                                .any(|h| rest.starts_with(h));
                        if own_name && discover::classify(&self.lexicon, rest).is_some() {
                            cand.start += prefix.chars().count();
                            cand.name = rest.to_owned();
                            partner = Some(p);
                            break 'adjective;
                        }
                    }
                }
            }
        }
        let Some((_, rule)) = discover::analyse(&self.lexicon, &cand.name) else {
            return partner.map(|p| p.code.clone());
        };
        let words: Vec<&str> = cand.name.split_whitespace().collect();
        let named_after = |p: &Partner| {
            let first = words.first().copied().unwrap_or("");
            let second = words.get(1).copied().unwrap_or("");
            let leads = std::iter::once(p.code.as_str())
                .chain(p.names())
                .chain(p.adjectives.iter().map(String::as_str))
                .any(|n| {
                    let n_words: Vec<&str> = n.split_whitespace().collect();
                    words.len() > n_words.len()
                        && words[..n_words.len()] == n_words[..]
                        && !self.lexicon.is_place(words[n_words.len()])
                })
                && !(first == "European" && self.lexicon.is_place(second));
            let of_partner = p.names().any(|n| {
                [format!(" of {n}"), format!(" of the {n}")]
                    .iter()
                    .any(|of| {
                        cand.name.ends_with(of.as_str()) || cand.name.contains(&format!("{of} "))
                    })
            });
            // "Natural Resources Canada", "Geoscience Australia"
            let ends = p.names().any(|n| {
                cand.name.ends_with(&format!(" {n}")) && !cand.name.ends_with(&format!("-{n}"))
            });
            leads || of_partner || ends
        };
        let possessive = partner.is_some();
        if partner.is_none() {
            partner = self.partners.rows.iter().find(|p| named_after(p));
        }
        let led_by_partner = partner.is_some();
        // "National Emergency Management Agency" in a partner's plan: a
        // national agency, and the only nation of the plan is its partner's
        // ("Ministry of Business, Innovation and Employment" likewise: a
        // ministry the text does not say whose is the partner's)
        let national_agency = !words.iter().any(|w| w.contains("ASEAN"))
            && match rule {
                HeadRule::Agency => matches!(
                    words.first(),
                    Some(&("National" | "Ministry" | "Department"))
                ),
                HeadRule::Institution => words.first() == Some(&"National"),
                _ => false,
            };
        if partner.is_none() && national_agency {
            partner = context.partner.as_ref();
        }
        let agency_head = match rule {
            HeadRule::Agency => true,
            // an institute or centre is an agency only when it says so:
            // "National Institute ...", "the UK's Centre ...", "... of Japan"
            HeadRule::Institution => possessive || led_by_partner || words.contains(&"National"),
            HeadRule::Organization => words
                .iter()
                .any(|w| matches!(*w, "Organisation" | "Organization" | "Foundation" | "Bank")),
            // "National Research Council Canada": a body named after its partner
            HeadRule::Body => {
                led_by_partner
                    && !words.contains(&"ASEAN")
                    && !words.iter().any(|w| w.contains("ASEAN"))
            }
            _ => false,
        };
        if let Some(p) = partner {
            if agency_head
                && matches!(
                    cand.class,
                    EntityClass::Organization | EntityClass::USAgency
                )
            {
                cand.class = if p.code == "US" {
                    EntityClass::USAgency
                } else {
                    EntityClass::PartnerAgency
                };
            }
        }
        partner.map(|p| p.code.clone())
    }

    /// Phase 2: acronym definitions of names the registry does not know (or
    /// of known names with an acronym it does not know).
    fn acronym_definitions(
        &self,
        doc: &Document<'_>,
        context: &DocContext,
        out: &mut Extraction,
    ) -> Local {
        let mut local = Local::new();
        for (p, text) in doc.texts.iter().enumerate() {
            for mut def in discover::acronym_definitions(&self.lexicon, text) {
                let partner = self.partner_of_name(&mut def, context);
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
                        if let Some(e) = out.entities.get_mut(&id) {
                            e.partner = e.partner.take().or(partner);
                        }
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
    fn head_noun_names(
        &self,
        doc: &Document<'_>,
        context: &DocContext,
        out: &mut Extraction,
    ) -> Local {
        let mut local = Local::new();
        for (p, text) in doc.texts.iter().enumerate() {
            for mut cand in discover::head_noun_names(&self.lexicon, text) {
                let partner = self.partner_of_name(&mut cand, context);
                let covered = out
                    .mentions
                    .iter()
                    .filter(|m| m.passage == p && m.start < cand.end && cand.start < m.end)
                    .any(|m| self.covers(doc, out, m, p, &cand));
                if covered {
                    continue;
                }
                let id = out.add_discovered(&cand.name, cand.class, Method::HeadNoun);
                if let Some(e) = out.entities.get_mut(&id) {
                    e.partner = e.partner.take().or(partner);
                }
                local.push((id.clone(), cand.name.clone()));
                out.mentions
                    .push(doc.mention(p, &id, cand.start, cand.end, Method::HeadNoun));
            }
        }
        local
    }

    /// Phase 3b: a partner's departments named in its own style, after the
    /// partner, with no head noun ("Natural Resources Canada", "Geoscience
    /// Australia", "Fisheries and Oceans Canada").
    fn partner_named(
        &self,
        doc: &Document<'_>,
        context: &DocContext,
        out: &mut Extraction,
    ) -> Local {
        let mut local = Local::new();
        let Some(partner) = &context.partner else {
            return local;
        };
        for (p, chars) in doc.chars.iter().enumerate() {
            let text: String = chars.iter().collect();
            for name in partner.names() {
                let mut from = 0;
                while let Some(found) = text[from..].find(name) {
                    let at = from + found;
                    from = at + name.len();
                    let after = &text[at + name.len()..];
                    if after.starts_with(|c: char| {
                        c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
                    }) {
                        continue;
                    }
                    // capitalised words (with "and" and commas) right before
                    let before = &text[..at];
                    let mut words: Vec<&str> = before.split(' ').rev().skip(1).collect();
                    let mut taken: Vec<&str> = Vec::new();
                    while let Some(w) = words.first().copied() {
                        let bare = w.trim_end_matches(',');
                        let capital = bare.starts_with(|c: char| c.is_uppercase());
                        if capital && !bare.contains("ASEAN") && !bare.ends_with('-') {
                            taken.push(w);
                            words.remove(0);
                        } else if (w == "and" || w == "&") && !taken.is_empty() {
                            taken.push(w);
                            words.remove(0);
                        } else {
                            break;
                        }
                    }
                    while matches!(taken.last(), Some(&"and" | &"&")) {
                        taken.pop();
                    }
                    // "ASEAN Member States, Chile": a comma before the partner
                    // lists it, it does not end a name
                    if taken.first().is_some_and(|w| w.ends_with(',')) {
                        continue;
                    }
                    // the passage's first word is a verb ("Support ...")
                    if taken.is_empty() || words.is_empty() && taken.len() <= 1 {
                        continue;
                    }
                    if words.is_empty() {
                        taken.pop();
                        if taken.is_empty() {
                            continue;
                        }
                    }
                    taken.reverse();
                    let lead: String = taken.join(" ");
                    let prefix_chars = lead.chars().count() + 1;
                    let end = text[..at + name.len()].chars().count();
                    let start = end - name.chars().count() - prefix_chars;
                    if taken.iter().all(|w| {
                        self.lexicon.is_generic(w.trim_end_matches(','))
                            || self.lexicon.is_connector(w)
                    }) {
                        continue;
                    }
                    if out
                        .mentions
                        .iter()
                        .any(|m| m.passage == p && m.start < end && start < m.end)
                    {
                        continue;
                    }
                    let full: String = chars[start..end].iter().collect();
                    let id =
                        out.add_discovered(&full, EntityClass::PartnerAgency, Method::HeadNoun);
                    if let Some(e) = out.entities.get_mut(&id) {
                        e.partner = Some(partner.code.clone());
                    }
                    local.push((id.clone(), full));
                    out.mentions
                        .push(doc.mention(p, &id, start, end, Method::HeadNoun));
                }
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
        let nothing_more = adjacent && !discover::has_distinctive_word(&self.lexicon, &rest_words);
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
                let rest: String = chars[hit.end..outer.end].iter().collect();
                let plus_format = after.starts_with('-')
                    || after.starts_with('+')
                    || after.trim_start().starts_with('+')
                    || after.trim_start().starts_with("Plus");
                // "ASEAN Post Ministerial Conference (PMC+1) with Japan": the
                // conference's format with one partner, not the conference
                let with_partner =
                    hit.start == outer.start && without_bracket(&rest).starts_with(" with ");
                // "AEM-METI Consultations": both sides of a hyphenated compound
                // name its parties, as "AEM" before the hyphen does
                let consultation: String = chars[outer.start..outer.end].iter().collect();
                let hyphen_joined = hit.start > outer.start
                    && chars[hit.start - 1] == '-'
                    && consultation.trim_end().ends_with(['n', 's'])
                    && consultation.contains("Consultation");
                if same || plus_format || with_partner || hyphen_joined {
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

/// `text` without a leading bracketed part (" (PMC+1) with Japan" -> " with Japan").
fn without_bracket(text: &str) -> String {
    let trimmed = text.trim_start();
    match trimmed.strip_prefix('(').and_then(|t| t.split_once(')')) {
        Some((_, after)) => format!(" {}", after.trim_start()),
        None => text.to_owned(),
    }
}

/// Whether a name names a partner: one of its names, its code or an
/// adjective stands in it ("USAID" holds US, "Japanese ..." Japanese).
fn names_partner(surface: &str, partner: &Partner) -> bool {
    std::iter::once(partner.code.as_str())
        .chain(partner.names())
        .chain(partner.adjectives.iter().map(String::as_str))
        .filter(|n| n.chars().count() >= 2)
        .any(|n| surface.contains(n))
}

/// The plan identity of a registry row that names a partnership's plan:
/// an Instrument of a partner whose label gives a kind and a period.
fn plan_slug(e: &Entity) -> Option<String> {
    if e.class != EntityClass::Instrument {
        return None;
    }
    let partner = e.partner.as_deref()?;
    let lower = e.label.to_lowercase();
    let (kind, _) = crate::corpus::meta::KINDS.iter().find(|(k, _)| {
        lower.starts_with(&k.to_lowercase()) || lower.contains(&format!(" {}", k.to_lowercase()))
    })?;
    // "Plan of Action to Implement ..." yes; "Joint Statement on ..." only when it is the whole kind
    let (a, b) = crate::corpus::meta::period_in(&e.label)?;
    Some(format!(
        "asean-{}-{}-{a}-{b}",
        partner.to_lowercase(),
        crate::corpus::meta::kind_code(kind)
    ))
}

/// Whether a registry row is the partner itself ("European Union" in an
/// ASEAN-EU plan): one of its names is one of the partner's.
fn is_partner_row(row: &Entity, partner: &Partner) -> bool {
    use crate::corpus::partners::fold;
    let names: Vec<String> = partner.names().map(fold).collect();
    std::iter::once(&row.label)
        .chain(&row.alt_labels)
        .any(|l| names.contains(&fold(l)))
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
