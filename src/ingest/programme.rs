//! The programme-page ingester: Markdown with YAML front matter in, a
//! [`Programme`] out.
//!
//! Front matter gives the programme's metadata; the body's paragraphs become
//! passages, and the list items under an "Activities" heading ("Sample
//! Activities", "Key Activities", ...) become activities. Links keep their text
//! and their target is recorded; images are recorded, never pasted as text.

use super::plan::Span;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_yaml_ng::Value;

/// A programme page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Programme {
    /// The programme's title (front matter `title`, required).
    pub title: String,
    /// Publication date as given (`2024-10-14 11:18:00 Z`), normalised to
    /// `xsd:dateTime` form when it parses.
    pub date: Option<String>,
    /// Front matter `summary`, on one line.
    pub summary: Option<String>,
    /// Year the programme starts: the first four characters of front matter
    /// `start`, when they are a number.
    pub start: Option<i32>,
    /// Year the programme ends: the first four characters of front matter
    /// `end`, when they are a number.
    pub end: Option<i32>,
    /// Who the programme is carried out for (front matter `client`, one
    /// value or a list).
    pub clients: Vec<String>,
    /// Practice areas the page files it under (front matter `solutions`).
    pub solutions: Vec<String>,
    /// World regions it names (front matter `regions`).
    pub regions: Vec<String>,
    /// Countries it names, or "Regional" (front matter `country`).
    pub countries: Vec<String>,
    /// Top-level paragraphs of the body, and list items outside an
    /// activities section, in order.
    pub paragraphs: Vec<Block>,
    /// Top-level list items under a heading that names activities ("Key
    /// Activities"), in order.
    pub activities: Vec<Block>,
}

/// A paragraph or activity of the page body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Plain text: Markdown syntax removed, link text kept, single spaces.
    pub text: String,
    /// For each character of `text`, its offset in the source file.
    pub offsets: Vec<usize>,
    /// The Markdown source of the block.
    pub raw: String,
    /// Character span of the block in the source file.
    pub span: Span,
    /// Link targets, in order.
    pub links: Vec<String>,
    /// Image references, in order.
    pub images: Vec<String>,
}

/// Why a text is not taken as a programme page.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProgrammeError {
    /// The page does not start with a `---` line, or its front matter is
    /// not closed by a `---` (or `...`) line.
    #[error("no YAML front matter (a first line `---` and a closing `---`)")]
    NoFrontMatter,
    /// The front matter is not valid YAML.
    #[error("front matter, line {line} column {column}: {message}")]
    Yaml {
        /// The line in the page, counting from 1.
        line: usize,
        /// The column in that line, counting from 1.
        column: usize,
        /// The YAML parser's message.
        message: String,
    },
    /// The front matter has no `title`, or an empty one.
    #[error("front matter has no `title`")]
    NoTitle,
}

/// Parses a programme page.
pub fn parse(source: &str) -> Result<Programme, ProgrammeError> {
    let (yaml, yaml_line, body, body_byte) = split_front_matter(source)?;
    let meta: Value = serde_yaml_ng::from_str(yaml).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        ProgrammeError::Yaml {
            line: line + yaml_line - 1,
            column,
            message: e.to_string(),
        }
    })?;
    let field = |name: &str| meta.get(name);
    let title = field("title")
        .and_then(scalar)
        .ok_or(ProgrammeError::NoTitle)?;
    let mut programme = Programme {
        title,
        date: field("date").and_then(scalar).map(|d| normalise_date(&d)),
        summary: field("summary")
            .and_then(scalar)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
        start: field("start").and_then(year),
        end: field("end").and_then(year),
        clients: field("client").map(list).unwrap_or_default(),
        solutions: field("solutions").map(list).unwrap_or_default(),
        regions: field("regions").map(list).unwrap_or_default(),
        countries: field("country").map(list).unwrap_or_default(),
        ..Programme::default()
    };
    read_body(source, body, body_byte, &mut programme);
    Ok(programme)
}

/// Returns (front matter, its first line number, body, body's byte offset).
fn split_front_matter(source: &str) -> Result<(&str, usize, &str, usize), ProgrammeError> {
    // as `Source` tells a programme page: a BOM and blank lines may come
    // before the opening `---` (the YAML's line numbers count them)
    let after_bom = source.strip_prefix('\u{feff}').unwrap_or(source);
    let start = after_bom.trim_start();
    let blank_lines = after_bom[..after_bom.len() - start.len()]
        .matches('\n')
        .count();
    let rest = start
        .strip_prefix("---\n")
        .or_else(|| start.strip_prefix("---\r\n"))
        .ok_or(ProgrammeError::NoFrontMatter)?;
    let yaml_start = source.len() - rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            let body_byte = yaml_start + offset + line.len();
            return Ok((
                &rest[..offset],
                2 + blank_lines,
                &source[body_byte..],
                body_byte,
            ));
        }
        offset += line.len();
    }
    Err(ProgrammeError::NoFrontMatter)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

fn year(v: &Value) -> Option<i32> {
    let s = scalar(v)?;
    s.get(..4)?.parse().ok()
}

/// "2024-10-14 11:18:00 Z" -> "2024-10-14T11:18:00Z"; other shapes are kept.
fn normalise_date(date: &str) -> String {
    let compact: String = date.split_whitespace().collect::<Vec<_>>().join(" ");
    let bytes = compact.as_bytes();
    let iso_date = bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-';
    if !iso_date {
        return compact;
    }
    let mut out = compact.replacen(' ', "T", 1).replace(' ', "");
    if out.len() == 10 {
        return out;
    }
    if out.ends_with('z') {
        out.pop();
        out.push('Z');
    }
    out
}

/// Collects paragraphs and activities from the Markdown body.
fn read_body(source: &str, body: &str, body_byte: usize, programme: &mut Programme) {
    let mut reader = BodyReader {
        body,
        body_byte,
        // Byte offsets of events to character offsets of the file. Events come
        // roughly in order, so a cursor that walks from the last position keeps
        // the whole page linear (counting from the start each time was quadratic).
        cursor: CharCursor::new(source, body_byte),
        programme,
        in_activities: false,
        heading: None,
        block: None,
        depth: 0,
    };
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(tag) => reader.start(tag, range),
            Event::End(tag) => reader.end(tag),
            Event::Text(t) | Event::Code(t) => reader.text(&t, range),
            Event::SoftBreak | Event::HardBreak => reader.line_break(range),
            _ => {}
        }
    }
}

/// Where reading a programme page's body stands, event by event.
struct BodyReader<'a> {
    /// The Markdown body.
    body: &'a str,
    /// Where the body starts in the file, in bytes.
    body_byte: usize,
    /// Byte offsets of the file to character offsets.
    cursor: CharCursor<'a>,
    /// The page the blocks go to.
    programme: &'a mut Programme,
    /// Whether the last heading heads activities.
    in_activities: bool,
    /// The text of the heading being read.
    heading: Option<String>,
    /// The paragraph or top-level list item being read.
    block: Option<Block>,
    /// List nesting (plus 1000 inside an image, whose alt text is no body text).
    depth: usize,
}

impl BodyReader<'_> {
    /// The file's character offset of a byte offset of the body.
    fn char_at(&mut self, byte: usize) -> usize {
        self.cursor.chars_at(self.body_byte + byte)
    }

    /// An empty block over the body's bytes `range`.
    fn new_block(&mut self, range: std::ops::Range<usize>) -> Block {
        Block {
            span: Span {
                start: self.char_at(range.start),
                end: self.char_at(range.end),
            },
            raw: self.body[range].trim_end().to_owned(),
            ..Block::default()
        }
    }

    /// An element opens: a heading, a list item or paragraph (a block), a
    /// link or image (recorded in the block).
    fn start(&mut self, tag: Tag<'_>, range: std::ops::Range<usize>) {
        match tag {
            Tag::Heading { level, .. } if level <= HeadingLevel::H6 => {
                self.heading = Some(String::new());
            }
            Tag::Item => {
                self.depth += 1;
                if self.depth == 1 {
                    self.block = Some(self.new_block(range));
                }
            }
            Tag::Paragraph if self.depth == 0 => {
                self.block = Some(self.new_block(range));
            }
            Tag::Link { dest_url, .. } => {
                if let Some(b) = self.block.as_mut() {
                    b.links.push(dest_url.to_string());
                }
            }
            Tag::Image { dest_url, .. } => {
                if let Some(b) = self.block.as_mut() {
                    b.images.push(dest_url.to_string());
                }
                // The alt text that follows is not body text.
                self.depth += 1000;
            }
            _ => {}
        }
    }

    /// An element closes: a heading says whether activities follow; a
    /// block goes to the page.
    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let h = self.heading.take().unwrap_or_default();
                self.in_activities = h.to_lowercase().contains("activit");
            }
            TagEnd::Item => {
                if self.depth == 1 {
                    if let Some(b) = self.block.take() {
                        push_block(self.programme, b, self.in_activities);
                    }
                }
                self.depth = self.depth.saturating_sub(1);
            }
            TagEnd::Paragraph if self.depth == 0 => {
                if let Some(b) = self.block.take() {
                    push_block(self.programme, b, false);
                }
            }
            TagEnd::Image => self.depth -= 1000,
            _ => {}
        }
    }

    /// Text: a heading's, or the block's (never an image's alt text).
    fn text(&mut self, t: &str, range: std::ops::Range<usize>) {
        if let Some(h) = self.heading.as_mut() {
            h.push_str(t);
            return;
        }
        if self.depth >= 1000 || self.block.is_none() {
            return;
        }
        // Text that stands verbatim in the source maps char by
        // char; decoded text (entities, escapes) maps to its start.
        let start = self.char_at(range.start);
        let verbatim = self.body.get(range) == Some(t);
        if let Some(b) = self.block.as_mut() {
            for (i, c) in t.chars().enumerate() {
                b.text.push(c);
                b.offsets.push(if verbatim { start + i } else { start });
            }
        }
    }

    /// A soft or hard line break: a space in the block.
    fn line_break(&mut self, range: std::ops::Range<usize>) {
        if self.block.is_none() {
            return;
        }
        let at = self.char_at(range.start);
        if let Some(b) = self.block.as_mut() {
            b.text.push(' ');
            b.offsets.push(at);
        }
    }
}

/// Converts byte offsets of `text` to character offsets, walking from the
/// previous position (forwards or backwards) instead of from the start.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str, byte: usize) -> Self {
        let byte = floor_char_boundary(text, byte);
        CharCursor {
            text,
            byte,
            chars: text[..byte].chars().count(),
        }
    }

    /// Characters before byte `to` (moved down to a character boundary).
    fn chars_at(&mut self, to: usize) -> usize {
        let to = floor_char_boundary(self.text, to);
        if to >= self.byte {
            self.chars += self.text[self.byte..to].chars().count();
        } else {
            self.chars -= self.text[to..self.byte].chars().count();
        }
        self.byte = to;
        self.chars
    }
}

fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn push_block(programme: &mut Programme, mut block: Block, activity: bool) {
    let (text, offsets) = super::plan::collapse_spaces_with_offsets(&block.text, &block.offsets);
    block.text = text;
    block.offsets = offsets;
    if block.text.is_empty() && block.images.is_empty() {
        return;
    }
    if activity {
        programme.activities.push(block);
    } else if block.text.is_empty() {
        // An image on its own: keep the reference on the previous paragraph.
        if let Some(last) = programme.paragraphs.last_mut() {
            last.images.extend(block.images);
        }
    } else {
        programme.paragraphs.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    const PAGE: &str = "---\ntitle: Pacific—Ocean Partnership Program\ndate: 2023-05-02 09:00:00 Z\nsummary: 'Supports ocean\n  governance. '\nstart: 2023\nend: 2027\nclient: U.S. Government\nsolutions:\n- Environment\n- Governance\nregions: Asia and the Pacific\ncountry: Regional\n---\n\nFirst paragraph with a [link](https://example.org/a) in it\nand a wrapped line.\n\n![map.png](/uploads/map.png)\n\n## Key Activities\n\n* Support the [Ocean Network](https://example.org/n) to grow.\n* Train **fisheries** officers.\n";

    #[test]
    fn reads_metadata_paragraphs_and_activities() -> TestResult {
        let p = parse(PAGE)?;
        assert_eq!(p.title, "Pacific—Ocean Partnership Program");
        assert_eq!(p.date.as_deref(), Some("2023-05-02T09:00:00Z"));
        assert_eq!(p.summary.as_deref(), Some("Supports ocean governance."));
        assert_eq!((p.start, p.end), (Some(2023), Some(2027)));
        assert_eq!(p.solutions, ["Environment", "Governance"]);
        assert_eq!(p.paragraphs.len(), 1);
        assert_eq!(
            p.paragraphs[0].text,
            "First paragraph with a link in it and a wrapped line."
        );
        assert_eq!(p.paragraphs[0].links, ["https://example.org/a"]);
        assert_eq!(p.paragraphs[0].images, ["/uploads/map.png"]);
        let acts: Vec<_> = p.activities.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            acts,
            [
                "Support the Ocean Network to grow.",
                "Train fisheries officers."
            ]
        );
        assert_eq!(p.activities[0].links, ["https://example.org/n"]);
        Ok(())
    }

    #[test]
    fn spans_are_character_offsets_into_the_file() -> TestResult {
        let p = parse(PAGE)?;
        let chars: Vec<char> = PAGE.chars().collect();
        for block in p.paragraphs.iter().chain(&p.activities) {
            for (c, &o) in block.text.chars().zip(&block.offsets) {
                assert!(c == ' ' || chars[o] == c, "{c:?} at {o}");
            }
        }
        let a = &p.activities[1];
        let s: String = chars[a.span.start..a.span.end].iter().collect();
        assert!(s.contains("Train **fisheries** officers."), "{s:?}");
        Ok(())
    }

    #[test]
    fn bad_front_matter_names_its_line() {
        let err = parse("---\ntitle: [unclosed\n---\nbody\n").expect_err("bad yaml");
        match err {
            ProgrammeError::Yaml { line, .. } => assert!(line >= 2, "{line}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("no front matter"), Err(ProgrammeError::NoFrontMatter));
        assert_eq!(
            parse("---\ndate: 2024\n---\n"),
            Err(ProgrammeError::NoTitle)
        );
    }

    /// `Source` calls a page with blank lines before its `---` a programme
    /// page; the parser used to refuse it (no front matter).
    #[test]
    fn blank_lines_before_the_front_matter_are_allowed() -> TestResult {
        let p = parse(&format!("\u{feff}\n\n{PAGE}"))?;
        assert_eq!(p.title, "Pacific—Ocean Partnership Program");
        assert_eq!(p.activities.len(), 2);
        let err = parse("\n\n---\ntitle: [unclosed\n---\nbody\n").expect_err("bad yaml");
        match err {
            ProgrammeError::Yaml { line, .. } => {
                assert!(line >= 4, "the blank lines count: {line}")
            }
            other => panic!("{other:?}"),
        }
        Ok(())
    }
}
