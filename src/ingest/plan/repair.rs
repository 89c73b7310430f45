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
    "based", "making", "led", "oriented", "centred", "centered", "building", "related", "wide",
    "driven", "owned", "friendly", "sensitive", "responsive", "enabled", "specific", "level",
    "term", "scale", "bound", "free",
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
    /// Where the glue point may lie in an over-long line (character columns).
    window: (usize, usize),
    /// Words (lower-cased) that occur on lines of ordinary length.
    ordinary_words: HashSet<String>,
    /// Hyphenated compounds (lower-cased) that occur anywhere.
    hyphenated: HashSet<String>,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}.\-’']*").expect("valid regex"));
static GLUED_ABBREV_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z]{3,})((?:[A-Z]\.){2,})").expect("valid regex"));
static GLUED_ABBREV_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:[A-Z]\.){2,})([A-Z][A-Za-z]{2,})").expect("valid regex"));
static CAPITAL_I_FOR_L: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([\p{L}\p{N}.])-I([a-z]{1,12})\b").expect("valid regex"));
static CAMEL_GLUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$").expect("valid regex"));

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
            window: (typical / 2, typical + typical / 3),
            ordinary_words,
            hyphenated,
        }
    }

    /// Joins the raw lines of one passage into cleaned text, recording repairs.
    pub fn clean(&self, lines: &[(usize, &str)], repairs: &mut Vec<Repair>) -> String {
        let mut text = String::new();
        for &(number, raw) in lines {
            let line = self.repair_line(number, raw.trim(), repairs);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if text.is_empty() {
                text.push_str(line);
            } else if ends_with_soft_hyphen(&text) && line.starts_with(char::is_lowercase) {
                // "people-to-" + "people": the hyphen belongs to the compound.
                text.push_str(line);
            } else {
                text.push(' ');
                text.push_str(line);
            }
        }
        let text = collapse_spaces(&text);
        self.repair_text(&text, lines.first().map_or(0, |l| l.0), repairs)
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
            match (!done && in_window).then(|| self.split_glued(word)).flatten() {
                Some(split) => {
                    repairs.push(Repair { line: number, from: word.to_owned(), to: split.clone() });
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
    fn split_glued(&self, word: &str) -> Option<String> {
        let core = word.trim_end_matches(['.', '-', '’', '\'']);
        if core.contains('-') || !core.chars().all(char::is_alphabetic) {
            return None;
        }
        if let Some(c) = CAMEL_GLUE.captures(core) {
            return Some(format!("{}-{}{}", &c[1], &c[2], &word[core.len()..]));
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
            let hyphenated = format!("{}-{}", &lower[..at], &lower[at..]);
            let attested = self.hyphenated.contains(&hyphenated);
            if attested || !self.ordinary_words.contains(&lower) {
                return Some(format!("{}-{}{}", &core[..at], &core[at..], &word[core.len()..]));
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
            let known = self.ordinary_words.iter().any(|w| {
                w == &corrected || w.ends_with(&format!("-{corrected}"))
            }) || HYPHEN_SUFFIXES.contains(&corrected.as_str());
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

fn ends_with_soft_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
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
        let numbered: Vec<_> = lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect();
        r.clean(&numbered, &mut Vec::new())
    }

    #[test]
    fn wrapped_lines_join_with_single_spaces() {
        let r = repairer_with(&[]);
        assert_eq!(
            clean_one(&r, &["  Continue to   support", "inclusive", "", "entrepreneurship;"]),
            "Continue to support inclusive entrepreneurship;"
        );
    }

    #[test]
    fn hyphen_at_line_end_is_kept_when_joining() {
        let r = repairer_with(&[]);
        assert_eq!(clean_one(&r, &["people-to-", "people ties"]), "people-to-people ties");
    }

    #[test_case("exercise of selfrestraint, the non-use of force or of the threat to use force, and the", "selfrestraint", "self-restraint" ; "prefix")]
    #[test_case("reduce drug demand through the adoption of evidencebased prevention policies and interventions", "evidencebased", "evidence-based" ; "suffix")]
    #[test_case("including in the response to the threat of a rising MultiDrug Resistance of Tuberculosis-MDR-TB;", "MultiDrug", "Multi-Drug" ; "inner capital")]
    fn glued_words_split_in_overlong_lines(line: &str, from: &str, to: &str) {
        let r = repairer_with(&[line]);
        let cleaned = clean_one(&r, &[line]);
        assert!(cleaned.contains(to), "{cleaned}");
        assert!(!cleaned.contains(from), "{cleaned}");
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
