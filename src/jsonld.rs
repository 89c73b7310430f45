//! JSON-LD 1.1 output compacted against the context that ships with poakg
//! (`ontology/context.jsonld`), so that portals read `"prefLabel"`,
//! `"mentions"`, `"inPillar"` rather than full IRIs.
//!
//! The triples are first written as expanded JSON-LD (full IRIs); the
//! `json-ld` crate (a complete JSON-LD 1.1 processor) then runs the standard
//! compaction algorithm on it. The context is embedded in the output, so the document
//! reads the same offline and needs no context server.

use json_ld::{
    ExtractContext, JsonLdProcessor, NoLoader, Options, RemoteContextReference, RemoteDocument,
};
use json_syntax::{Parse, Print, Value};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::io::Write;

/// The context document that ships with poakg (`{"@context": {...}}`).
pub const CONTEXT: &str = include_str!("../ontology/context.jsonld");

/// Why JSON-LD output failed.
#[derive(Debug, thiserror::Error)]
pub enum JsonLdError {
    /// The shipped context ([`CONTEXT`]) does not parse as JSON or as a
    /// JSON-LD context; carries the parser's message.
    #[error("ontology/context.jsonld: {0}")]
    Context(String),
    /// The expanded document could not be read back or compacted; carries the
    /// processor's message.
    #[error("JSON-LD compaction: {0}")]
    Compaction(String),
    /// Writing the document failed.
    #[error("writing JSON-LD: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes `triples` as one compacted JSON-LD document (`@graph` of node
/// objects, in the order of the triples' subjects).
pub fn write_compacted(out: &mut dyn Write, triples: &[Triple]) -> Result<(), JsonLdError> {
    let compacted = compact(triples)?;
    out.write_all(compacted.pretty_print().to_string().as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The compacted document as a JSON value.
pub fn compact(triples: &[Triple]) -> Result<Value, JsonLdError> {
    let text = expanded(triples).to_string();
    let (input, _) = Value::parse_str(&text).map_err(|e| JsonLdError::Compaction(e.to_string()))?;
    let document: RemoteDocument = RemoteDocument::new(None, None, input);
    let context = context()?;
    let options = Options {
        // sorted keys and values: two exports of one graph diff cleanly
        ordered: true,
        ..Options::default()
    };
    // The processor is async only so that it can fetch remote contexts; with
    // no loader it never waits, and a plain executor runs it to the end.
    futures::executor::block_on(document.compact_using(context, &NoLoader, options))
        .map_err(|e| JsonLdError::Compaction(e.to_string()))
}

/// The triples in expanded JSON-LD, by the W3C "RDF to JSON-LD" algorithm
/// with `rdf:type` as `@type` and every literal kept with its lexical form
/// and datatype (no native numbers, so the round trip is exact); one node
/// object per subject, in the order subjects first appear.
fn expanded(triples: &[Triple]) -> serde_json::Value {
    use serde_json::{json, Map, Value as Json};
    let mut order: Vec<String> = Vec::new();
    let mut nodes: std::collections::HashMap<String, Map<String, Json>> =
        std::collections::HashMap::new();
    for t in triples {
        let id = match &t.subject {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
            NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        };
        let node = nodes.entry(id.clone()).or_insert_with(|| {
            order.push(id.clone());
            let mut m = Map::new();
            m.insert("@id".into(), Json::String(id.clone()));
            m
        });
        let (key, value) = match (&t.object, t.predicate.as_ref() == rdf::TYPE) {
            (Term::NamedNode(class), true) => ("@type".to_owned(), json!(class.as_str())),
            (Term::NamedNode(n), _) => {
                (t.predicate.as_str().to_owned(), json!({"@id": n.as_str()}))
            }
            (Term::BlankNode(b), _) => (
                t.predicate.as_str().to_owned(),
                json!({"@id": format!("_:{}", b.as_str())}),
            ),
            (Term::Literal(l), _) => {
                let value = if let Some(lang) = l.language() {
                    json!({"@value": l.value(), "@language": lang})
                } else if l.datatype() == xsd::STRING {
                    json!({"@value": l.value()})
                } else {
                    json!({"@value": l.value(), "@type": l.datatype().as_str()})
                };
                (t.predicate.as_str().to_owned(), value)
            }
            // RDF 1.2 triple terms have no JSON-LD 1.1 form: kept as text.
            (other, _) => (
                t.predicate.as_str().to_owned(),
                json!({"@value": other.to_string()}),
            ),
        };
        match node.get_mut(&key) {
            Some(Json::Array(values)) => values.push(value),
            _ => {
                node.insert(key, Json::Array(vec![value]));
            }
        }
    }
    Json::Array(
        order
            .into_iter()
            .filter_map(|id| nodes.remove(&id).map(Json::Object))
            .collect(),
    )
}

fn context() -> Result<RemoteContextReference, JsonLdError> {
    let (value, _) = Value::parse_str(CONTEXT).map_err(|e| JsonLdError::Context(e.to_string()))?;
    let context = value
        .into_ld_context()
        .map_err(|e| JsonLdError::Context(e.to_string()))?;
    Ok(RemoteContextReference::Loaded(RemoteDocument::new(
        None, None, context,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};
    use serde_json::Value as Json;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(s)
    }

    #[test]
    fn keys_are_the_context_terms() -> TestResult {
        let clause = iri("https://w3id.org/poakg/id/p/clause/1.1.1");
        let triples = vec![
            Triple::new(
                clause.clone(),
                iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                iri("https://w3id.org/poakg/ontology#Clause"),
            ),
            Triple::new(
                clause.clone(),
                iri("https://w3id.org/poakg/ontology#inPillar"),
                iri("https://w3id.org/poakg/id/p/pillar/1"),
            ),
            Triple::new(
                clause.clone(),
                iri("https://schema.org/mentions"),
                iri("https://w3id.org/poakg/id/entity/arf"),
            ),
            Triple::new(
                clause.clone(),
                iri("https://w3id.org/poakg/ontology#position"),
                Literal::new_typed_literal("3", iri("http://www.w3.org/2001/XMLSchema#integer")),
            ),
            Triple::new(
                clause,
                iri("http://www.w3.org/2004/02/skos/core#prefLabel"),
                Literal::new_language_tagged_literal_unchecked("A clause", "en"),
            ),
            // a label in another language keeps its tag
            Triple::new(
                iri("https://w3id.org/poakg/id/p"),
                iri("http://www.w3.org/2004/02/skos/core#prefLabel"),
                Literal::new_language_tagged_literal_unchecked("Un plan", "fr"),
            ),
        ];
        let json = compact(&triples)?.compact_print().to_string();
        for key in [
            "\"inPillar\":\"data:p/pillar/1\"",
            "\"mentions\":\"data:entity/arf\"",
            "\"type\":\"Clause\"",
            "\"prefLabel\":\"A clause\"",
            "\"skos:prefLabel\":{\"@value\":\"Un plan\",\"@language\":\"fr\"}",
            "\"position\":\"3\"",
            "\"@context\":{",
        ] {
            assert!(json.contains(key), "{key} not in {json}");
        }
        Ok(())
    }

    #[test]
    fn shipped_context_is_valid_json_ld() -> TestResult {
        context()?;
        Ok(())
    }

    /// Every term of the shipped context expands to an IRI under one of
    /// its prefixes, and every entity class of the vocabulary has a term.
    #[test]
    fn shipped_context_terms_expand_under_its_prefixes() -> TestResult {
        let value: Json = serde_json::from_str(CONTEXT)?;
        let ctx = value["@context"].as_object().ok_or("no @context object")?;
        let prefixes: Vec<(&str, &str)> = ctx
            .iter()
            .filter_map(|(k, v)| {
                v.as_str()
                    .filter(|v| v.ends_with(['#', '/']))
                    .map(|v| (k.as_str(), v))
            })
            .collect();
        assert!(prefixes.iter().any(|(p, _)| *p == "poa"), "{prefixes:?}");
        let mut terms = 0;
        for (term, definition) in ctx {
            let id = match definition {
                Json::String(s) => s.as_str(),
                Json::Object(o) => o.get("@id").and_then(Json::as_str).ok_or(term.as_str())?,
                _ => continue, // @version
            };
            if id.starts_with('@') || prefixes.iter().any(|(p, _)| p == term) {
                continue;
            }
            let (prefix, local) = id.split_once(':').ok_or(term.as_str())?;
            assert!(
                prefixes.iter().any(|(p, _)| *p == prefix) && !local.is_empty(),
                "term {term} expands to {id}, under no prefix of the context"
            );
            terms += 1;
        }
        assert!(terms >= 30, "{terms} terms");
        for class in crate::entities::EntityClass::ALL {
            assert_eq!(
                ctx.get(class.name()).and_then(Json::as_str),
                Some(format!("poa:{}", class.name()).as_str()),
                "no term for the class {}",
                class.name()
            );
        }
        Ok(())
    }
}
