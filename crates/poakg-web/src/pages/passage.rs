//! What a passage's page (clause, preamble, paragraph, programme activity)
//! shows beyond its text: the previous and next passage of its document,
//! its raw source span (shown on demand), and, when comparisons are stored,
//! the clause it continues in the plan before and the clause that continues
//! it in the plan after, with how each changed.

use super::links::{labels, Link};
use poakg::sparql::{self, row_text, QueryError};
use poakg::store::KgStore;

/// A clause in the plan before or after, and what became of it.
#[derive(Debug, Clone)]
pub struct Change {
    /// The other clause, by its label.
    pub clause: Link,
    /// The other clause's plan.
    pub plan: Link,
    /// `carried over`, `revised`, ... (the change kind's label).
    pub kind: String,
    /// CSS class of the kind (`carried-over`, `revised`, `new`, `dropped`).
    pub css: String,
    /// Similarity of the two texts in [0, 1], as a percentage.
    pub similarity: Option<u8>,
}

/// The passage-specific part of a passage's page.
#[derive(Debug, Clone, Default)]
pub struct PassageView {
    /// The passage before it in its document.
    pub previous: Option<Link>,
    /// The passage after it in its document.
    pub next: Option<Link>,
    /// The text as the source has it (numbering, line breaks, markup).
    pub raw: Option<String>,
    /// Where the raw text is in the source, in characters: (start, end).
    pub span: Option<(u64, u64)>,
    /// What it continues in the plan before.
    pub before: Vec<Change>,
    /// What continues it in the plan after.
    pub after: Vec<Change>,
    /// True when the page says the passage is new (a change with no earlier clause).
    pub is_new: bool,
}

/// Reads the passage view of `passage` (an IRI already known to have a text).
pub fn read(store: &KgStore, passage: &str) -> Result<PassageView, QueryError> {
    let here = sparql::select(
        store,
        "passage position",
        format!(
            "SELECT ?doc ?pos ?end ?raw WHERE {{ <{passage}> dcterms:isPartOf ?doc ; poa:startOffset ?pos .
               OPTIONAL {{ <{passage}> poa:endOffset ?end }} OPTIONAL {{ <{passage}> poa:rawText ?raw }} }} LIMIT 1"
        ),
    )?;
    let mut view = PassageView::default();
    let mut iris: Vec<String> = Vec::new();
    let mut neighbours = Vec::new();
    if let Some(row) = here.first() {
        view.raw = row_text(row, "raw");
        let number = |v: &str| row_text(row, v).and_then(|n| n.parse::<u64>().ok());
        if let (Some(start), Some(end)) = (number("pos"), number("end")) {
            view.span = Some((start, end));
        }
        if let (Some(doc), Some(pos)) = (row_text(row, "doc"), number("pos")) {
            for (dir, op, order) in [("previous", "<", "DESC"), ("next", ">", "ASC")] {
                let rows = sparql::select(
                    store,
                    "passage neighbour",
                    format!(
                        "SELECT ?p WHERE {{ ?p dcterms:isPartOf <{doc}> ; poa:text ?t ; poa:startOffset ?o
                           FILTER(?o {op} {pos}) }} ORDER BY {order}(?o) LIMIT 1"
                    ),
                )?;
                if let Some(p) = rows.first().and_then(|r| row_text(r, "p")) {
                    iris.push(p.clone());
                    neighbours.push((dir, p));
                }
            }
        }
    }
    let changes = sparql::select(
        store,
        "passage changes",
        format!(
            // each branch starts from this passage: with the type test or
            // the plan lookup outside them, Oxigraph scanned every change
            // (0.2 s a page in a corpus of 1,000 plans, 3 ms now)
            "SELECT ?side ?other ?plan ?kind ?sim WHERE {{
               {{ ?x poa:later <{passage}> ; poa:change ?kind BIND(\"before\" AS ?side)
                  OPTIONAL {{ ?x poa:earlier ?other OPTIONAL {{ ?other dcterms:isPartOf ?plan }} }}
                  OPTIONAL {{ ?x poa:similarity ?sim }} }}
               UNION {{ ?x poa:earlier <{passage}> ; poa:change ?kind BIND(\"after\" AS ?side)
                  OPTIONAL {{ ?x poa:later ?other OPTIONAL {{ ?other dcterms:isPartOf ?plan }} }}
                  OPTIONAL {{ ?x poa:similarity ?sim }} }} }}"
        ),
    )?;
    for row in &changes {
        iris.extend(
            ["other", "plan", "kind"]
                .iter()
                .filter_map(|v| row_text(row, v)),
        );
    }
    iris.sort_unstable();
    iris.dedup();
    let names = labels(store, &iris.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (dir, p) in neighbours {
        let link = Some(Link::to(&p, &names));
        if dir == "previous" {
            view.previous = link;
        } else {
            view.next = link;
        }
    }
    for row in &changes {
        let kind_iri = row_text(row, "kind").unwrap_or_default();
        let local = kind_iri
            .rsplit(['#', '/'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let Some(other) = row_text(row, "other") else {
            if local == "New" {
                view.is_new = true;
            }
            continue;
        };
        let change = Change {
            clause: Link::to(&other, &names),
            plan: row_text(row, "plan").map_or(
                Link {
                    label: String::new(),
                    href: None,
                },
                |p| Link::to(&p, &names),
            ),
            kind: names
                .get(&kind_iri)
                .cloned()
                .unwrap_or_else(|| local.clone())
                .to_lowercase(),
            css: kebab(&local),
            similarity: row_text(row, "sim")
                .and_then(|s| s.parse::<f64>().ok())
                .map(|s| (s.clamp(0.0, 1.0) * 100.0).round() as u8),
        };
        if row_text(row, "side").as_deref() == Some("before") {
            view.before.push(change);
        } else {
            view.after.push(change);
        }
    }
    Ok(view)
}

/// `CarriedOver` → `carried-over`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn change_kinds_become_css_classes() {
        assert_eq!(super::kebab("CarriedOver"), "carried-over");
        assert_eq!(super::kebab("New"), "new");
    }
}
