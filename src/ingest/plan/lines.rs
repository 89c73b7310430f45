//! Splitting converted text into lines and telling what each line is.
//!
//! PDF-to-text output mixes the plan's own lines with page furniture (running
//! headers and footers, page numbers, status stamps, rules, form feeds). This
//! module knows the shapes of that furniture, finds running headers by their
//! repetition beside page breaks, and reads the label a line starts with
//! (`labels`); it does not decide whether a label fits the plan's structure
//! (that needs context, see `outline`).

use super::labels::{self, Label, Style, Wrap};
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

impl Line<'_> {
    /// Offset of the line's first character that is not white space (a
    /// PDF conversion indents the first line of a page by a space): where
    /// a heading or clause printed on the line begins.
    pub fn content_start(&self) -> usize {
        self.start + self.text.chars().take_while(|c| c.is_whitespace()).count()
    }
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

/// What a line is, before structural context is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// Empty or white space only.
    Blank,
    /// Page furniture: footers, page numbers, stamps, rules, running headers.
    Furniture,
    /// Starts with a label, read in every way it can be (see `labels`).
    Labeled(Vec<Label<'a>>),
    /// Anything else.
    Text,
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(concat!(
        r"(?i)^(?:",
        r"page\s*\d+(?:\s*(?:of|/)\s*\d+)?", // Page 9 of 20, Page 3
        r"|\d+\s*(?:of|/)\s*\d+",            // 9 of 20, 9/20
        r"|[-–—]\s*\d+\s*[-–—]",             // - 9 -
        r"|\[?(?:final|draft|final draft|zero draft|revised draft|as of \d.*|confidential|restricted|for official use only|unofficial translation)\]?",
        r"|[-_=–—.·*•]{3,}", // closing rules
        // web sites' and archives' furniture around a plan's text
        r"|\[(?:place|date|source|title|document|type|subject|keywords?|language|url|link)\].*", // an archive record's fields
        r"|posted\s+(?:on|by|in)\b.*|(?:published|last updated|updated)(?:\s+on|\s*:)\s*\d.*", // bylines
        r"|met dank overgenomen van\b.*", // Dutch: "reproduced with thanks from"
        r"|(?:share(?: this(?: page| article| post)?| on)?|print this page|email this page|follow us)\s*[:!]?(?:\s*(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|telegram|print|reddit)\b[\s|·,]*)*", // share buttons
        r"|(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|telegram|print|reddit)(?:\s*[|·,]?\s*(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|telegram|print|reddit))+",
        r"|(?:related (?:posts?|articles?|news|stories|content)|read more|see also|read also|you may also like|more news|latest news|tags?:.*|categor(?:y|ies):.*)",
        // the same in the languages of sites that repost plans
        r"|(?:lees ook|lees meer|gerelateerde artikelen|lire aussi|voir aussi|articles liés|lesen sie auch|weitere artikel|leia também|baca juga)\s*:?",
        // a list of social networks, whatever words stand before it
        r"|.{0,40}?(?:facebook|twitter|linkedin|whatsapp|e-?mail|telegram|reddit)(?:\s*[|·,/]?\s*(?:facebook|twitter|linkedin|whatsapp|e-?mail|telegram|reddit|x)\b){1,}\s*",
        r"|(?:home|skip to (?:main )?content|menu|search|back to top|top)(?:\s*[>»|/›]\s*\S.*)?", // navigation, breadcrumbs
        r")$"
    ))
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
    let readings = labels::read(trimmed);
    if readings.is_empty() {
        LineKind::Text
    } else {
        LineKind::Labeled(readings)
    }
}

/// A lone number without a dot is a page number unless the structure claims it.
pub fn is_bare_page_number(readings: &[Label<'_>]) -> bool {
    readings.len() == 1
        && readings[0].key.style == Style::Decimal
        && readings[0].key.wrap == Wrap::Plain
        && readings[0].values.len() == 1
        && !readings[0].dot
        && readings[0].rest.is_empty()
}

/// Marks running page headers and footers as furniture, by repetition and
/// position rather than wording: a short line that is not a label, repeated
/// (digits aside) beside at least two page breaks after the first page. A
/// page break is a form feed, a page-number line, or a bare number line.
pub fn mark_running_furniture(lines: &[Line<'_>], kinds: &mut [LineKind<'_>]) {
    // a form feed ends a line without starting a new line number
    let after_feed = |i: usize| i > 0 && lines[i].number == lines[i - 1].number;
    let is_break = |i: usize, kinds: &[LineKind<'_>]| {
        matches!(kinds[i], LineKind::Furniture)
            || matches!(&kinds[i], LineKind::Labeled(r) if is_bare_page_number(r))
            || after_feed(i)
    };
    let breaks: Vec<usize> = (0..lines.len()).filter(|&i| is_break(i, kinds)).collect();
    let Some(&first_break) = breaks.first() else {
        return;
    };
    let feed_after = |i: usize| i + 1 < lines.len() && after_feed(i + 1);
    let key = |text: &str| -> String {
        text.trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut near: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // a line that can be furniture: short, not a sentence's end, with some
    // words (a footer "3 | P a g e" reads as a label: it counts too, a bare
    // label "4.1" does not)
    let candidate = |i: usize, kinds: &[LineKind<'_>]| {
        let text = lines[i].text.trim();
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let shape = match &kinds[i] {
            LineKind::Text => true,
            LineKind::Labeled(r) => r.iter().all(|l| !l.rest.is_empty()),
            _ => false,
        };
        shape && letters >= 3 && text.chars().count() <= 80 && !text.ends_with([';', ','])
    };
    let mut near_break = vec![false; lines.len()];
    for i in 0..lines.len() {
        if !candidate(i, kinds) {
            continue;
        }
        let text = lines[i].text.trim();
        // within two content lines of a page break, on either side
        let window = |range: &mut dyn Iterator<Item = usize>| {
            let mut seen = 0;
            for j in range {
                if is_break(j, kinds) || feed_after(j) {
                    return true;
                }
                if !matches!(kinds[j], LineKind::Blank) {
                    seen += 1;
                    if seen >= 2 {
                        return false;
                    }
                }
            }
            false
        };
        let before = window(&mut (i.saturating_sub(4)..i).rev()) || after_feed(i);
        let after = window(&mut (i + 1..(i + 5).min(lines.len())));
        near_break[i] = before || after;
        if near_break[i] && i >= first_break {
            *near.entry(key(text)).or_default() += 1;
        }
    }
    for i in 0..lines.len() {
        // before the first page break only the first page's footer (the
        // title at the top of page one is not furniture)
        let placed = i >= first_break || near_break[i];
        if placed && candidate(i, kinds) && near.get(&key(lines[i].text)).is_some_and(|&n| n >= 2) {
            kinds[i] = LineKind::Furniture;
        }
    }
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
            LineKind::Labeled(readings) => {
                assert_eq!(readings[0].values, parts);
                assert_eq!(readings[0].dot, dot);
                assert_eq!(readings[0].rest, rest);
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
    fn running_headers_are_furniture_by_repetition_beside_page_breaks() {
        let text = "Title of the plan\nfirst page text\n\u{c}Short Plan 2021-2025\n1. a first clause\nmore\nPage 2 of 3\n\u{c}Short Plan 2021-2025\n2. another clause\nShort Plan 2021-2025 is also said here\n";
        let lines = split_lines(text);
        let mut kinds: Vec<LineKind<'_>> = lines.iter().map(|l| classify(l.text)).collect();
        mark_running_furniture(&lines, &mut kinds);
        let furniture: Vec<&str> = lines
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| matches!(k, LineKind::Furniture))
            .map(|(l, _)| l.text)
            .collect();
        assert_eq!(
            furniture,
            [
                "Short Plan 2021-2025",
                "Page 2 of 3",
                "Short Plan 2021-2025"
            ]
        );
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
