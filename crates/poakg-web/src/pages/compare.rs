//! The comparison page: the two plans' clauses side by side, pillar by
//! pillar, the words each pair does not share marked (a word-level diff by
//! the `similar` crate), with the change and what changed.

use super::PageError;
use askama::Template;
use poakg::compare::{Change, Comparison, Link};
use poakg::report::compare::{summary, PlanNames};

/// A piece of a clause's text: ("same" | "del" | "ins", words).
type Segment = (&'static str, String);

struct PageRow {
    anchor: String,
    earlier_notation: Option<String>,
    later_notation: Option<String>,
    earlier_text: Vec<Segment>,
    later_text: Vec<Segment>,
    change: &'static str,
    link: &'static str,
    similarity: String,
    /// "strengthened 2 -> 4 (+2)", "weakened 4 -> 1 (-3)", or empty.
    level: String,
    /// "up", "down" or empty: the CSS class of `level`.
    level_class: &'static str,
    why: String,
}

struct Group {
    title: String,
    rows: Vec<PageRow>,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage<'a> {
    earlier: &'a str,
    later: &'a str,
    summary: String,
    groups: Vec<Group>,
}

/// The change of commitment level of a pair, in words; empty when none.
fn level_text(c: &Comparison, row: &poakg::compare::Row) -> String {
    let (Some(d), Some(a), Some(b)) = (
        c.level_change(row),
        row.earlier.and_then(|i| c.earlier[i].level),
        row.later.and_then(|j| c.later[j].level),
    ) else {
        return String::new();
    };
    match d {
        0 => String::new(),
        d if d > 0 => format!("strengthened: level {a} -> {b} ({d:+})"),
        d => format!("weakened: level {a} -> {b} ({d:+})"),
    }
}

/// The words of `a` and `b`, each split into what the other has and what
/// it has not.
fn diff(a: &str, b: &str) -> (Vec<Segment>, Vec<Segment>) {
    let mut left: Vec<Segment> = Vec::new();
    let mut right: Vec<Segment> = Vec::new();
    let push = |side: &mut Vec<Segment>, kind: &'static str, text: &str| match side.last_mut() {
        Some((k, t)) if *k == kind => t.push_str(text),
        _ => side.push((kind, text.to_owned())),
    };
    for change in similar::TextDiff::from_words(a, b).iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Equal => {
                push(&mut left, "same", change.value());
                push(&mut right, "same", change.value());
            }
            similar::ChangeTag::Delete => push(&mut left, "del", change.value()),
            similar::ChangeTag::Insert => push(&mut right, "ins", change.value()),
        }
    }
    (left, right)
}

/// The comparison as one self-contained HTML page.
pub fn render(c: &Comparison, names: &PlanNames) -> Result<String, PageError> {
    let mut groups: Vec<Group> = Vec::new();
    for (k, row) in c.rows.iter().enumerate() {
        let pillar = c.pillar_of(row);
        let title = if row.later.is_some() {
            format!("Pillar {pillar}")
        } else {
            "Dropped clauses of the earlier plan".to_owned()
        };
        if groups.last().is_none_or(|g| g.title != title) {
            groups.push(Group {
                title,
                rows: Vec::new(),
            });
        }
        let earlier = row.earlier.map(|i| &c.earlier[i]);
        let later = row.later.map(|j| &c.later[j]);
        let (earlier_text, later_text) = match (earlier, later) {
            (Some(a), Some(b)) => diff(&a.text, &b.text),
            (Some(a), None) => (vec![("del", a.text.clone())], Vec::new()),
            (None, Some(b)) => (Vec::new(), vec![("ins", b.text.clone())]),
            (None, None) => (Vec::new(), Vec::new()),
        };
        let page_row = PageRow {
            anchor: format!("row-{}", k + 1),
            earlier_notation: earlier.map(|x| x.notation.clone()),
            later_notation: later.map(|x| x.notation.clone()),
            earlier_text,
            later_text,
            change: row.change.name(),
            link: match row.link {
                Link::OneToOne => "",
                Link::Split => " (split)",
                Link::Merge => " (merge)",
            },
            similarity: match row.change {
                Change::New | Change::Dropped => String::new(),
                _ => format!("{:.2}", row.similarity),
            },
            level: level_text(c, row),
            level_class: match c.level_change(row) {
                Some(d) if d > 0 => "up",
                Some(d) if d < 0 => "down",
                _ => "",
            },
            why: c.explain(row).summary(),
        };
        if let Some(g) = groups.last_mut() {
            g.rows.push(page_row);
        }
    }
    Ok(ComparePage {
        earlier: &names.earlier,
        later: &names.later,
        summary: summary(c),
        groups,
    }
    .render()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_diff_marks_both_sides() {
        let (a, b) = diff(
            "Explore cooperation on <cyber> security",
            "Implement cooperation on <cyber> security",
        );
        assert_eq!(a[0], ("del", "Explore".to_owned()));
        assert_eq!(b[0], ("ins", "Implement".to_owned()));
        assert!(a.iter().any(|(k, t)| *k == "same" && t.contains("<cyber>")));
    }
}
