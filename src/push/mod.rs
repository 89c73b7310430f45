//! `poakg push`: uploads the store's graphs to another triple store through
//! the SPARQL 1.1 Graph Store HTTP Protocol, one PUT per named graph, so that
//! the same queries run there (Oxigraph server, Jena Fuseki, GraphDB,
//! Virtuoso, QLever all implement it).

mod auth;

use crate::store::KgStore;
use auth::{put, Auth};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode};
use oxigraph::store::StorageError;
use std::time::{Duration, Instant};

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct Target {
    /// The Graph Store Protocol endpoint (e.g. `http://localhost:7878/store`).
    pub endpoint: String,
    /// Only this named graph (default: every graph of the store).
    pub graph: Option<String>,
    /// The user name for HTTP authentication (Basic, or Digest when the
    /// server asks for it: Virtuoso's Graph Store does); needs `password`.
    pub user: Option<String>,
    /// The password for HTTP authentication; needs `user`.
    pub password: Option<String>,
    /// Per request (connection, upload and answer).
    pub timeout: Duration,
}

/// Why a push failed.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The endpoint (carried, trimmed) does not start with `http://` or `https://`.
    #[error("endpoint {0}: not an http:// or https:// URL")]
    BadEndpoint(String),
    /// The graph name (carried, without angle brackets) is not a valid IRI.
    #[error("graph {0}: not an IRI")]
    BadGraph(String),
    /// The graph IRI asked for names no graph in the store.
    #[error("no graph <{0}> in the store")]
    NoSuchGraph(String),
    /// Only one of the user name and the password was given.
    #[error("a password needs a user name (and a user name a password)")]
    HalfCredentials,
    /// The request could not be built or sent, or no answer came (connection
    /// refused, timeout, TLS failure).
    #[error("{url}: {message}")]
    Http {
        /// The URL of the request (the bare endpoint if the client could not
        /// be set up).
        url: String,
        /// The HTTP client's message.
        message: String,
    },
    /// The server answered with a status other than 2xx; earlier graphs stay
    /// sent.
    #[error("{url}: the server answered {status}: {body}")]
    Refused {
        /// The URL of the refused PUT.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The start of the answer's body (whitespace collapsed, at most 300
        /// characters), which usually says why.
        body: String,
    },
    /// Reading the store failed.
    #[error("store: {0}")]
    Storage(#[from] StorageError),
    /// Serialising a graph as N-Triples failed.
    #[error("serialising a graph: {0}")]
    Io(#[from] std::io::Error),
}

impl PushError {
    /// Whether the user can fix it (flags, the server, its answer) rather
    /// than a failure to read or serialise the store.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, PushError::Storage(_) | PushError::Io(_))
    }
}

/// What one PUT did.
#[derive(Debug, Clone)]
pub struct Pushed {
    /// The graph IRI, or "default graph".
    pub graph: String,
    /// How many triples were sent.
    pub triples: usize,
    /// The server's HTTP status code (2xx).
    pub status: u16,
    /// Wall time for the graph, from reading it from the store to the answer.
    pub elapsed: Duration,
}

/// Uploads the graphs, each replacing the graph of the same name on the
/// server. Stops at the first refusal: graphs sent before it stay sent
/// (each PUT is atomic on the server, the push as a whole is not).
pub fn push(
    store: &KgStore,
    target: &Target,
    mut progress: impl FnMut(&Pushed),
) -> Result<Vec<Pushed>, PushError> {
    let endpoint = target.endpoint.trim();
    if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
        return Err(PushError::BadEndpoint(endpoint.to_owned()));
    }
    let mut auth = match (&target.user, &target.password) {
        (Some(user), Some(password)) => Some(Auth {
            user,
            password,
            digest: None,
        }),
        (None, None) => None,
        _ => return Err(PushError::HalfCredentials),
    };
    let graphs = graphs_to_push(store, target.graph.as_deref())?;
    let client = oxhttp::Client::new()
        .with_global_timeout(target.timeout)
        .with_user_agent(concat!("poakg/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| PushError::Http {
            url: endpoint.to_owned(),
            message: e.to_string(),
        })?;
    if let (Some(auth), Some(first)) = (auth.as_mut(), graphs.first()) {
        auth.probe(&client, &graph_url(endpoint, first))?;
    }
    let mut done = Vec::new();
    for graph in graphs {
        let started = Instant::now();
        let (body, triples) = ntriples(store, graph.as_ref())?;
        let url = graph_url(endpoint, &graph);
        let mut response = put(&client, &url, &body, auth.as_mut())?;
        // a Digest challenge (Virtuoso's /sparql-graph-crud-auth): answer it,
        // and answer later graphs' PUTs the same way from the start
        if response.status().as_u16() == 401 {
            if let Some(auth) = auth.as_mut() {
                if auth.challenged(&response) {
                    response = put(&client, &url, &body, Some(auth))?;
                }
            }
        }
        let status = response.status().as_u16();
        if !response.status().is_success() {
            let body = response.into_body().to_string().unwrap_or_default();
            return Err(PushError::Refused {
                url,
                status,
                body: body
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(300)
                    .collect(),
            });
        }
        let pushed = Pushed {
            graph: match &graph {
                GraphName::NamedNode(n) => n.as_str().to_owned(),
                _ => "default graph".to_owned(),
            },
            triples,
            status,
            elapsed: started.elapsed(),
        };
        progress(&pushed);
        done.push(pushed);
    }
    Ok(done)
}

/// The graphs to send: the one asked for, else every named graph (sorted)
/// and the default graph when it holds anything.
fn graphs_to_push(store: &KgStore, only: Option<&str>) -> Result<Vec<GraphName>, PushError> {
    let db = store.inner();
    if let Some(g) = only {
        let g = g.trim_start_matches('<').trim_end_matches('>');
        let node = NamedNode::new(g).map_err(|_| PushError::BadGraph(g.to_owned()))?;
        if !db.contains_named_graph(&node)? {
            return Err(PushError::NoSuchGraph(g.to_owned()));
        }
        return Ok(vec![GraphName::NamedNode(node)]);
    }
    let mut names: Vec<NamedNode> = Vec::new();
    for graph in db.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = graph? {
            names.push(n);
        }
    }
    names.sort();
    let mut graphs: Vec<GraphName> = names.into_iter().map(GraphName::NamedNode).collect();
    let default_used = db
        .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        .next()
        .is_some();
    if default_used {
        graphs.push(GraphName::DefaultGraph);
    }
    Ok(graphs)
}

/// The PUT URL for a graph: `?graph=<encoded IRI>` or `?default`.
pub fn graph_url(endpoint: &str, graph: &GraphName) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    match graph {
        GraphName::NamedNode(n) => format!(
            "{endpoint}{sep}{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair("graph", n.as_str())
                .finish()
        ),
        _ => format!("{endpoint}{sep}default"),
    }
}

/// One graph as N-Triples (the plainest format every store reads).
fn ntriples(store: &KgStore, graph: GraphNameRef<'_>) -> Result<(Vec<u8>, usize), PushError> {
    let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut count = 0;
    for quad in store
        .inner()
        .quads_for_pattern(None, None, None, Some(graph))
    {
        let quad = quad?;
        writer.serialize_triple(oxigraph::model::TripleRef::new(
            &quad.subject,
            &quad.predicate,
            &quad.object,
        ))?;
        count += 1;
    }
    Ok((writer.finish()?, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNodeRef;

    #[test_case::test_case("http://h/store", Some("https://w3id.org/g/1"), "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fg%2F1"; "named graph")]
    #[test_case::test_case("http://h/data?x=1", Some("urn:g"), "http://h/data?x=1&graph=urn%3Ag"; "endpoint with a query")]
    #[test_case::test_case("http://h/store", None, "http://h/store?default"; "default graph")]
    fn urls(endpoint: &str, graph: Option<&str>, want: &str) {
        let graph = match graph {
            Some(g) => GraphName::NamedNode(NamedNode::new_unchecked(g)),
            None => GraphName::DefaultGraph,
        };
        assert_eq!(graph_url(endpoint, &graph), want);
    }

    #[test]
    fn refuses_bad_targets_before_any_request() {
        let store = KgStore::in_memory().expect("memory store");
        let target = |endpoint: &str, user: Option<&str>, password: Option<&str>| Target {
            endpoint: endpoint.to_owned(),
            graph: None,
            user: user.map(str::to_owned),
            password: password.map(str::to_owned),
            timeout: Duration::from_secs(1),
        };
        let err = push(&store, &target("ftp://x", None, None), |_| {}).unwrap_err();
        assert!(matches!(err, PushError::BadEndpoint(_)), "{err}");
        let err = push(&store, &target("http://x", Some("u"), None), |_| {}).unwrap_err();
        assert!(matches!(err, PushError::HalfCredentials), "{err}");
        let mut t = target("http://x", None, None);
        t.graph = Some("urn:nowhere".into());
        let err = push(&store, &t, |_| {}).unwrap_err();
        assert_eq!(err.to_string(), "no graph <urn:nowhere> in the store");
    }

    /// A store holding `<urn:s> <urn:p> <urn:o>` in graph `<urn:g>`.
    fn one_quad_store() -> KgStore {
        let store = KgStore::in_memory().expect("memory store");
        store
            .inner()
            .insert(oxigraph::model::QuadRef::new(
                NamedNodeRef::new_unchecked("urn:s"),
                NamedNodeRef::new_unchecked("urn:p"),
                NamedNodeRef::new_unchecked("urn:o"),
                NamedNodeRef::new_unchecked("urn:g"),
            ))
            .expect("insert");
        store
    }

    /// What a server receives: one request read off a loopback socket,
    /// answered 201 (the headers are what this test is about).
    #[test]
    fn sends_basic_credentials_and_ntriples() {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = std::thread::spawn(move || {
            // first the probe (HEAD, no credentials), answered without a
            // challenge, then the PUT
            let mut probe = String::new();
            loop {
                let (mut socket, _) = listener.accept().expect("accept");
                let mut seen = Vec::new();
                let mut buf = [0u8; 4096];
                // read the head, then the body announced by Content-Length
                loop {
                    let n = socket.read(&mut buf).expect("read");
                    seen.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&seen).to_lowercase();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length: usize = text
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0);
                        if seen.len() >= end + 4 + length || n == 0 {
                            break;
                        }
                    }
                }
                let request = String::from_utf8_lossy(&seen).into_owned();
                if request.starts_with("HEAD ") {
                    socket
                        .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        .expect("answer");
                    probe = request;
                    continue;
                }
                socket
                    .write_all(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
                    .expect("answer");
                return (probe, request);
            }
        });
        let store = one_quad_store();
        let target = Target {
            endpoint: format!("http://127.0.0.1:{port}/store"),
            graph: None,
            user: Some("u".into()),
            password: Some("p".into()),
            timeout: Duration::from_secs(5),
        };
        let pushed = push(&store, &target, |_| {}).expect("push");
        assert_eq!(
            (pushed.len(), pushed[0].triples, pushed[0].status),
            (1, 1, 201)
        );
        let (probe, request) = server.join().expect("server thread");
        assert!(probe.starts_with("HEAD /store?graph=urn%3Ag "), "{probe}");
        assert!(!probe.to_lowercase().contains("authorization"), "{probe}");
        let lower = request.to_lowercase();
        assert!(
            request.starts_with("PUT /store?graph=urn%3Ag HTTP/1.1\r\n"),
            "{request}"
        );
        // base64("u:p") = "dTpw"
        assert!(lower.contains("authorization: basic dtpw\r\n"), "{request}");
        assert!(
            lower.contains("content-type: application/n-triples\r\n"),
            "{request}"
        );
        assert!(
            request.ends_with("<urn:s> <urn:p> <urn:o> .\n"),
            "{request}"
        );
    }

    #[test]
    fn connection_refused_names_the_url() {
        // a port nobody listens on: bind one, learn it, close it
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let store = one_quad_store();
        let target = Target {
            endpoint: format!("http://127.0.0.1:{port}/store"),
            graph: None,
            user: None,
            password: None,
            timeout: Duration::from_secs(2),
        };
        let err = push(&store, &target, |_| {}).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with(&format!("http://127.0.0.1:{port}/store?graph=urn%3Ag: ")),
            "{text}"
        );
    }
}
