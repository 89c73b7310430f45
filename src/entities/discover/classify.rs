//! Classifying a name by its head noun and its other words.

use super::super::lexicon::{HeadRule, Lexicon};
use super::tokens::{is_capitalised, is_roman, is_year_or_number};
use crate::entities::EntityClass;

/// The heads in a name's words: (word index, head), at most one per position.
pub fn heads_in(lex: &Lexicon, words: &[&str]) -> Vec<(usize, HeadRule)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match lex.head_at(&words[i..]) {
            Some(head) => {
                found.push((i + head.words - 1, head.rule));
                i += head.words;
            }
            None => i += 1,
        }
    }
    found
}

/// A partner next to ASEAN in a hyphenated word ("ASEAN-U.S.", "Freedonia-ASEAN"),
/// or the "Plus" of ASEAN's dialogue formats.
fn has_partner(lex: &Lexicon, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let bilateral = w.contains("ASEAN-") && !w.ends_with("-led") && !w.ends_with("-wide")
            || (w.ends_with("-ASEAN") && w.len() > 6);
        bilateral || lex.is_partner_marker(w) || w.ends_with("-Plus") || w.contains('+')
    })
}

fn is_asean_own(words: &[&str]) -> bool {
    words.iter().any(|w| {
        *w == "ASEAN" || w.starts_with("ASEAN-") && (w.ends_with("-led") || w.ends_with("-wide"))
    }) || words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '-') && w.len() >= 3)
}

/// Whether a name has a word that names rather than describes: not a head,
/// not a connector, not a generic modifier, not a number.
pub fn has_distinctive_word(lex: &Lexicon, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| c == '(' || c == ')');
        is_capitalised(w)
            && !is_year_or_number(w)
            && !lex.is_head_word(w)
            && !lex.is_generic(w)
            && !lex.is_connector(w)
    })
}

/// The class a name's words call for, if the name has a head and a word that
/// names something.
pub fn classify(lex: &Lexicon, name: &str) -> Option<EntityClass> {
    analyse(lex, name).map(|(class, _)| class)
}

/// The class a name's words call for, with the rule of its main head.
pub fn analyse(lex: &Lexicon, name: &str) -> Option<(EntityClass, HeadRule)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if is_vision_document(&words) {
        return Some((EntityClass::Instrument, HeadRule::Instrument));
    }
    if !has_distinctive_word(lex, &words) {
        return None;
    }
    let (at, head) = main_head(lex, &words)?;
    let modifiers = &words[..at];
    if modifiers.iter().all(|w| !is_capitalised(w)) && at == 0 && words.len() == 1 {
        return None;
    }
    // "Dialogue Partner", "Development Partners": a status, not a body
    if matches!(
        words.get(at + 1),
        Some(&("Partner" | "Partners" | "Partnership's"))
    ) {
        return None;
    }
    let class = class_of(lex, &words, at, head)?;
    Some((class, head))
}

/// "ASEAN 2045: Our Shared Future": ASEAN's vision documents are named
/// by a year and a subtitle.
fn is_vision_document(words: &[&str]) -> bool {
    words.len() >= 3
        && words[0] == "ASEAN"
        && words[1].trim_end_matches(':').len() == 4
        && words[1].ends_with(':')
        && is_year_or_number(words[1].trim_end_matches(':'))
}

/// The main head of a name's words: (word index, head).
fn main_head(lex: &Lexicon, words: &[&str]) -> Option<(usize, HeadRule)> {
    // "Department of Agriculture of the United States": the partner's own
    // name holds no head of this one
    let partner_at = lex.partner_name_at_end(words).unwrap_or(words.len());
    let heads: Vec<_> = heads_in(lex, words)
        .into_iter()
        .filter(|(i, _)| *i < partner_at)
        .collect();
    // A name ends with its head ("... Strategic Plan 2023-2027"); otherwise the
    // main head is the last one before a complement ("Working Group on the
    // Convention on ...", "Terms of Reference of the ASEAN Network ...").
    let end = words
        .iter()
        .rposition(|w| !is_year_or_number(w.trim_matches(|c| c == '(' || c == ')')) && !is_roman(w))
        .map_or(0, |i| i + 1);
    let complement = (0..words.len())
        .find(|&i| {
            lex.is_complement(words[i]) || (words[i] == "of" && words.get(i + 1) == Some(&"the"))
        })
        .unwrap_or(words.len());
    // "Joint Leaders' Statement on the ASEAN-Canada Strategic Partnership":
    // an instrument whose complement names another body is the instrument
    let article_complement = (0..words.len().saturating_sub(1))
        .find(|&i| matches!(words[i], "on" | "of" | "for" | "to") && words[i + 1] == "the");
    let instrument_first = article_complement.and_then(|c| {
        heads
            .iter()
            .rev()
            .find(|(i, rule)| *i < c && *rule == HeadRule::Instrument)
    });
    instrument_first
        .or_else(|| heads.last().filter(|(i, _)| *i + 1 == end))
        .or_else(|| heads.iter().rev().find(|(i, _)| *i < complement))
        .or(heads.first())
        .copied()
}

/// The class a head at word `at` gives a name of these words; none for a
/// country group that is no name.
fn class_of(lex: &Lexicon, words: &[&str], at: usize, head: HeadRule) -> Option<EntityClass> {
    let partner = has_partner(lex, words);
    let asean = is_asean_own(words);
    // a body named after a partner is its agency, of the class the partner
    // table gives that partner's agencies
    let agency = lex.partner_agency(words);
    Some(match head {
        HeadRule::Instrument => EntityClass::Instrument,
        HeadRule::Programme => EntityClass::Programme,
        HeadRule::Forum if asean && !partner => EntityClass::ASEANBody,
        HeadRule::Forum => EntityClass::Mechanism,
        HeadRule::Body if partner => EntityClass::Mechanism,
        HeadRule::Body if asean => EntityClass::ASEANBody,
        HeadRule::Body => agency.unwrap_or(EntityClass::Organization),
        HeadRule::Institution if partner && words[at] == "Network" => EntityClass::Programme,
        HeadRule::Institution if asean && !partner => EntityClass::ASEANBody,
        HeadRule::Institution | HeadRule::Agency => agency.unwrap_or(EntityClass::Organization),
        HeadRule::Organization => EntityClass::Organization,
        HeadRule::CountryGroup => {
            if at == 0 || lex.is_group_generic(words[at - 1]) || words.contains(&"ASEAN") {
                return None;
            }
            EntityClass::CountryGroup
        }
    })
}
