//! Where a labelled line fits in the plan's outline: the next pillar, a
//! section of the current pillar, or a clause of the current section (or of
//! the pillar itself, when it has no sections), whatever the numbering scheme.
//!
//! The rules are the genre's, not one document's:
//! - a label fits when it continues a sequence (the next pillar, the next
//!   section, the next clause; a small gap in clause numbers is allowed) or
//!   opens one (the first value of a new scheme under a heading);
//! - a heading is told from a clause by what follows it: a heading's first
//!   child comes before its next sibling, a clause's next sibling comes first;
//! - a pillar's heading reads as a title, not as a sentence.
//!
//! Nothing here builds text: `structure` does, with what this module decides.

use super::labels::{Key, Label, Style, Wrap};
use super::lines::LineKind;

/// How far ahead a heading looks for its first child.
pub const LOOKAHEAD_LINES: usize = 400;

/// What the parser knows of the outline so far, for fitting decisions.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The scheme of the pillars, once the first is found.
    pub pillar_key: Option<Key>,
    /// The current pillar, if any.
    pub pillar: Option<Node>,
    /// The current section of the current pillar, if any.
    pub section: Option<Node>,
    /// The scheme and value of the last clause anywhere (a numbering can
    /// run on through the whole plan).
    pub last_clause: Option<(Key, u32)>,
}

/// A heading or container as far as fitting is concerned.
#[derive(Debug, Clone, Default)]
pub struct Node {
    pub key: Option<Key>,
    /// The values of its label (a decimal path's numbers).
    pub values: Vec<u32>,
    /// Whether the text numbered it (an unnumbered closing part numbers its
    /// paragraphs afresh).
    pub numbered: bool,
    /// The scheme and last value of its sections (pillars only).
    pub section_key: Option<Key>,
    pub last_section: u32,
    /// The scheme and last value of its clauses.
    pub clause_key: Option<Key>,
    pub last_clause: u32,
    pub has_sections: bool,
}

/// Where a labelled line goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    Pillar,
    Section,
    /// A clause of the current section, or of the pillar when `in_pillar`.
    Clause {
        in_pillar: bool,
        gap: bool,
    },
    /// A decimal clause `p.s.1` of a section the text never headed.
    ClauseOfNewSection,
}

/// The lines and their kinds, for looking ahead.
pub struct Ahead<'a, 's> {
    pub kinds: &'a [LineKind<'s>],
    pub texts: &'a [&'s str],
}

impl Ahead<'_, '_> {
    /// The next line that is neither blank nor furniture.
    pub fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.kinds.len())
            .find(|&j| !matches!(self.kinds[j], LineKind::Blank | LineKind::Furniture))
    }

    /// A heading's title as the text gives it: what follows the label on its
    /// line and the lines after it up to a blank line or another label (or,
    /// for a label alone on its line, the next block of text).
    pub fn title_block(&self, i: usize, label: &Label<'_>) -> String {
        let mut parts: Vec<&str> = Vec::new();
        let mut j = i + 1;
        if label.rest.is_empty() {
            while j < self.kinds.len()
                && matches!(self.kinds[j], LineKind::Blank | LineKind::Furniture)
            {
                j += 1;
            }
        } else {
            parts.push(label.rest);
        }
        while j < self.kinds.len() && parts.len() < 6 {
            match &self.kinds[j] {
                LineKind::Text => parts.push(self.texts[j].trim()),
                LineKind::Furniture => {}
                _ => break,
            }
            j += 1;
        }
        parts.join(" ")
    }
}

/// Whether `text` reads as a heading: it starts like one, does not end like
/// a sentence or a list item, and is not long.
pub fn reads_as_title(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    n > 0
        && n <= 160
        && t.starts_with(|c: char| c.is_uppercase() || c == '(')
        && !t.ends_with([';', ','])
        && !(t.ends_with('.') && n > 60)
        && !t.ends_with("; and")
}

impl State {
    /// Where `label`, on line `i`, fits; None when it is text.
    pub fn fit(&self, ahead: &Ahead<'_, '_>, i: usize, label: &Label<'_>) -> Option<Fit> {
        if self.fits_pillar(ahead, i, label) {
            return Some(Fit::Pillar);
        }
        if self.fits_section(ahead, i, label) {
            return Some(Fit::Section);
        }
        self.fits_clause(label)
    }

    fn fits_pillar(&self, ahead: &Ahead<'_, '_>, i: usize, label: &Label<'_>) -> bool {
        if label.values.len() != 1 || label.key.wrap == Wrap::Paren {
            return false;
        }
        let value_fits = match (&self.pillar_key, &self.pillar) {
            (Some(key), Some(p)) => {
                label.key == *key && label.value() == p.values.last().copied().unwrap_or(0) + 1
            }
            _ => label.value() == 1,
        };
        if !value_fits {
            return false;
        }
        let title_ok = if label.rest.is_empty() {
            match ahead.next_content(i) {
                Some(j) if matches!(ahead.kinds[j], LineKind::Text) => {
                    let t = ahead.texts[j].trim();
                    reads_as_title(&ahead.title_block(i, label))
                        && (label.dot
                            || label.key.style != Style::Decimal
                            || !t.chars().any(char::is_lowercase))
                }
                _ => false,
            }
        } else {
            reads_as_title(&ahead.title_block(i, label))
        };
        title_ok && self.child_before_sibling(ahead, i, label, Level::Pillar)
    }

    fn fits_section(&self, ahead: &Ahead<'_, '_>, i: usize, label: &Label<'_>) -> bool {
        let Some(p) = &self.pillar else {
            return false;
        };
        if p.clause_key.is_some() && !p.has_sections {
            // a pillar's children are sections or clauses, not both
            return false;
        }
        if label.is_decimal() && label.values.len() == 2 {
            let decimal_pillar = p.key.is_some_and(|k| k.style == Style::Decimal) && p.numbered;
            return decimal_pillar
                && p.values.first() == label.values.first()
                && label.values[1] == p.last_section + 1
                && self.child_before_sibling(ahead, i, label, Level::Section);
        }
        if label.values.len() != 1
            || label.key.wrap == Wrap::Part
            || Some(label.key) == self.pillar_key
        {
            return false;
        }
        let value_fits = match p.section_key {
            Some(k) => label.key == k && label.value() == p.last_section + 1,
            None => label.value() == 1,
        };
        value_fits
            && reads_as_title(&ahead.title_block(i, label))
            && self.child_before_sibling(ahead, i, label, Level::Section)
    }

    fn fits_clause(&self, label: &Label<'_>) -> Option<Fit> {
        let p = self.pillar.as_ref()?;
        let gap_ok = |expected: u32| {
            let v = label.value();
            v == expected
                || (v > expected
                    && v <= expected + 3
                    && label.rest.starts_with(|c: char| c.is_uppercase()))
        };
        if label.is_decimal() && label.values.len() == 3 && p.numbered {
            let [pv, s, c] = [label.values[0], label.values[1], label.values[2]];
            if p.values.first() != Some(&pv) {
                return None;
            }
            if let Some(sec) = self.section.as_ref().filter(|s| s.values.len() == 2) {
                if sec.values[1] == s {
                    let expected = sec.last_clause + 1;
                    return gap_ok(expected).then_some(Fit::Clause {
                        in_pillar: false,
                        gap: c != expected,
                    });
                }
            }
            let next_section = p.last_section + 1;
            return (c == 1 && s == next_section && (p.has_sections || p.clause_key.is_none()))
                .then_some(Fit::ClauseOfNewSection);
        }
        if label.is_decimal() && label.values.len() == 2 && p.numbered {
            // clauses `p.c` of a pillar without sections
            if p.has_sections || p.values.first() != label.values.first() {
                return None;
            }
            let expected = p.last_clause + 1;
            return gap_ok(expected).then_some(Fit::Clause {
                in_pillar: true,
                gap: label.value() != expected,
            });
        }
        if label.values.len() != 1 || label.key.wrap == Wrap::Part {
            return None;
        }
        let (container, in_pillar) = match (&self.section, p.has_sections) {
            (Some(s), true) => (s, false),
            (_, false) => (p, true),
            (None, true) => return None,
        };
        match container.clause_key {
            Some(k) => {
                let expected = container.last_clause + 1;
                (label.key == k && gap_ok(expected)).then_some(Fit::Clause {
                    in_pillar,
                    gap: label.value() != expected,
                })
            }
            None => {
                // a new scheme opens at 1, or a numbering that runs on through
                // the whole plan carries on; the pillars' own scheme numbers
                // clauses directly under a pillar only when the text did not
                // number the pillar
                let pillar_scheme = Some(label.key) == self.pillar_key;
                let section_scheme = in_pillar && Some(label.key) == p.section_key;
                let runs_on = self
                    .last_clause
                    .is_some_and(|(k, v)| k == label.key && label.value() == v + 1 && v > 1);
                let opens = label.value() == 1 || runs_on;
                (opens && !(pillar_scheme && in_pillar && p.numbered) && !section_scheme).then_some(
                    Fit::Clause {
                        in_pillar,
                        gap: false,
                    },
                )
            }
        }
    }

    /// Whether a child of the heading `label` (on line `i`) comes before its
    /// next sibling (or the next heading above it), within the lookahead.
    fn child_before_sibling(
        &self,
        ahead: &Ahead<'_, '_>,
        i: usize,
        label: &Label<'_>,
        level: Level,
    ) -> bool {
        for j in (i + 1..ahead.kinds.len()).take(LOOKAHEAD_LINES) {
            let LineKind::Labeled(readings) = &ahead.kinds[j] else {
                continue;
            };
            for r in readings {
                match relation(self, label, level, r) {
                    Relation::Child => return true,
                    Relation::Sibling => return false,
                    Relation::Other => {}
                }
            }
        }
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Pillar,
    Section,
}

enum Relation {
    Child,
    Sibling,
    Other,
}

/// How a later label `r` stands to the heading `h`.
fn relation(state: &State, h: &Label<'_>, level: Level, r: &Label<'_>) -> Relation {
    if h.is_decimal() && r.is_decimal() && r.key.wrap == h.key.wrap {
        let n = h.values.len();
        if r.values.len() > n && r.values[..n] == h.values[..] {
            // `1.1.1` under `1.1`; `1.1` or `1.1.1` under `1`
            return if r.values[n] == 1 {
                Relation::Child
            } else {
                Relation::Other
            };
        }
        if n >= 2 && r.values.len() == 1 && r.value() == 1 {
            // `1.`, `2.` restarting under a section `1.1`: a child
            return Relation::Child;
        }
        if r.values.len() <= n {
            // a decimal label at this depth or above: a sibling or an uncle
            let same_parent = r.values.len() == n && r.values[..n - 1] == h.values[..n - 1];
            let next = same_parent && r.values[n - 1] == h.values[n - 1] + 1;
            return if next || r.values.len() < n || level == Level::Pillar {
                Relation::Sibling
            } else {
                Relation::Other
            };
        }
        return Relation::Other;
    }
    if r.key == h.key && r.values.len() == 1 && h.values.len() == 1 {
        return if r.value() == h.value() + 1 {
            Relation::Sibling
        } else {
            Relation::Other
        };
    }
    if level == Level::Section {
        // the next pillar ends a section
        if let (Some(k), Some(p)) = (&state.pillar_key, &state.pillar) {
            if r.key == *k && r.value() == p.values.last().copied().unwrap_or(0) + 1 {
                return Relation::Sibling;
            }
        }
    }
    if state
        .last_clause
        .is_some_and(|(k, v)| r.key == k && r.values.len() == 1 && r.value() == v + 1 && v > 1)
    {
        // clause numbers that run on through the plan carry on under it
        return Relation::Child;
    }
    let is_pillar_scheme =
        Some(r.key) == state.pillar_key || (level == Level::Pillar && r.key == h.key);
    if r.values.len() == 1
        && r.value() == 1
        && r.key != h.key
        && !is_pillar_scheme
        && r.key.wrap != Wrap::Part
    {
        return Relation::Child;
    }
    if h.is_decimal() && r.is_decimal() && r.values.len() >= 2 && level == Level::Pillar {
        // `1.1` under a pillar `1)`: a child of another wrap
        return if r.values[0] == h.value() && r.values[1] == 1 {
            Relation::Child
        } else {
            Relation::Other
        };
    }
    Relation::Other
}
