//! Tokens of a passage and the runs of capitalised words that can be names.

use super::super::lexicon::Lexicon;

/// A token: a word (letters, digits and inner `'-.&+/`) or one punctuation char.
#[derive(Debug, Clone)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().map(crate::text::normalise_char).collect();
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

pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 4 && word.chars().all(|c| "IVX".contains(c))
}

pub fn is_year_or_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || c == '-') && word.chars().any(|c| c.is_ascii_digit())
}

/// Whether a token can be part of a name.
pub fn name_word(word: &str) -> bool {
    is_capitalised(word) || is_year_or_number(word) || word.starts_with('+')
}

/// Runs of name words, split where they cannot continue a name.
pub fn name_spans(lex: &Lexicon, tokens: &[Token]) -> Vec<(usize, usize)> {
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
        let end = name_end(lex, tokens, i);
        spans.push((i, end));
        i = end.max(i + 1);
    }
    spans
}

/// How a name that starts with a name word goes on at a token that is no
/// name word.
enum Link {
    /// It goes on at this token, not yet ending with what it passed.
    Through(usize),
    /// It takes every token before this one.
    Into(usize),
    /// It ends before it.
    Stop,
}

/// The end (exclusive: last name word + 1) of the name that starts at token `start`.
fn name_end(lex: &Lexicon, tokens: &[Token], start: usize) -> usize {
    let mut end = start + 1;
    let mut j = start + 1;
    while j < tokens.len() {
        let w = tokens[j].text.as_str();
        if name_word(w) && w.chars().any(char::is_alphanumeric) {
            end = j + 1;
            j += 1;
            continue;
        }
        match link_at(lex, tokens, start, j) {
            Link::Through(next) => j = next,
            Link::Into(next) => {
                j = next;
                end = next;
            }
            Link::Stop => break,
        }
    }
    end
}

/// Whether the name that starts at `start` goes on over token `j`, which is
/// no name word.
fn link_at(lex: &Lexicon, tokens: &[Token], start: usize, j: usize) -> Link {
    let w = tokens[j].text.as_str();
    if w == "and"
        && (tokens
            .get(j + 1)
            .is_some_and(|t| lex.is_connector(t.text.as_str()))
            || is_acronym_token(&tokens[j - 1].text))
    {
        // "the ACJDC and to the ...", "the EAS and the ARF": a new name starts
        Link::Stop
    } else if w == "'s" || connects(lex, tokens, j) {
        Link::Through(j + 1)
    } else if w == ","
        && tokens[start..j]
            .iter()
            .any(|t| matches!(t.text.as_str(), "of" | "on" | "for"))
        && enumeration_end(lex, tokens, j).is_some()
    {
        // "Ministry of Land, Infrastructure, Transport and Tourism",
        // "Culture of Prevention for a Peaceful, Inclusive, ... and
        // Harmonious Society": a list of capitalised words inside a
        // name's complement, closed by "and" and a capitalised word
        Link::Into(enumeration_end(lex, tokens, j).unwrap_or(j + 1))
    } else if matches!(w, "a" | "an")
        && tokens[j - 1].text.eq_ignore_ascii_case("towards")
        && tokens.get(j + 1).is_some_and(|t| is_capitalised(&t.text))
    {
        // "... Dialogue Relations Towards a Comprehensive Partnership"
        Link::Through(j + 1)
    } else if w == "," && parallel_after_comma(tokens, start, j) {
        // "ASEAN Declaration on One ASEAN, One Response": a parallel
        // phrase that repeats a word of the complement goes on
        Link::Through(j + 1)
    } else if w == ":"
        && is_year_or_number(&tokens[j - 1].text)
        && j >= 2
        && tokens[j - 2].text == "ASEAN"
        && tokens.get(j + 1).is_some_and(|t| is_capitalised(&t.text))
    {
        // "ASEAN 2045: Our Shared Future": a subtitle belongs to the name
        Link::Through(j + 1)
    } else if w == "("
        && j + 2 < tokens.len()
        && is_year_or_number(&tokens[j + 1].text)
        && tokens[j + 2].text == ")"
    {
        // a parenthesised period belongs to the name: "(2020-2025)"
        Link::Into(j + 3)
    } else {
        Link::Stop
    }
}

/// Whether token `j` is a connector inside a name ("of", "on", "the" after
/// such a word or a verb of the name).
fn connects(lex: &Lexicon, tokens: &[Token], j: usize) -> bool {
    let w = tokens[j].text.as_str();
    lex.is_connector(w)
        && !(w == "the"
            && !matches!(
                tokens[j - 1].text.as_str(),
                "of" | "on" | "to" | "in" | "for" | "against"
            )
            && !verb_in_name(tokens, j - 1))
}

/// Whether the word after the comma at `comma` repeats a capitalised word
/// of the name's complement (after its "of", "on" or "for"): "One ASEAN,
/// One Response", "One Vision, One Identity".
fn parallel_after_comma(tokens: &[Token], start: usize, comma: usize) -> bool {
    let Some(next) = tokens.get(comma + 1).filter(|t| is_capitalised(&t.text)) else {
        return false;
    };
    tokens[start..comma]
        .iter()
        .skip_while(|t| !matches!(t.text.as_str(), "of" | "on" | "for"))
        .any(|t| t.text == next.text)
}

/// Whether a list item is a name of its own: it has a head, or an ASEAN
/// compound ("the ASEAN-U.S. Cyber Policy Dialogue").
fn names_something(lex: &Lexicon, item: &[Token]) -> bool {
    let words: Vec<&str> = item.iter().map(|t| t.text.as_str()).collect();
    words
        .iter()
        .any(|w| w.contains("ASEAN") || lex.is_head_word(w))
}

/// One item of a list inside a name, from `k`: capitalised words, with "the"
/// before them and "in", "of", "for" between them ("Trafficking in
/// Persons", "the Environment"); returns its capitalised words' count.
fn item(tokens: &[Token], k: &mut usize) -> usize {
    let mut words = 0;
    if tokens.get(*k).is_some_and(|t| t.text == "the") {
        *k += 1;
    }
    while let Some(t) = tokens.get(*k) {
        if is_capitalised(&t.text) && !is_year_or_number(&t.text) {
            words += 1;
            *k += 1;
        } else if words > 0
            && matches!(t.text.as_str(), "in" | "of" | "for")
            && tokens.get(*k + 1).is_some_and(|n| is_capitalised(&n.text))
        {
            *k += 1;
        } else {
            break;
        }
    }
    words
}

/// Where a list of capitalised words that starts at the comma `j` ends: the
/// token after its "and X" (then the name may go on), or None when the
/// comma does not open such a list.
fn enumeration_end(lex: &Lexicon, tokens: &[Token], j: usize) -> Option<usize> {
    let mut k = j;
    loop {
        // at a comma: a capitalised word (or two) must follow
        if tokens.get(k).map(|t| t.text.as_str()) != Some(",") {
            return None;
        }
        k += 1;
        let from = k;
        let words = item(tokens, &mut k);
        // items are words of one name, not names of their own
        if words == 0 || words > 4 || names_something(lex, &tokens[from..k]) {
            return None;
        }
        match tokens.get(k).map(|t| t.text.as_str()) {
            Some(",") => {
                // "X, Y, and Z" (a serial comma) or the next item
                if tokens.get(k + 1).map(|t| t.text.as_str()) == Some("and") {
                    k += 1;
                } else {
                    continue;
                }
            }
            Some("and") => {}
            _ => return None,
        }
        // at "and": the last item
        k += 1;
        let from = k;
        let last = item(tokens, &mut k);
        return (last > 0 && !names_something(lex, &tokens[from..k])).then_some(k);
    }
}

/// A capitalised verb inside a name's complement, after which "the" goes on
/// ("Protocol to Amend the Agreement Establishing the ..."): a word after
/// "to", or one ending in "-ing".
fn verb_in_name(tokens: &[Token], k: usize) -> bool {
    let w = tokens[k].text.as_str();
    is_capitalised(w)
        && (w.ends_with("ing") || (k > 0 && tokens[k - 1].text == "to"))
        && tokens.get(k + 2).is_some_and(|t| is_capitalised(&t.text))
}

pub fn is_acronym_token(word: &str) -> bool {
    word.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && !word.chars().any(char::is_lowercase)
}

pub fn text_of(tokens: &[Token], from: usize, to: usize) -> String {
    let mut s = String::new();
    for (k, t) in tokens[from..to].iter().enumerate() {
        let glue = k > 0 && (t.text == ")" || t.text == ":" || tokens[from + k - 1].text == "(");
        if k > 0 && !glue {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

pub fn trim_connectors(
    lex: &Lexicon,
    tokens: &[Token],
    mut a: usize,
    mut b: usize,
) -> (usize, usize) {
    while a < b && (lex.is_connector(tokens[a].text.as_str()) || tokens[a].text == "'s") {
        a += 1;
    }
    while b > a && (lex.is_connector(tokens[b - 1].text.as_str()) || tokens[b - 1].text == "(") {
        b -= 1;
    }
    (a, b)
}
