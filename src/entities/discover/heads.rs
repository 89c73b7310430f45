//! Names built on a head noun ("ASEAN-Freedonia Work Plan on Maritime
//! Safety 2022-2026"), split where two names are coordinated and trimmed of
//! what makes them one occasion of a body.

use super::super::lexicon::{HeadRule, Lexicon};
use super::classify::{classify, heads_in};
use super::tokens::{is_capitalised, name_spans, text_of, tokenize, trim_connectors, Token};
use super::Candidate;
use crate::entities::EntityClass;

/// Names built on a head noun, anywhere in the passage.
pub fn head_noun_names(lex: &Lexicon, text: &str) -> Vec<Candidate> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    for (from, to) in name_spans(lex, &tokens) {
        // "the Nordic countries", "Mekong countries": a named group of countries
        if tokens.get(to).is_some_and(|t| t.text == "countries") && to - from <= 3 {
            let words: Vec<&str> = tokens[from..to].iter().map(|t| t.text.as_str()).collect();
            if words
                .iter()
                .all(|w| is_capitalised(w) && !lex.is_countries_generic(w))
                && from != 0
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
    for (mut from, to) in name_spans(lex, &tokens) {
        // The passage's first word is usually a verb ("Support the ..."),
        // and a preamble's paragraphs open with one ("Recalling the ...")
        if from == 0
            && !tokens[0].text.contains("ASEAN")
            && !tokens[0].text.chars().all(|c| c.is_uppercase() || c == '.')
        {
            from += 1;
        }
        // (a verb is followed by an article: "Beijing Declaration" keeps its
        // first word)
        while from + 1 < to
            && tokens[from].text.ends_with("ing")
            && matches!(
                tokens[from + 1].text.as_str(),
                "the" | "that" | "its" | "their"
            )
        {
            from += 1;
        }
        for (a, b) in split_coordination(lex, &tokens, from, to) {
            let (a, b) = trim_connectors(lex, &tokens, a, b);
            let (a, b) = trim_occasion(lex, &tokens, a, b);
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
            if let Some(class) = classify(lex, &name) {
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
fn split_coordination(
    lex: &Lexicon,
    tokens: &[Token],
    from: usize,
    to: usize,
) -> Vec<(usize, usize)> {
    for k in from + 1..to.saturating_sub(1) {
        if tokens[k].text == "and" {
            let left = text_of(tokens, from, k);
            let right = text_of(tokens, k + 1, to);
            let right_words: Vec<&str> = right.split_whitespace().collect();
            // "the ASEAN Health Sector and U.S. Department of ...": a party's
            // name opens a new name even when the left side has no head
            let party = right_words
                .first()
                .is_some_and(|w| lex.is_party_word(w) || w.starts_with("ASEAN-"));
            if (classify(lex, &left).is_some() || party) && classify(lex, &right).is_some() {
                let starts_new = right_words.first().is_some_and(|w| {
                    w.contains("ASEAN")
                        || is_capitalised(w) && heads_in(lex, &right_words[..1]).is_empty()
                });
                if starts_new {
                    let mut parts = vec![(from, k)];
                    parts.extend(split_coordination(lex, tokens, k + 1, to));
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
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a word opens a date: a day of the month or a month.
fn starts_a_date(word: &str) -> bool {
    MONTHS.contains(&word)
        || word
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d))
}

/// Whether the words end with the head of a meeting or forum ("Summit").
fn ends_with_meeting_head(lex: &Lexicon, words: &[&str]) -> bool {
    heads_in(lex, words).last().is_some_and(|(i, h)| {
        matches!(h, HeadRule::Forum | HeadRule::Body) && *i == words.len() - 1
    })
}

fn trim_occasion(lex: &Lexicon, tokens: &[Token], mut a: usize, mut b: usize) -> (usize, usize) {
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
    };
    if a < b && ordinal(&tokens[a].text) {
        a += 1;
    }
    // "... Summit on 13 December 2005 in Kuala Lumpur": the date, and the
    // place after it, are the occasion's
    if let Some(k) = (a + 1..b).find(|&k| {
        tokens[k].text == "on" && tokens.get(k + 1).is_some_and(|t| starts_a_date(&t.text))
    }) {
        let words: Vec<&str> = tokens[a..k].iter().map(|t| t.text.as_str()).collect();
        if ends_with_meeting_head(lex, &words) {
            b = k;
        }
    }
    // "... in March 2007": a month and year
    if b >= a + 3
        && tokens[b - 3].text == "in"
        && MONTHS.contains(&tokens[b - 2].text.as_str())
        && tokens[b - 1].text.len() == 4
        && tokens[b - 1].text.chars().all(|c| c.is_ascii_digit())
    {
        b -= 3;
    }
    if let Some(k) = (a + 1..b).rev().find(|&k| tokens[k].text == "in") {
        let words: Vec<&str> = tokens[a..k].iter().map(|t| t.text.as_str()).collect();
        let last_head = heads_in(lex, &words).last().map(|(_, h)| *h);
        if matches!(last_head, Some(HeadRule::Forum | HeadRule::Body))
            && heads_in(lex, &words)
                .last()
                .is_some_and(|(i, _)| *i == words.len() - 1)
        {
            b = k;
        }
    }
    (a, b)
}
