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

mod finish;
mod front;
mod inferred;
mod runin;
mod unnumbered;

use front::{char_offset_of, ends_sentence, non_empty};

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
/// A text whose sections and clauses have no pillar line above them
/// (`1.1` / `1.1.1`, or `1.1.` with `(a)` clauses) gets the pillars their
/// numbers imply, each marked as inferred.
pub fn parse_with(source: &str, options: &ParseOptions) -> Result<Plan, PlanError> {
    if source.trim().is_empty() {
        return Err(PlanError::Empty);
    }
    let lines = split_lines(source);
    // headings, sections and clauses run into one paragraph are cut into
    // their units first (only lines holding three units in sequence are)
    let lines = runin::split_run_in(&lines).unwrap_or(lines);
    inferred::parse_any(&lines, options)
}

fn parse_lines(lines: &[Line<'_>], options: &ParseOptions) -> Result<Plan, PlanError> {
    let mut kinds: Vec<LineKind<'_>> = lines.iter().map(|l| classify(l.text)).collect();
    mark_running_furniture(lines, &mut kinds);
    // pillar headings put in (see `inferred`, the only lines with text and
    // no width) repeat digits aside, but are no running header
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        if line.start == line.end && !line.text.is_empty() {
            *kind = classify(line.text);
        }
    }
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
        lines,
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
                // a pillar heading put in (see `inferred`) that does not fit
                // is dropped: it is no text of the source
                let put_in = self.lines[i].start == self.lines[i].end;
                if !self.accept(i, &readings) && !is_bare_page_number(&readings) && !put_in {
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
        // a pillar heading put in (see `inferred`) is a pillar or nothing
        if self.lines[i].start == self.lines[i].end {
            fits.retain(|(f, _)| *f == Fit::Pillar);
        }
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
                start: line.content_start(),
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
                start: line.content_start(),
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
        // a clause fits only in a pillar: there is one
        let Some(pillar) = self.pillars.last_mut() else {
            return;
        };
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
                start: line.content_start(),
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
            raw: vec![line.text.trim_start()],
            span: Span {
                start: line.content_start(),
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

    /// Places a line of running text.
    /// Whether a blank line or page furniture stands before `i` (a
    /// paragraph break).
    fn after_blank(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.ahead.kinds[i - 1],
                LineKind::Blank | LineKind::Furniture
            )
    }

    /// Whether a labelled line comes anywhere after `i`.
    fn clause_follows(&self, i: usize) -> bool {
        self.ahead.kinds[i + 1..]
            .iter()
            .any(|k| matches!(k, LineKind::Labeled(_)))
    }

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
                } else if !unfinished && self.after_blank(i) && !self.clause_follows(i) {
                    // a finished clause, a blank line, and text no clause
                    // comes after: what a page puts after the plan ("Read
                    // also: ..."), not the clause's
                    self.warnings.push(format!(
                        "line {}: text after the last clause was not placed: {text:?}",
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
}

#[cfg(test)]
mod tests;
