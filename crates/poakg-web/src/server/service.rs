//! The SPARQL 1.1 Service Description of the endpoint: what `GET /sparql`
//! answers a client that asks for RDF and sends no query (W3C SPARQL 1.1
//! Service Description): the endpoint, the languages, the result formats,
//! the features, the default dataset with its named graphs and their sizes,
//! and the limits the endpoint keeps.

use super::negotiate::Media;
use super::protocol::graph_body;
use super::worker::{run_limited, Reply};
use super::State;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use poakg::store::GraphSize;
use std::sync::Arc;

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
const FORMATS: &str = "http://www.w3.org/ns/formats/";
const VOID: &str = "http://rdfs.org/ns/void#";

fn sd(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SD}{local}"))
}

struct Triples(Vec<Triple>);

impl Triples {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.0.push(Triple::new(s, p, o));
    }
}

/// The limits an endpoint keeps, and whether it takes updates.
struct Limits {
    allow_update: bool,
    timeout: std::time::Duration,
    max_results: usize,
}

/// The description of the endpoint at `endpoint` (the URL it was reached by), in `media`.
pub fn describe(state: &Arc<State>, media: Media, endpoint: String) -> Response<Body> {
    let limits = Limits {
        allow_update: state.options.allow_update,
        timeout: state.options.timeout,
        max_results: state.options.max_results,
    };
    run_limited(state, None, move |job| {
        let sizes = match job.store.kg().graph_sizes() {
            Ok(sizes) => sizes,
            Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        };
        let Ok(service) = NamedNode::new(endpoint) else {
            return Reply::text(StatusCode::BAD_REQUEST, "no usable Host header");
        };
        let mut t = Triples(Vec::new());
        t.service(&service, &limits);
        t.dataset(&service, &sizes);
        match graph_body(media, &t.0) {
            Ok(body) => Reply::Ok(media, body),
            Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e),
        }
    })
}

fn integer(n: impl ToString) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

impl Triples {
    /// The service: endpoint, languages, result formats, features, limits.
    fn service(&mut self, service: &NamedNode, limits: &Limits) {
        self.add(service.clone(), rdf::TYPE.into_owned(), sd("Service"));
        self.add(service.clone(), sd("endpoint"), service.clone());
        self.add(
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Query"),
        );
        if limits.allow_update {
            self.add(
                service.clone(),
                sd("supportedLanguage"),
                sd("SPARQL11Update"),
            );
        }
        for format in [
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
            "RDF_XML",
        ] {
            let format = NamedNode::new_unchecked(format!("{FORMATS}{format}"));
            self.add(service.clone(), sd("resultFormat"), format);
        }
        // the default graph is the union of the named graphs
        self.add(service.clone(), sd("feature"), sd("UnionDefaultGraph"));
        // the limits this endpoint keeps, in poakg's vocabulary (the ontology documents them)
        let poa = |local: &str| NamedNode::new_unchecked(format!("{}{local}", poakg::vocab::POA));
        self.add(
            service.clone(),
            poa("timeoutSeconds"),
            integer(limits.timeout.as_secs()),
        );
        self.add(
            service.clone(),
            poa("maxResults"),
            integer(limits.max_results),
        );
    }

    /// The default dataset: the union default graph and each named graph,
    /// with its size.
    fn dataset(&mut self, service: &NamedNode, sizes: &[GraphSize]) {
        let void_triples = NamedNode::new_unchecked(format!("{VOID}triples"));
        let dataset = BlankNode::default();
        self.add(service.clone(), sd("defaultDataset"), dataset.clone());
        self.add(dataset.clone(), rdf::TYPE.into_owned(), sd("Dataset"));
        let default = BlankNode::default();
        self.add(dataset.clone(), sd("defaultGraph"), default.clone());
        self.add(default.clone(), rdf::TYPE.into_owned(), sd("Graph"));
        let total: usize = sizes.iter().map(|g| g.triples).sum();
        self.add(default, void_triples.clone(), integer(total));
        for GraphSize {
            graph: name,
            triples: n,
        } in sizes
        {
            let Ok(name) = NamedNode::new(name.as_str()) else {
                continue;
            };
            let (named, graph) = (BlankNode::default(), BlankNode::default());
            self.add(dataset.clone(), sd("namedGraph"), named.clone());
            self.add(named.clone(), rdf::TYPE.into_owned(), sd("NamedGraph"));
            self.add(named.clone(), sd("name"), name);
            self.add(named, sd("graph"), graph.clone());
            self.add(graph.clone(), rdf::TYPE.into_owned(), sd("Graph"));
            self.add(graph, void_triples.clone(), integer(n));
        }
    }
}
