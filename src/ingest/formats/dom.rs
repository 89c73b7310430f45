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
    let next = p
        .next_siblings()
        .find(|s| match s.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(_) => true,
            _ => false,
        });
    next.is_some_and(|n| matches!(n.value(), Node::Element(e) if matches!(e.name(), "ol" | "ul")))
}
