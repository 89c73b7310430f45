//! Run-in numbering: a PDF conversion that lost its line breaks runs the
//! headings, sections and clauses into one paragraph ("... the following
//! measures: POLITICAL AND SECURITY COOPERATION 1.1 Dialogue 1.1.1 Hold
//! ..."). Such a line is cut where a number begins a new unit in sequence
//! (`1.1` first, `1.1.1` after `1.1`, `1.2` or `2.1` after `1.1.3`), with
//! the heading in capitals that opens a pillar cut off before its first
//! section; never at a sentence's own numbers ("Article 2.1", "the 2.0
//! plan", "1.5 degrees"), which are out of sequence, follow a word that
//! refers to another text, or precede a word in lower case. The pieces are
//! slices of the line, so every offset still points into the source.

use super::super::lines::Line;
use regex::Regex;
use std::sync::LazyLock;

/// A decimal label of two to four parts, with an optional dot, and the
/// white space after it.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+"));

/// Words after which a number is another text's ("Article 2.1").
const REFERS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "paragraph",
    "paragraphs",
    "para",
    "chapter",
    "rule",
    "annex",
    "clause",
    "clauses",
    "item",
    "version",
    "no",
    "no.",
    "point",
    "points",
];

/// Lines long enough to hold run-in units; shorter ones are left whole.
const LONG_LINE: usize = 200;

/// The lines with every long line cut into its run-in units; None when no
/// line has three units in sequence.
pub(super) fn split_run_in<'s>(lines: &[Line<'s>]) -> Option<Vec<Line<'s>>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut last: Vec<u32> = Vec::new();
    let mut split_any = false;
    for line in lines {
        let cuts = if line.text.chars().count() >= LONG_LINE {
            cuts_in(line.text, &mut last)
        } else {
            Vec::new()
        };
        if cuts.len() < 3 {
            out.push(line.clone());
            continue;
        }
        split_any = true;
        let mut from = 0;
        for at in cuts.into_iter().chain([line.text.len()]) {
            let piece = &line.text[from..at];
            if !piece.trim().is_empty() {
                let start = line.start + line.text[..from].chars().count();
                out.push(Line {
                    number: line.number,
                    text: piece,
                    start,
                    end: start + piece.chars().count(),
                });
            }
            from = at;
        }
    }
    split_any.then_some(out)
}

/// Byte offsets in `text` where a unit begins (a label in sequence, or the
/// capitals heading before a label that opens a pillar).
fn cuts_in(text: &str, last: &mut Vec<u32>) -> Vec<usize> {
    let mut cuts = Vec::new();
    for m in LABEL.captures_iter(text) {
        let (Some(whole), Some(label)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let before = &text[..whole.start()];
        let after = &text[whole.end()..];
        let starts_word = before.is_empty() || before.ends_with(char::is_whitespace);
        let capital_next = after.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '“');
        let previous_word = before
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        if !starts_word || !capital_next || REFERS.contains(&previous_word.as_str()) {
            continue;
        }
        let values: Vec<u32> = label
            .as_str()
            .split('.')
            .filter_map(|v| v.parse().ok())
            .collect();
        if !in_sequence(last, &values) {
            continue;
        }
        let opens_pillar = last.first() != values.first();
        *last = values;
        // a pillar's heading in capitals is cut off before its first unit
        if let Some(heading) = capitals_before(before).filter(|_| opens_pillar) {
            cuts.push(heading);
        }
        cuts.push(whole.start());
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| c > 0);
    cuts
}

/// Whether `next` follows `last` in a plan's numbering: the first unit
/// (`1.1`, `1.1.1`), a child, a sibling, or a sibling of an ancestor.
fn in_sequence(last: &[u32], next: &[u32]) -> bool {
    if next.contains(&0) {
        return false;
    }
    if last.is_empty() {
        return next[0] == 1 && next[1..].iter().all(|&v| v == 1);
    }
    let n = next.len();
    // a child: 1.1 -> 1.1.1
    if n == last.len() + 1 && next[..n - 1] == *last && next[n - 1] == 1 {
        return true;
    }
    // a sibling or an ancestor's sibling, with its first children: 1.1.3 -> 1.2, 2.1, 1.2.1
    (1..=n.min(last.len())).any(|k| {
        next[..k - 1] == last[..k - 1]
            && next[k - 1] == last[k - 1] + 1
            && next[k..].iter().all(|&v| v == 1)
    })
}

/// Where a heading in capitals ends `before` ("... measures: POLITICAL AND
/// SECURITY COOPERATION "): the byte offset of its first word, when it has
/// two words or more.
fn capitals_before(before: &str) -> Option<usize> {
    let mut start = None;
    let mut words = 0;
    let mut end = before.trim_end().len();
    while end > 0 {
        let head = &before[..end];
        let from = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &head[from..];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = word.chars().any(char::is_alphabetic)
            && !word.chars().any(char::is_lowercase)
            && (letters >= 2 || word == "&");
        if !capitals {
            break;
        }
        start = Some(from);
        words += 1;
        end = head[..from].trim_end().len();
    }
    start.filter(|_| words >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_sequence_are_cut_and_a_sentence_s_own_numbers_are_not() {
        let text = "Both sides agree on the following measures: POLITICAL AND SECURITY COOPERATION 1.1 Dialogue 1.1.1 Hold talks under Article 2.1 of the Charter and the 2.0 plan. 1.1.2 Keep warming below 1.5 degrees. ECONOMIC COOPERATION 2.1 Trade 2.1.1 Lower tariffs on goods and services of every kind.";
        let mut last = Vec::new();
        let cuts = cuts_in(text, &mut last);
        let pieces: Vec<&str> = cuts
            .iter()
            .zip(cuts.iter().skip(1).chain([&text.len()]))
            .map(|(&a, &b)| text[a..b].trim())
            .collect();
        assert_eq!(
            pieces,
            [
                "POLITICAL AND SECURITY COOPERATION",
                "1.1 Dialogue",
                "1.1.1 Hold talks under Article 2.1 of the Charter and the 2.0 plan.",
                "1.1.2 Keep warming below 1.5 degrees.",
                "ECONOMIC COOPERATION",
                "2.1 Trade",
                "2.1.1 Lower tariffs on goods and services of every kind.",
            ]
        );
    }
}
