//! The Graph Store Protocol, reading: `GET /graph-store?graph=IRI` or
//! `?default` (the union of all graphs), within the same limits as queries.

use super::http::{param, text};
use super::negotiate::{choose, GRAPH};
use super::protocol::graph_body;
use super::worker::{run_limited, timed_out_reply, Reply};
use super::State;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::{NamedNode, Triple};
use std::sync::Arc;

/// Answers a Graph Store read.
pub fn read(
    state: &Arc<State>,
    accept: Option<&str>,
    params: &[(String, String)],
) -> Response<Body> {
    let Some(media) = choose(accept, GRAPH) else {
        return text(
            StatusCode::NOT_ACCEPTABLE,
            "graphs come as Turtle, N-Triples, JSON-LD or RDF/XML",
        );
    };
    let graph = match (
        param(params, "graph"),
        params.iter().any(|(k, _)| k == "default"),
    ) {
        (Some(iri), _) => match NamedNode::new(iri.clone()) {
            Ok(g) => Some(g),
            Err(_) => return text(StatusCode::BAD_REQUEST, format!("not an IRI: {iri:?}")),
        },
        (None, true) => None,
        (None, false) => {
            return text(
                StatusCode::BAD_REQUEST,
                "name a graph with ?graph=IRI, or ask for ?default (the union of all graphs)",
            )
        }
    };
    let max = state.options.max_results;
    let timeout = state.options.timeout;
    run_limited(state, None, move |job| {
        let quads = match job.store.kg().graph_quads(graph.as_ref()) {
            Ok(Some(quads)) => quads,
            Ok(None) => {
                let name = graph.as_ref().map(NamedNode::as_str).unwrap_or_default();
                return Reply::text(StatusCode::NOT_FOUND, format!("no graph <{name}>"));
            }
            Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        };
        let mut triples: Vec<Triple> = Vec::new();
        for (n, quad) in quads.enumerate() {
            // the union may hold the same triple in several graphs: the cap
            // counts quads read, a bound on the work either way
            if n >= max {
                return Reply::text(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the graph has more than {max} triples; use SPARQL with a LIMIT, or `poakg export`"),
                );
            }
            if n % 1024 == 0 && job.expired() {
                return timed_out_reply(timeout);
            }
            match quad {
                Ok(q) => triples.push(q.into()),
                Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
        triples.sort_by_cached_key(|t| t.to_string());
        triples.dedup();
        match graph_body(media, &triples) {
            Ok(buffer) => Reply::Ok(media, buffer),
            Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e),
        }
    })
}
