//! Linked-data dereferencing: `GET /id/PATH` describes
//! `<https://w3id.org/poakg/id/PATH>` in Turtle, JSON-LD, N-Triples, RDF/XML
//! or HTML, within the same limits as queries.

use super::http::text;
use super::negotiate::{choose, Media};
use super::protocol::graph_body;
use super::worker::{run_limited, timed_out_reply, Job, Reply};
use super::State;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::{NamedNode, Triple};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults,
};
use poakg::sparql;
use poakg::vocab;
use std::sync::Arc;
use std::time::Duration;

/// Answers a request for the description of a data IRI (`page`: which
/// page of an entity's plans its HTML page lists).
pub fn describe(
    state: &Arc<State>,
    accept: Option<&str>,
    path: &str,
    page: usize,
) -> Response<Body> {
    // the store's own IRI for the path, under whatever base it mints
    let iri = match state.store() {
        Ok(store) => store.kg().base().iri_of_path(path),
        Err(_) => vocab::id(path),
    };
    describe_iri(state, accept, iri, page)
}

/// Answers a request for the description of `iri` (a data IRI, or a UN
/// goal's, which this server describes as far as the store knows it).
pub fn describe_iri(
    state: &Arc<State>,
    accept: Option<&str>,
    iri: String,
    page: usize,
) -> Response<Body> {
    // a typed term, written by Oxigraph as `<...>`: never raw text in a query
    let Ok(node) = NamedNode::new(iri.clone()) else {
        return text(StatusCode::BAD_REQUEST, "not a valid IRI path");
    };
    let media = match media_of(accept) {
        Ok(media) => media,
        Err(response) => return response,
    };
    let token = CancellationToken::new();
    let prepared = match description_query(&node, &token) {
        Ok(prepared) => prepared,
        Err(response) => return response,
    };
    let max = state.options.max_results;
    let timeout = state.options.timeout;
    run_limited(state, Some(token), move |job| {
        let triples = match description(job, prepared, max, timeout) {
            Ok(triples) => triples,
            Err(reply) => return reply,
        };
        if triples.is_empty() {
            return Reply::text(
                StatusCode::NOT_FOUND,
                format!("nothing is known about <{iri}>"),
            );
        }
        reply(job, &iri, media, &sorted(triples), page)
    })
}

/// The format a description is asked in: HTML for a browser, else the
/// negotiated RDF format; a 406 when none is offered.
fn media_of(accept: Option<&str>) -> Result<Media, Response<Body>> {
    let offered = [
        Media::Turtle,
        Media::JsonLd,
        Media::NTriples,
        Media::RdfXml,
        Media::Html,
    ];
    // a browser (it names text/html) gets the page when HTML weighs as
    // much as anything it accepts; the q-values decide otherwise
    let browser = [
        Media::Html,
        Media::Turtle,
        Media::JsonLd,
        Media::NTriples,
        Media::RdfXml,
    ];
    let offered: &[Media] = if accept.is_some_and(|a| a.contains("text/html")) {
        &browser
    } else {
        &offered
    };
    choose(accept, offered).ok_or_else(|| {
        text(
            StatusCode::NOT_ACCEPTABLE,
            "descriptions come as Turtle, JSON-LD, N-Triples, RDF/XML or HTML",
        )
    })
}

/// The query of the description of `node` (the triples it is subject or
/// object of, in any graph), cancelled by `token`.
fn description_query(
    node: &NamedNode,
    token: &CancellationToken,
) -> Result<PreparedSparqlQuery, Response<Body>> {
    let query = format!(
        "CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"
    );
    match sparql::evaluator()
        .with_cancellation_token(token.clone())
        .parse_query(&query)
    {
        Ok(mut p) => {
            p.dataset_mut().set_default_graph_as_union();
            Ok(p)
        }
        Err(e) => Err(text(StatusCode::BAD_REQUEST, e.to_string())),
    }
}

/// Runs the description query: its triples, or the answer when there are
/// more than `max`, when it timed out or failed.
fn description(
    job: &Job,
    prepared: PreparedSparqlQuery,
    max: usize,
    timeout: Duration,
) -> Result<Vec<Triple>, Reply> {
    let mut triples: Vec<Triple> = Vec::new();
    match job.store.kg().execute(prepared) {
        Ok(QueryResults::Graph(found)) => {
            for (n, t) in found.enumerate() {
                if n >= max {
                    return Err(Reply::text(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        format!("the description has more than {max} triples"),
                    ));
                }
                match t {
                    Ok(t) => triples.push(t),
                    Err(QueryEvaluationError::Cancelled) => return Err(timed_out_reply(timeout)),
                    Err(e) => {
                        return Err(Reply::text(
                            StatusCode::INTERNAL_SERVER_ERROR,
                            e.to_string(),
                        ))
                    }
                }
            }
        }
        Ok(_) => {}
        Err(e) => {
            return Err(Reply::text(
                StatusCode::INTERNAL_SERVER_ERROR,
                e.to_string(),
            ))
        }
    }
    Ok(triples)
}

/// The triples in a fixed order, each once.
fn sorted(mut triples: Vec<Triple>) -> Vec<Triple> {
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    triples
}

/// The description of `iri` (`triples`) in `media`: as the resource's page
/// for HTML, else as RDF.
fn reply(job: &Job, iri: &str, media: Media, triples: &[Triple], page: usize) -> Reply {
    if media == Media::Html {
        // what the page shows, embedded: the alternates give the whole
        let shown = crate::pages::resource::shown(iri, triples);
        let jsonld = graph_body(Media::JsonLd, &shown).unwrap_or_default();
        return match crate::pages::resource::render(
            job.store.kg(),
            iri,
            triples,
            &String::from_utf8_lossy(&jsonld),
            page,
        ) {
            Ok(page) => Reply::Ok(Media::Html, page.into_bytes()),
            Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        };
    }
    match graph_body(media, triples) {
        Ok(buffer) => Reply::Ok(media, buffer),
        Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}
