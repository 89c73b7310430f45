//! The SPARQL 1.1 Protocol: queries (GET, POST form, POST direct) answered
//! in the negotiated format, and updates when the endpoint allows them.

use super::http::text;
use super::negotiate::{choose, Media, GRAPH, TABULAR};
use super::worker::{run_limited, Job, Reply};
use super::State;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, QuerySolutionIter,
    QueryTripleIter,
};
use poakg::sparql::{self, QueryError};
use std::sync::Arc;

/// Parses a query, then evaluates it on a worker within the limits.
/// The RDF dataset a request names by `default-graph-uri` and
/// `named-graph-uri` (SPARQL 1.1 Protocol): when either is given, it
/// replaces the query's own (FROM, FROM NAMED) and the union default graph.
#[derive(Debug, Clone, Default)]
pub struct ProtocolDataset {
    /// `default-graph-uri` values.
    pub default: Vec<String>,
    /// `named-graph-uri` values.
    pub named: Vec<String>,
}

impl ProtocolDataset {
    /// The dataset parameters among `params` (each may repeat).
    pub fn of(params: &[(String, String)]) -> ProtocolDataset {
        let all = |name: &str| {
            params
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect()
        };
        ProtocolDataset {
            default: all("default-graph-uri"),
            named: all("named-graph-uri"),
        }
    }

    /// Sets the query's dataset; a value that is not an IRI is named in the error.
    fn apply(&self, prepared: &mut PreparedSparqlQuery) -> Result<(), String> {
        let iri = |v: &String| {
            oxigraph::model::NamedNode::new(v.as_str()).map_err(|_| format!("not an IRI: {v:?}"))
        };
        if self.default.is_empty() && self.named.is_empty() {
            if prepared.dataset().is_default_dataset() {
                prepared.dataset_mut().set_default_graph_as_union();
            }
            return Ok(());
        }
        let default = self
            .default
            .iter()
            .map(|v| iri(v).map(oxigraph::model::GraphName::from))
            .collect::<Result<Vec<_>, _>>()?;
        let named = self
            .named
            .iter()
            .map(|v| iri(v).map(oxigraph::model::NamedOrBlankNode::from))
            .collect::<Result<Vec<_>, _>>()?;
        prepared.dataset_mut().set_default_graph(default);
        prepared.dataset_mut().set_available_named_graphs(named);
        Ok(())
    }
}

pub fn run_query(
    state: &Arc<State>,
    accept: Option<String>,
    query: &str,
    dataset: &ProtocolDataset,
) -> Response<Body> {
    let token = CancellationToken::new();
    let mut prepared = match sparql::evaluator()
        .with_cancellation_token(token.clone())
        .parse_query(query)
    {
        Ok(p) => p,
        Err(e) => {
            return text(
                StatusCode::BAD_REQUEST,
                format!("SPARQL syntax {}", e.to_string().replace('\n', " ")),
            )
        }
    };
    if let Err(e) = dataset.apply(&mut prepared) {
        return text(
            StatusCode::BAD_REQUEST,
            format!("default-graph-uri or named-graph-uri {e}"),
        );
    }
    let max = state.options.max_results;
    let timeout = state.options.timeout;
    run_limited(state, Some(token), move |job| {
        respond(job, accept.as_deref(), prepared, max, timeout)
    })
}

/// Evaluates a prepared query and writes its results in the negotiated format.
fn respond(
    job: &Job,
    accept: Option<&str>,
    prepared: PreparedSparqlQuery,
    max: usize,
    timeout: std::time::Duration,
) -> Reply {
    let results = match job.store.kg().execute(prepared) {
        Ok(r) => r,
        Err(e) => return failed(e, timeout),
    };
    match results {
        QueryResults::Solutions(solutions) => solutions_reply(accept, solutions, max, timeout),
        QueryResults::Boolean(value) => boolean_reply(accept, value),
        QueryResults::Graph(triples) => graph_reply(accept, triples, max, timeout),
    }
}

/// The answer to a query that failed while it ran: a timeout once it was
/// cancelled, else a 400 saying why.
fn failed(e: QueryEvaluationError, timeout: std::time::Duration) -> Reply {
    match QueryError::evaluation("query", e) {
        QueryError::Cancelled { .. } => super::worker::timed_out_reply(timeout),
        QueryError::Evaluation { message, .. } => {
            Reply::text(StatusCode::BAD_REQUEST, format!("query failed: {message}"))
        }
        other => Reply::text(StatusCode::BAD_REQUEST, other.to_string()),
    }
}

/// The answer to a query whose result passed `max` rows or triples.
fn too_many(max: usize) -> Reply {
    Reply::text(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("the result has more than {max} rows or triples; add a LIMIT"),
    )
}

/// The answer when results could not be written.
fn internal(e: &dyn std::fmt::Display) -> Reply {
    Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// SELECT results, at most `max` rows, in the negotiated tabular format.
fn solutions_reply(
    accept: Option<&str>,
    solutions: QuerySolutionIter<'_>,
    max: usize,
    timeout: std::time::Duration,
) -> Reply {
    let Some(media) = choose(accept, TABULAR) else {
        return Reply::text(
            StatusCode::NOT_ACCEPTABLE,
            "SELECT results come as SPARQL JSON, XML, CSV or TSV",
        );
    };
    let variables = solutions.variables().to_vec();
    let mut buffer = Vec::new();
    let serializer = QueryResultsSerializer::from_format(tabular(media));
    let mut writer = match serializer.serialize_solutions_to_writer(&mut buffer, variables) {
        Ok(w) => w,
        Err(e) => return internal(&e),
    };
    for (n, solution) in solutions.enumerate() {
        if n >= max {
            return too_many(max);
        }
        match solution {
            Ok(s) => {
                if let Err(e) = writer.serialize(&s) {
                    return internal(&e);
                }
            }
            Err(e) => return failed(e, timeout),
        }
    }
    if let Err(e) = writer.finish() {
        return internal(&e);
    }
    Reply::Ok(media, buffer)
}

/// An ASK result in the negotiated tabular format.
fn boolean_reply(accept: Option<&str>, value: bool) -> Reply {
    let Some(media) = choose(accept, TABULAR) else {
        return Reply::text(
            StatusCode::NOT_ACCEPTABLE,
            "ASK results come as SPARQL JSON, XML, CSV or TSV",
        );
    };
    let mut buffer = Vec::new();
    match QueryResultsSerializer::from_format(tabular(media))
        .serialize_boolean_to_writer(&mut buffer, value)
    {
        Ok(_) => Reply::Ok(media, buffer),
        Err(e) => internal(&e),
    }
}

/// CONSTRUCT or DESCRIBE results, at most `max` triples, in the negotiated
/// RDF format.
fn graph_reply(
    accept: Option<&str>,
    triples: QueryTripleIter<'_>,
    max: usize,
    timeout: std::time::Duration,
) -> Reply {
    let Some(media) = choose(accept, GRAPH) else {
        return Reply::text(
            StatusCode::NOT_ACCEPTABLE,
            "graph results come as Turtle, N-Triples, JSON-LD or RDF/XML",
        );
    };
    let mut collected = Vec::new();
    for (n, t) in triples.enumerate() {
        if n >= max {
            return too_many(max);
        }
        match t {
            Ok(t) => collected.push(t),
            Err(e) => return failed(e, timeout),
        }
    }
    match graph_body(media, &collected) {
        Ok(buffer) => Reply::Ok(media, buffer),
        Err(e) => internal(&e),
    }
}

/// Runs an update on a worker within the same limits as queries, one update
/// at a time; on a disk store each successful update is published as a new
/// generation for the readers of the store.
pub fn run_update(state: &Arc<State>, update: &str) -> Response<Body> {
    if !state.options.allow_update {
        return text(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only (start it with --allow-update to accept SPARQL updates)",
        );
    }
    // LOAD would make the server fetch any URL a client names.
    if let Ok(parsed) = spargebra::SparqlParser::new().parse_update(update) {
        if parsed
            .operations
            .iter()
            .any(|op| matches!(op, spargebra::GraphUpdateOperation::Load { .. }))
        {
            return text(
                StatusCode::FORBIDDEN,
                "LOAD is refused: this endpoint does not fetch remote documents",
            );
        }
    }
    let token = CancellationToken::new();
    let prepared = match sparql::evaluator()
        .with_cancellation_token(token.clone())
        .parse_update(update)
    {
        Ok(p) => p,
        Err(e) => {
            return text(
                StatusCode::BAD_REQUEST,
                format!("SPARQL syntax {}", e.to_string().replace('\n', " ")),
            )
        }
    };
    let worker_state = Arc::clone(state);
    let timeout = state.options.timeout;
    run_limited(state, Some(token), move |job| {
        let Some(writer) = job.store.writer() else {
            return Reply::text(StatusCode::FORBIDDEN, "this endpoint is read-only");
        };
        // one update at a time: each publishes what it wrote before the next
        let _turn = worker_state
            .updates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if job.expired() {
            return super::worker::timed_out_reply(timeout);
        }
        match writer
            .apply_update(prepared)
            .map_err(|e| QueryError::update("update", e))
        {
            Ok(()) => match writer.publish_snapshot() {
                Ok(()) => Reply::NoContent,
                Err(e) => Reply::text(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("the update was applied but not published: {e}"),
                ),
            },
            Err(QueryError::Cancelled { .. }) => super::worker::timed_out_reply(timeout),
            Err(QueryError::Evaluation { message, .. }) => {
                Reply::text(StatusCode::BAD_REQUEST, format!("update failed: {message}"))
            }
            Err(e) => Reply::text(StatusCode::BAD_REQUEST, format!("update failed: {e}")),
        }
    })
}

/// Triples in the negotiated RDF format; JSON-LD compacted against the
/// shipped context, as `export` writes it.
pub fn graph_body(media: Media, triples: &[oxigraph::model::Triple]) -> Result<Vec<u8>, String> {
    let mut buffer = Vec::new();
    let written = if media == Media::JsonLd {
        poakg::jsonld::write_compacted(&mut buffer, triples).map_err(|e| e.to_string())
    } else {
        sparql::write_triples(&mut buffer, rdf(media), triples).map_err(|e| e.to_string())
    };
    written.map(|()| buffer)
}

fn tabular(media: Media) -> QueryResultsFormat {
    match media {
        Media::SparqlXml => QueryResultsFormat::Xml,
        Media::Csv => QueryResultsFormat::Csv,
        Media::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

fn rdf(media: Media) -> RdfFormat {
    match media {
        Media::NTriples => RdfFormat::NTriples,
        Media::JsonLd => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        Media::RdfXml => RdfFormat::RdfXml,
        _ => RdfFormat::Turtle,
    }
}
