//! Splitting converted text into lines and telling what each line is.
//!
//! PDF-to-text output mixes the plan's own lines with page furniture (running
//! footers, page numbers, status stamps, rules, form feeds). This module knows
//! the shapes of that furniture and the shape of a clause or heading number; it
//! does not decide whether a number fits the plan's structure (that needs
//! context, see `structure`).

use regex::Regex;
use std::sync::LazyLock;

/// One line of the source, with its position in characters (Unicode scalar
/// values, as `oa:TextPositionSelector` counts them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the source.
    pub number: usize,
    /// The line's text without its terminator.
    pub text: &'a str,
    /// Offset of the line's first character.
    pub start: usize,
    /// Offset just past the line's last character (terminator excluded).
    pub end: usize,
}

/// Splits `source` into lines at `\n`, `\r\n`, `\r` and form feeds (a form feed
/// is a page break and so also ends a line).
pub fn split_lines(source: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut number = 1;
    let mut line_start_byte = 0;
    let mut line_start_char = 0;
    let mut char_pos = 0;
    let mut chars = source.char_indices().peekable();
    while let Some((byte, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\u{c}') {
            lines.push(Line {
                number,
                text: &source[line_start_byte..byte],
                start: line_start_char,
                end: char_pos,
            });
            let mut next_byte = byte + 1;
            char_pos += 1;
            if c == '\r' {
                if let Some(&(b, '\n')) = chars.peek() {
                    chars.next();
                    next_byte = b + 1;
                    char_pos += 1;
                }
            }
            if c != '\u{c}' {
                number += 1;
            }
            line_start_byte = next_byte;
            line_start_char = char_pos;
        } else {
            char_pos += 1;
        }
    }
    if line_start_byte < source.len() {
        lines.push(Line {
            number,
            text: &source[line_start_byte..],
            start: line_start_char,
            end: char_pos,
        });
    }
    lines
}

/// A heading or clause number at the start of a line, e.g. `1.2.16.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering<'a> {
    /// The numbers, outermost first (1 to 3 of them).
    pub parts: Vec<u32>,
    /// Whether a dot followed the last number (`1.` vs `1`).
    pub trailing_dot: bool,
    /// What follows the number on the same line, trimmed (may be empty).
    pub rest: &'a str,
}

impl Numbering<'_> {
    /// The notation without a trailing dot, e.g. `1.2.16`.
    pub fn notation(&self) -> String {
        self.parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// What a line is, before structural context is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// Empty or white space only.
    Blank,
    /// Page furniture: footers, page numbers, stamps, rules.
    Furniture,
    /// Starts with a heading or clause number.
    Numbered(Numbering<'a>),
    /// Anything else.
    Text,
}

static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,3}))?(\.)?(?:\s+(.*))?$")
        .expect("valid regex")
});

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        r"page\s*\d+(?:\s*(?:of|/)\s*\d+)?",      // Page 9 of 20, Page 3
        r"|\d+\s*(?:of|/)\s*\d+",                  // 9 of 20, 9/20
        r"|[-–—]\s*\d+\s*[-–—]",                   // - 9 -
        r"|\[?(?:final|draft|final draft|zero draft|revised draft|as of \d.*|confidential|restricted|for official use only|unofficial translation)\]?",
        r"|[-_=–—.·*•]{3,}",                       // closing rules
        r")$"
    ))
    .expect("valid regex")
});

/// Classifies one line by its shape alone.
pub fn classify(text: &str) -> LineKind<'_> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.is_empty() {
        return LineKind::Blank;
    }
    if FURNITURE.is_match(trimmed) {
        return LineKind::Furniture;
    }
    if let Some(caps) = NUMBERING.captures(trimmed) {
        let parts: Vec<u32> = (1..=3)
            .filter_map(|i| caps.get(i))
            .filter_map(|m| m.as_str().parse().ok())
            .collect();
        // A zero never numbers a heading or clause ("version 2.0 of ..." wrapped
        // onto a new line is text).
        if parts.iter().all(|&n| n > 0) {
            return LineKind::Numbered(Numbering {
                parts,
                trailing_dot: caps.get(4).is_some(),
                rest: caps.get(5).map_or("", |m| m.as_str().trim()),
            });
        }
    }
    LineKind::Text
}

/// A lone number without a dot is a page number unless the structure claims it.
pub fn is_bare_page_number(numbering: &Numbering<'_>) -> bool {
    numbering.parts.len() == 1 && !numbering.trailing_dot && numbering.rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Page 9 of 20" ; "page of")]
    #[test_case("  page 3/12 " ; "page slash")]
    #[test_case("9 of 20" ; "bare of")]
    #[test_case("- 14 -" ; "dashed")]
    #[test_case("Final" ; "final stamp")]
    #[test_case("[DRAFT]" ; "draft stamp")]
    #[test_case("-------------------" ; "closing rule")]
    #[test_case("______" ; "underscore rule")]
    fn furniture(line: &str) {
        assert_eq!(classify(line), LineKind::Furniture);
    }

    #[test_case("1.2.16 Continue to support", &[1, 2, 16], false, "Continue to support" ; "clause without dot")]
    #[test_case("1.2.16. Continue", &[1, 2, 16], true, "Continue" ; "clause with dot")]
    #[test_case("   4.1.3 Support", &[4, 1, 3], false, "Support" ; "leading blanks")]
    #[test_case(" 1.2.", &[1, 2], true, "" ; "section alone")]
    #[test_case("4.1", &[4, 1], false, "" ; "section alone no dot")]
    #[test_case("4. CROSS-PILLAR COOPERATION", &[4], true, "CROSS-PILLAR COOPERATION" ; "pillar with title")]
    fn numbered(line: &str, parts: &[u32], dot: bool, rest: &str) {
        match classify(line) {
            LineKind::Numbered(n) => {
                assert_eq!(n.parts, parts);
                assert_eq!(n.trailing_dot, dot);
                assert_eq!(n.rest, rest);
            }
            other => panic!("{line:?} classified as {other:?}"),
        }
    }

    #[test_case("2.0 of the framework" ; "version number")]
    #[test_case("1982 United Nations Convention" ; "year")]
    #[test_case("5G ecosystem" ; "digit word")]
    #[test_case("2021-2025" ; "year range")]
    #[test_case("Article 3.1 of the Charter" ; "number inside sentence")]
    fn text(line: &str) {
        assert_eq!(classify(line), LineKind::Text);
    }

    #[test]
    fn lines_carry_character_offsets() {
        let src = "a’b\r\nc\u{c}d\n";
        let lines = split_lines(src);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a’b", "c", "d"]);
        assert_eq!((lines[0].start, lines[0].end), (0, 3));
        assert_eq!((lines[1].start, lines[1].end), (5, 6));
        assert_eq!((lines[2].start, lines[2].end), (7, 8));
        // a form feed breaks the line but not the line count
        assert_eq!(lines[2].number, 2);
    }
}
