//! Linked-data dereferencing: `GET /id/PATH` describes
//! `<https://w3id.org/poakg/id/PATH>` in Turtle, JSON-LD, N-Triples, RDF/XML
//! or HTML, within the same limits as queries.

use super::http::text;
use super::negotiate::{choose, Media};
use super::protocol::graph_body;
use super::worker::{run_limited, timed_out_reply, Reply};
use super::State;
use poakg::sparql;
use poakg::vocab;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::{NamedNode, Triple};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::sync::Arc;

/// Answers a request for the description of a data IRI.
pub fn describe(state: &Arc<State>, accept: Option<&str>, path: &str) -> Response<Body> {
    let iri = vocab::id(path);
    // a typed term, written by Oxigraph as `<...>`: never raw text in a query
    let Ok(node) = NamedNode::new(iri.clone()) else {
        return text(StatusCode::BAD_REQUEST, "not a valid IRI path");
    };
    let offered = [
        Media::Turtle,
        Media::JsonLd,
        Media::NTriples,
        Media::RdfXml,
        Media::Html,
    ];
    let media = match accept {
        Some(a) if a.contains("text/html") => Media::Html,
        _ => match choose(accept, &offered) {
            Some(m) => m,
            None => {
                return text(
                    StatusCode::NOT_ACCEPTABLE,
                    "descriptions come as Turtle, JSON-LD, N-Triples, RDF/XML or HTML",
                )
            }
        },
    };
    let query = format!(
        "CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"
    );
    let token = CancellationToken::new();
    let prepared = match sparql::evaluator()
        .with_cancellation_token(token.clone())
        .parse_query(&query)
    {
        Ok(mut p) => {
            p.dataset_mut().set_default_graph_as_union();
            p
        }
        Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let max = state.options.max_results;
    let timeout = state.options.timeout;
    run_limited(state, Some(token), move |job| {
        let mut triples: Vec<Triple> = Vec::new();
        match job.store.kg().execute(prepared) {
            Ok(QueryResults::Graph(found)) => {
                for (n, t) in found.enumerate() {
                    if n >= max {
                        return Reply::text(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            format!("the description has more than {max} triples"),
                        );
                    }
                    match t {
                        Ok(t) => triples.push(t),
                        Err(QueryEvaluationError::Cancelled) => return timed_out_reply(timeout),
                        Err(e) => {
                            return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
                        }
                    }
                }
            }
            Ok(_) => {}
            Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
        if triples.is_empty() {
            return Reply::text(
                StatusCode::NOT_FOUND,
                format!("nothing is known about <{iri}>"),
            );
        }
        triples.sort_by_cached_key(|t| t.to_string());
        triples.dedup();
        if media == Media::Html {
            let jsonld = graph_body(Media::JsonLd, &triples).unwrap_or_default();
            return match crate::pages::resource::render(
                job.store.kg(),
                &iri,
                &triples,
                &String::from_utf8_lossy(&jsonld),
            ) {
                Ok(page) => Reply::Ok(Media::Html, page.into_bytes()),
                Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            };
        }
        match graph_body(media, &triples) {
            Ok(buffer) => Reply::Ok(media, buffer),
            Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e),
        }
    })
}
