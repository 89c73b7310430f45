//! Words with their places: the tokens the labeller matches cues on, each
//! with its character offsets in the text, so that every label can point at
//! the words that decided it.

use super::{fold, is_english_stop_word, stem};

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word folded (lower case, letters and digits only).
    pub word: String,
    /// Its Snowball English stem.
    pub stem: String,
    /// Offset of its first character in the text, in Unicode characters.
    pub start: usize,
    /// Offset just past its last character (exclusive).
    pub end: usize,
    /// Whether it starts with a capital letter as written.
    pub capital: bool,
    /// Whether punctuation other than a hyphen or apostrophe stands between
    /// it and the word before (a comma, a semicolon, a bracket).
    pub after_break: bool,
    /// Whether it is an English function word (NLTK's list).
    pub stop: bool,
}

/// The words of a text: runs of letters and digits (a hyphen, an apostrophe
/// or a full stop splits them: "people-to-people" is three words, "U.S." two,
/// "1,000" two), with their character offsets.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut pending_break = false;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if c.is_alphanumeric() {
            if current.is_empty() {
                start = i;
            }
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            out.push(token(&current, start, i, pending_break));
            current.clear();
            pending_break = false;
        }
        if !(c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '‐' | '‑')) {
            pending_break = true;
        }
    }
    if !current.is_empty() {
        out.push(token(&current, start, n, pending_break));
    }
    out
}

fn token(raw: &str, start: usize, end: usize, after_break: bool) -> Token {
    let word = fold(raw);
    Token {
        stem: stem(&word),
        stop: is_english_stop_word(&word),
        capital: raw.chars().next().is_some_and(char::is_uppercase),
        word,
        start,
        end,
        after_break,
    }
}

/// The characters of `text` from `start` to `end` (character offsets).
pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_offsets_that_slice_back_to_the_words() {
        let text = "Promote, where feasible, people-to-people exchanges in Việt Nam";
        let t = tokens(text);
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(
            words,
            [
                "promote",
                "where",
                "feasible",
                "people",
                "to",
                "people",
                "exchanges",
                "in",
                "việt",
                "nam"
            ]
        );
        for tok in &t {
            assert_eq!(fold(&slice(text, tok.start, tok.end)), tok.word);
        }
        assert!(t[1].after_break && !t[2].after_break && t[3].after_break);
        assert!(!t[4].after_break, "a hyphen is no break");
        assert!(t[0].capital && t[8].capital && !t[1].capital);
        assert_eq!(t[6].stem, "exchang");
        assert!(t[4].stop && !t[6].stop);
    }
}
