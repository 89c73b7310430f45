//! Parts the text did not number: a short title line between a finished
//! clause and a list that starts afresh ("IMPLEMENTATION ARRANGEMENTS")
//! heads a pillar of its own.

use super::front::{is_title_cased, looks_like_title};
use super::*;

impl<'s> Parser<'s, '_> {
    /// A short title line after a finished clause, followed by a list that
    /// starts afresh at 1 and fits nowhere else, heads a part the text did
    /// not number: it becomes the next pillar.
    pub(super) fn unnumbered_pillar(&mut self, i: usize) -> bool {
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

    /// A short title-like line between a finished clause and the next clause.
    pub(super) fn is_unnumbered_heading(&self, i: usize) -> bool {
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
}
