//! The discovery rules' phases of extraction: acronym definitions, names
//! built on head nouns, whether a known mention already covers a candidate,
//! later uses of what the rules found, and the resolution of overlapping
//! registry hits.

use super::*;

impl Extractor {
    /// Phase 2: acronym definitions of names the registry does not know (or
    /// of known names with an acronym it does not know).
    pub(super) fn acronym_definitions(
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
                    .overlapping(p, def.start, def.end)
                    .find(|m| {
                        let shared = m.end.min(def.end) - m.start.max(def.start);
                        shared * 10 >= (def.end - def.start) * 6
                    })
                    .map(|m| m.entity.clone());
                let Some(defined) = def.acronym.clone() else {
                    continue;
                };
                let (acronym, a_start, a_end) = (defined.text, defined.start, defined.end);
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
    pub(super) fn head_noun_names(
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
                    .overlapping(p, cand.start, cand.end)
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

    /// Whether mention `m` already accounts for the candidate name `cand`.
    pub(super) fn covers(
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
pub(super) fn later_uses(doc: &Document<'_>, local: &Local, out: &mut Extraction) {
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
pub(super) fn resolve(hits: Vec<matcher::Hit>, chars: &[char]) -> Vec<matcher::Hit> {
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
pub(super) fn without_bracket(text: &str) -> String {
    let trimmed = text.trim_start();
    match trimmed.strip_prefix('(').and_then(|t| t.split_once(')')) {
        Some((_, after)) => format!(" {}", after.trim_start()),
        None => text.to_owned(),
    }
}
