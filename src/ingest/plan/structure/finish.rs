//! The end of a parse: the lines gathered under each pillar, section and
//! clause become the plan, with notations as printed, positions, titles and
//! the period; the truncation check.

use super::front::{ends_sentence, front_matter, title_case_if_shouting};
use super::*;
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
                heading_inferred: false,
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
            cut: None,
        };
        let mut plan = plan;
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
