//! Discovery rules: finding entities no registry knows, so that poakg works on
//! plans it has never seen.
//!
//! - **Acronym definitions**: "Full Name (ACRONYM)", where the acronym's letters
//!   are the initials of the name's words, read from the end of the name.
//! - **Head nouns**: a run of capitalised words (with "of", "on", "for", years,
//!   roman numerals, "U.S.") that contains a head such as *Work Plan*, *Summit*,
//!   *Committee* or *Initiative*; the head and the name's other words decide the
//!   class (see [`classify`]).

use super::EntityClass;

/// A name found by a rule, in char positions of the passage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub class: EntityClass,
    /// The acronym defined with the name, with its char range.
    pub acronym: Option<(String, usize, usize)>,
}

/// A token: a word (letters, digits and inner `'-.&+/`) or one punctuation char.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().map(super::matcher::normalise_char).collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let wordish = |c: char| c.is_alphanumeric() || "'-.&+/".contains(c);
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '+' {
            let start = i;
            while i < chars.len() && wordish(chars[i]) {
                i += 1;
            }
            let mut end = i;
            // trailing punctuation is not part of the word, except abbreviation dots (U.S.)
            while end > start && "'-.&/".contains(chars[end - 1]) {
                let word: String = chars[start..end].iter().collect();
                if chars[end - 1] == '.' && is_dotted_abbreviation(&word) {
                    break;
                }
                // the possessive of a plural belongs to the word: "Leaders'"
                if chars[end - 1] == '\'' && end - start >= 3 && chars[end - 2] == 's' {
                    break;
                }
                end -= 1;
            }
            tokens.push(Token {
                text: chars[start..end].iter().collect(),
                start,
                end,
            });
            i = end.max(start + 1);
        } else {
            tokens.push(Token {
                text: c.to_string(),
                start: i,
                end: i + 1,
            });
            i += 1;
        }
    }
    tokens
}

fn is_dotted_abbreviation(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.iter().any(|p| {
        p.len() >= 4
            && p.ends_with('.')
            && p.split('.')
                .filter(|s| !s.is_empty())
                .all(|s| s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase()))
    })
}

/// Lower-case words that may stand inside a name.
const CONNECTORS: &[&str] = &[
    "of", "on", "for", "and", "the", "in", "to", "against", "with", "between", "at", "&",
];
/// Connectors after which a complement follows the head ("Work Plan on Youth").
const COMPLEMENT: &[&str] = &["on", "for", "to", "against", "with", "between", "in", "at"];

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 4 && word.chars().all(|c| "IVX".contains(c))
}

fn is_year_or_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || c == '-') && word.chars().any(|c| c.is_ascii_digit())
}

/// Whether a token can be part of a name.
fn name_word(word: &str) -> bool {
    is_capitalised(word) || is_year_or_number(word) || word.starts_with('+')
}

/// Heads, longest first, with the rule that classifies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    Instrument,
    /// Forum-like: a mechanism unless clearly ASEAN's own.
    Forum,
    /// Meeting-like: ASEAN's own body unless a partner takes part.
    Body,
    /// Centre-like: ASEAN's own body, else an organisation.
    Institution,
    /// Agency-like: a U.S. agency when American, else an organisation.
    Agency,
    Organization,
    Programme,
    CountryGroup,
}

const HEADS: &[(&str, Head)] = &[
    ("Plan of Action", Head::Instrument),
    ("Terms of Reference", Head::Instrument),
    ("Memorandum of Understanding", Head::Instrument),
    ("Work Plan", Head::Instrument),
    ("Workplan", Head::Instrument),
    ("Work Programme", Head::Instrument),
    ("Master Plan", Head::Instrument),
    ("Masterplan", Head::Instrument),
    ("Strategic Plan", Head::Instrument),
    ("Action Plan", Head::Instrument),
    ("Treaty", Head::Instrument),
    ("Convention", Head::Instrument),
    ("Charter", Head::Instrument),
    ("Protocol", Head::Instrument),
    ("Agreement", Head::Instrument),
    ("Arrangement", Head::Instrument),
    ("Declaration", Head::Instrument),
    ("Statement", Head::Instrument),
    ("Outlook", Head::Instrument),
    ("Roadmap", Head::Instrument),
    ("Framework", Head::Instrument),
    ("Vision", Head::Instrument),
    ("Agenda", Head::Instrument),
    ("Blueprint", Head::Instrument),
    ("Strategy", Head::Instrument),
    ("Accord", Head::Instrument),
    ("Guidelines", Head::Instrument),
    ("Working Group", Head::Body),
    ("Task Force", Head::Body),
    ("Senior Officials", Head::Body),
    ("Summit", Head::Forum),
    ("Forum", Head::Forum),
    ("Dialogue", Head::Forum),
    ("Consultations", Head::Forum),
    ("Conference", Head::Forum),
    ("Meeting", Head::Body),
    ("Committee", Head::Body),
    ("Council", Head::Body),
    ("Ministers", Head::Body),
    ("Secretariat", Head::Body),
    ("Commission", Head::Institution),
    ("Centre", Head::Institution),
    ("Center", Head::Institution),
    ("Institute", Head::Institution),
    ("Network", Head::Institution),
    ("Agency", Head::Agency),
    ("Department", Head::Agency),
    ("Office", Head::Agency),
    ("Administration", Head::Agency),
    ("Representative", Head::Agency),
    ("Corporation", Head::Agency),
    ("Organization", Head::Organization),
    ("Organisation", Head::Organization),
    ("University", Head::Organization),
    ("Academy", Head::Organization),
    ("Bank", Head::Organization),
    ("Fund", Head::Organization),
    ("Foundation", Head::Organization),
    ("Association", Head::Organization),
    ("Chamber", Head::Organization),
    ("Chambers", Head::Organization),
    ("Programme", Head::Programme),
    ("Program", Head::Programme),
    ("Initiative", Head::Programme),
    ("Partnership", Head::Programme),
    ("Fellowship", Head::Programme),
    ("Fellows", Head::Programme),
    ("Prize", Head::Programme),
    ("Award", Head::Programme),
    ("Scholarship", Head::Programme),
    ("Project", Head::Programme),
    ("Window", Head::Programme),
    ("Countries", Head::CountryGroup),
    ("States", Head::CountryGroup),
    ("Economies", Head::CountryGroup),
];

/// The heads in a name's words: (word index, head), at most one per position.
fn heads_in(words: &[&str]) -> Vec<(usize, Head)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = HEADS.iter().find(|(h, _)| {
            let parts: Vec<&str> = h.split(' ').collect();
            words.len() >= i + parts.len() && parts.iter().zip(&words[i..]).all(|(p, w)| p == w)
        });
        match hit {
            Some((h, kind)) => {
                let n = h.split(' ').count();
                found.push((i + n - 1, *kind));
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// A partner next to ASEAN in a hyphenated word ("ASEAN-U.S.", "Freedonia-ASEAN"),
/// or the "Plus" of ASEAN's dialogue formats.
fn has_partner(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let bilateral = w.contains("ASEAN-") && !w.ends_with("-led") && !w.ends_with("-wide")
            || (w.ends_with("-ASEAN") && w.len() > 6);
        bilateral
            || *w == "Plus"
            || w.ends_with("-Plus")
            || w.contains('+')
            || *w == "Expanded"
            || *w == "East"
    })
}

fn is_american(words: &[&str]) -> bool {
    matches!(words.first(), Some(&("U.S." | "US" | "American")))
        || words.starts_with(&["United", "States"])
}

fn is_asean_own(words: &[&str]) -> bool {
    words.iter().any(|w| {
        *w == "ASEAN" || w.starts_with("ASEAN-") && (w.ends_with("-led") || w.ends_with("-wide"))
    }) || words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '-') && w.len() >= 3)
}

/// Capitalised words that describe rather than name ("the Ministerial and
/// Senior Officials Meetings", "Terms of Reference").
const GENERIC: &[&str] = &[
    "Ministerial",
    "Senior",
    "Officials",
    "Official",
    "Meetings",
    "Joint",
    "Annual",
    "Regular",
    "Informal",
    "Special",
    "High-Level",
    "Regional",
    "Relevant",
    "Existing",
    "Previous",
    "New",
    "Leaders",
    "Leaders'",
    "Ministers'",
    "Terms",
    "Reference",
    "Implementation",
    "Plan",
    "Action",
    "Work",
    "This",
    "The",
    "Its",
    "Future",
    "Related",
    "Sectoral",
    "Bilateral",
    "Multilateral",
    "Three",
];

/// Whether a name has a word that names rather than describes: not a head,
/// not a connector, not a generic modifier, not a number.
pub(crate) fn has_distinctive_word(words: &[&str]) -> bool {
    let head_words: Vec<&str> = HEADS.iter().flat_map(|(h, _)| h.split(' ')).collect();
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| c == '(' || c == ')');
        is_capitalised(w)
            && !is_year_or_number(w)
            && !head_words.contains(&w)
            && !GENERIC.contains(&w)
            && !CONNECTORS.contains(&w)
    })
}

/// The class a name's words call for, if the name has a head and a word that
/// names something.
pub fn classify(name: &str) -> Option<EntityClass> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !has_distinctive_word(&words) {
        return None;
    }
    let heads = heads_in(&words);
    // A name ends with its head ("... Strategic Plan 2023-2027"); otherwise the
    // main head is the last one before a complement ("Working Group on the
    // Convention on ...", "Terms of Reference of the ASEAN Network ...").
    let end = words
        .iter()
        .rposition(|w| !is_year_or_number(w.trim_matches(|c| c == '(' || c == ')')) && !is_roman(w))
        .map_or(0, |i| i + 1);
    let complement = (0..words.len())
        .find(|&i| {
            COMPLEMENT.contains(&words[i]) || (words[i] == "of" && words.get(i + 1) == Some(&"the"))
        })
        .unwrap_or(words.len());
    let (at, head) = heads
        .last()
        .filter(|(i, _)| *i + 1 == end)
        .or_else(|| heads.iter().rev().find(|(i, _)| *i < complement))
        .or(heads.first())
        .copied()?;
    let modifiers = &words[..at];
    if modifiers.iter().all(|w| !is_capitalised(w)) && at == 0 && words.len() == 1 {
        return None;
    }
    let partner = has_partner(&words);
    let asean = is_asean_own(&words);
    let american = is_american(&words);
    Some(match head {
        Head::Instrument => EntityClass::Instrument,
        Head::Programme => EntityClass::Programme,
        Head::Forum if asean && !partner => EntityClass::ASEANBody,
        Head::Forum => EntityClass::Mechanism,
        Head::Body if partner => EntityClass::Mechanism,
        Head::Body if asean => EntityClass::ASEANBody,
        Head::Body if american => EntityClass::USAgency,
        Head::Body => EntityClass::Organization,
        Head::Institution if partner && words[at] == "Network" => EntityClass::Programme,
        Head::Institution if asean && !partner => EntityClass::ASEANBody,
        Head::Institution if american => EntityClass::USAgency,
        Head::Institution => EntityClass::Organization,
        Head::Agency if american => EntityClass::USAgency,
        Head::Agency => EntityClass::Organization,
        Head::Organization => EntityClass::Organization,
        Head::CountryGroup => {
            let generic = [
                "Member",
                "United",
                "ASEAN",
                "Other",
                "Partner",
                "Dialogue",
                "Participating",
                "Parties",
            ];
            if at == 0 || generic.contains(&words[at - 1]) || words.contains(&"ASEAN") {
                return None;
            }
            EntityClass::CountryGroup
        }
    })
}

/// Runs of name words, split where they cannot continue a name.
fn name_spans(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(&tokens[i].text)
            || tokens[i]
                .text
                .chars()
                .all(|c| !c.is_alphanumeric() && c != '+')
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1; // exclusive, last name word + 1
        let mut j = i + 1;
        while j < tokens.len() {
            let w = tokens[j].text.as_str();
            if name_word(w) && w.chars().any(char::is_alphanumeric) {
                end = j + 1;
                j += 1;
            } else if w == "and"
                && (tokens
                    .get(j + 1)
                    .is_some_and(|t| CONNECTORS.contains(&t.text.as_str()))
                    || is_acronym_token(&tokens[j - 1].text))
            {
                // "the ACJDC and to the ...", "the EAS and the ARF": a new name starts
                break;
            } else if w == "'s"
                || (CONNECTORS.contains(&w)
                    && !(w == "the"
                        && !matches!(
                            tokens[j - 1].text.as_str(),
                            "of" | "on" | "to" | "in" | "for" | "against"
                        )))
            {
                j += 1;
            } else if w == "("
                && j + 2 < tokens.len()
                && is_year_or_number(&tokens[j + 1].text)
                && tokens[j + 2].text == ")"
            {
                // a parenthesised period belongs to the name: "(2020-2025)"
                end = j + 3;
                j += 3;
            } else {
                break;
            }
        }
        spans.push((start, end));
        i = end.max(i + 1);
    }
    spans
}

fn is_acronym_token(word: &str) -> bool {
    word.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && !word.chars().any(char::is_lowercase)
}

fn text_of(tokens: &[Token], from: usize, to: usize) -> String {
    let mut s = String::new();
    for (k, t) in tokens[from..to].iter().enumerate() {
        let glue = k > 0 && (t.text == ")" || tokens[from + k - 1].text == "(");
        if k > 0 && !glue {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Names built on a head noun, anywhere in the passage.
pub fn head_noun_names(text: &str) -> Vec<Candidate> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    for (from, to) in name_spans(&tokens) {
        // "the Nordic countries", "Mekong countries": a named group of countries
        if tokens.get(to).is_some_and(|t| t.text == "countries") && to - from <= 3 {
            let words: Vec<&str> = tokens[from..to].iter().map(|t| t.text.as_str()).collect();
            let generic = [
                "ASEAN", "Member", "Partner", "Dialogue", "Asian", "African", "European", "Other",
                "All", "Both", "These", "The",
            ];
            if words
                .iter()
                .all(|w| is_capitalised(w) && !generic.contains(w))
                && !(from == 0)
            {
                let name = format!("{} countries", words.join(" "));
                out.push(Candidate {
                    name,
                    start: tokens[from].start,
                    end: tokens[to].end,
                    class: EntityClass::CountryGroup,
                    acronym: None,
                });
            }
        }
    }
    for (mut from, to) in name_spans(&tokens) {
        // The passage's first word is usually a verb ("Support the ...").
        if from == 0
            && !tokens[0].text.contains("ASEAN")
            && !tokens[0].text.chars().all(|c| c.is_uppercase() || c == '.')
        {
            from += 1;
        }
        for (a, b) in split_coordination(&tokens, from, to) {
            let (a, b) = trim_connectors(&tokens, a, b);
            let (a, b) = trim_occasion(&tokens, a, b);
            if b <= a + 1 {
                continue;
            }
            let name = text_of(&tokens, a, b);
            let words: Vec<&str> = name.split_whitespace().collect();
            if words
                .first()
                .is_some_and(|w| matches!(*w, "This" | "These" | "That" | "The" | "Both" | "Each"))
            {
                continue;
            }
            if let Some(class) = classify(&name) {
                out.push(Candidate {
                    name,
                    start: tokens[a].start,
                    end: tokens[b - 1].end,
                    class,
                    acronym: None,
                });
            }
        }
    }
    out
}

/// Splits "X Work Plan and ASEAN Y Framework" into its two names when both
/// sides have a head; "Treaty of Amity and Cooperation" stays whole.
fn split_coordination(tokens: &[Token], from: usize, to: usize) -> Vec<(usize, usize)> {
    for k in from + 1..to.saturating_sub(1) {
        if tokens[k].text == "and" {
            let left = text_of(tokens, from, k);
            let right = text_of(tokens, k + 1, to);
            let right_words: Vec<&str> = right.split_whitespace().collect();
            // "the ASEAN Health Sector and U.S. Department of ...": a party's
            // name opens a new name even when the left side has no head
            let party = right_words.first().is_some_and(|w| {
                matches!(*w, "U.S." | "US" | "ASEAN" | "United") || w.starts_with("ASEAN-")
            });
            if (classify(&left).is_some() || party) && classify(&right).is_some() {
                let starts_new = right_words.first().is_some_and(|w| {
                    w.contains("ASEAN")
                        || is_capitalised(w) && heads_in(&right_words[..1]).is_empty()
                });
                if starts_new {
                    let mut parts = vec![(from, k)];
                    parts.extend(split_coordination(tokens, k + 1, to));
                    return parts;
                }
            }
        }
    }
    vec![(from, to)]
}

/// Drops what makes a name one occasion of a body rather than the body: a
/// leading ordinal ("34th ASEAN Summit") and a trailing place of meeting
/// ("... Summit in Bangkok"); an instrument keeps its "in" ("Treaty of Amity
/// and Cooperation in Southeast Asia").
fn trim_occasion(tokens: &[Token], mut a: usize, mut b: usize) -> (usize, usize) {
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
    };
    if a < b && ordinal(&tokens[a].text) {
        a += 1;
    }
    if let Some(k) = (a + 1..b).rev().find(|&k| tokens[k].text == "in") {
        let words: Vec<&str> = tokens[a..k].iter().map(|t| t.text.as_str()).collect();
        let last_head = heads_in(&words).last().map(|(_, h)| *h);
        if matches!(last_head, Some(Head::Forum | Head::Body))
            && heads_in(&words)
                .last()
                .is_some_and(|(i, _)| *i == words.len() - 1)
        {
            b = k;
        }
    }
    (a, b)
}

fn trim_connectors(tokens: &[Token], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && (CONNECTORS.contains(&tokens[a].text.as_str()) || tokens[a].text == "'s") {
        a += 1;
    }
    while b > a && (CONNECTORS.contains(&tokens[b - 1].text.as_str()) || tokens[b - 1].text == "(")
    {
        b -= 1;
    }
    (a, b)
}

/// Whether `inside` looks like an acronym: capitals, digits, `-+.&`, a few words.
fn acronym_like(inside: &str) -> bool {
    let words: Vec<&str> = inside.split_whitespace().collect();
    let first_ok = words
        .first()
        .is_some_and(|w| w.chars().filter(char::is_ascii_uppercase).count() >= 2);
    let upper = inside.chars().filter(char::is_ascii_uppercase).count();
    first_ok
        && words.len() <= 5
        && inside.chars().count() <= 30
        && words.iter().all(|w| {
            ["and", "on", "of", "+", "&"].contains(w)
                || w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-+.&'".contains(c))
                    && w.chars().any(|c| c.is_ascii_uppercase() || c == '+')
        })
        && upper * 2 >= inside.chars().filter(|c| c.is_alphabetic()).count()
}

/// The letters an acronym spells, without an "ASEAN" prefix.
fn acronym_letters(acronym: &str) -> Vec<char> {
    let a = acronym
        .strip_prefix("ASEAN-")
        .or_else(|| acronym.strip_prefix("ASEAN "))
        .unwrap_or(acronym);
    let first = a.split_whitespace().next().unwrap_or(a);
    first.chars().filter(|c| c.is_ascii_uppercase()).collect()
}

/// The letters a word offers to an acronym: its initial, every capital of an
/// all-capital word ("IP", "U.S."), and the initial after each hyphen.
fn word_letters(word: &str) -> Vec<char> {
    if word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_ascii_uppercase())
    {
        return word.chars().filter(char::is_ascii_uppercase).collect();
    }
    word.split('-')
        .filter_map(|p| p.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// "Full Name (ACRONYM)" definitions whose name has a head.
pub fn acronym_definitions(text: &str) -> Vec<Candidate> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    for open in 0..tokens.len() {
        if tokens[open].text != "(" {
            continue;
        }
        let Some(close) = (open + 1..tokens.len().min(open + 8)).find(|&k| tokens[k].text == ")")
        else {
            continue;
        };
        if close == open + 1 {
            continue;
        }
        let inside: String = {
            let chars: Vec<char> = text.chars().collect();
            chars[tokens[open + 1].start..tokens[close - 1].end]
                .iter()
                .collect()
        };
        if !acronym_like(&inside) {
            continue;
        }
        // the name: name words right before the parenthesis
        let mut from = open;
        while from > 0 {
            let w = tokens[from - 1].text.as_str();
            let ok = (name_word(w) && w.chars().any(char::is_alphanumeric))
                || CONNECTORS.contains(&w)
                || w == "'s";
            if !ok {
                break;
            }
            from -= 1;
        }
        let (from, to) = trim_connectors(&tokens, from, open);
        if to <= from {
            continue;
        }
        // Match the acronym's letters to word initials from the end backwards.
        let letters = acronym_letters(&inside);
        let mut need = letters.len();
        let mut start = None;
        let mut k = to;
        while k > from && need > 0 {
            k -= 1;
            let offered = word_letters(&tokens[k].text);
            if CONNECTORS.contains(&tokens[k].text.as_str()) {
                continue;
            }
            let mut matched_any = false;
            for &c in offered.iter().rev() {
                if need > 0 && letters[need - 1] == c {
                    need -= 1;
                    matched_any = true;
                }
            }
            if matched_any {
                start = Some(k);
            }
        }
        let Some(mut start) = start.filter(|_| need == 0) else {
            continue;
        };
        // "ASEAN" / "U.S." before the spelled-out words belongs to the name.
        while start > from
            && (matches!(tokens[start - 1].text.as_str(), "ASEAN" | "U.S." | "US")
                || tokens[start - 1].text.contains("ASEAN-")
                || tokens[start - 1].text.ends_with("-ASEAN"))
        {
            start -= 1;
        }
        let name = text_of(&tokens, start, to);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 || words[0] == "This" {
            continue;
        }
        let Some(class) = classify(&name) else {
            continue;
        };
        out.push(Candidate {
            name,
            start: tokens[start].start,
            end: tokens[to - 1].end,
            class,
            acronym: Some((inside, tokens[open + 1].start, tokens[close - 1].end)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("ASEAN Committee on Coastal Resilience", Some(EntityClass::ASEANBody))]
    #[test_case(
        "ASEAN-Freedonia Joint Cooperation Committee",
        Some(EntityClass::Mechanism)
    )]
    #[test_case("East Asia Summit", Some(EntityClass::Mechanism))]
    #[test_case(
        "ASEAN Roadmap on Digital Trade Facilitation 2023-2030",
        Some(EntityClass::Instrument)
    )]
    #[test_case(
        "ASEAN Working Group on the Convention on Migratory Birds",
        Some(EntityClass::ASEANBody)
    )]
    #[test_case("U.S. Department of Energy", Some(EntityClass::USAgency))]
    #[test_case(
        "Japan International Cooperation Agency",
        Some(EntityClass::Organization)
    )]
    #[test_case(
        "Freedonia-ASEAN Youth Fellowship Programme",
        Some(EntityClass::Programme)
    )]
    #[test_case("ASEAN Network of Port Authorities", Some(EntityClass::ASEANBody))]
    #[test_case("Nuclear Weapon States", Some(EntityClass::CountryGroup))]
    #[test_case(
        "ASEAN Committee on Coastal Resilience Strategic Plan 2023-2027",
        Some(EntityClass::Instrument)
    )]
    #[test_case(
        "Terms of Reference of the ASEAN Network of Women Peace Mediators",
        Some(EntityClass::Instrument)
    )]
    #[test_case(
        "Senior Officials Meeting of the ASEAN Ministers on Agriculture and Forestry",
        Some(EntityClass::ASEANBody)
    )]
    #[test_case("ASEAN Member States", None)]
    #[test_case("Plan of Action", None)]
    #[test_case("Terms of Reference", None)]
    #[test_case("Ministerial and Senior Officials Meetings", None)]
    #[test_case("ASEAN Centrality", None)]
    #[test_case("Sustainable Development", None)]
    fn classes_by_head(name: &str, class: Option<EntityClass>) {
        assert_eq!(classify(name), class);
    }

    fn names(found: &[Candidate]) -> Vec<(&str, Option<&str>)> {
        found
            .iter()
            .map(|c| (c.name.as_str(), c.acronym.as_ref().map(|a| a.0.as_str())))
            .collect()
    }

    #[test]
    fn acronym_definitions_find_the_name_by_its_initials() {
        let text = "Support the work of the ASEAN Network of Port Authorities (ANPA) and the Treaty of Amity and Cooperation in Southeast Asia (TAC), as well as Information and Communications Technology (ICT).";
        let found = acronym_definitions(text);
        assert_eq!(
            names(&found),
            [
                ("ASEAN Network of Port Authorities", Some("ANPA")),
                (
                    "Treaty of Amity and Cooperation in Southeast Asia",
                    Some("TAC")
                )
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        let first = &found[0];
        assert_eq!(
            chars[first.start..first.end].iter().collect::<String>(),
            "ASEAN Network of Port Authorities"
        );
    }

    #[test]
    fn head_nouns_with_years_and_complements() {
        let text = "Implement the ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026 and the 2021 ASEAN-Freedonia Leaders' Statement on Ocean Governance, through the ASEAN Committee on Coastal Resilience.";
        let found = head_noun_names(text);
        assert_eq!(
            names(&found),
            [
                (
                    "ASEAN-Freedonia Work Plan on Maritime Safety 2022-2026",
                    None
                ),
                (
                    "2021 ASEAN-Freedonia Leaders' Statement on Ocean Governance",
                    None
                ),
                ("ASEAN Committee on Coastal Resilience", None)
            ]
        );
    }

    #[test]
    fn occasions_of_a_body_name_the_body() {
        let found = head_noun_names("adopted at the 34th ASEAN Summit in Bangkok, under the Treaty of Amity and Cooperation in Southeast Asia");
        assert_eq!(
            names(&found),
            [
                ("ASEAN Summit", None),
                ("Treaty of Amity and Cooperation in Southeast Asia", None)
            ]
        );
    }

    #[test]
    fn coordinated_names_are_split() {
        let found = head_noun_names("Support the ASEAN Convention on Counter Terrorism and ASEAN Plan of Action on Cyber Resilience (2020-2025), reporting to the ACJDC and to the ASEAN-Chile Foreign Ministers' Meeting;");
        assert_eq!(
            names(&found),
            [
                ("ASEAN Convention on Counter Terrorism", None),
                ("ASEAN Plan of Action on Cyber Resilience (2020-2025)", None),
                ("ASEAN-Chile Foreign Ministers' Meeting", None)
            ]
        );
    }

    #[test]
    fn named_groups_of_countries() {
        let found = head_noun_names(
            "drawing on the experience of the Nordic countries and of ASEAN Member States;",
        );
        assert_eq!(names(&found), [("Nordic countries", None)]);
        assert_eq!(found[0].class, EntityClass::CountryGroup);
    }
}
