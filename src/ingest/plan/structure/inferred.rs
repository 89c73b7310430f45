//! Pillars a text does not print. Excerpts, web pages and older plans often
//! start straight at the sections (`1.1 Political dialogue` / `1.1.1 ...`,
//! or `1.1.` with `(a)` clauses): the section numbers say which pillar each
//! is in. A heading line is put in for each pillar the numbers open, the
//! text is parsed again, and the pillars so made are marked as inferred and
//! named from their number ("Pillar 1"). The lines put in are empty in the
//! source (their span starts and ends where the pillar's first section
//! does), so every offset still points into the text as it was.

use super::super::labels::Style;
use super::super::lines::{classify, Line, LineKind};
use super::super::{Plan, PlanError};
use super::front::{char_offset_of, ends_sentence, is_shouting, is_title_cased};
use super::ParseOptions;

/// The heading lines put in, by pillar number (pillars beyond these are
/// not inferred: no plan of the genre has more than a dozen).
const PILLAR_LINES: [&str; 12] = [
    "1. INFERRED PILLAR 1",
    "2. INFERRED PILLAR 2",
    "3. INFERRED PILLAR 3",
    "4. INFERRED PILLAR 4",
    "5. INFERRED PILLAR 5",
    "6. INFERRED PILLAR 6",
    "7. INFERRED PILLAR 7",
    "8. INFERRED PILLAR 8",
    "9. INFERRED PILLAR 9",
    "10. INFERRED PILLAR 10",
    "11. INFERRED PILLAR 11",
    "12. INFERRED PILLAR 12",
];

/// Numbers alone, put before a pillar heading the text prints unnumbered.
const NUMBER_LINES: [&str; 12] = [
    "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.",
];

/// Whether what comes before a line leaves it standing apart: nothing, a
/// blank line, or a finished sentence (not a wrapped clause's last words).
fn stands_apart(before: &[Line<'_>]) -> bool {
    match before.iter().rposition(|l| !l.text.trim().is_empty()) {
        None => true,
        Some(p) => p + 1 < before.len() || ends_sentence(before[p].text.trim()),
    }
}

/// Whether a line of the source reads as a pillar's heading: text, short,
/// in capitals or title case, no sentence.
fn reads_as_heading(line: &Line<'_>) -> bool {
    let text = line.text.trim();
    line.start != line.end
        && matches!(classify(text), LineKind::Text)
        && text.split_whitespace().count() <= 12
        && !ends_sentence(text)
        && !text.ends_with(',')
        && (is_shouting(text) || is_title_cased(text))
}

/// The lines with a pillar heading put before the first two-part label
/// (`1.1`, `2.1.`) of each pillar number, in sequence from 1; None when no
/// such label is found.
pub(super) fn with_pillar_lines<'s>(lines: &[Line<'s>]) -> Option<Vec<Line<'s>>> {
    let mut out = Vec::with_capacity(lines.len() + PILLAR_LINES.len());
    let mut pillar = 0u32;
    for line in lines {
        let opens = match classify(line.text) {
            LineKind::Labeled(readings) => readings
                .iter()
                .find(|r| r.key.style == Style::Decimal && r.key.depth == 2)
                .map(|r| r.values[0])
                .filter(|&n| n == pillar + 1),
            _ => None,
        };
        if let Some(n) = opens.filter(|&n| (n as usize) <= PILLAR_LINES.len()) {
            let n = n as usize;
            // a heading line just before ("POLITICAL AND SECURITY
            // COOPERATION") is the pillar's: its number alone is put in
            let heading = out
                .iter()
                .rposition(|l: &Line<'_>| !l.text.trim().is_empty())
                .filter(|&h| reads_as_heading(&out[h]) && stands_apart(&out[..h]));
            match heading {
                Some(h) => {
                    let at = out[h].content_start();
                    let put = Line {
                        number: out[h].number,
                        text: NUMBER_LINES[n - 1],
                        start: at,
                        end: at,
                    };
                    out.insert(h, put);
                }
                None => {
                    let at = line.content_start();
                    out.push(Line {
                        number: line.number,
                        text: PILLAR_LINES[n - 1],
                        start: at,
                        end: at,
                    });
                }
            }
            pillar += 1;
        }
        out.push(line.clone());
    }
    (pillar > 0).then_some(out)
}

/// The label of the pillar theme (`ontology/pillar-themes.tsv`) that most
/// of a pillar's section titles name, when more than half of them do.
fn theme_of_sections(pillar: &super::super::Pillar) -> Option<String> {
    static THEMES: std::sync::LazyLock<crate::corpus::themes::Themes> =
        std::sync::LazyLock::new(crate::corpus::themes::Themes::bundled);
    let themes = &*THEMES;
    let mut votes: Vec<(String, usize)> = Vec::new();
    for section in &pillar.sections {
        if let Some(theme) = themes.table_theme(&section.title) {
            match votes.iter_mut().find(|(label, _)| *label == theme.label) {
                Some((_, n)) => *n += 1,
                None => votes.push((theme.label.clone(), 1)),
            }
        }
    }
    let (label, n) = votes.into_iter().max_by_key(|(_, n)| *n)?;
    (n * 2 > pillar.sections.len()).then_some(label)
}

/// Marks the pillars made from the lines put in as inferred, titled by
/// their number, and says so in the warnings.
pub(super) fn name_inferred_pillars(plan: &mut Plan) {
    for pillar in &mut plan.pillars {
        let put_in = PILLAR_LINES.iter().any(|l| {
            l.split_once(". ")
                .is_some_and(|(_, title)| title == pillar.printed_title)
        });
        if put_in {
            pillar.heading_inferred = true;
            // the theme its sections' titles agree on, else its number
            pillar.printed_title =
                theme_of_sections(pillar).unwrap_or_else(|| format!("Pillar {}", pillar.notation));
            pillar.title = pillar.printed_title.clone();
            plan.warnings.push(format!(
                "pillar {} has no heading in the text: inferred from its sections' numbers",
                pillar.notation
            ));
        }
    }
}

/// Numbers put before a pillar heading the text did not number: Roman, so
/// that clauses numbered `1.`, `2.` under it (restarting or running on) are
/// told from the pillars; renumbered 1, 2, 3 once parsed.
const ROMAN_LINES: [&str; 12] = [
    "I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII.",
];

/// The lines with a number put before each unnumbered pillar heading: a
/// short line in capitals or title case that is no sentence, whose next
/// line of content is a list starting at 1 (or going on from the list
/// before); None when no such heading is found.
pub(super) fn with_heading_numbers<'s>(lines: &[Line<'s>]) -> Option<Vec<Line<'s>>> {
    let kinds: Vec<LineKind<'s>> = lines.iter().map(|l| classify(l.text)).collect();
    let next_content = |i: usize| {
        (i + 1..lines.len()).find(|&j| !matches!(kinds[j], LineKind::Blank | LineKind::Furniture))
    };
    let mut out = Vec::with_capacity(lines.len() + ROMAN_LINES.len());
    let mut headings = 0;
    let mut last_value = 0;
    for (i, line) in lines.iter().enumerate() {
        if let LineKind::Labeled(readings) = &kinds[i] {
            if let Some(r) = readings
                .iter()
                .find(|r| r.key.style == Style::Decimal && r.values.len() == 1)
            {
                last_value = r.values[0];
            }
        }
        let opens_list = next_content(i).is_some_and(|j| match &kinds[j] {
            // `1.`, `(a)`, `a.`, `(i)` opening a list, or numbers running on
            LineKind::Labeled(readings) => readings.iter().any(|r| {
                r.values.len() == 1
                    && (r.values[0] == 1
                        || (r.key.style == Style::Decimal
                            && headings > 0
                            && r.values[0] == last_value + 1))
            }),
            _ => false,
        });
        let text = line.text.trim();
        let heading = matches!(kinds[i], LineKind::Text)
            && opens_list
            && text.split_whitespace().count() <= 12
            && !ends_sentence(text)
            && !text.ends_with(',')
            && (is_shouting(text) || is_title_cased(text));
        if let Some(number) = heading.then(|| ROMAN_LINES.get(headings)).flatten() {
            let at = line.content_start();
            out.push(Line {
                number: line.number,
                text: number,
                start: at,
                end: at,
            });
            headings += 1;
        }
        out.push(line.clone());
    }
    (headings > 0).then_some(out)
}

/// Renumbers the pillars made from the numbers put in (`I`, `II`) as the
/// genre's next labels (`1`, `2`), their sections and clauses with them,
/// and marks them unnumbered.
pub(super) fn renumber_headings(plan: &mut Plan) {
    for (k, pillar) in plan.pillars.iter_mut().enumerate() {
        let Some(roman) = ROMAN_LINES.get(k).map(|r| r.trim_end_matches('.')) else {
            continue;
        };
        if pillar.notation != roman {
            continue;
        }
        let number = (k + 1).to_string();
        let renumber = |notation: &mut String| {
            if let Some(rest) = notation.strip_prefix(roman) {
                *notation = format!("{number}{rest}");
            }
        };
        renumber(&mut pillar.notation);
        pillar.numbered = false;
        for clause in &mut pillar.clauses {
            renumber(&mut clause.notation);
        }
        for section in &mut pillar.sections {
            renumber(&mut section.notation);
            for clause in &mut section.clauses {
                renumber(&mut clause.notation);
            }
        }
    }
}

/// Plain text of nested lists that both restart at 1 (an HTML list saved as
/// text): the outer items, less indented, head the pillars; the inner ones
/// are their clauses. Each outer item is read as a number put in (`I.`) and
/// its words as the heading; None unless two indents of such labels are
/// found.
pub(super) fn with_outer_items_as_headings<'s>(lines: &[Line<'s>]) -> Option<Vec<Line<'s>>> {
    let indent = |l: &Line<'_>| l.text.chars().take_while(|c| c.is_whitespace()).count();
    let item = |l: &Line<'s>| match classify(l.text) {
        LineKind::Labeled(readings) => readings
            .into_iter()
            .find(|r| r.key.style == Style::Decimal && r.values.len() == 1 && r.dot),
        _ => None,
    };
    let items: Vec<(usize, usize)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| item(l).is_some())
        .map(|(i, l)| (i, indent(l)))
        .collect();
    let outer = items.iter().map(|&(_, n)| n).min()?;
    if !items.iter().any(|&(_, n)| n > outer) {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len() + ROMAN_LINES.len());

    // the lines of the outer items an inner item follows
    let heading_lines: std::collections::HashSet<usize> = items
        .windows(2)
        .filter(|w| w[0].1 == outer && w[1].1 > outer)
        .map(|w| w[0].0)
        .collect();
    if heading_lines.len() < 2 {
        return None;
    }
    let mut count = 0;
    for (k, line) in lines.iter().enumerate() {
        let heads = heading_lines.contains(&k);
        match (heads, item(line), ROMAN_LINES.get(count)) {
            (true, Some(label), Some(number)) => {
                let words = char_offset_of(line.text, label.rest);
                out.push(Line {
                    number: line.number,
                    text: number,
                    start: line.content_start(),
                    end: line.content_start(),
                });
                out.push(Line {
                    number: line.number,
                    text: label.rest,
                    start: line.start + words,
                    end: line.end,
                });
                count += 1;
            }
            _ => out.push(line.clone()),
        }
    }
    Some(out)
}

/// Parses the lines as they are, else with the pillar headings or numbers
/// they imply put in (see `inferred`).
pub(super) fn parse_any(lines: &[Line<'_>], options: &ParseOptions) -> Result<Plan, PlanError> {
    match super::parse_lines(lines, options) {
        Err(PlanError::NoStructure) => {
            // sections numbered under pillars the text does not print
            if let Some(with_pillars) = with_pillar_lines(lines) {
                if let Ok(mut plan) = super::parse_lines(&with_pillars, options) {
                    name_inferred_pillars(&mut plan);
                    return Ok(plan);
                }
            }
            // pillar headings the text does not number, or numbers as the
            // list its clauses restart
            let readings = [
                with_heading_numbers(lines),
                with_outer_items_as_headings(lines),
            ];
            let mut last = PlanError::NoStructure;
            for with_numbers in readings.into_iter().flatten() {
                match super::parse_lines(&with_numbers, options) {
                    Ok(mut plan) => {
                        renumber_headings(&mut plan);
                        return Ok(plan);
                    }
                    Err(e) => last = e,
                }
            }
            Err(last)
        }
        other => other,
    }
}
