//! A saved web page of a plan (or a Markdown export of one) to the text the
//! plan parser reads: one line per heading, paragraph and list item, each
//! list item with its label (the one it prints, or its place in its list
//! under the heading path: the third `<li>` under `<h3>1.2 ...</h3>` is
//! `1.2.3`), and a table of priority areas and activities read as sections
//! and clauses.
//!
//! Site chrome is dropped by structure, never by wording: `nav`, `header`
//! and `footer` outside the content, `aside`, forms and scripts, elements
//! whose role or class says navigation, banner, breadcrumb, cookie notice or
//! sidebar, lists made only of links, and paragraphs that are mostly links.
//! The content is `main`, else `article`, else the body.

use super::super::plan::labels;
use super::dom::{
    bold_heading, collapse, find, find_role, inline_text, mostly_links, own_text, page_title,
};
use super::Extracted;
use ego_tree::NodeRef;
use scraper::node::{Element, Node};
use scraper::Html;

mod lists;

/// Tags whose content is never the plan's.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "input",
    "textarea", "iframe", "svg", "canvas", "head", "title", "meta", "link",
];

/// Roles of page chrome (ARIA landmarks and dialogs).
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
];

/// Words in a class or id that mark page chrome.
const CHROME_MARKS: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "sidebar",
    "footer",
    "masthead",
    "share",
    "social",
    "tags",
    "byline",
    "meta",
    "skip",
    "banner",
    "related",
    "comments",
    "subscribe",
    "newsletter",
    "pagination",
];

/// Extracts the plan text of an HTML page.
pub fn extract(html: &str) -> Extracted {
    let document = Html::parse_document(html);
    let root = document.tree.root();
    let content = find(root, "main")
        .or_else(|| find(root, "article"))
        .or_else(|| find_role(root, "main"))
        .or_else(|| find(root, "body"))
        .unwrap_or(root);
    let mut out = Emitter::default();
    // a title outside the content (the page's own h1 above <main>) comes
    // first; a page without an h1 has its <title>, less the site's name
    if find(content, "h1").is_none() {
        if let Some(h1) = find(root, "h1") {
            out.line(&inline_text(h1), true);
            out.title_seen = true;
        } else if let Some(title) = find(root, "title").map(|t| page_title(&own_text(t))) {
            out.line(&title, true);
        }
    }
    out.block(content);
    out.finish()
}

#[derive(Default)]
struct Emitter {
    lines: Vec<(String, bool)>,
    /// The heading path lists are numbered under: pillar, then section.
    pillar: Option<Heading>,
    section: Option<Heading>,
    pillars: u32,
    sections: u32,
    /// Heading levels in use below the title (h2 and h3 usually).
    pillar_level: Option<u8>,
    title_seen: bool,
}

#[derive(Clone)]
struct Heading {
    /// The decimal path of the heading, when it has one.
    path: Option<String>,
    /// Items in lists directly under it so far.
    items: u32,
}

impl Emitter {
    /// One output line; `standalone` lines are paragraphs of their own,
    /// never the continuation of a clause.
    fn line(&mut self, text: &str, standalone: bool) {
        let text = collapse(text);
        if !text.is_empty() {
            self.lines.push((text, standalone));
        }
    }

    fn finish(self) -> Extracted {
        let mut text = String::new();
        let mut standalone = Vec::new();
        for (line, alone) in self.lines {
            text.push_str(&line);
            text.push('\n');
            standalone.push(alone);
        }
        Extracted { text, standalone }
    }

    fn block(&mut self, node: NodeRef<'_, Node>) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    let t = t.trim();
                    if !t.is_empty() {
                        self.line(t, true);
                    }
                }
                Node::Element(e) => {
                    if dropped(e) {
                        continue;
                    }
                    match e.name() {
                        "h1" if !self.title_seen => {
                            // what stood before the title was page chrome
                            self.lines.clear();
                            self.title_seen = true;
                            self.line(&inline_text(child), true);
                        }
                        name @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                            let level = name.as_bytes()[1] - b'0';
                            self.heading(level, &inline_text(child));
                        }
                        "ol" | "ul" => self.list(child, e),
                        "table" => self.table(child),
                        "p" if bold_heading(child) => {
                            // `<p><strong>Economic Cooperation</strong></p>` over a
                            // list: a heading in all but its tag (below any real
                            // heading level in use)
                            let level = match self.pillar_level {
                                None | Some(7) => 7,
                                Some(_) => 8,
                            };
                            self.heading(level, &inline_text(child));
                        }
                        "p" | "blockquote" | "pre" | "address" | "dd" | "dt" | "figcaption" => {
                            if !mostly_links(child) {
                                let text = inline_text(child);
                                self.line(&text, true);
                            }
                        }
                        "br" | "hr" | "img" => {}
                        "header" => {
                            // an article's own header holds its title; a site's does not
                            if find(child, "h1").is_some() {
                                self.block(child)
                            }
                        }
                        "footer" => {}
                        _ => self.block(child),
                    }
                }
                _ => {}
            }
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        let is_pillar = match self.pillar_level {
            None => {
                self.pillar_level = Some(level);
                true
            }
            Some(p) => level <= p,
        };
        let printed = labels::read(&text).into_iter().next();
        if is_pillar {
            self.pillars += 1;
            self.sections = 0;
            let (path, line) = match printed {
                Some(l) => (l.is_decimal().then(|| l.printed.clone()), text.clone()),
                None => {
                    let n = self.pillars.to_string();
                    (Some(n.clone()), format!("{n}. {text}"))
                }
            };
            self.pillar = Some(Heading { path, items: 0 });
            self.section = None;
            self.line(&line, true);
        } else {
            self.sections += 1;
            let line = self.section_line(printed.as_ref(), &text);
            self.line(&line, true);
        }
    }

    /// A section heading's line, with its printed label or the next label
    /// under the pillar; opens the section for the lists under it.
    fn section_line(&mut self, printed: Option<&labels::Label<'_>>, text: &str) -> String {
        let pillar_path = self.pillar.as_ref().and_then(|p| p.path.clone());
        let (path, line) = match printed {
            Some(l) => (l.is_decimal().then(|| l.printed.clone()), text.to_owned()),
            None => {
                let n = self.sections;
                match &pillar_path {
                    Some(p) => {
                        let path = format!("{p}.{n}");
                        (Some(path.clone()), format!("{path} {text}"))
                    }
                    None => (None, format!("{n}. {text}")),
                }
            }
        };
        self.section = Some(Heading { path, items: 0 });
        line
    }

    /// The heading that list items are numbered under.
    fn container(&mut self) -> Option<&mut Heading> {
        if self.section.is_some() {
            self.section.as_mut()
        } else {
            self.pillar.as_mut()
        }
    }

    /// A table of priority areas and activities: the first cell of a row
    /// heads a section, the others hold its clauses (a list, or one text).
    fn table(&mut self, node: NodeRef<'_, Node>) {
        // a table that lays a page out (headings or another table in its
        // cells) is read as the blocks it holds
        let layout = node.descendants().any(|d| {
            matches!(d.value(), Node::Element(e) if matches!(e.name(), "h1" | "h2" | "h3" | "table"))
                && d.id() != node.id()
        });
        if layout {
            for cell in node
                .descendants()
                .filter(|d| matches!(d.value(), Node::Element(e) if matches!(e.name(), "td" | "th")))
                .filter(|d| !d.ancestors().any(|a| a.id() != node.id() && matches!(a.value(), Node::Element(e) if e.name() == "td" || e.name() == "th")))
            {
                if let Node::Element(e) = cell.value() {
                    if !dropped(e) {
                        self.block(cell);
                    }
                }
            }
            return;
        }
        let rows: Vec<NodeRef<'_, Node>> = node
            .descendants()
            .filter(|d| matches!(d.value(), Node::Element(e) if e.name() == "tr"))
            .collect();
        let mut current_area = String::new();
        for row in rows {
            let cells: Vec<NodeRef<'_, Node>> = row
                .children()
                .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "td"))
                .collect();
            if cells.is_empty() {
                continue; // a header row of <th>
            }
            let area = collapse(&inline_text(cells[0]));
            if cells.len() >= 2 && !area.is_empty() && area != current_area {
                current_area = area.clone();
                self.sections += 1;
                let printed = labels::read(&area).into_iter().next();
                let line = self.section_line(printed.as_ref(), &area);
                self.line(&line, true);
            }
            for cell in cells.iter().skip(usize::from(cells.len() >= 2)) {
                let lists: Vec<NodeRef<'_, Node>> = cell
                    .children()
                    .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "ol" || e.name() == "ul"))
                    .collect();
                if lists.is_empty() {
                    let text = collapse(&inline_text(*cell));
                    if !text.is_empty() {
                        self.clause_line(&text);
                    }
                } else {
                    for list in lists {
                        if let Node::Element(e) = list.value() {
                            self.list(list, e);
                        }
                    }
                }
            }
        }
    }

    /// One clause under the current container, labelled by its place.
    fn clause_line(&mut self, text: &str) {
        let Some(container) = self.container() else {
            self.line(text, true);
            return;
        };
        container.items += 1;
        let line = match (&container.path, labels::read(text).is_empty()) {
            (_, false) => text.to_owned(),
            (Some(path), true) => format!("{path}.{} {text}", container.items),
            (None, true) => format!("{}. {text}", container.items),
        };
        self.line(&line, false);
    }
}

pub(super) fn dropped(e: &Element) -> bool {
    if DROPPED_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim()))
    {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marks = e.attr("class").unwrap_or("").to_ascii_lowercase()
        + " "
        + &e.attr("id").unwrap_or("").to_ascii_lowercase();
    marks
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| CHROME_MARKS.contains(&token))
}
