//! Cleaning the text of a passage: joining wrapped lines and undoing the
//! typical damage of PDF-to-text conversion.
//!
//! Three kinds of damage are repaired, each by a rule that needs no knowledge of
//! the particular plan:
//! - a lost hyphen where the converter glued a line ending in a hyphen to the
//!   next line ("selfrestraint", "evidencebased", "MultiDrug"). Glued lines are
//!   much longer than the document's usual line, and the glue point lies near
//!   where a usual line ends, so only that window of an over-long line is
//!   searched, and a split needs evidence (see [`Repairer::split_glued`]);
//! - an abbreviation glued to a neighbour ("ASEANU.S.", "U.S.ASEAN");
//! - a lower-case `l` read as a capital `I` after a hyphen ("ASEAN-Ied"), fixed
//!   when the corrected word occurs elsewhere in the document or is a common
//!   hyphen suffix.

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Prefixes that are written with a hyphen when they lead a compound.
const HYPHEN_PREFIXES: &[&str] = &[
    "self", "counter", "co", "multi", "non", "cross", "anti", "inter", "intra", "post", "pre",
    "socio", "sub", "well", "long", "short", "high", "low", "full", "mid", "cyber", "trans",
];

/// Second elements that are written with a hyphen when they close a compound.
const HYPHEN_SUFFIXES: &[&str] = &[
    "based",
    "making",
    "led",
    "oriented",
    "centred",
    "centered",
    "building",
    "related",
    "wide",
    "driven",
    "owned",
    "friendly",
    "sensitive",
    "responsive",
    "enabled",
    "specific",
    "level",
    "term",
    "scale",
    "bound",
    "free",
];

/// One repair applied to the text, for the build report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// 1-based source line.
    pub line: usize,
    /// What the source had.
    pub from: String,
    /// What the cleaned text has.
    pub to: String,
}

/// Repairs conversion damage with statistics taken from the whole document.
pub struct Repairer {
    /// Lines longer than this were glued by the converter.
    overlong: usize,
    /// Where the glue point (the lost hyphen) may lie in an over-long line, in
    /// character columns: near where an ordinary line ends.
    window: (usize, usize),
    /// Words (lower-cased) that occur on lines of ordinary length.
    ordinary_words: HashSet<String>,
    /// Hyphenated compounds (lower-cased) that occur anywhere.
    hyphenated: HashSet<String>,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"[\p{L}\p{N}][\p{L}\p{N}.\-’']*"));
static GLUED_ABBREV_AFTER: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"\b([A-Z]{3,})((?:[A-Z]\.){2,})"));
static GLUED_ABBREV_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"\b((?:[A-Z]\.){2,})([A-Z][A-Za-z]{2,})"));
static CAPITAL_I_FOR_L: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"([\p{L}\p{N}.])-I([a-z]{1,12})\b"));
static CAMEL_GLUE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$"));

impl Repairer {
    /// Learns line lengths and vocabulary from the document's lines.
    pub fn new<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Self {
        let mut lengths: Vec<usize> = lines
            .clone()
            .map(|l| l.trim().chars().count())
            .filter(|&n| n >= 20)
            .collect();
        lengths.sort_unstable();
        let typical = if lengths.is_empty() {
            80
        } else {
            lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)]
        };
        let overlong = typical + typical / 5;
        let mut ordinary_words = HashSet::new();
        let mut hyphenated = HashSet::new();
        for line in lines {
            let ordinary = line.trim().chars().count() <= overlong;
            for word in WORD.find_iter(line) {
                let w = word.as_str().trim_end_matches(['.', '-']).to_lowercase();
                if w.contains('-') {
                    hyphenated.insert(w.clone());
                }
                if ordinary {
                    ordinary_words.insert(w);
                }
            }
        }
        Repairer {
            overlong,
            window: (typical * 7 / 10, typical + typical * 3 / 20),
            ordinary_words,
            hyphenated,
        }
    }

    /// A repairer for text whose lines have no width of their own (from a web
    /// page): no line is taken for two glued lines.
    pub fn without_line_geometry<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Self {
        let mut repairer = Repairer::new(lines);
        repairer.overlong = usize::MAX;
        repairer
    }

    /// Joins the raw lines of one passage into cleaned text, recording repairs.
    ///
    /// Each line comes as (line number, text, offset of the text's first
    /// character in the source). Returns the text and, for each of its
    /// characters, the source offset it stands for (an inserted hyphen or a
    /// joining space takes its neighbour's), so that positions found in the
    /// cleaned text can be reported in the source.
    pub fn clean(
        &self,
        lines: &[(usize, &str, usize)],
        repairs: &mut Vec<Repair>,
    ) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut offsets: Vec<usize> = Vec::new();
        for &(number, raw, start) in lines {
            let leading = raw.chars().take_while(|c| c.is_whitespace()).count();
            let trimmed = raw.trim();
            let original: Vec<(char, usize)> = trimmed
                .chars()
                .enumerate()
                .map(|(i, c)| (c, start + leading + i))
                .collect();
            if original.is_empty() {
                continue;
            }
            let repaired = self.repair_line(number, trimmed, repairs);
            let repaired = self.repair_text(&repaired, number, repairs);
            let line_offsets = align(&original, &repaired);
            // "people-to-" + "people", "ASEAN-" + "Japan": a line that ends
            // in a hyphen after a letter joins the next without a space
            let soft = ends_with_soft_hyphen(&text) && repaired.starts_with(char::is_alphanumeric);
            if !text.is_empty() && !soft {
                text.push(' ');
                offsets.push(offsets.last().map_or(start, |o| o + 1));
            }
            text.push_str(&repaired);
            offsets.extend(line_offsets);
        }
        collapse_spaces_with_offsets(&text, &offsets)
    }

    /// Repairs that need the line's own geometry (glued lines).
    fn repair_line(&self, number: usize, line: &str, repairs: &mut Vec<Repair>) -> String {
        if line.chars().count() <= self.overlong {
            return line.to_owned();
        }
        let mut out = String::with_capacity(line.len() + 2);
        let mut column = 0;
        let mut last = 0;
        let mut done = false;
        for m in WORD.find_iter(line) {
            let start_col = column + line[last..m.start()].chars().count();
            let word = m.as_str();
            let word_cols = word.chars().count();
            out.push_str(&line[last..m.start()]);
            let in_window = start_col < self.window.1 && start_col + word_cols > self.window.0;
            let split = (!done && in_window)
                .then(|| self.split_glued(word))
                .flatten();
            let split =
                split.filter(|(_, at)| (self.window.0..=self.window.1).contains(&(start_col + at)));
            match split.map(|(s, _)| s) {
                Some(split) => {
                    repairs.push(Repair {
                        line: number,
                        from: word.to_owned(),
                        to: split.clone(),
                    });
                    out.push_str(&split);
                    done = true;
                }
                None => out.push_str(word),
            }
            column = start_col + word_cols;
            last = m.end();
        }
        out.push_str(&line[last..]);
        out
    }

    /// Where a word glued at a lost line-end hyphen splits, if the evidence says so.
    ///
    /// A word that also occurs on ordinary lines is a real word and is kept
    /// ("cooperation"), unless its hyphenated form occurs too. Otherwise it is
    /// split after a hyphen prefix or before a hyphen suffix, or at an inner
    /// capital ("MultiDrug").
    fn split_glued(&self, word: &str) -> Option<(String, usize)> {
        let core = word.trim_end_matches(['.', '-', '’', '\'']);
        if core.contains('-') || !core.chars().all(char::is_alphabetic) {
            return None;
        }
        if let Some(c) = CAMEL_GLUE.captures(core) {
            return Some((
                format!("{}-{}{}", &c[1], &c[2], &word[core.len()..]),
                c[1].chars().count(),
            ));
        }
        let lower = core.to_lowercase();
        let candidates = HYPHEN_PREFIXES
            .iter()
            .filter(|p| lower.starts_with(*p) && lower.len() >= p.len() + 4)
            .map(|p| p.len())
            .chain(
                HYPHEN_SUFFIXES
                    .iter()
                    .filter(|s| lower.ends_with(*s) && lower.len() >= s.len() + 4)
                    .map(|s| lower.len() - s.len()),
            );
        for at in candidates {
            // `at` is a byte position in the lower-cased word; some capitals
            // lower-case to another byte length (U+212A KELVIN SIGN to `k`,
            // U+0130 to two characters), so find the same place in `core`.
            let Some(core_at) = original_position(core, at) else {
                continue;
            };
            let hyphenated = format!("{}-{}", &lower[..at], &lower[at..]);
            let attested = self.hyphenated.contains(&hyphenated);
            if attested || !self.ordinary_words.contains(&lower) {
                return Some((
                    format!(
                        "{}-{}{}",
                        &core[..core_at],
                        &core[core_at..],
                        &word[core.len()..]
                    ),
                    core[..core_at].chars().count(),
                ));
            }
        }
        None
    }

    /// Repairs that need no geometry (glued abbreviations, I read for l).
    fn repair_text(&self, text: &str, line: usize, repairs: &mut Vec<Repair>) -> String {
        let mut out = text.to_owned();
        for (re, fix) in [
            (&*GLUED_ABBREV_AFTER, "$1-$2"),
            (&*GLUED_ABBREV_BEFORE, "$1-$2"),
        ] {
            let replaced = re.replace_all(&out, fix).into_owned();
            if replaced != out {
                for m in re.find_iter(&out) {
                    repairs.push(Repair {
                        line,
                        from: m.as_str().to_owned(),
                        to: re.replace(m.as_str(), fix).into_owned(),
                    });
                }
                out = replaced;
            }
        }
        let replaced = CAPITAL_I_FOR_L.replace_all(&out, |c: &regex::Captures<'_>| {
            let corrected = format!("l{}", &c[2]);
            let known = self
                .ordinary_words
                .iter()
                .any(|w| w == &corrected || w.ends_with(&format!("-{corrected}")))
                || HYPHEN_SUFFIXES.contains(&corrected.as_str());
            if known {
                repairs.push(Repair {
                    line,
                    from: format!("-I{}", &c[2]),
                    to: format!("-{corrected}"),
                });
                format!("{}-{corrected}", &c[1])
            } else {
                c[0].to_owned()
            }
        });
        replaced.into_owned()
    }
}

/// The byte position in `word` of the character boundary that stands at byte
/// `lower_at` of `word.to_lowercase()`, if there is one (a character whose
/// lower case is several characters has no boundary inside it).
fn original_position(word: &str, lower_at: usize) -> Option<usize> {
    let mut lower_len = 0;
    for (byte, c) in word.char_indices() {
        if lower_len == lower_at {
            return Some(byte);
        }
        if lower_len > lower_at {
            return None;
        }
        lower_len += c.to_lowercase().map(char::len_utf8).sum::<usize>();
    }
    (lower_len == lower_at).then_some(word.len())
}

fn ends_with_soft_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

/// Maps each character of `repaired` to the source offset of the character of
/// `original` it comes from. Repairs only insert hyphens or swap one letter
/// for another, so a greedy walk suffices.
fn align(original: &[(char, usize)], repaired: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(repaired.len());
    let mut j = 0;
    let last = original.last().map_or(0, |o| o.1 + 1);
    for c in repaired.chars() {
        let here = original.get(j).map_or(last, |o| o.1);
        if original.get(j).is_some_and(|o| o.0 == c) {
            j += 1;
        } else if c != '-' {
            j += 1; // substituted
        }
        out.push(here);
    }
    out
}

/// Collapses white-space runs to one space and trims, keeping offsets aligned.
pub fn collapse_spaces_with_offsets(text: &str, offsets: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut out_offsets = Vec::with_capacity(offsets.len());
    let mut pending_space: Option<usize> = None;
    for (c, &o) in text.chars().zip(offsets) {
        if c.is_whitespace() {
            if !out.is_empty() && pending_space.is_none() {
                pending_space = Some(o);
            }
            continue;
        }
        if let Some(space) = pending_space.take() {
            out.push(' ');
            out_offsets.push(space);
        }
        out.push(c);
        out_offsets.push(o);
    }
    (out, out_offsets)
}

/// Collapses runs of white space (including no-break spaces) into one space.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    /// A document of ordinary 70-column lines plus the lines under test.
    fn repairer_with(extra: &[&str]) -> Repairer {
        let filler = "Continue to support cooperation and coordination in the region and";
        let mut lines: Vec<&str> = vec![filler; 30];
        lines.extend_from_slice(extra);
        Repairer::new(lines.into_iter())
    }

    fn clean_one(r: &Repairer, lines: &[&str]) -> String {
        let mut start = 0;
        let numbered: Vec<_> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let at = start;
                start += l.chars().count() + 1;
                (i + 1, *l, at)
            })
            .collect();
        let (text, offsets) = r.clean(&numbered, &mut Vec::new());
        assert_eq!(text.chars().count(), offsets.len());
        // every character that was in the source maps back to itself
        let source: Vec<char> = lines.join("\n").chars().collect();
        for (c, o) in text.chars().zip(&offsets) {
            if c != ' ' && c != '-' && c != 'l' {
                assert_eq!(source.get(*o), Some(&c), "offset {o} of {c:?} in {text:?}");
            }
        }
        text
    }

    #[test]
    fn wrapped_lines_join_with_single_spaces() {
        let r = repairer_with(&[]);
        assert_eq!(
            clean_one(
                &r,
                &[
                    "  Continue to   support",
                    "inclusive",
                    "",
                    "entrepreneurship;"
                ]
            ),
            "Continue to support inclusive entrepreneurship;"
        );
    }

    #[test]
    fn hyphen_at_line_end_is_kept_when_joining() {
        let r = repairer_with(&[]);
        assert_eq!(
            clean_one(&r, &["people-to-", "people ties"]),
            "people-to-people ties"
        );
    }

    #[test_case("promote mutual trust and confidence, exercise of selfrestraint, the non-use of force or the threat", "selfrestraint", "self-restraint" ; "prefix")]
    #[test_case("reduce drug demand through the adoption of evidencebased prevention policies and interventions", "evidencebased", "evidence-based" ; "suffix")]
    #[test_case("including in the response to the threat of a rising MultiDrug Resistance of Tuberculosis-MDR-TB;", "MultiDrug", "Multi-Drug" ; "inner capital")]
    fn glued_words_split_in_overlong_lines(line: &str, from: &str, to: &str) {
        let r = repairer_with(&[line]);
        let cleaned = clean_one(&r, &[line]);
        assert!(cleaned.contains(to), "{cleaned}");
        assert!(!cleaned.contains(from), "{cleaned}");
    }

    /// Regression: the split position was a byte offset of the lower-cased
    /// word used to slice the original; U+212A KELVIN SIGN lower-cases from
    /// three bytes to one, so the slice fell inside a character and panicked.
    #[test_case("\u{212A}\u{212A}\u{212A}xxbased", "\u{212A}\u{212A}\u{212A}xx-based" ; "kelvin sign before a suffix")]
    #[test_case("\u{130}\u{130}ntrabased", "\u{130}\u{130}ntra-based" ; "dotted capital i before a suffix")]
    #[test_case("self\u{212A}\u{212A}\u{212A}ing", "self-\u{212A}\u{212A}\u{212A}ing" ; "kelvin sign after a prefix")]
    fn glued_word_split_with_case_changing_length_stays_on_char_boundaries(
        word: &str,
        split: &str,
    ) {
        let line = format!(
            "promote mutual trust and confidence, exercise of {word} the non-use of force or the threat"
        );
        let r = repairer_with(&[&line]);
        let cleaned = clean_one(&r, &[&line]);
        assert!(cleaned.contains(split), "{cleaned}");
    }

    #[test]
    fn original_position_maps_lower_case_bytes_back() {
        assert_eq!(original_position("ABC", 1), Some(1));
        assert_eq!(original_position("\u{212A}ab", 1), Some(3));
        assert_eq!(original_position("\u{212A}ab", 3), Some(5));
        // U+0130 lower-cases to 'i' + U+0307: no boundary inside it
        assert_eq!(original_position("\u{130}x", 1), None);
        assert_eq!(original_position("\u{130}x", 3), Some(2));
    }

    #[test]
    fn real_words_are_not_split() {
        // "cooperation" is known from ordinary lines; "selfrestraint" would be
        // split, but this line is of ordinary length: nothing was glued.
        let r = repairer_with(&["exercise of cooperation and selfrestraint"]);
        assert_eq!(
            clean_one(&r, &["exercise of cooperation and selfrestraint"]),
            "exercise of cooperation and selfrestraint"
        );
        let long = "the partners deepen their cooperation through cooperation mechanisms and cooperation frameworks in all fields";
        let r = repairer_with(&[long]);
        assert_eq!(clean_one(&r, &[long]), long);
    }

    #[test_case("the ASEANU.S. Summits", "the ASEAN-U.S. Summits" ; "abbreviation after")]
    #[test_case("such as U.S.ASEAN Smart Cities", "such as U.S.-ASEAN Smart Cities" ; "abbreviation before")]
    #[test_case("through ASEAN-Ied fora and ASEAN-led mechanisms", "through ASEAN-led fora and ASEAN-led mechanisms" ; "capital i for l")]
    #[test_case("the U.S. and ASEAN-ISPs", "the U.S. and ASEAN-ISPs" ; "acronym after hyphen kept")]
    fn text_repairs(input: &str, expected: &str) {
        let r = repairer_with(&[input]);
        assert_eq!(clean_one(&r, &[input]), expected);
    }
}
