//! The partners in extraction: a name that several partners' rows share
//! goes to the document's partner; a name the rules found is told to be a
//! partner's by its possessive, adjective or "of <partner>"; a partner's
//! departments named in its own style.

use super::*;

impl Extractor {
    /// Keeps, of several rows that share a name ("JCC" is an alternative
    /// label of each partnership's committee), the one of the document's
    /// partner, else one of no partner, else one whose partner the name
    /// itself names; none otherwise, so that "JCC" in an ASEAN-Japan plan is
    /// never the ASEAN-U.S. JCC. A name of one partner's row that does not
    /// name its partner counts only in that partner's plans.
    pub(super) fn by_partner(
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
    pub(super) fn partner_of_name(
        &self,
        cand: &mut discover::Candidate,
        context: &DocContext,
    ) -> Option<String> {
        // the table's partners, and the document's own when the table does
        // not know it: every partner is found the same way
        let unknown = context
            .partner
            .as_ref()
            .filter(|p| self.partners.get(&p.code).is_none());
        let mut partner = self.strip_possessive(cand, unknown);
        if partner.is_none() {
            partner = self.strip_adjective(cand, unknown);
        }
        let Some((_, rule)) = discover::analyse(&self.lexicon, &cand.name) else {
            return partner.map(|p| p.code.clone());
        };
        let words: Vec<&str> = cand.name.split_whitespace().collect();
        let possessive = partner.is_some();
        if partner.is_none() {
            partner = self
                .partners
                .rows
                .iter()
                .chain(unknown)
                .find(|p| self.named_after(p, &cand.name, &words));
        }
        let led_by_partner = partner.is_some();
        if partner.is_none() && national_agency(rule, &words) {
            partner = context.partner.as_ref();
        }
        let agency_head = agency_head(rule, &words, possessive, led_by_partner);
        if let Some(p) = partner {
            if agency_head
                && matches!(
                    cand.class,
                    EntityClass::Organization | EntityClass::USAgency | EntityClass::PartnerAgency
                )
            {
                // the class the partner table gives this partner's agencies
                cand.class =
                    EntityClass::parse(&p.agency_class).unwrap_or(EntityClass::PartnerAgency);
            }
        }
        partner.map(|p| p.code.clone())
    }

    /// Takes a partner's possessive off the front of a name ("the UK's
    /// National Crime Agency") when what follows is a name; returns the partner.
    fn strip_possessive<'a>(
        &'a self,
        cand: &mut discover::Candidate,
        unknown: Option<&'a Partner>,
    ) -> Option<&'a Partner> {
        for p in self.partners.rows.iter().chain(unknown) {
            for name in std::iter::once(p.code.as_str()).chain(p.names()) {
                for apostrophe in ["'s ", "’s "] {
                    let prefix = format!("{name}{apostrophe}");
                    if let Some(rest) = cand.name.strip_prefix(&prefix) {
                        if discover::classify(&self.lexicon, rest).is_some() {
                            cand.start += prefix.chars().count();
                            cand.name = rest.to_owned();
                            return Some(p);
                        }
                    }
                }
            }
        }
        None
    }

    /// Takes a partner's adjective off the front of an agency's own name
    /// ("Korean Ministry of Oceans and Fisheries"); returns the partner.
    fn strip_adjective<'a>(
        &'a self,
        cand: &mut discover::Candidate,
        unknown: Option<&'a Partner>,
    ) -> Option<&'a Partner> {
        for p in self.partners.rows.iter().chain(unknown) {
            for adjective in &p.adjectives {
                let prefix = format!("{adjective} ");
                if let Some(rest) = cand.name.strip_prefix(&prefix) {
                    // only before an agency's own name: "Korean Ministry of
                    // Oceans and Fisheries" is the Ministry of Oceans and Fisheries
                    let own_name = ["Ministry of ", "Department of ", "Bureau of ", "Office of "]
                        .iter()
                        .any(|h| rest.starts_with(h));
                    if own_name && discover::classify(&self.lexicon, rest).is_some() {
                        cand.start += prefix.chars().count();
                        cand.name = rest.to_owned();
                        return Some(p);
                    }
                }
            }
        }
        None
    }

    /// Whether a name (with these words) is named after a partner: led by
    /// its name or adjective, "... of <partner>", or ending with its name.
    fn named_after(&self, p: &Partner, name: &str, words: &[&str]) -> bool {
        // a partner's name or adjective before a place names the place
        // ("European Seas"), not the partner's body
        let leads = std::iter::once(p.code.as_str())
            .chain(p.names())
            .chain(p.adjectives.iter().map(String::as_str))
            .any(|n| {
                let n_words: Vec<&str> = n.split_whitespace().collect();
                words.len() > n_words.len()
                    && words[..n_words.len()] == n_words[..]
                    && !self.lexicon.is_place(words[n_words.len()])
            });
        let of_partner = p.names().any(|n| {
            [format!(" of {n}"), format!(" of the {n}")]
                .iter()
                .any(|of| name.ends_with(of.as_str()) || name.contains(&format!("{of} ")))
        });
        // "Natural Resources Canada", "Geoscience Australia"
        let ends = p
            .names()
            .any(|n| name.ends_with(&format!(" {n}")) && !name.ends_with(&format!("-{n}")));
        leads || of_partner || ends
    }

    /// Phase 3b: a partner's departments named in its own style, after the
    /// partner, with no head noun ("Natural Resources Canada", "Geoscience
    /// Australia", "Fisheries and Oceans Canada").
    pub(super) fn partner_named(
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
                for at in whole_word_occurrences(&text, name) {
                    let Some((start, end)) = self.department_span(&text, at, name) else {
                        continue;
                    };
                    if out.overlapping(p, start, end).next().is_some() {
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

    /// The char span of a department named in its partner's style: the
    /// capitalised words right before the partner's name (at byte `at`)
    /// and the name; none when those words are no such name.
    fn department_span(&self, text: &str, at: usize, name: &str) -> Option<(usize, usize)> {
        // capitalised words (with "and" and commas) right before,
        // one space away ("Natural Resources Canada"; not the
        // partner's acronym in brackets, "Korea (ROK)")
        let before = &text[..at];
        if !before.ends_with(' ') || before.ends_with("  ") {
            return None;
        }
        let mut words: Vec<&str> = before.split(' ').rev().skip(1).collect();
        let mut taken = take_name_words(&mut words);
        // "ASEAN Member States, Chile": a comma before the partner
        // lists it, it does not end a name
        if taken.first().is_some_and(|w| w.ends_with(',')) {
            return None;
        }
        // the passage's first word is a verb ("Support ...")
        if taken.is_empty() || words.is_empty() && taken.len() <= 1 {
            return None;
        }
        if words.is_empty() {
            taken.pop();
            if taken.is_empty() {
                return None;
            }
        }
        taken.reverse();
        let lead: String = taken.join(" ");
        let prefix_chars = lead.chars().count() + 1;
        let end = text[..at + name.len()].chars().count();
        let start = end - name.chars().count() - prefix_chars;
        if taken.iter().all(|w| {
            self.lexicon.is_generic(w.trim_end_matches(',')) || self.lexicon.is_connector(w)
        }) {
            return None;
        }
        Some((start, end))
    }
}

/// Byte offsets where `name` stands in `text` as a whole word at its end (no
/// letter, digit, apostrophe or hyphen right after).
fn whole_word_occurrences(text: &str, name: &str) -> Vec<usize> {
    let mut found_at = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let after = &text[at + name.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-') {
            continue;
        }
        found_at.push(at);
    }
    found_at
}

/// Takes from `words` (nearest first) the name words that lead up to a
/// partner's name: capitalised words, and "and"/"&" within them; a
/// trailing joiner is dropped.
fn take_name_words<'t>(words: &mut Vec<&'t str>) -> Vec<&'t str> {
    let mut taken: Vec<&str> = Vec::new();
    while let Some(w) = words.first().copied() {
        let bare = w.trim_end_matches(',');
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        let name_word = capital && !bare.contains("ASEAN") && !bare.ends_with('-');
        let joiner = (w == "and" || w == "&") && !taken.is_empty();
        if name_word || joiner {
            taken.push(w);
            words.remove(0);
        } else {
            break;
        }
    }
    while matches!(taken.last(), Some(&"and" | &"&")) {
        taken.pop();
    }
    taken
}

/// "National Emergency Management Agency" in a partner's plan: a national
/// agency, and the only nation of the plan is its partner's ("Ministry of
/// Business, Innovation and Employment" likewise: a ministry the text does
/// not say whose is the partner's).
fn national_agency(rule: HeadRule, words: &[&str]) -> bool {
    !words.iter().any(|w| w.contains("ASEAN"))
        && match rule {
            HeadRule::Agency => matches!(
                words.first(),
                Some(&("National" | "Ministry" | "Department"))
            ),
            HeadRule::Institution => words.first() == Some(&"National"),
            _ => false,
        }
}

/// Whether a name's head makes it a partner's agency, given how the
/// partner was found (a possessive, or the name led by the partner).
fn agency_head(rule: HeadRule, words: &[&str], possessive: bool, led_by_partner: bool) -> bool {
    match rule {
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
    }
}

/// Whether a name names a partner: one of its names, its code or an
/// adjective stands in it ("USAID" holds US, "Japanese ..." Japanese).
pub(super) fn names_partner(surface: &str, partner: &Partner) -> bool {
    std::iter::once(partner.code.as_str())
        .chain(partner.names())
        .chain(partner.adjectives.iter().map(String::as_str))
        .filter(|n| n.chars().count() >= 2)
        .any(|n| surface.contains(n))
}

/// The plan identity of a registry row that names a partnership's plan:
/// an Instrument of a partner whose label gives a kind and a period.
pub(super) fn plan_id(e: &Entity) -> Option<crate::corpus::PlanId> {
    if e.class != EntityClass::Instrument {
        return None;
    }
    let partner = e.partner.as_deref()?;
    let lower = e.label.to_lowercase();
    let (kind, _) = crate::corpus::meta::KINDS.iter().find(|(k, _)| {
        lower.starts_with(&k.to_lowercase()) || lower.contains(&format!(" {}", k.to_lowercase()))
    })?;
    // "Plan of Action to Implement ..." yes; "Joint Statement on ..." only when it is the whole kind
    let period = crate::corpus::meta::period_in(&e.label)?;
    Some(crate::corpus::PlanId::new(
        partner,
        &crate::corpus::meta::kind_code(kind),
        crate::corpus::Span::Period(period),
    ))
}

/// Whether a registry row is the partner itself ("European Union" in an
/// ASEAN-EU plan): one of its names is one of the partner's.
pub(super) fn is_partner_row(row: &Entity, partner: &Partner) -> bool {
    use crate::text::fold;
    let names: Vec<String> = partner.names().map(fold).collect();
    std::iter::once(&row.label)
        .chain(&row.alt_labels)
        .any(|l| names.contains(&fold(l)))
}
