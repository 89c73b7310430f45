//! `poakg serve`: a SPARQL 1.1 Protocol endpoint over the store, with the
//! Graph Store Protocol for reading graphs, linked-data dereferencing of data
//! IRIs, pages for people (home, network, query; data IRIs as pages),
//! CORS for reads, /health and an access log.
//!
//! This file holds the options, the store the endpoint reads, and routing;
//! `protocol` (queries, updates), `graph_store`, `dereference` (data IRIs)
//! and `browse` (home, network, query pages) answer, `assets` serves the
//! embedded scripts; `worker` applies the limits every route that touches the store
//! goes through; `http` holds the HTTP plumbing and the cross-origin policy;
//! `negotiate` picks formats.
//!
//! Read-only unless told otherwise. A reading endpoint follows the store:
//! when a build publishes a new generation, the next request reads it, while
//! requests already running finish on the one they started with.

mod assets;
mod browse;
mod cache;
mod dereference;
mod graph_store;
mod http;
mod negotiate;
mod protocol;
mod service;
mod worker;

use http::{form, header, param, text};
use negotiate::Media;
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::Server;
use poakg::store::{KgStore, StoreError, Writer};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Limits and switches of the endpoint.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address and port to listen on.
    pub bind: SocketAddr,
    /// Time limit of every request that reads or writes the store.
    pub timeout: Duration,
    /// Whether SPARQL updates are accepted (from this site only).
    pub allow_update: bool,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Most solutions or triples one request may return.
    pub max_results: usize,
    /// Most requests working on the store at once; more get 503.
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

/// What the endpoint serves from.
pub enum Backing {
    /// A store opened for reading; a newer published generation replaces it.
    Reading(KgStore),
    /// The store's one writer (`--allow-update`): reads and updates go to it,
    /// and each update is published for other readers.
    Writing(Writer),
}

/// The store one request works on, kept alive for as long as it does.
#[derive(Clone)]
pub enum StoreRef {
    /// A published generation opened read-only.
    Read(Arc<KgStore>),
    /// The store the endpoint writes (`--allow-update`, or memory).
    Write(Arc<Writer>),
}

impl StoreRef {
    /// The store, as the library's readers take it.
    pub fn kg(&self) -> &KgStore {
        match self {
            StoreRef::Read(s) => s,
            StoreRef::Write(w) => w.store(),
        }
    }

    fn writer(&self) -> Option<&Writer> {
        match self {
            StoreRef::Write(w) => Some(w),
            StoreRef::Read(_) => None,
        }
    }
}

/// What every request shares: the store, the options and the slots.
pub struct State {
    current: Mutex<StoreRef>,
    options: Options,
    running: AtomicUsize,
    /// Updates run one at a time.
    updates: Mutex<()>,
    /// The home page's plans, read once per published generation.
    plans: cache::PerGeneration<Vec<crate::pages::home::PlanRow>>,
}

impl State {
    /// The store to answer from: the newest published generation for a
    /// reading endpoint (checked at every request: one small file read).
    fn store(&self) -> Result<StoreRef, StoreError> {
        let mut current = self
            .current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let StoreRef::Read(store) = &*current {
            if let Some(newer) = store.newer()? {
                *current = StoreRef::Read(Arc::new(newer));
            }
        }
        Ok(current.clone())
    }
}

/// The endpoint's request handler, apart from the HTTP server: what `serve`
/// runs for every request (and what a test or another server can call).
pub struct Endpoint {
    state: Arc<State>,
}

impl Endpoint {
    /// An endpoint over `backing` with `options`.
    pub fn new(backing: Backing, options: Options) -> Endpoint {
        let current = match backing {
            Backing::Reading(store) => StoreRef::Read(Arc::new(store)),
            Backing::Writing(writer) => StoreRef::Write(Arc::new(writer)),
        };
        Endpoint {
            state: Arc::new(State {
                current: Mutex::new(current),
                options,
                running: AtomicUsize::new(0),
                updates: Mutex::new(()),
                plans: cache::PerGeneration::default(),
            }),
        }
    }

    /// Answers one request: CORS headers on every answer that only reads.
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        // HEAD answers as GET does, without the body
        let head = request.method() == Method::HEAD;
        if head {
            *request.method_mut() = Method::GET;
        }
        let (mut response, writes) = handle(&self.state, request);
        if !writes {
            http::add_cors(&mut response);
        }
        // most answers are negotiated on Accept: caches must keep them apart
        response.headers_mut().insert(
            oxhttp::model::HeaderName::from_static("vary"),
            oxhttp::model::HeaderValue::from_static("Accept"),
        );
        if head {
            *request.method_mut() = Method::HEAD;
            *response.body_mut() = Body::empty();
        }
        response
    }
}

/// Starts the server and blocks until it stops.
pub fn serve(
    backing: Backing,
    options: Options,
    log: impl Fn(&str) + Send + Sync + 'static,
) -> std::io::Result<()> {
    let bind = options.bind;
    let endpoint = Endpoint::new(backing, options);
    let log = Arc::new(log);
    let server = Server::new(move |request| {
        let start = Instant::now();
        let response = endpoint.handle(request);
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

/// `ok`, with the number of requests that hold a slot now in the header
/// `Poakg-Running` (a cancelled query keeps its slot until it has stopped:
/// monitoring, and the tests, see runaways end).
fn health(state: &State) -> Response<Body> {
    let mut response = text(StatusCode::OK, "ok");
    let running = state.running.load(std::sync::atomic::Ordering::SeqCst);
    if let Ok(value) = oxhttp::model::HeaderValue::from_str(&running.to_string()) {
        response.headers_mut().insert(
            oxhttp::model::HeaderName::from_static("poakg-running"),
            value,
        );
    }
    response
}

/// Routes a request; also says whether it asked to write (such answers
/// carry no CORS headers).
fn handle(state: &Arc<State>, request: &mut Request<Body>) -> (Response<Body>, bool) {
    let path = request.uri().path().to_owned();
    let query_string = request.uri().query().unwrap_or("").to_owned();
    let accept = header(request, "accept").map(str::to_owned);
    match (request.method().clone(), path.as_str()) {
        (Method::OPTIONS, _) => read_only(http::no_content()),
        (Method::GET, "/health") => read_only(health(state)),
        (Method::GET, "/") => {
            let params = form(&query_string);
            read_only(browse::home(
                state,
                param(&params, "sort"),
                param(&params, "page"),
            ))
        }
        (Method::GET, "/query") => read_only(browse::query()),
        (Method::GET, "/network") => read_only(browse::network_page(
            state,
            param(&form(&query_string), "plan"),
        )),
        (Method::GET, "/network.json") => {
            let params = form(&query_string);
            read_only(browse::network_json(
                state,
                param(&params, "plan"),
                param(&params, "limit"),
            ))
        }
        (Method::GET, p) if p.starts_with("/assets/") => read_only(
            assets::get(&p["/assets/".len()..])
                .unwrap_or_else(|| text(StatusCode::NOT_FOUND, "no such asset")),
        ),
        (Method::GET, "/sparql") => {
            let endpoint = format!("http://{}/sparql", header(request, "host").unwrap_or("localhost"));
            sparql_get(state, &query_string, accept, endpoint)
        }
        (Method::POST, "/sparql") => sparql_post(state, request, accept),
        (Method::GET, "/graph-store") => {
            let params = form(&query_string);
            read_only(graph_store::read(state, accept.as_deref(), &params))
        }
        // the dataset's VoID and DCAT description (RFC 5785, VoID section 7)
        (Method::GET, "/.well-known/void") => {
            let graph = match state.store() {
                Ok(store) => store.kg().base().iri(poakg::ops::DATASET_GRAPH).into_owned(),
                Err(_) => poakg::ops::DATASET_GRAPH.to_owned(),
            };
            read_only(graph_store::read(state, accept.as_deref(), &[("graph".to_owned(), graph)]))
        }
        // the ontology and the JSON-LD context at their own IRIs
        (Method::GET, "/ontology") => {
            let params = [("graph".to_owned(), poakg::vocab::ONTOLOGY_GRAPH.to_owned())];
            read_only(graph_store::read(state, accept.as_deref(), &params))
        }
        (Method::GET, "/context.jsonld") => read_only(context_document()),
        (Method::GET, p) if p.starts_with("/goal/") => read_only(goal(state, accept, &p[6..])),
        (Method::GET, p) if p.starts_with("/id/") => {
            read_only(data_iri(state, &query_string, accept, &p[4..]))
        }
        (_, "/sparql" | "/graph-store") => {
            read_only(text(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST"))
        }
        _ => read_only(text(
            StatusCode::NOT_FOUND,
            "not found: try /, /query, /network, /sparql, /graph-store, /id/..., /goal/1 to /goal/17, /.well-known/void, /ontology, /context.jsonld or /health",
        )),
    }
}

/// The JSON-LD context the exports embed, served at its own IRI
/// (`https://w3id.org/poakg/context.jsonld`) for clients that fetch it.
fn context_document() -> Response<Body> {
    http::response(
        StatusCode::OK,
        "application/ld+json",
        poakg::jsonld::CONTEXT.as_bytes().to_vec(),
    )
}

/// `GET /goal/N`: the page (or description) of UN goal N, with the clauses
/// addressing it.
fn goal(state: &Arc<State>, accept: Option<String>, n: &str) -> Response<Body> {
    match n.parse::<u8>() {
        Ok(n @ 1..=17) => dereference::describe_iri(
            state,
            accept.as_deref(),
            poakg::vocab::sdg_concept(&n.to_string()),
            1,
        ),
        _ => text(
            StatusCode::NOT_FOUND,
            "no such goal: the goals are /goal/1 to /goal/17",
        ),
    }
}

/// An answer to a request that only reads (it carries CORS headers).
fn read_only(response: Response<Body>) -> (Response<Body>, bool) {
    (response, false)
}

/// `GET /sparql`: a query (`?query=`, in `?format=` or the Accept header's
/// format), a refused update, or the query page.
fn sparql_get(
    state: &Arc<State>,
    query_string: &str,
    accept: Option<String>,
    endpoint: String,
) -> (Response<Body>, bool) {
    let params = form(query_string);
    // the query page's download links
    let accept = match format_or_accept(
        &params,
        accept,
        negotiate::media_of_result_format,
        "csv, tsv, json, xml, turtle, jsonld, ntriples or rdfxml",
    ) {
        Ok(accept) => accept,
        Err(response) => return read_only(response),
    };
    match (param(&params, "query"), param(&params, "update")) {
        (Some(q), _) => read_only(protocol::run_query(
            state,
            accept,
            &q,
            &protocol::ProtocolDataset::of(&params),
        )),
        (None, Some(_)) => (
            text(
                StatusCode::FORBIDDEN,
                "updates go by POST (and only when the endpoint was started with --allow-update)",
            ),
            true,
        ),
        // no query: the form for a browser, the service description for a client asking for RDF
        (None, None) => {
            let offered = [
                Media::Html,
                Media::Turtle,
                Media::JsonLd,
                Media::RdfXml,
                Media::NTriples,
            ];
            match negotiate::choose(accept.as_deref(), &offered) {
                Some(media) if media != Media::Html => {
                    read_only(service::describe(state, media, endpoint))
                }
                _ => read_only(browse::query()),
            }
        }
    }
}

/// `POST /sparql`: a query or an update, sent directly or as a form.
fn sparql_post(
    state: &Arc<State>,
    request: &mut Request<Body>,
    accept: Option<String>,
) -> (Response<Body>, bool) {
    let body = match http::read_body(request, state.options.max_body) {
        Ok(body) => body,
        Err(response) => return read_only(response),
    };
    // the dataset parameters ride in the URL (and, for a form, the body too)
    let url_params = form(request.uri().query().unwrap_or(""));
    match http::content_type(request).as_str() {
        "application/sparql-query" => read_only(protocol::run_query(state, accept, &body, &protocol::ProtocolDataset::of(&url_params))),
        "application/sparql-update" => (update(state, request, &body), true),
        "application/x-www-form-urlencoded" => {
            let mut params = form(&body);
            params.extend(url_params);
            match (param(&params, "query"), param(&params, "update")) {
                (Some(q), _) => read_only(protocol::run_query(state, accept, &q, &protocol::ProtocolDataset::of(&params))),
                (None, Some(u)) => (update(state, request, &u), true),
                (None, None) => read_only(text(StatusCode::BAD_REQUEST, "no `query` or `update` parameter")),
            }
        }
        other => read_only(text(StatusCode::UNSUPPORTED_MEDIA_TYPE, format!("unsupported content type {other:?}: use application/sparql-query, application/sparql-update or a form"))),
    }
}

/// Runs an update, unless it comes from a page of another site.
fn update(state: &Arc<State>, request: &Request<Body>, text_of_update: &str) -> Response<Body> {
    if http::is_cross_site(request) {
        return text(
            StatusCode::FORBIDDEN,
            "updates from a page of another site are refused (its Origin is not this endpoint)",
        );
    }
    protocol::run_update(state, text_of_update)
}

/// `GET /id/PATH`: the description of a data IRI, in `?format=` or the
/// Accept header's format.
fn data_iri(
    state: &Arc<State>,
    query_string: &str,
    accept: Option<String>,
    path: &str,
) -> Response<Body> {
    let params = form(query_string);
    // the alternates a page links to
    let accept = match format_or_accept(
        &params,
        accept,
        negotiate::media_of_format,
        "turtle, jsonld, ntriples, rdfxml or html",
    ) {
        Ok(accept) => accept,
        Err(response) => return response,
    };
    // which plans an entity's page lists
    let page = match param(&params, "page").map(|p| p.parse::<usize>()) {
        None => 1,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => return text(StatusCode::BAD_REQUEST, "page must be a number from 1"),
    };
    dereference::describe(state, accept.as_deref(), path, page)
}

/// The media type a request asks for: its `?format=` name when it has one
/// (a browser following a link sends no Accept of its own), looked up by
/// `lookup`, else its Accept header; an unknown name is a 400 listing `known`.
fn format_or_accept(
    params: &[(String, String)],
    accept: Option<String>,
    lookup: fn(&str) -> Option<&'static str>,
    known: &str,
) -> Result<Option<String>, Response<Body>> {
    match param(params, "format") {
        None => Ok(accept),
        Some(f) => lookup(&f)
            .map(|media| Some(media.to_owned()))
            .ok_or_else(|| {
                text(
                    StatusCode::BAD_REQUEST,
                    format!("unknown format {f:?}: use {known}"),
                )
            }),
    }
}

/// Writes the line the server logs when it starts.
pub fn announce(out: &mut dyn Write, options: &Options) -> std::io::Result<()> {
    writeln!(
        out,
        "poakg: serving SPARQL on http://{}/sparql ({}; time limit {}s)",
        options.bind,
        if options.allow_update {
            "updates allowed"
        } else {
            "read-only"
        },
        options.timeout.as_secs_f64()
    )
}
