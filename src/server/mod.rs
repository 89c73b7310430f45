//! `poakg serve`: a SPARQL 1.1 Protocol endpoint over the store, with the
//! Graph Store Protocol for reading graphs, linked-data dereferencing of data
//! IRIs, a small HTML query page, CORS, /health and an access log.
//!
//! Read-only unless told otherwise. Every query runs with a cancellation
//! token that a watchdog fires at the timeout, so a runaway query never holds
//! the server; bodies, results and concurrent queries are capped.

mod negotiate;
mod page;

use crate::sparql;
use crate::store::KgStore;
use crate::vocab;
use negotiate::{choose, Media, GRAPH, TABULAR};
use oxhttp::model::{Body, HeaderName, HeaderValue, Method, Request, Response, StatusCode};
use oxhttp::Server;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryResults};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Limits and switches of the endpoint.
#[derive(Debug, Clone)]
pub struct Options {
    pub bind: SocketAddr,
    /// Per-query time limit.
    pub timeout: Duration,
    pub allow_update: bool,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Most solutions or triples a query may return.
    pub max_results: usize,
    /// Most queries evaluated at once; more get 503.
    pub max_concurrent: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            timeout: Duration::from_secs(30),
            allow_update: false,
            max_body: 1 << 20,
            max_results: 1_000_000,
            max_concurrent: 16,
        }
    }
}

struct State {
    store: KgStore,
    options: Options,
    running: AtomicUsize,
}

/// Starts the server and blocks until it stops.
pub fn serve(
    store: KgStore,
    options: Options,
    log: impl Fn(&str) + Send + Sync + 'static,
) -> std::io::Result<()> {
    let bind = options.bind;
    let state = Arc::new(State {
        store,
        options,
        running: AtomicUsize::new(0),
    });
    let log = Arc::new(log);
    let server = Server::new(move |request| {
        let start = Instant::now();
        let mut response = handle(&state, request);
        add_cors(&mut response);
        log(&format!(
            "{} {} {} {}ms",
            request.method(),
            request.uri().path_and_query().map_or("/", |p| p.as_str()),
            response.status().as_u16(),
            start.elapsed().as_millis()
        ));
        response
    })
    .bind(bind)
    .with_global_timeout(Duration::from_secs(600))
    .with_max_concurrent_connections(128);
    server.spawn()?.join()
}

fn add_cors(response: &mut Response<Body>) {
    let headers = response.headers_mut();
    headers.insert(
        HeaderName::from_static("access-control-allow-origin"),
        HeaderValue::from_static("*"),
    );
    headers.insert(
        HeaderName::from_static("access-control-allow-methods"),
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        HeaderName::from_static("access-control-allow-headers"),
        HeaderValue::from_static("Content-Type, Accept"),
    );
}

fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "text/plain; charset=utf-8")
        .body(Body::from(format!("{}\n", message.into())))
        .expect("valid response")
}

fn ok(media: Media, body: Vec<u8>) -> Response<Body> {
    Response::builder()
        .status(StatusCode::OK)
        .header("content-type", media.content_type())
        .body(Body::from(body))
        .expect("valid response")
}

fn header<'a>(request: &'a Request<Body>, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

/// Decodes `application/x-www-form-urlencoded` pairs.
fn form(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect()
}

fn handle(state: &Arc<State>, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let query_string = request.uri().query().unwrap_or("").to_owned();
    match (request.method().clone(), path.as_str()) {
        (Method::OPTIONS, _) => Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Body::empty())
            .expect("valid response"),
        (Method::GET, "/health") => text(StatusCode::OK, "ok"),
        (Method::GET, "/") => ok(Media::Html, page::index().into_bytes()),
        (Method::GET, "/sparql") => {
            let params = form(&query_string);
            match (param(&params, "query"), param(&params, "update")) {
                (Some(q), _) => run_query(state, request, &q),
                (None, Some(_)) => text(StatusCode::FORBIDDEN, "updates go by POST, and this endpoint is read-only (start it with --allow-update)"),
                (None, None) => ok(Media::Html, page::index().into_bytes()),
            }
        }
        (Method::POST, "/sparql") => {
            let body = match read_body(request, state.options.max_body) {
                Ok(body) => body,
                Err(response) => return response,
            };
            let content_type = header(request, "content-type")
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            match content_type.as_str() {
                "application/sparql-query" => run_query(state, request, &body),
                "application/sparql-update" => run_update(state, &body),
                "application/x-www-form-urlencoded" => {
                    let params = form(&body);
                    match (param(&params, "query"), param(&params, "update")) {
                        (Some(q), _) => run_query(state, request, &q),
                        (None, Some(u)) => run_update(state, &u),
                        (None, None) => text(StatusCode::BAD_REQUEST, "no `query` or `update` parameter"),
                    }
                }
                other => text(StatusCode::UNSUPPORTED_MEDIA_TYPE, format!("unsupported content type {other:?}: use application/sparql-query, application/sparql-update or a form")),
            }
        }
        (Method::GET, "/graph-store") => {
            let params = form(&query_string);
            graph_store(state, request, &params)
        }
        (Method::GET, p) if p.starts_with("/id/") => dereference(state, request, &p[4..]),
        (_, "/sparql" | "/graph-store") => text(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST"),
        _ => text(
            StatusCode::NOT_FOUND,
            "not found: try /sparql, /graph-store, /id/..., /health or /",
        ),
    }
}

fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// Reads the body, refusing more than `max` bytes with 413.
fn read_body(request: &mut Request<Body>, max: usize) -> Result<String, Response<Body>> {
    let declared = header(request, "content-length")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(0);
    if declared > max {
        return Err(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {max} bytes"),
        ));
    }
    let mut bytes = Vec::new();
    let mut limited = request.body_mut().take(max as u64 + 1);
    if let Err(e) = limited.read_to_end(&mut bytes) {
        return Err(text(
            StatusCode::BAD_REQUEST,
            format!("cannot read the body: {e}"),
        ));
    }
    if bytes.len() > max {
        return Err(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {max} bytes"),
        ));
    }
    String::from_utf8(bytes).map_err(|_| text(StatusCode::BAD_REQUEST, "the body is not UTF-8"))
}

/// Holds one of the concurrent-query slots while alive.
struct Slot<'a>(&'a AtomicUsize);
impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn run_query(state: &Arc<State>, request: &Request<Body>, text_of_query: &str) -> Response<Body> {
    let token = CancellationToken::new();
    let mut prepared = match sparql::evaluator()
        .with_cancellation_token(token.clone())
        .parse_query(text_of_query)
    {
        Ok(p) => p,
        Err(e) => {
            return text(
                StatusCode::BAD_REQUEST,
                format!("SPARQL syntax {}", e.to_string().replace('\n', " ")),
            )
        }
    };
    if state.running.fetch_add(1, Ordering::SeqCst) >= state.options.max_concurrent {
        state.running.fetch_sub(1, Ordering::SeqCst);
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many queries running; try again",
        );
    }
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    // The query runs on a worker; at the timeout the client gets its answer
    // and the token is cancelled. Oxigraph checks the token as it reads the
    // store, so a query busy joining in memory may run on a little: its slot
    // stays taken until it stops, so runaways cannot pile up.
    let (sender, receiver) = mpsc::channel::<Reply>();
    let worker_state = Arc::clone(state);
    let accept = header(request, "accept").map(str::to_owned);
    std::thread::spawn(move || {
        let _slot = Slot(&worker_state.running);
        let reply = respond(&worker_state, accept.as_deref(), prepared);
        let _ = sender.send(reply);
    });
    match receiver.recv_timeout(state.options.timeout) {
        Ok(reply) => reply.into_response(),
        Err(_) => {
            token.cancel();
            text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query ran past the {}s time limit and was cancelled",
                    state.options.timeout.as_secs_f64()
                ),
            )
        }
    }
}

/// What a worker hands back: a body in a format, or a status with a message.
enum Reply {
    Ok(Media, Vec<u8>),
    Text(StatusCode, String),
}

impl Reply {
    fn text(status: StatusCode, message: impl Into<String>) -> Reply {
        Reply::Text(status, message.into())
    }

    fn into_response(self) -> Response<Body> {
        match self {
            Reply::Ok(media, body) => ok(media, body),
            Reply::Text(status, message) => text(status, message),
        }
    }
}

/// Evaluates a prepared query and writes its results in the negotiated format.
fn respond(state: &State, accept: Option<&str>, prepared: PreparedSparqlQuery) -> Reply {
    let timeout_message = || {
        Reply::text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the query ran past the {}s time limit and was cancelled",
                state.options.timeout.as_secs_f64()
            ),
        )
    };
    let failed = |e: &dyn std::fmt::Display| {
        let message = e.to_string();
        if message.contains("cancelled") {
            timeout_message()
        } else {
            Reply::text(StatusCode::BAD_REQUEST, format!("query failed: {message}"))
        }
    };
    let results = match prepared.on_store(state.store.inner()).execute() {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
    let max = state.options.max_results;
    let too_many = || {
        Reply::text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the result has more than {max} rows or triples; add a LIMIT"),
        )
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let Some(media) = choose(accept, TABULAR) else {
                return Reply::text(
                    StatusCode::NOT_ACCEPTABLE,
                    "SELECT results come as SPARQL JSON, XML, CSV or TSV",
                );
            };
            let variables = solutions.variables().to_vec();
            let mut buffer = Vec::new();
            let serializer = QueryResultsSerializer::from_format(tabular(media));
            let mut writer = match serializer.serialize_solutions_to_writer(&mut buffer, variables)
            {
                Ok(w) => w,
                Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            };
            for (n, solution) in solutions.enumerate() {
                if n >= max {
                    return too_many();
                }
                match solution {
                    Ok(s) => {
                        if let Err(e) = writer.serialize(&s) {
                            return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
                        }
                    }
                    Err(e) => return failed(&e),
                }
            }
            if let Err(e) = writer.finish() {
                return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
            }
            Reply::Ok(media, buffer)
        }
        QueryResults::Boolean(value) => {
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
                Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
        QueryResults::Graph(triples) => {
            let Some(media) = choose(accept, GRAPH) else {
                return Reply::text(
                    StatusCode::NOT_ACCEPTABLE,
                    "graph results come as Turtle, N-Triples, JSON-LD or RDF/XML",
                );
            };
            let mut collected = Vec::new();
            for (n, t) in triples.enumerate() {
                if n >= max {
                    return too_many();
                }
                match t {
                    Ok(t) => collected.push(t),
                    Err(e) => return failed(&e),
                }
            }
            match graph_body(media, &collected) {
                Ok(buffer) => Reply::Ok(media, buffer),
                Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e),
            }
        }
    }
}

fn run_update(state: &State, update: &str) -> Response<Body> {
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
    let prepared = match sparql::evaluator().parse_update(update) {
        Ok(p) => p,
        Err(e) => return text(StatusCode::BAD_REQUEST, format!("SPARQL syntax {e}")),
    };
    match prepared.on_store(state.store.inner()).execute() {
        Ok(()) => Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Body::empty())
            .expect("valid response"),
        Err(e) => text(StatusCode::BAD_REQUEST, format!("update failed: {e}")),
    }
}

/// Triples in the negotiated RDF format; JSON-LD compacted against the
/// shipped context, as `export` writes it.
fn graph_body(media: Media, triples: &[oxigraph::model::Triple]) -> Result<Vec<u8>, String> {
    let mut buffer = Vec::new();
    let written = if media == Media::JsonLd {
        crate::jsonld::write_compacted(&mut buffer, triples).map_err(|e| e.to_string())
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

/// Graph Store Protocol, reading: `?graph=IRI` or `?default` (the union).
fn graph_store(
    state: &State,
    request: &Request<Body>,
    params: &[(String, String)],
) -> Response<Body> {
    let Some(media) = choose(header(request, "accept"), GRAPH) else {
        return text(
            StatusCode::NOT_ACCEPTABLE,
            "graphs come as Turtle, N-Triples, JSON-LD or RDF/XML",
        );
    };
    let db = state.store.inner();
    let quads: Result<Vec<_>, _> = match (
        param(params, "graph"),
        params.iter().any(|(k, _)| k == "default"),
    ) {
        (Some(iri), _) => {
            let Ok(graph) = NamedNode::new(iri.clone()) else {
                return text(StatusCode::BAD_REQUEST, format!("not an IRI: {iri:?}"));
            };
            match db.contains_named_graph(&graph) {
                Ok(true) => db
                    .quads_for_pattern(
                        None,
                        None,
                        None,
                        Some(GraphNameRef::NamedNode(NamedNodeRef::from(&graph))),
                    )
                    .collect(),
                Ok(false) => return text(StatusCode::NOT_FOUND, format!("no graph <{iri}>")),
                Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
        (None, true) => db.iter().collect(),
        (None, false) => {
            return text(
                StatusCode::BAD_REQUEST,
                "name a graph with ?graph=IRI, or ask for ?default (the union of all graphs)",
            )
        }
    };
    let quads = match quads {
        Ok(q) => q,
        Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let mut triples: Vec<oxigraph::model::Triple> = quads.into_iter().map(Into::into).collect();
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    match graph_body(media, &triples) {
        Ok(buffer) => ok(media, buffer),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

/// Linked-data dereferencing: GET /id/PATH describes <https://w3id.org/poakg/id/PATH>.
fn dereference(state: &State, request: &Request<Body>, path: &str) -> Response<Body> {
    let iri = vocab::id(path);
    if NamedNode::new(iri.clone()).is_err() {
        return text(StatusCode::BAD_REQUEST, "not a valid IRI path");
    }
    let mut offered = vec![Media::Turtle, Media::JsonLd, Media::NTriples, Media::RdfXml];
    offered.push(Media::Html);
    let accept = header(request, "accept");
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
    let query = format!("CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}");
    let prepared = match sparql::evaluator().parse_query(&query) {
        Ok(mut p) => {
            p.dataset_mut().set_default_graph_as_union();
            p
        }
        Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let triples: Vec<oxigraph::model::Triple> =
        match prepared.on_store(state.store.inner()).execute() {
            Ok(QueryResults::Graph(t)) => match t.collect::<Result<Vec<_>, _>>() {
                Ok(t) => t,
                Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            },
            Ok(_) => Vec::new(),
            Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        };
    if triples.is_empty() {
        return text(
            StatusCode::NOT_FOUND,
            format!("nothing is known about <{iri}>"),
        );
    }
    let mut triples = triples;
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    if media == Media::Html {
        return ok(Media::Html, page::describe(&iri, &triples).into_bytes());
    }
    match graph_body(media, &triples) {
        Ok(buffer) => ok(media, buffer),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

/// Writes the line the server logs when it starts.
pub fn announce(out: &mut dyn Write, options: &Options) -> std::io::Result<()> {
    writeln!(
        out,
        "poakg: serving SPARQL on http://{}/sparql ({}; query timeout {}s)",
        options.bind,
        if options.allow_update {
            "updates allowed"
        } else {
            "read-only"
        },
        options.timeout.as_secs_f64()
    )
}
