//! What a passage's page (clause, preamble, paragraph, programme activity)
//! shows beyond its text: the previous and next passage of its document,
//! its raw source span (shown on demand), and, when comparisons are stored,
//! the clause it continues in the plan before and the clause that continues
//! it in the plan after, with how each changed; and what it commits to
//! (its labels, each with the words that decided it).

use super::links::{labels, Link};
use poakg::sparql::{self, row_text, QueryError, Row};
use poakg::store::KgStore;
use std::collections::HashMap;

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
    /// What it commits to, each label with its evidence.
    pub labels: Vec<super::labels::LabelRow>,
}

/// Reads the passage view of `passage` (an IRI already known to have a text).
pub fn read(store: &KgStore, passage: &str) -> Result<PassageView, QueryError> {
    let position = position(store, passage)?;
    let changes = change_rows(store, passage)?;
    let mut iris: Vec<String> = Vec::new();
    iris.extend(position.previous.iter().cloned());
    iris.extend(position.next.iter().cloned());
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
    let mut view = PassageView {
        previous: position.previous.map(|p| Link::to(&p, &names)),
        next: position.next.map(|p| Link::to(&p, &names)),
        raw: position.raw,
        span: position.span,
        labels: super::labels::passage_labels(store, passage)?,
        ..PassageView::default()
    };
    add_changes(&mut view, &changes, &names);
    Ok(view)
}

/// Where a passage stands in its document.
#[derive(Default)]
struct Position {
    /// Its raw text.
    raw: Option<String>,
    /// Where the raw text is in the source: (start, end).
    span: Option<(u64, u64)>,
    /// The passage before it, by IRI.
    previous: Option<String>,
    /// The passage after it, by IRI.
    next: Option<String>,
}

/// The position of `passage`: its raw text and span, and its neighbours.
fn position(store: &KgStore, passage: &str) -> Result<Position, QueryError> {
    let here = sparql::select(
        store,
        "passage position",
        format!(
            "SELECT ?doc ?pos ?end ?raw WHERE {{ {passage} dcterms:isPartOf ?doc ; poa:startOffset ?pos .
               OPTIONAL {{ {passage} poa:endOffset ?end }} OPTIONAL {{ {passage} poa:rawText ?raw }} }} LIMIT 1", passage = poakg::sparql::iri(passage)?),
    )?;
    let mut position = Position::default();
    let Some(row) = here.first() else {
        return Ok(position);
    };
    position.raw = row_text(row, "raw");
    let number = |v: &str| row_text(row, v).and_then(|n| n.parse::<u64>().ok());
    if let (Some(start), Some(end)) = (number("pos"), number("end")) {
        position.span = Some((start, end));
    }
    if let (Some(doc), Some(pos)) = (row_text(row, "doc"), number("pos")) {
        position.previous = neighbour(store, &doc, pos, "<", "DESC")?;
        position.next = neighbour(store, &doc, pos, ">", "ASC")?;
    }
    Ok(position)
}

/// The passage of `doc` nearest to the offset `pos` on the side `op` (`<`
/// before, `>` after), `order` being the offsets' order to take it from.
fn neighbour(
    store: &KgStore,
    doc: &str,
    pos: u64,
    op: &str,
    order: &str,
) -> Result<Option<String>, QueryError> {
    let rows = sparql::select(
        store,
        "passage neighbour",
        format!(
            "SELECT ?p WHERE {{ ?p dcterms:isPartOf {doc} ; poa:text ?t ; poa:startOffset ?o
               FILTER(?o {op} {pos}) }} ORDER BY {order}(?o) LIMIT 1",
            doc = poakg::sparql::iri(doc)?
        ),
    )?;
    Ok(rows.first().and_then(|r| row_text(r, "p")))
}

/// The stored changes that involve `passage`, on either side (`?side`):
/// the other clause, its plan, the change kind and the similarity.
fn change_rows(store: &KgStore, passage: &str) -> Result<Vec<Row>, QueryError> {
    sparql::select(
        store,
        "passage changes",
        format!(
            // each branch starts from this passage: with the type test or
            // the plan lookup outside them, Oxigraph scanned every change
            // (0.2 s a page in a corpus of 1,000 plans, 3 ms now)
            "SELECT ?side ?other ?plan ?kind ?sim WHERE {{
               {{ ?x poa:later {passage} ; poa:change ?kind BIND(\"before\" AS ?side)
                  OPTIONAL {{ ?x poa:earlier ?other OPTIONAL {{ ?other dcterms:isPartOf ?plan }} }}
                  OPTIONAL {{ ?x poa:similarity ?sim }} }}
               UNION {{ ?x poa:earlier {passage} ; poa:change ?kind BIND(\"after\" AS ?side)
                  OPTIONAL {{ ?x poa:later ?other OPTIONAL {{ ?other dcterms:isPartOf ?plan }} }}
                  OPTIONAL {{ ?x poa:similarity ?sim }} }} }}",
            passage = poakg::sparql::iri(passage)?
        ),
    )
}

/// Files the changes of [`change_rows`] before or after, and marks the
/// passage new when a `New` change has no other clause.
fn add_changes(view: &mut PassageView, rows: &[Row], names: &HashMap<String, String>) {
    for row in rows {
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
        let change = change(row, &other, &kind_iri, &local, names);
        if row_text(row, "side").as_deref() == Some("before") {
            view.before.push(change);
        } else {
            view.after.push(change);
        }
    }
}

/// The change of a row of [`change_rows`] to the clause `other`, its kind
/// `kind_iri` (`local` its local name).
fn change(
    row: &Row,
    other: &str,
    kind_iri: &str,
    local: &str,
    names: &HashMap<String, String>,
) -> Change {
    Change {
        clause: Link::to(other, names),
        plan: row_text(row, "plan").map_or(
            Link {
                label: String::new(),
                href: None,
            },
            |p| Link::to(&p, names),
        ),
        kind: names
            .get(kind_iri)
            .cloned()
            .unwrap_or_else(|| local.to_owned())
            .to_lowercase(),
        css: kebab(local),
        similarity: row_text(row, "sim")
            .and_then(|s| s.parse::<f64>().ok())
            .map(|s| (s.clamp(0.0, 1.0) * 100.0).round() as u8),
    }
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
