//! The end of a parse: the lines gathered under each pillar, section and
//! clause become the plan, with notations as printed, positions, titles and
//! the period; the truncation check.

use super::front::{ends_sentence, front_matter, title_case_if_shouting};
use super::*;
use crate::corpus::Period;
use regex::Regex;
use std::sync::LazyLock;

static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::regex(r"(\d{4})\s*[-–—]\s*(\d{4})"));

impl<'s> Parser<'s, '_> {
    pub(super) fn finish(self, first_pillar_line: usize) -> Result<Plan, PlanError> {
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
            .and_then(|c| Some(Period::new(c[1].parse().ok()?, c[2].parse().ok()?)));
        let mut cleaner = Cleaner {
            repairer: &repairer,
            repairs,
        };
        let built: Vec<Pillar> = pillars
            .into_iter()
            .enumerate()
            .map(|(pi, p)| cleaner.pillar(pi, p))
            .collect();
        warn_untitled(&built, &mut warnings);
        let plan = Plan {
            title,
            period,
            preamble,
            pillars: built,
            warnings,
            repairs: cleaner.repairs,
            cut: None,
        };
        leave_out_cut_clause(plan)
    }
}

/// Turns gathered lines into clean passages, collecting the repairs made.
struct Cleaner<'r> {
    /// What repairs conversion damage.
    repairer: &'r Repairer,
    /// The repairs made so far, in text order.
    repairs: Vec<super::super::Repair>,
}

impl Cleaner<'_> {
    /// A clause under the parent of this notation and numbering.
    fn clause(&mut self, c: ClauseLines<'_>, parent: &str, parent_values: &[u32]) -> Clause {
        let (text, offsets) = self.repairer.clean(&c.parts, &mut self.repairs);
        Clause {
            notation: child_notation(parent, parent_values, &c.label, &c.values, c.key),
            passage: Passage {
                text,
                offsets,
                raw: c.raw.join("\n"),
                span: c.span,
            },
        }
    }

    /// The `pi`-th pillar (from 0), its own clauses, then its sections'.
    fn pillar(&mut self, pi: usize, p: PillarLines<'_>) -> Pillar {
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
            .map(|c| self.clause(c, &notation, &pillar_values))
            .collect();
        let sections: Vec<Section> = p
            .sections
            .into_iter()
            .enumerate()
            .map(|(si, s)| self.section(si, s, &notation, &pillar_values))
            .collect();
        Pillar {
            number: pi as u32 + 1,
            notation,
            numbered: p.numbered,
            title: title_case_if_shouting(&printed_title),
            printed_title,
            heading_inferred: false,
            span: p.span,
            sections,
            clauses,
        }
    }

    /// The `si`-th section (from 0) of the pillar of this notation and numbering.
    fn section(
        &mut self,
        si: usize,
        s: SectionLines<'_>,
        pillar_notation: &str,
        pillar_values: &[u32],
    ) -> Section {
        let section_notation = match s.key {
            Some(key) => child_notation(pillar_notation, pillar_values, &s.label, &s.values, key),
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
                .map(|c| self.clause(c, &section_notation, &section_values))
                .collect(),
            notation: section_notation,
        }
    }
}

/// Warns of every pillar and section without a title.
fn warn_untitled(pillars: &[Pillar], warnings: &mut Vec<String>) {
    for p in pillars {
        if p.title.is_empty() {
            warnings.push(format!("pillar {} has no title", p.notation));
        }
        for s in &p.sections {
            if s.title.is_empty() {
                warnings.push(format!("section {} has no title", s.notation));
            }
        }
    }
}

/// The truncation check: a last clause that ends mid-sentence is cut (an
/// excerpt); it is left out and the plan marked incomplete, or the plan
/// refused when no clause is left.
fn leave_out_cut_clause(mut plan: Plan) -> Result<Plan, PlanError> {
    let last = plan.clauses().last().ok_or(PlanError::NoStructure)?;
    if !ends_sentence(&last.passage.text) {
        let tail: String = {
            let chars: Vec<char> = last.passage.text.chars().collect();
            chars[chars.len().saturating_sub(40)..].iter().collect()
        };
        let cut = format!(
            "the last clause, {}, ends mid-sentence (\"…{tail}\")",
            last.notation
        );
        // an excerpt: every whole clause is kept, the cut one is not
        let notation = last.notation.clone();
        drop_clause(&mut plan, &notation);
        if plan.clauses().next().is_none() {
            return Err(PlanError::Truncated(cut));
        }
        plan.warnings.push(format!(
            "the text is cut: {cut}; that clause is left out and the plan marked incomplete"
        ));
        plan.cut = Some(notation);
    }
    Ok(plan)
}

/// Removes the clause of this notation, wherever it stands.
fn drop_clause(plan: &mut Plan, notation: &str) {
    for pillar in &mut plan.pillars {
        pillar.clauses.retain(|c| c.notation != notation);
        for section in &mut pillar.sections {
            section.clauses.retain(|c| c.notation != notation);
        }
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
