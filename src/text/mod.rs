//! The text toolkit every layer shares, so that "the same name" and "the
//! same words" mean one thing everywhere: folding (`fold`, `normalise_char`),
//! tokenising (`words`), stop words (`is_stop_word`: NLTK's English list,
//! through the stop-words crate, and the genre's own words, none a
//! partner's), stemming (`stem`: Snowball's English stemmer, through
//! rust-stemmers), IRI-safe ids (`slug`, transliterated with deunicode),
//! and the regular expressions written in the source.

mod tokens;

pub use tokens::{slice, tokens, Token};

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A regular expression written in the source (a constant, or a constant
/// joined with another). A mistake in one is the program's, never the
/// input's; the unit tests of each module that holds one compile it.
#[expect(
    clippy::expect_used,
    reason = "the patterns are the program's constants, compiled by its tests"
)]
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a pattern written in the source compiles")
}

/// Lower case, letters and digits only: "U.S." and "US", "ASEAN-led" and
/// "ASEAN led" fold alike. What "the same name" means.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Curly quotes and dashes to ASCII, white space to a space; one char for
/// one, so offsets stay.
pub fn normalise_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' | 'ʼ' | '′' => '\'',
        '“' | '”' => '"',
        '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The words of a text, lower case, letters and digits only; "U.S." is one
/// word ("us"), a hyphen splits ("ASEAN-led" is "asean", "led").
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map(fold)
        .filter(|w| !w.is_empty())
}

/// Words every plan of the genre uses, whoever the partner: they say that
/// the parties cooperate, not on what. None is a partner's name.
const GENRE_WORDS: &[&str] = &[
    "asean",
    "cooperation",
    "support",
    "supports",
    "promote",
    "strengthen",
    "enhance",
    "continue",
    "increase",
    "help",
    "regional",
    "relevant",
    "appropriate",
    "including",
    "well",
    "within",
    "across",
    "towards",
    "toward",
    "also",
    "among",
    "make",
    "area",
    "areas",
];

static ENGLISH_STOP_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    stop_words::get(stop_words::LANGUAGE::English)
        .iter()
        .map(|w| fold(w))
        .collect()
});

static STOP_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = ENGLISH_STOP_WORDS.clone();
    set.extend(GENRE_WORDS.iter().map(|w| (*w).to_owned()));
    set
});

/// Whether a folded word is an English function word (NLTK's list), and
/// nothing more: the labeller keeps the genre's verbs ("support",
/// "strengthen"), which carry its commitments.
pub fn is_english_stop_word(word: &str) -> bool {
    ENGLISH_STOP_WORDS.contains(word)
}

/// Whether a folded word carries no commitment: an English function word
/// (NLTK's list) or a word of the genre's boilerplate.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// The words of a text less its stop words.
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).filter(|w| !is_stop_word(w))
}

static STEMMER: LazyLock<rust_stemmers::Stemmer> =
    LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));

/// A folded word's stem (Snowball English): "capacities" and "capacity"
/// meet at "capac".
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// A name as an IRI-safe id; letters outside ASCII are transliterated
/// first (deunicode): "Agence Française de Développement" gives
/// `agence-francaise-de-developpement`.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(&name.chars().map(normalise_char).collect::<String>());
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '+' {
            out.push_str("-plus-");
        } else if !out.ends_with('-') && !out.is_empty() && c != '\'' && c != '.' {
            out.push('-');
        }
    }
    let out = out
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if out.is_empty() {
        "entity".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_alike() {
        assert_eq!(fold("U.S."), fold("US"));
        assert_eq!(fold("ASEAN-led"), "aseanled");
        assert_eq!(normalise_char('’'), '\'');
    }

    #[test]
    fn words_stop_words_and_stems() {
        let w: Vec<String> = words("The U.S.-ASEAN Smart Cities Partnership's work").collect();
        assert_eq!(
            w,
            [
                "the",
                "us",
                "asean",
                "smart",
                "cities",
                "partnerships",
                "work"
            ]
        );
        let content: Vec<String> =
            content_words("to support the capacity of the United States").collect();
        // partner names are not stop words; function and genre words are
        assert_eq!(content, ["capacity", "united", "states"]);
        assert_eq!(stem("capacities"), stem("capacity"));
        assert_eq!(stem("partnerships"), "partnership");
    }
}
