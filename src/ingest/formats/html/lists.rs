//! The lists of a web page: before any heading, preamble paragraphs or the
//! plan's pillars; under a heading, clauses labelled by their place under
//! the heading path, and items that head a nested list as sections.

use super::super::dom::{collapse, heads_a_list, inline_text, mostly_links, own_text};
use super::{Emitter, Heading};
use crate::ingest::plan::labels;
use ego_tree::NodeRef;
use scraper::node::{Element, Node};

/// How a list numbers its items: where it starts and in what style.
struct Numbering<'a> {
    /// The number of its first item (`start`).
    start: u32,
    /// Its `type` (`1`, `a`, `A`, `i`, `I`).
    kind: &'a str,
}

impl Emitter {
    /// A list (`ol` or `ul`): a menu or breadcrumb trail is dropped; before
    /// any heading see [`Emitter::list_before_headings`]; under a heading,
    /// every item is numbered under it.
    pub(super) fn list(&mut self, node: NodeRef<'_, Node>, list: &Element) {
        let items: Vec<NodeRef<'_, Node>> = node
            .children()
            .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "li"))
            .collect();
        if items.iter().all(|li| mostly_links(*li)) {
            return; // a menu or a breadcrumb trail
        }
        if self.pillar.is_none() {
            self.list_before_headings(items);
            return;
        }
        let numbering = Numbering {
            start: list
                .attr("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1),
            kind: list.attr("type").unwrap_or("1"),
        };
        for li in items {
            if !self.numbered_item(li, &numbering) {
                return;
            }
        }
    }

    /// The items of a list before the first heading: in a list of lists,
    /// its items head the pillars and their lists hold the clauses (the plan
    /// as an ordered list of areas); otherwise they are preamble paragraphs.
    fn list_before_headings(&mut self, items: Vec<NodeRef<'_, Node>>) {
        if items.iter().filter(|li| heads_a_list(**li)).count() >= 2 {
            for li in items {
                let own = own_text(li);
                if heads_a_list(li) {
                    self.heading(9, &own);
                    for inner in li.children() {
                        if let Node::Element(e) = inner.value() {
                            if matches!(e.name(), "ol" | "ul") {
                                self.list(inner, e);
                            }
                        }
                    }
                } else {
                    self.line(&own, true);
                }
            }
            return;
        }
        // lists before the first heading: preamble paragraphs
        for li in items {
            self.line(&inline_text(li), true);
        }
    }

    /// One item of a list under a heading, with its printed label or its
    /// place under the heading path; false when there is no heading to
    /// number it under.
    fn numbered_item(&mut self, li: NodeRef<'_, Node>, numbering: &Numbering<'_>) -> bool {
        let own = own_text(li);
        let nested: Vec<NodeRef<'_, Node>> = li
            .children()
            .filter(
                |c| matches!(c.value(), Node::Element(e) if e.name() == "ol" || e.name() == "ul"),
            )
            .collect();
        let heading_like = !nested.is_empty()
            && own.chars().count() <= 120
            && !own.trim_end().ends_with([';', '.', ':', ',']);
        let Some(container) = self.container() else {
            return false;
        };
        container.items = container.items.max(numbering.start.saturating_sub(1)) + 1;
        let n = container.items;
        let printed = labels::read(&own).into_iter().next();
        let label = printed.is_none().then(|| match &container.path {
            Some(path) => format!("{path}.{}", item_label(numbering.kind, n)),
            None => format!("{}.", item_label(numbering.kind, n)),
        });
        let line = match &label {
            Some(l) => format!("{l} {own}"),
            None => own.clone(),
        };
        if heading_like {
            self.section_item(&own, printed.as_ref(), label.as_deref(), &line, nested);
        } else {
            self.clause_item(&line, nested);
        }
        true
    }

    /// An item that heads a nested list: a section (its `line` when it
    /// prints no label), whose lists hold its clauses.
    fn section_item(
        &mut self,
        own: &str,
        printed: Option<&labels::Label<'_>>,
        label: Option<&str>,
        line: &str,
        nested: Vec<NodeRef<'_, Node>>,
    ) {
        self.sections += 1;
        let text = collapse(own);
        let section_path = match (printed, label) {
            (Some(p), _) if p.is_decimal() => Some(p.printed.clone()),
            (None, Some(l)) if l.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                Some(l.to_owned())
            }
            _ => None,
        };
        self.section = Some(Heading {
            path: section_path,
            items: 0,
        });
        self.line(if printed.is_some() { &text } else { line }, true);
        for list in nested {
            if let Node::Element(e) = list.value() {
                self.list(list, e);
            }
        }
        self.section = None;
    }

    /// An item that is a clause: its line, then its sub-items, which stay in
    /// the clause, one line each.
    fn clause_item(&mut self, line: &str, nested: Vec<NodeRef<'_, Node>>) {
        self.line(line, false);
        for inner in nested {
            for sub in inner.children() {
                if matches!(sub.value(), Node::Element(e) if e.name() == "li") {
                    self.line(&format!("• {}", inline_text(sub)), false);
                }
            }
        }
    }
}

/// The label of the `n`th item of a list of `type` (`1`, `a`, `A`, `i`, `I`).
fn item_label(kind: &str, n: u32) -> String {
    let key = |style| labels::Key {
        style,
        wrap: labels::Wrap::Plain,
        depth: 1,
    };
    match kind {
        "a" => labels::label_for(key(labels::Style::LowerLetter), n),
        "A" => labels::label_for(key(labels::Style::UpperLetter), n),
        "i" => labels::label_for(key(labels::Style::LowerRoman), n),
        "I" => labels::label_for(key(labels::Style::UpperRoman), n),
        _ => n.to_string(),
    }
}
