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
use super::super::Plan;

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
        if let Some(text) = opens.and_then(|n| PILLAR_LINES.get(n as usize - 1)) {
            let at = line.content_start();
            out.push(Line {
                number: line.number,
                text,
                start: at,
                end: at,
            });
            pillar += 1;
        }
        out.push(line.clone());
    }
    (pillar > 0).then_some(out)
}

/// Marks the pillars made from the lines put in as inferred, titled by
/// their number, and says so in the warnings.
pub(super) fn name_inferred_pillars(plan: &mut Plan) {
    for pillar in &mut plan.pillars {
        let put_in = PILLAR_LINES
            .iter()
            .any(|l| l.split_once(". ").is_some_and(|(_, title)| title == pillar.printed_title));
        if put_in {
            pillar.heading_inferred = true;
            pillar.printed_title = format!("Pillar {}", pillar.notation);
            pillar.title = pillar.printed_title.clone();
            plan.warnings.push(format!(
                "pillar {} has no heading in the text: inferred from its sections' numbers",
                pillar.notation
            ));
        }
    }
}
