//! The page a person gets for a data IRI (`/id/...` in a browser): the
//! resource by its label, its classes, where it stands (plan > pillar >
//! section), its text with every mention highlighted and linked to the
//! entity's page, its properties and the resources that point to it, all by
//! their labels; the IRI shown once; its Turtle and JSON-LD as alternates and
//! its JSON-LD embedded for search engines and portals.

use super::PageError;
use crate::sparql::{self, display_term, row_text, QueryError};
use crate::store::KgStore;
use crate::vocab;
use askama::Template;
use oxigraph::model::{Term, Triple};
use std::collections::{BTreeMap, HashMap};

/// A link by label; `href` is none for IRIs that must not become links.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub label: String,
    pub href: Option<String>,
}

/// A piece of a passage's text: plain, or a mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub entity: Option<Link>,
}

/// One property and its values.
#[derive(Debug, Clone)]
pub struct Fact {
    pub property: Link,
    pub values: Vec<Link>,
}

#[derive(Template)]
#[template(path = "resource.html")]
struct ResourcePage<'a> {
    iri: &'a str,
    label: String,
    classes: Vec<Link>,
    crumbs: Vec<Link>,
    text: Vec<Piece>,
    facts: Vec<Fact>,
    referrers: Vec<(Link, Link)>,
    more_referrers: usize,
    path: String,
    jsonld: String,
}

/// At most this many resources pointing to one are listed.
const REFERRERS: usize = 200;

/// Where a link to `iri` points: this server's page for a data IRI, the IRI
/// itself for other http(s) IRIs, and no link at all for any other scheme
/// (a `javascript:` IRI loaded from RDF must not become a clickable link).
pub fn href(iri: &str) -> Option<String> {
    if let Some(path) = iri.strip_prefix(vocab::ID) {
        return Some(format!("/id/{path}"));
    }
    let lower = iri.get(..8).unwrap_or(iri).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| iri.to_owned())
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` only occur
/// in JSON strings, where their `\u` escapes mean the same.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Labels of IRIs: skos:prefLabel, else dcterms:title, else rdfs:label, else
/// "§ notation" for passages and parts.
fn labels(store: &KgStore, iris: &[&str]) -> Result<HashMap<String, String>, QueryError> {
    let mut best: HashMap<String, (u8, String)> = HashMap::new();
    for chunk in iris.chunks(400) {
        let values: String = chunk.iter().map(|i| format!("<{i}> ")).collect();
        for row in sparql::select(
            store,
            "labels",
            format!(
                "SELECT ?s ?l ?rank WHERE {{ VALUES ?s {{ {values} }}
                   {{ ?s skos:prefLabel ?l BIND(1 AS ?rank) }} UNION {{ ?s dcterms:title ?l BIND(2 AS ?rank) }}
                   UNION {{ ?s rdfs:label ?l BIND(3 AS ?rank) }} UNION {{ ?s skos:notation ?n BIND(CONCAT(\"§ \", STR(?n)) AS ?l) BIND(4 AS ?rank) }} }}"
            ),
        )? {
            let (Some(s), Some(l)) = (row_text(&row, "s"), row_text(&row, "l")) else { continue };
            let rank = row_text(&row, "rank").and_then(|r| r.parse().ok()).unwrap_or(9);
            let entry = best.entry(s).or_insert((u8::MAX, String::new()));
            if rank < entry.0 {
                *entry = (rank, l);
            }
        }
    }
    Ok(best.into_iter().map(|(k, (_, l))| (k, l)).collect())
}

/// The text cut into plain pieces and mentions, each surface form found in
/// the text left to right, longest first where two start together.
pub fn highlight(text: &str, mentions: &[(String, Link)]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, &Link)> = Vec::new();
    for (surface, entity) in mentions {
        if surface.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|t| t.find(surface.as_str())) {
            spans.push((from + at, from + at + surface.len(), entity));
            from += at + surface.len();
        }
    }
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, entity) in spans {
        if start < at {
            continue; // inside a longer mention already taken
        }
        if start > at {
            pieces.push(Piece {
                text: text[at..start].to_owned(),
                entity: None,
            });
        }
        pieces.push(Piece {
            text: text[start..end].to_owned(),
            entity: Some(entity.clone()),
        });
        at = end;
    }
    if at < text.len() {
        pieces.push(Piece {
            text: text[at..].to_owned(),
            entity: None,
        });
    }
    pieces
}

/// Renders the page of `iri` from its description (`triples`: the triples
/// it is subject or object of) and its JSON-LD, reading labels and mentions
/// from `store`.
pub fn render(
    store: &KgStore,
    iri: &str,
    triples: &[Triple],
    jsonld: &str,
) -> Result<String, PageError> {
    let mentions: Vec<(String, String)> = sparql::select(
        store,
        "mentions of a passage",
        format!("SELECT ?surface ?e WHERE {{ ?m oa:hasTarget <{iri}> ; oa:hasBody ?e ; poa:surfaceForm ?surface }}"),
    )
    .map_err(PageError::Query)?
    .iter()
    .filter_map(|row| Some((row_text(row, "surface")?, row_text(row, "e")?)))
    .collect();
    let mut iris: Vec<&str> = vec![iri];
    for t in triples {
        iris.push(t.predicate.as_str());
        if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = &t.subject {
            iris.push(n.as_str());
        }
        if let Term::NamedNode(n) = &t.object {
            iris.push(n.as_str());
        }
    }
    iris.extend(mentions.iter().map(|(_, e)| e.as_str()));
    iris.sort_unstable();
    iris.dedup();
    let names = labels(store, &iris).map_err(PageError::Query)?;
    let link = |term: &Term| -> Link {
        match term {
            Term::NamedNode(n) => Link {
                label: names
                    .get(n.as_str())
                    .cloned()
                    .unwrap_or_else(|| display_term(term)),
                href: href(n.as_str()),
            },
            other => Link {
                label: display_term(other),
                href: None,
            },
        }
    };
    let mut classes = Vec::new();
    let mut text = None;
    let mut crumbs: BTreeMap<u8, Link> = BTreeMap::new();
    let mut facts: BTreeMap<String, Fact> = BTreeMap::new();
    let mut referrers = Vec::new();
    let mut more_referrers = 0;
    for t in triples {
        let predicate = t.predicate.as_str();
        let is_subject = matches!(&t.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str() == iri);
        if is_subject {
            match predicate {
                p if p == oxigraph::model::vocab::rdf::TYPE.as_str() => {
                    classes.push(link(&t.object))
                }
                p if p == format!("{}text", vocab::POA) => {
                    if let Term::Literal(l) = &t.object {
                        text = Some(l.value().to_owned());
                    }
                }
                p => {
                    let rank = if p == "http://purl.org/dc/terms/isPartOf" {
                        Some(0)
                    } else if p == format!("{}inPillar", vocab::POA) {
                        Some(1)
                    } else if p == format!("{}inSection", vocab::POA) {
                        Some(2)
                    } else {
                        None
                    };
                    if let Some(rank) = rank {
                        crumbs.insert(rank, link(&t.object));
                    }
                    facts
                        .entry(predicate.to_owned())
                        .or_insert_with(|| Fact {
                            property: link(&t.predicate.clone().into()),
                            values: Vec::new(),
                        })
                        .values
                        .push(link(&t.object));
                }
            }
        } else if referrers.len() < REFERRERS {
            referrers.push((
                link(&t.subject.clone().into()),
                link(&t.predicate.clone().into()),
            ));
        } else {
            more_referrers += 1;
        }
    }
    let entity_links: Vec<(String, Link)> = mentions
        .iter()
        .map(|(surface, e)| {
            (
                surface.clone(),
                Link {
                    label: names.get(e).cloned().unwrap_or_else(|| e.clone()),
                    href: href(e),
                },
            )
        })
        .collect();
    let page = ResourcePage {
        iri,
        label: names
            .get(iri)
            .cloned()
            .unwrap_or_else(|| vocab::display_iri(iri)),
        classes,
        crumbs: crumbs.into_values().collect(),
        text: text
            .map(|t| highlight(&t, &entity_links))
            .unwrap_or_default(),
        facts: facts.into_values().collect(),
        referrers,
        more_referrers,
        path: iri.strip_prefix(vocab::ID).unwrap_or(iri).to_owned(),
        jsonld: script_safe(jsonld),
    };
    Ok(page.render()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str) -> Link {
        Link {
            label: name.into(),
            href: Some(format!("/id/entity/{name}")),
        }
    }

    #[test]
    fn mentions_are_cut_out_of_the_text_longest_first() {
        let pieces = highlight(
            "Through the ARF and the ARF Hanoi Plan, act.",
            &[
                ("ARF".into(), entity("arf")),
                ("ARF Hanoi Plan".into(), entity("hanoi")),
            ],
        );
        let marked: Vec<(&str, Option<&str>)> = pieces
            .iter()
            .map(|p| (p.text.as_str(), p.entity.as_ref().map(|e| e.label.as_str())))
            .collect();
        assert_eq!(
            marked,
            [
                ("Through the ", None),
                ("ARF", Some("arf")),
                (" and the ", None),
                ("ARF Hanoi Plan", Some("hanoi")),
                (", act.", None)
            ]
        );
    }

    #[test]
    fn only_http_iris_become_links() {
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("JavaScript:alert(1)"), None);
        assert_eq!(
            href("https://w3id.org/poakg/id/entity/arf").as_deref(),
            Some("/id/entity/arf")
        );
    }

    #[test]
    fn embedded_json_cannot_close_its_script() {
        let safe = script_safe(r#"{"a": "</script><script>alert(1)</script> & <!--"}"#);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["a"], "</script><script>alert(1)</script> & <!--");
    }
}
