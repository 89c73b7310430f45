//! Fitting classified lines into the pillar / section / clause hierarchy.
//!
//! A numbered line is only taken as a heading or clause when it fits the
//! numbering sequence (the next pillar, the next section of the current
//! pillar, the next clause of the current section) and, for headings, when the
//! clauses it announces really follow. Anything else that looks like a number
//! ("3.1 of the Charter" wrapped onto a new line) stays text. Lines between a
//! heading number and its first clause are the heading's title, except lines
//! that carry on an unfinished clause cut by the heading (a stray number).

use super::lines::{classify, is_bare_page_number, split_lines, Line, LineKind, Numbering};
use super::repair::{self, Repairer};
use super::{Clause, Passage, Pillar, Plan, PlanError, Section, Span};
use regex::Regex;
use std::sync::LazyLock;

/// How far ahead a heading looks for its first clause.
const LOOKAHEAD_LINES: usize = 400;

static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[-–—]\s*(\d{4})").expect("valid regex"));
static PERIOD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?\s*\d{4}\s*[-–—]\s*\d{4}\s*\)?$").expect("valid regex"));

/// Parses a plan of action from converted text.
pub fn parse(source: &str) -> Result<Plan, PlanError> {
    if source.trim().is_empty() {
        return Err(PlanError::Empty);
    }
    let lines = split_lines(source);
    let kinds: Vec<LineKind<'_>> = lines.iter().map(|l| classify(l.text)).collect();
    let mut parser = Parser {
        repairer: Repairer::new(
            lines
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| matches!(k, LineKind::Text | LineKind::Numbered(_)))
                .map(|(l, _)| l.text),
        ),
        lines: &lines,
        kinds: &kinds,
        pillars: Vec::new(),
        open: None,
        collecting: Collecting::Nothing,
        warnings: Vec::new(),
    };
    let first = (0..lines.len())
        .find(|&i| matches!(&kinds[i], LineKind::Numbered(n) if n.parts == [1] && parser.pillar_fits(i, n)))
        .ok_or(PlanError::NoStructure)?;
    for i in first..lines.len() {
        parser.step(i);
    }
    parser.finish(first)
}

/// A clause while its lines are being gathered.
struct OpenClause {
    pillar: usize,
    section: usize,
    clause: usize,
}

/// What the lines after a heading number are taken for.
#[derive(Clone, Copy)]
enum Collecting {
    Nothing,
    PillarTitle(usize),
    SectionTitle(usize, usize),
}

/// Builder state: the hierarchy so far, with each node's lines.
struct Parser<'s, 'l> {
    lines: &'l [Line<'s>],
    kinds: &'l [LineKind<'s>],
    repairer: Repairer,
    pillars: Vec<PillarLines<'s>>,
    open: Option<OpenClause>,
    collecting: Collecting,
    warnings: Vec<String>,
}

struct PillarLines<'s> {
    number: u32,
    title: Vec<&'s str>,
    span: Span,
    sections: Vec<SectionLines<'s>>,
}

struct SectionLines<'s> {
    number: [u32; 2],
    title: Vec<&'s str>,
    heading_inferred: bool,
    span: Span,
    clauses: Vec<ClauseLines<'s>>,
}

struct ClauseLines<'s> {
    number: [u32; 3],
    /// (line number, text, source offset of the text) of each line, the first
    /// without its number.
    parts: Vec<(usize, &'s str, usize)>,
    /// The raw lines, whole.
    raw: Vec<&'s str>,
    span: Span,
}

impl<'s> Parser<'s, '_> {
    fn step(&mut self, i: usize) {
        match &self.kinds[i] {
            LineKind::Blank | LineKind::Furniture => {}
            LineKind::Numbered(n) => {
                if !self.accept(i, n) && !is_bare_page_number(n) {
                    self.text(i);
                }
            }
            LineKind::Text => self.text(i),
        }
    }

    /// Takes a numbered line as a pillar, section or clause if it fits.
    fn accept(&mut self, i: usize, n: &Numbering<'s>) -> bool {
        let line = &self.lines[i];
        match n.parts[..] {
            [p] if self.pillar_fits(i, n) => {
                self.pillars.push(PillarLines {
                    number: p,
                    title: non_empty(n.rest),
                    span: Span {
                        start: line.start,
                        end: line.end,
                    },
                    sections: Vec::new(),
                });
                self.open = None;
                self.collecting = Collecting::PillarTitle(self.pillars.len() - 1);
                true
            }
            [p, s] if self.section_fits(i, p, s) => {
                let pillar_index = self.pillars.len() - 1;
                let pillar = self
                    .pillars
                    .last_mut()
                    .expect("section_fits checked a pillar");
                pillar.sections.push(SectionLines {
                    number: [p, s],
                    title: non_empty(n.rest),
                    heading_inferred: false,
                    span: Span {
                        start: line.start,
                        end: line.end,
                    },
                    clauses: Vec::new(),
                });
                self.collecting = Collecting::SectionTitle(pillar_index, pillar.sections.len() - 1);
                true
            }
            [p, s, c] => self.accept_clause(i, n, [p, s, c]),
            _ => false,
        }
    }

    fn accept_clause(&mut self, i: usize, n: &Numbering<'s>, number: [u32; 3]) -> bool {
        let [p, s, c] = number;
        let line = &self.lines[i];
        let Some(pillar) = self.pillars.last_mut() else {
            return false;
        };
        if pillar.number != p {
            return false;
        }
        let current = pillar.sections.last().map(|sec| sec.number);
        if current == Some([p, s]) {
            let section = pillar.sections.last().expect("current section");
            let expected = section.clauses.last().map_or(1, |cl| cl.number[2] + 1);
            if c != expected {
                let plausible_gap = c > expected
                    && c <= expected + 3
                    && n.rest.starts_with(|ch: char| ch.is_uppercase());
                if !plausible_gap {
                    return false;
                }
                self.warnings.push(format!(
                    "line {}: clause {p}.{s}.{c} follows {p}.{s}.{} (numbering gap)",
                    line.number,
                    expected - 1
                ));
            }
        } else {
            let next_section = current.map_or(1, |[_, cs]| cs + 1);
            if c != 1 || s != next_section {
                return false;
            }
            // A clause that opens a section with no heading of its own.
            let title = pillar.title.clone();
            pillar.sections.push(SectionLines {
                number: [p, s],
                title,
                heading_inferred: true,
                span: Span {
                    start: line.start,
                    end: line.end,
                },
                clauses: Vec::new(),
            });
        }
        let pillar_index = self.pillars.len() - 1;
        let pillar = self.pillars.last_mut().expect("pillar");
        let section_index = pillar.sections.len() - 1;
        let section = pillar.sections.last_mut().expect("section");
        section.clauses.push(ClauseLines {
            number,
            parts: vec![(
                line.number,
                n.rest,
                line.start + char_offset_of(line.text, n.rest),
            )],
            raw: vec![line.text],
            span: Span {
                start: line.start,
                end: line.end,
            },
        });
        self.open = Some(OpenClause {
            pillar: pillar_index,
            section: section_index,
            clause: section.clauses.len() - 1,
        });
        self.collecting = Collecting::Nothing;
        true
    }

    /// A pillar number fits when it is the next pillar, has a title, and the
    /// pillar's first section or clause follows.
    fn pillar_fits(&self, i: usize, n: &Numbering<'_>) -> bool {
        let p = n.parts[0];
        if p as usize != self.pillars.len() + 1 {
            return false;
        }
        let title_ok = if n.rest.is_empty() {
            match self.next_content(i) {
                Some(j) => match &self.kinds[j] {
                    LineKind::Text => {
                        let t = self.lines[j].text.trim();
                        looks_like_title(t)
                            && (n.trailing_dot || !t.chars().any(char::is_lowercase))
                    }
                    _ => false,
                },
                None => false,
            }
        } else {
            looks_like_title(n.rest)
        };
        title_ok
            && self.ahead(i, |parts| {
                parts.len() >= 2 && parts[0] == p && parts[1] == 1
            })
    }

    /// A section number fits when it is the next section of the current pillar
    /// and its first clause follows.
    fn section_fits(&self, i: usize, p: u32, s: u32) -> bool {
        let Some(pillar) = self.pillars.last() else {
            return false;
        };
        let next = pillar.sections.last().map_or(1, |sec| sec.number[1] + 1);
        pillar.number == p && s == next && self.ahead(i, |parts| parts == [p, s, 1])
    }

    /// Whether a numbered line matching `want` follows within the lookahead.
    fn ahead(&self, i: usize, want: impl Fn(&[u32]) -> bool) -> bool {
        self.kinds
            .iter()
            .skip(i + 1)
            .take(LOOKAHEAD_LINES)
            .any(|k| matches!(k, LineKind::Numbered(n) if want(&n.parts)))
    }

    /// The next line that is neither blank nor furniture.
    fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len())
            .find(|&j| !matches!(self.kinds[j], LineKind::Blank | LineKind::Furniture))
    }

    /// Places a line of running text.
    fn text(&mut self, i: usize) {
        let line = &self.lines[i];
        let text = line.text.trim();
        let unfinished = self.open_clause_unfinished();
        match self.collecting {
            Collecting::SectionTitle(..) if unfinished && text.starts_with(char::is_lowercase) => {
                // The clause cut by this heading's number goes on.
                self.append_to_open(i);
            }
            Collecting::PillarTitle(p) => {
                self.pillars[p].title.push(text);
                self.pillars[p].span.end = line.end;
            }
            Collecting::SectionTitle(p, s) => {
                let section = &mut self.pillars[p].sections[s];
                section.title.push(text);
                section.span.end = line.end;
                self.pillars[p].span.end = line.end;
            }
            Collecting::Nothing if self.open.is_some() => {
                if !unfinished && self.is_unnumbered_heading(i) {
                    self.warnings.push(format!(
                        "line {}: unnumbered heading {text:?} left out of the clause text",
                        line.number
                    ));
                } else {
                    self.append_to_open(i);
                }
            }
            Collecting::Nothing => self.warnings.push(format!(
                "line {}: text outside any clause was not placed: {text:?}",
                line.number
            )),
        }
    }

    fn append_to_open(&mut self, i: usize) {
        let line = &self.lines[i];
        let Some(open) = &self.open else { return };
        let pillar = &mut self.pillars[open.pillar];
        let section = &mut pillar.sections[open.section];
        let clause = &mut section.clauses[open.clause];
        clause.parts.push((line.number, line.text, line.start));
        clause.raw.push(line.text);
        clause.span.end = line.end;
        section.span.end = section.span.end.max(line.end);
        pillar.span.end = pillar.span.end.max(line.end);
    }

    fn open_clause_unfinished(&self) -> bool {
        let Some(open) = &self.open else { return false };
        let clause = &self.pillars[open.pillar].sections[open.section].clauses[open.clause];
        let last = clause
            .parts
            .iter()
            .rev()
            .map(|(_, t, _)| t.trim())
            .find(|t| !t.is_empty());
        !last.is_some_and(ends_sentence)
    }

    /// A short title-like line between a finished clause and the next clause.
    fn is_unnumbered_heading(&self, i: usize) -> bool {
        let text = self.lines[i].text.trim();
        let next_is_clause = self
            .next_content(i)
            .is_some_and(|j| matches!(&self.kinds[j], LineKind::Numbered(n) if n.parts.len() == 3));
        next_is_clause
            && text.chars().count() <= 60
            && looks_like_title(text)
            && is_title_cased(text)
    }

    fn finish(self, first_pillar_line: usize) -> Result<Plan, PlanError> {
        let Parser {
            lines,
            kinds,
            repairer,
            pillars,
            mut warnings,
            ..
        } = self;
        let mut repairs = Vec::new();
        let (title, preamble) = front_matter(
            &lines[..first_pillar_line],
            &kinds[..first_pillar_line],
            &repairer,
            &mut repairs,
        );
        let period = YEAR_RANGE
            .captures(&title)
            .and_then(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)));
        let pillars: Vec<Pillar> = pillars
            .into_iter()
            .map(|p| {
                let printed_title = p.title.join(" ");
                Pillar {
                    number: p.number,
                    title: title_case_if_shouting(&printed_title),
                    printed_title,
                    span: p.span,
                    sections: p
                        .sections
                        .into_iter()
                        .map(|s| Section {
                            number: s.number,
                            title: if s.heading_inferred {
                                title_case_if_shouting(&s.title.join(" "))
                            } else {
                                repair::collapse_spaces(&s.title.join(" "))
                            },
                            heading_inferred: s.heading_inferred,
                            span: s.span,
                            clauses: s
                                .clauses
                                .into_iter()
                                .map(|c| {
                                    let (text, offsets) = repairer.clean(&c.parts, &mut repairs);
                                    Clause {
                                        number: c.number,
                                        passage: Passage {
                                            text,
                                            offsets,
                                            raw: c.raw.join("\n"),
                                            span: c.span,
                                        },
                                    }
                                })
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        for p in &pillars {
            if p.title.is_empty() {
                warnings.push(format!("pillar {} has no title", p.number));
            }
            for s in &p.sections {
                if s.title.is_empty() {
                    warnings.push(format!("section {} has no title", s.notation()));
                }
            }
        }
        let plan = Plan {
            title,
            period,
            preamble,
            pillars,
            warnings,
            repairs,
        };
        let last = plan.clauses().last().ok_or(PlanError::NoStructure)?;
        if !ends_sentence(&last.passage.text) {
            let tail: String = {
                let chars: Vec<char> = last.passage.text.chars().collect();
                chars[chars.len().saturating_sub(40)..].iter().collect()
            };
            return Err(PlanError::Truncated(format!(
                "the last clause, {}, ends mid-sentence (\"…{tail}\")",
                last.notation()
            )));
        }
        Ok(plan)
    }
}

/// Splits the lines before the first pillar into the title and the preamble.
fn front_matter(
    lines: &[Line<'_>],
    kinds: &[LineKind<'_>],
    repairer: &Repairer,
    repairs: &mut Vec<super::Repair>,
) -> (String, Option<Passage>) {
    let content: Vec<&Line<'_>> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| !matches!(k, LineKind::Blank | LineKind::Furniture))
        .map(|(l, _)| l)
        .collect();
    let mut title_lines = 0;
    for (k, line) in content.iter().enumerate() {
        let text = line.text.trim();
        let continues_title = k == 0
            || PERIOD_LINE.is_match(text)
            || ends_with_connector(content[k - 1].text.trim())
            || (is_shouting(content[k - 1].text) && is_shouting(text));
        if !continues_title {
            break;
        }
        title_lines = k + 1;
    }
    let title = repair::collapse_spaces(
        &content[..title_lines]
            .iter()
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join(" "),
    );
    let body = &content[title_lines..];
    let preamble = (!body.is_empty()).then(|| {
        let parts: Vec<(usize, &str, usize)> =
            body.iter().map(|l| (l.number, l.text, l.start)).collect();
        let (text, offsets) = repairer.clean(&parts, repairs);
        Passage {
            text,
            offsets,
            raw: body.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"),
            span: Span {
                start: body[0].start,
                end: body[body.len() - 1].end,
            },
        }
    });
    (title, preamble)
}

/// Characters from the start of `line` to `part`, a slice of it.
fn char_offset_of(line: &str, part: &str) -> usize {
    let byte = (part.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len());
    line.get(..byte).map_or(0, |s| s.chars().count())
}

fn non_empty(s: &str) -> Vec<&str> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![s]
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([';', '.', ':', '!', '?']) || t.ends_with("; and") || t.ends_with("; or")
}

fn ends_with_connector(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "of" | "the" | "and" | "to" | "for" | "on" | "in" | "between" | "with" | "a" | "an"
    )
}

/// Starts like a heading and does not end like a sentence fragment.
fn looks_like_title(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(|c: char| c.is_uppercase() || c == '(')
        && !t.ends_with([';', ','])
        && t.chars().count() <= 160
}

fn is_shouting(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Most words of four letters or more start with a capital.
fn is_title_cased(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            >= long.len()
}

/// "POLITICAL AND SECURITY COOPERATION" -> "Political and Security Cooperation";
/// "FOLLOW-UP MECHANISM" -> "Follow-up Mechanism". Text with lower case is kept.
pub(crate) fn title_case_if_shouting(text: &str) -> String {
    let text = repair::collapse_spaces(text);
    if !is_shouting(&text) {
        return text;
    }
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ];
    const PARTICLES: &[&str] = &[
        "up", "in", "on", "off", "out", "down", "over", "based", "led",
    ];
    let cap = |w: &str| {
        let mut cs = w.chars();
        cs.next().map_or_else(String::new, |f| {
            f.to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect()
        })
    };
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            word.split('-')
                .enumerate()
                .map(|(j, part)| {
                    let lower = part.to_lowercase();
                    // A parenthesised acronym, "(ICT)", stays as printed.
                    let keep_acronym = part.starts_with('(') && part.ends_with(')');
                    if keep_acronym {
                        part.to_owned()
                    } else if (i > 0 && j == 0 && MINOR.contains(&lower.as_str()))
                        || (j > 0 && PARTICLES.contains(&lower.as_str()))
                    {
                        lower
                    } else {
                        cap(part)
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
