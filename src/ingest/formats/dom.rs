//! Reading a parsed HTML page: finding elements, their text, and what
//! their shape says (a menu of links, a paragraph that is a heading).

use super::html::dropped;
use ego_tree::NodeRef;
use scraper::node::Node;

pub(super) fn find<'a>(node: NodeRef<'a, Node>, tag: &str) -> Option<NodeRef<'a, Node>> {
    node.descendants()
        .find(|d| matches!(d.value(), Node::Element(e) if e.name() == tag))
}

pub(super) fn find_role<'a>(node: NodeRef<'a, Node>, role: &str) -> Option<NodeRef<'a, Node>> {
    node.descendants()
        .find(|d| matches!(d.value(), Node::Element(e) if e.attr("role") == Some(role)))
}

/// All the text of an element, chrome and nested lists included.
pub(super) fn inline_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        match d.value() {
            Node::Text(t) => {
                let hidden = d
                    .ancestors()
                    .any(|a| matches!(a.value(), Node::Element(e) if dropped(e)));
                if !hidden {
                    out.push_str(t);
                }
            }
            Node::Element(e) if e.name() == "br" => out.push(' '),
            _ => {}
        }
    }
    collapse(&out)
}

/// An element's text without its nested lists (a list item's own words).
pub(super) fn own_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    fn walk(node: NodeRef<'_, Node>, out: &mut String) {
        for c in node.children() {
            match c.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if e.name() == "ol" || e.name() == "ul" || dropped(e) => {}
                Node::Element(e) if e.name() == "br" => out.push(' '),
                Node::Element(_) => walk(c, out),
                _ => {}
            }
        }
    }
    walk(node, &mut out);
    collapse(&out)
}

/// Whether most of an element's text is link text (menus, breadcrumbs, tags).
pub(super) fn mostly_links(node: NodeRef<'_, Node>) -> bool {
    let all = inline_text(node);
    let total = all.chars().filter(|c| c.is_alphanumeric()).count();
    if total == 0 {
        return true;
    }
    let linked: usize = node
        .descendants()
        .filter(|d| matches!(d.value(), Node::Element(e) if e.name() == "a"))
        .map(|a| {
            inline_text(a)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
        })
        .sum();
    linked * 10 >= total * 8
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a paragraph is a heading in all but its tag: its whole text is
/// bold (`<strong>`, `<b>`), short, not a sentence, and a list follows it.
pub(super) fn bold_heading(p: NodeRef<'_, Node>) -> bool {
    let text = inline_text(p);
    if text.is_empty() || text.chars().count() > 150 || text.ends_with(['.', ';', ',']) {
        return false;
    }
    let bold: String = p
        .descendants()
        .filter(|d| matches!(d.value(), Node::Element(e) if matches!(e.name(), "strong" | "b")))
        .map(inline_text)
        .collect::<Vec<_>>()
        .join(" ");
    if collapse(&bold) != text {
        return false;
    }
    let next = p.next_siblings().find(|s| match s.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => true,
        _ => false,
    });
    next.is_some_and(|n| matches!(n.value(), Node::Element(e) if matches!(e.name(), "ol" | "ul")))
}

/// Whether a list item heads a list of its own: short words of its own,
/// no sentence, and a nested list.
pub(super) fn heads_a_list(li: NodeRef<'_, Node>) -> bool {
    let own = own_text(li);
    let nested = li
        .children()
        .any(|c| matches!(c.value(), Node::Element(e) if e.name() == "ol" || e.name() == "ul"));
    nested
        && !own.is_empty()
        && own.chars().count() <= 120
        && !own.trim_end().ends_with([';', '.', ':', ','])
}

/// A page's `<title>` without the site's name: of the parts between the
/// separators sites use (" | ", " – ", " — ", " - ", " :: "), the one that
/// names a plan (its kind), else the longest.
pub(super) fn page_title(title: &str) -> String {
    let mut marked = title.to_owned();
    for separator in [" | ", " :: ", " · "] {
        marked = marked.replace(separator, "\u{1f}");
    }
    // a dash between spaces separates too, but not the dash of a period
    // ("(2018 – 2022)")
    for separator in [" – ", " — ", " - "] {
        let mut out = String::with_capacity(marked.len());
        let mut rest = marked.as_str();
        while let Some(at) = rest.find(separator) {
            let before_digit = rest[..at].ends_with(|c: char| c.is_ascii_digit());
            out.push_str(&rest[..at]);
            out.push_str(if before_digit { separator } else { "\u{1f}" });
            rest = &rest[at + separator.len()..];
        }
        out.push_str(rest);
        marked = out;
    }
    let parts: Vec<&str> = marked
        .split('\u{1f}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let names_a_plan = |p: &&&str| {
        let lower = p.to_lowercase();
        [
            "plan of action",
            "work plan",
            "workplan",
            "framework",
            "programme",
            "cooperation areas",
            "plan",
        ]
        .iter()
        .any(|k| lower.contains(k))
    };
    parts
        .iter()
        .find(names_a_plan)
        .or_else(|| parts.iter().max_by_key(|p| p.len()))
        .map_or_else(String::new, |p| (*p).to_owned())
}
