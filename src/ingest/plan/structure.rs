//! Fitting classified lines into the pillar / section / clause hierarchy,
//! whatever the numbering scheme (`labels`), with `outline` deciding where
//! each labelled line fits.
//!
//! A labelled line is only taken as a heading or clause when it fits the
//! numbering sequence and, for headings, when their first child follows.
//! Anything else that looks like a label ("3.1 of the Charter" wrapped onto a
//! new line, a sub-item "(i)" inside a clause) stays text. Lines between a
//! heading's label and its first child are the heading's title, except lines
//! that carry on an unfinished clause cut by the heading (a stray number). A
//! short title line between a finished clause and a list that starts afresh
//! heads a part the text did not number ("IMPLEMENTATION ARRANGEMENTS").

use super::labels::{self, Key, Label};
use super::lines::{
    classify, is_bare_page_number, mark_running_furniture, split_lines, Line, LineKind,
};
use super::outline::{reads_as_title, Ahead, Fit, Node, State};
use super::repair::{self, Repairer};
use super::{Clause, Passage, Pillar, Plan, PlanError, Section, Span};
use regex::Regex;
use std::sync::LazyLock;

static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[-–—]\s*(\d{4})").expect("valid regex"));
static PERIOD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\s*(?:19|20)\d\d\s*(?:[-–—‑]|to)?\s*(?:19|20)\d\d\s*\)?$")
        .expect("valid regex")
});
/// A title line that ends with its period: "... Prosperity (2021-2025)",
/// "for the period of 2023 to 2027", "Partnership 2025–2029".
static ENDS_WITH_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:19|20)\d\d\s*(?:[-–—‑]|to|until)?\s*(?:19|20)\d\d\s*\)?\s*$")
        .expect("valid regex")
});

/// How a text came to be, where it matters to parsing it.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Per line, whether it is a paragraph of its own (extracted from a web
    /// page): such a line never carries on a clause or a title.
    pub standalone: Option<Vec<bool>>,
    /// Whether lines have a width of their own (text from a PDF): only then
    /// can an over-long line be two lines the converter glued together.
    pub no_line_geometry: bool,
}

/// Parses a plan of action from converted text.
pub fn parse(source: &str) -> Result<Plan, PlanError> {
    parse_with(source, &ParseOptions::default())
}

/// Parses a plan of action from text with what is known of its making.
pub fn parse_with(source: &str, options: &ParseOptions) -> Result<Plan, PlanError> {
    if source.trim().is_empty() {
        return Err(PlanError::Empty);
    }
    let lines = split_lines(source);
    let mut kinds: Vec<LineKind<'_>> = lines.iter().map(|l| classify(l.text)).collect();
    mark_running_furniture(&lines, &mut kinds);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let standalone: Vec<bool> = (0..lines.len())
        .map(|i| {
            options
                .standalone
                .as_ref()
                .and_then(|s| s.get(lines[i].number - 1).copied())
                .unwrap_or(false)
        })
        .collect();
    let content_lines = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| matches!(k, LineKind::Text | LineKind::Labeled(_)))
        .map(|(l, _)| l.text);
    let repairer = if options.no_line_geometry {
        Repairer::without_line_geometry(content_lines)
    } else {
        Repairer::new(content_lines)
    };
    let mut parser = Parser {
        repairer,
        standalone,
        lines: &lines,
        ahead: Ahead {
            kinds: &kinds,
            texts: &texts,
        },
        state: State::default(),
        pillars: Vec::new(),
        open: None,
        collecting: Collecting::Nothing,
        warnings: Vec::new(),
    };
    let first = (0..lines.len())
        .find(|&i| parser.first_pillar(i).is_some())
        .ok_or(PlanError::NoStructure)?;
    for i in first..lines.len() {
        parser.step(i);
    }
    parser.finish(first)
}

/// A clause while its lines are being gathered.
struct OpenClause {
    pillar: usize,
    section: Option<usize>,
    clause: usize,
}

/// What the lines after a heading label are taken for.
#[derive(Clone, Copy)]
enum Collecting {
    Nothing,
    PillarTitle(usize),
    SectionTitle(usize, usize),
}

/// Builder state: the hierarchy so far, with each node's lines.
struct Parser<'s, 'l> {
    lines: &'l [Line<'s>],
    /// Per line: a paragraph of its own (see [`ParseOptions::standalone`]).
    standalone: Vec<bool>,
    ahead: Ahead<'l, 's>,
    repairer: Repairer,
    state: State,
    pillars: Vec<PillarLines<'s>>,
    open: Option<OpenClause>,
    collecting: Collecting,
    warnings: Vec<String>,
}

struct PillarLines<'s> {
    /// The label as printed (or the next of its sequence, when unnumbered).
    label: String,
    values: Vec<u32>,
    numbered: bool,
    title: Vec<&'s str>,
    span: Span,
    sections: Vec<SectionLines<'s>>,
    clauses: Vec<ClauseLines<'s>>,
}

struct SectionLines<'s> {
    label: String,
    key: Option<Key>,
    values: Vec<u32>,
    title: Vec<&'s str>,
    heading_inferred: bool,
    span: Span,
    clauses: Vec<ClauseLines<'s>>,
}

struct ClauseLines<'s> {
    label: String,
    key: Key,
    values: Vec<u32>,
    /// (line number, text, source offset of the text) of each line, the first
    /// without its label.
    parts: Vec<(usize, &'s str, usize)>,
    /// The raw lines, whole.
    raw: Vec<&'s str>,
    span: Span,
}

impl<'s> Parser<'s, '_> {
    /// The reading of line `i` that makes it the first pillar, if any.
    fn first_pillar(&self, i: usize) -> Option<Label<'s>> {
        let LineKind::Labeled(readings) = &self.ahead.kinds[i] else {
            return None;
        };
        readings
            .iter()
            .find(|r| matches!(self.state.fit(&self.ahead, i, r), Some(Fit::Pillar)))
            .cloned()
    }

    fn step(&mut self, i: usize) {
        match &self.ahead.kinds[i] {
            LineKind::Blank | LineKind::Furniture => {}
            LineKind::Labeled(readings) => {
                let readings = readings.clone();
                if !self.accept(i, &readings) && !is_bare_page_number(&readings) {
                    self.text(i);
                }
            }
            LineKind::Text => {
                if !self.unnumbered_pillar(i) {
                    self.text(i);
                }
            }
        }
    }

    /// Takes a labelled line as a pillar, section or clause if one of its
    /// readings fits (pillars first, then sections, then clauses).
    fn accept(&mut self, i: usize, readings: &[Label<'s>]) -> bool {
        let mut fits: Vec<(Fit, &Label<'s>)> = readings
            .iter()
            .filter_map(|r| self.state.fit(&self.ahead, i, r).map(|f| (f, r)))
            .collect();
        fits.sort_by_key(|(f, _)| match f {
            Fit::Pillar => 0,
            Fit::Section => 1,
            _ => 2,
        });
        let Some((fit, label)) = fits.into_iter().next() else {
            return false;
        };
        let label = label.clone();
        match fit {
            Fit::Pillar => self.push_pillar(i, &label, true),
            Fit::Section => self.push_section(i, &label),
            Fit::Clause { in_pillar, gap } => {
                if gap {
                    self.warnings.push(format!(
                        "line {}: clause {} does not follow the clause before it (numbering gap)",
                        self.lines[i].number, label.printed
                    ));
                }
                self.push_clause(i, &label, in_pillar)
            }
            Fit::ClauseOfNewSection => {
                self.push_inferred_section(i, &label);
                self.push_clause(i, &label, false)
            }
        }
        true
    }

    fn push_pillar(&mut self, i: usize, label: &Label<'s>, numbered: bool) {
        let line = &self.lines[i];
        self.pillars.push(PillarLines {
            label: label.printed.clone(),
            values: label.values.clone(),
            numbered,
            title: non_empty(label.rest),
            span: Span {
                start: line.start,
                end: line.end,
            },
            sections: Vec::new(),
            clauses: Vec::new(),
        });
        self.state.pillar_key.get_or_insert(label.key);
        self.state.pillar = Some(Node {
            key: Some(label.key),
            values: label.values.clone(),
            numbered,
            ..Node::default()
        });
        self.state.section = None;
        self.open = None;
        self.collecting = Collecting::PillarTitle(self.pillars.len() - 1);
    }

    fn push_section(&mut self, i: usize, label: &Label<'s>) {
        let line = &self.lines[i];
        let pillar_index = self.pillars.len() - 1;
        let pillar = &mut self.pillars[pillar_index];
        pillar.sections.push(SectionLines {
            label: label.printed.clone(),
            key: Some(label.key),
            values: label.values.clone(),
            title: non_empty(label.rest),
            heading_inferred: false,
            span: Span {
                start: line.start,
                end: line.end,
            },
            clauses: Vec::new(),
        });
        let section_index = pillar.sections.len() - 1;
        if let Some(p) = self.state.pillar.as_mut() {
            p.has_sections = true;
            p.section_key = Some(label.key);
            p.last_section = label.value();
        }
        self.state.section = Some(Node {
            key: Some(label.key),
            values: label.values.clone(),
            numbered: true,
            ..Node::default()
        });
        self.collecting = Collecting::SectionTitle(pillar_index, section_index);
    }

    /// A section the text never headed, opened by its first clause `p.s.1`:
    /// it takes the pillar's title.
    fn push_inferred_section(&mut self, i: usize, label: &Label<'s>) {
        let line = &self.lines[i];
        let values = label.values[..2].to_vec();
        let pillar = self
            .pillars
            .last_mut()
            .expect("a clause fits only in a pillar");
        let title = pillar.title.clone();
        pillar.sections.push(SectionLines {
            label: values
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join("."),
            key: None,
            values: values.clone(),
            title,
            heading_inferred: true,
            span: Span {
                start: line.start,
                end: line.end,
            },
            clauses: Vec::new(),
        });
        if let Some(p) = self.state.pillar.as_mut() {
            p.has_sections = true;
            p.last_section = values[1];
        }
        self.state.section = Some(Node {
            key: None,
            values,
            numbered: true,
            ..Node::default()
        });
    }

    fn push_clause(&mut self, i: usize, label: &Label<'s>, in_pillar: bool) {
        let line = &self.lines[i];
        let clause = ClauseLines {
            label: label.printed.clone(),
            key: label.key,
            values: label.values.clone(),
            parts: vec![(
                line.number,
                label.rest,
                line.start + char_offset_of(line.text, label.rest),
            )],
            raw: vec![line.text],
            span: Span {
                start: line.start,
                end: line.end,
            },
        };
        let pillar_index = self.pillars.len() - 1;
        let pillar = &mut self.pillars[pillar_index];
        let container = if in_pillar {
            self.state.pillar.as_mut()
        } else {
            self.state.section.as_mut()
        };
        if let Some(c) = container {
            c.clause_key = Some(label.key);
            c.last_clause = label.value();
        }
        self.state.last_clause = Some((label.key, label.value()));
        let (section, clause_index) = if in_pillar {
            pillar.clauses.push(clause);
            (None, pillar.clauses.len() - 1)
        } else {
            let section_index = pillar.sections.len() - 1;
            let section = &mut pillar.sections[section_index];
            section.clauses.push(clause);
            (Some(section_index), section.clauses.len() - 1)
        };
        self.open = Some(OpenClause {
            pillar: pillar_index,
            section,
            clause: clause_index,
        });
        self.collecting = Collecting::Nothing;
    }

    /// A short title line after a finished clause, followed by a list that
    /// starts afresh at 1 and fits nowhere else, heads a part the text did
    /// not number: it becomes the next pillar.
    fn unnumbered_pillar(&mut self, i: usize) -> bool {
        if self.standalone[i]
            || !matches!(self.collecting, Collecting::Nothing)
            || self.open.is_none()
            || self.open_clause_unfinished()
        {
            return false;
        }
        let text = self.lines[i].text.trim();
        if text.chars().count() > 80
            || !reads_as_title(text)
            || text.ends_with('.')
            || !is_title_cased(text)
        {
            return false;
        }
        let Some(j) = self.ahead.next_content(i) else {
            return false;
        };
        let LineKind::Labeled(readings) = &self.ahead.kinds[j] else {
            return false;
        };
        let fits_here = readings
            .iter()
            .any(|r| self.state.fit(&self.ahead, j, r).is_some());
        let restarts = readings
            .iter()
            .any(|r| r.value() == 1 && r.values.len() == 1);
        let (Some(key), Some(p)) = (self.state.pillar_key, &self.state.pillar) else {
            return false;
        };
        // a heading standing alone between blank lines, in a plan whose
        // pillars hold their clauses directly, heads a part even when the
        // clause numbers run on through it
        let alone = |k: Option<usize>| {
            k.and_then(|k| self.ahead.kinds.get(k))
                .is_none_or(|kind| matches!(kind, LineKind::Blank | LineKind::Furniture))
        };
        let standing_alone = alone(i.checked_sub(1)) && alone(Some(i + 1)) && !p.has_sections;
        if !(standing_alone || (!fits_here && restarts)) {
            return false;
        }
        let next = p.values.last().copied().unwrap_or(0) + 1;
        let label = Label {
            key,
            values: vec![next],
            printed: labels::label_for(key, next),
            dot: false,
            rest: text,
        };
        self.warnings.push(format!(
            "line {}: the unnumbered heading {text:?} is taken as pillar {}",
            self.lines[i].number, label.printed
        ));
        self.push_pillar(i, &label, false);
        true
    }

    /// Places a line of running text.
    fn text(&mut self, i: usize) {
        let line = &self.lines[i];
        let text = line.text.trim();
        if self.standalone[i] {
            // a paragraph of its own after the first heading: in no clause
            self.warnings.push(format!(
                "line {}: a paragraph outside any clause was not placed: {text:?}",
                line.number
            ));
            return;
        }
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
        let clause = match open.section {
            Some(s) => {
                let section = &mut pillar.sections[s];
                section.span.end = section.span.end.max(line.end);
                &mut section.clauses[open.clause]
            }
            None => &mut pillar.clauses[open.clause],
        };
        clause.parts.push((line.number, line.text, line.start));
        clause.raw.push(line.text);
        clause.span.end = line.end;
        pillar.span.end = pillar.span.end.max(line.end);
    }

    fn open_clause_unfinished(&self) -> bool {
        let Some(open) = &self.open else { return false };
        let pillar = &self.pillars[open.pillar];
        let clause = match open.section {
            Some(s) => &pillar.sections[s].clauses[open.clause],
            None => &pillar.clauses[open.clause],
        };
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
        let next_is_clause = self.ahead.next_content(i).is_some_and(|j| {
            matches!(&self.ahead.kinds[j], LineKind::Labeled(readings)
                if readings.iter().any(|r| matches!(self.state.fit(&self.ahead, j, r), Some(Fit::Clause { .. } | Fit::ClauseOfNewSection))))
        });
        next_is_clause
            && text.chars().count() <= 60
            && looks_like_title(text)
            && is_title_cased(text)
    }

    fn finish(self, first_pillar_line: usize) -> Result<Plan, PlanError> {
        let Parser {
            lines,
            ahead,
            repairer,
            pillars,
            mut warnings,
            ..
        } = self;
        let mut repairs = Vec::new();
        let (title, preamble) = front_matter(
            &lines[..first_pillar_line],
            &ahead.kinds[..first_pillar_line],
            &repairer,
            &mut repairs,
        );
        let period = YEAR_RANGE
            .captures(&title)
            .and_then(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)));
        let mut clean = |c: ClauseLines<'_>, parent: &str, parent_values: &[u32]| {
            let (text, offsets) = repairer.clean(&c.parts, &mut repairs);
            Clause {
                notation: child_notation(parent, parent_values, &c.label, &c.values, c.key),
                passage: Passage {
                    text,
                    offsets,
                    raw: c.raw.join("\n"),
                    span: c.span,
                },
            }
        };
        let mut built = Vec::new();
        for (pi, p) in pillars.into_iter().enumerate() {
            let printed_title = heading_text(&p.title.join(" "));
            let notation = p.label.clone();
            let pillar_values = if p.numbered {
                p.values.clone()
            } else {
                Vec::new()
            };
            let clauses: Vec<Clause> = p
                .clauses
                .into_iter()
                .map(|c| clean(c, &notation, &pillar_values))
                .collect();
            let sections: Vec<Section> = p
                .sections
                .into_iter()
                .enumerate()
                .map(|(si, s)| {
                    let section_notation = match s.key {
                        Some(key) => {
                            child_notation(&notation, &pillar_values, &s.label, &s.values, key)
                        }
                        None => s.label.clone(),
                    };
                    let section_values = if s.values.len() > 1 {
                        s.values.clone()
                    } else {
                        Vec::new()
                    };
                    Section {
                        number: si as u32 + 1,
                        title: if s.heading_inferred {
                            title_case_if_shouting(&s.title.join(" "))
                        } else {
                            heading_text(&s.title.join(" "))
                        },
                        heading_inferred: s.heading_inferred,
                        span: s.span,
                        clauses: s
                            .clauses
                            .into_iter()
                            .map(|c| clean(c, &section_notation, &section_values))
                            .collect(),
                        notation: section_notation,
                    }
                })
                .collect();
            built.push(Pillar {
                number: pi as u32 + 1,
                notation,
                numbered: p.numbered,
                title: title_case_if_shouting(&printed_title),
                printed_title,
                span: p.span,
                sections,
                clauses,
            });
        }
        for p in &built {
            if p.title.is_empty() {
                warnings.push(format!("pillar {} has no title", p.notation));
            }
            for s in &p.sections {
                if s.title.is_empty() {
                    warnings.push(format!("section {} has no title", s.notation));
                }
            }
        }
        let plan = Plan {
            title,
            period,
            preamble,
            pillars: built,
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
                last.notation
            )));
        }
        Ok(plan)
    }
}

/// A heading's text: single spaces, no trailing colon ("1.1 Expanding
/// Exchanges:").
fn heading_text(text: &str) -> String {
    repair::collapse_spaces(text)
        .trim_end_matches([':', ' '])
        .to_owned()
}

/// The notation of an item under `parent`: a decimal label that already
/// holds its parent's path stays as printed (`1.2.16`), any other is added to
/// the parent's notation, with a dot (`I.3`, `A.a`) or, bracketed, without
/// (`1.1(a)`).
fn child_notation(
    parent: &str,
    parent_values: &[u32],
    printed: &str,
    values: &[u32],
    key: Key,
) -> String {
    let extends = key.style == labels::Style::Decimal
        && !parent_values.is_empty()
        && values.len() > parent_values.len()
        && values[..parent_values.len()] == parent_values[..];
    if extends {
        printed.to_owned()
    } else if printed.starts_with('(') {
        format!("{parent}{printed}")
    } else {
        format!("{parent}.{printed}")
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
    let mut has_period = false;
    for (k, line) in content.iter().enumerate() {
        let text = line.text.trim();
        let continues_title = k == 0 || {
            let previous = content[k - 1].text.trim();
            // a title runs on without a blank line between its lines
            let adjacent = line.number == content[k - 1].number + 1;
            PERIOD_LINE.is_match(text)
                || ends_with_connector(previous)
                || (is_shouting(previous) && is_shouting(text))
                || (adjacent
                    && !has_period
                    && k < 4
                    && !ends_sentence(previous)
                    // "Partnership for Peace and Prosperity (2021-2025)",
                    // "for the period of 2023 to 2027"
                    && (ENDS_WITH_PERIOD.is_match(text)
                        // "for the ASEAN-France Development Partnership"
                        || text.starts_with(char::is_lowercase)))
        };
        if !continues_title {
            break;
        }
        has_period |= crate::corpus::meta::period_in(text).is_some();
        title_lines = k + 1;
    }
    let title_parts: Vec<&str> = content[..title_lines]
        .iter()
        .map(|l| l.text.trim())
        .collect();
    let title = repair::collapse_spaces(&title_parts.join(" "));
    // a title printed twice (a cover, then the first page) is one title
    let mut skip = title_lines;
    while skip < content.len() {
        let next = content[skip].text.trim();
        if title_parts.contains(&next) || repair::collapse_spaces(next) == title {
            skip += 1;
        } else {
            break;
        }
    }
    let body = &content[skip..];
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
