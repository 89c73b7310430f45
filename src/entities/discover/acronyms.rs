//! "Full Name (ACRONYM)" definitions: the acronym's letters matched to the
//! initials of the words before the bracket, read from the end.

use super::super::lexicon::Lexicon;
use super::classify::classify;
use super::tokens::{name_word, text_of, tokenize, trim_connectors, Token};
use super::Candidate;

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
pub fn acronym_definitions(lex: &Lexicon, text: &str) -> Vec<Candidate> {
    let tokens = tokenize(text);
    let chars: Vec<char> = text.chars().collect();
    (0..tokens.len())
        .filter(|&open| tokens[open].text == "(")
        .filter_map(|open| definition_at(lex, &chars, &tokens, open))
        .collect()
}

/// The definition whose acronym is in the bracket opening at token `open`.
fn definition_at(
    lex: &Lexicon,
    chars: &[char],
    tokens: &[Token],
    open: usize,
) -> Option<Candidate> {
    let close = (open + 1..tokens.len().min(open + 8)).find(|&k| tokens[k].text == ")")?;
    if close == open + 1 {
        return None;
    }
    let inside: String = chars[tokens[open + 1].start..tokens[close - 1].end]
        .iter()
        .collect();
    if !acronym_like(&inside) {
        return None;
    }
    let (from, to) = trim_connectors(lex, tokens, name_before(lex, tokens, open), open);
    if to <= from {
        return None;
    }
    let start = spelled_out_start(lex, tokens, from, to, &acronym_letters(&inside))?;
    let start = with_party_name(lex, tokens, from, start);
    let name = text_of(tokens, start, to);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || words[0] == "This" {
        return None;
    }
    let class = classify(lex, &name)?;
    Some(Candidate {
        name,
        start: tokens[start].start,
        end: tokens[to - 1].end,
        class,
        acronym: Some(super::Acronym {
            text: inside,
            start: tokens[open + 1].start,
            end: tokens[close - 1].end,
        }),
    })
}

/// The first token of the name words right before the parenthesis at `open`.
fn name_before(lex: &Lexicon, tokens: &[Token], open: usize) -> usize {
    let mut from = open;
    while from > 0 {
        let w = tokens[from - 1].text.as_str();
        let ok = (name_word(w) && w.chars().any(char::is_alphanumeric))
            || lex.is_connector(w)
            || w == "'s";
        if !ok {
            break;
        }
        from -= 1;
    }
    from
}

/// Matches the acronym's letters to word initials of tokens `from..to`,
/// from the end backwards; the first word that spells a letter, when every
/// letter is spelled.
fn spelled_out_start(
    lex: &Lexicon,
    tokens: &[Token],
    from: usize,
    to: usize,
    letters: &[char],
) -> Option<usize> {
    let mut need = letters.len();
    let mut start = None;
    let mut k = to;
    while k > from && need > 0 {
        k -= 1;
        let offered = word_letters(&tokens[k].text);
        if lex.is_connector(tokens[k].text.as_str()) {
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
    start.filter(|_| need == 0)
}

/// A party's name ("ASEAN", a partner's short name) before the spelled-out
/// words belongs to the name: the name's first token with it.
fn with_party_name(lex: &Lexicon, tokens: &[Token], from: usize, mut start: usize) -> usize {
    while start > from
        && (lex.is_party_short(&tokens[start - 1].text)
            || tokens[start - 1].text.contains("ASEAN-")
            || tokens[start - 1].text.ends_with("-ASEAN"))
    {
        start -= 1;
    }
    start
}
