//! The dataset's description, written by every build into a graph of its
//! own (`id/graph/dataset`): VoID and DCAT (title, publisher, licence, when,
//! the sources with their digests, the SPARQL service, a distribution per
//! export format, counts, class and property partitions, one subset per
//! plan), PROV (the build as an activity of poakg, what it used), and the
//! SHA-256 of the canonical export of everything else.

use super::census::Census;
use super::{plans, Error};
use crate::sparql::{self, row_text};
use crate::store::{KgStore, Writer};
use crate::vocab::{self, ext, poa};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

/// The graph the description lives in.
pub const DATASET_GRAPH: &str = crate::export::UNHASHED_GRAPH;

/// The licence of the graph unless the publisher sets another: CC BY 4.0.
pub const DEFAULT_LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Who publishes the graph and under which licence; `None` keeps what the
/// store remembers (from the build before), else the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    /// The publisher: an IRI, or a name.
    pub publisher: Option<String>,
    /// The licence's IRI.
    pub license: Option<String>,
}

const VOID: &str = "http://rdfs.org/ns/void#";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const PROV: &str = "http://www.w3.org/ns/prov#";
const DCT: &str = "http://purl.org/dc/terms/";
const SD: &str = "http://www.w3.org/ns/sparql-service-description#";

fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// The publisher and licence the store's description holds.
pub fn remembered(store: &KgStore) -> Result<Publication, Error> {
    let rows = sparql::select(
        store,
        "publication",
        format!(
            "SELECT ?publisher ?name ?license WHERE {{ GRAPH <{graph}> {{ <{dataset}> a <{VOID}Dataset> .
               OPTIONAL {{ <{dataset}> dcterms:publisher ?publisher OPTIONAL {{ ?publisher <{FOAF}name> ?name }} }}
               OPTIONAL {{ <{dataset}> dcterms:license ?license }} }} }}",
            graph = store.base().iri(DATASET_GRAPH),
            dataset = store.base().iri_of_path("dataset"),
        ),
    )?;
    let row = rows.first();
    Ok(Publication {
        publisher: row.and_then(|r| row_text(r, "name").or_else(|| row_text(r, "publisher"))),
        license: row.and_then(|r| row_text(r, "license")),
    })
}

struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Sink {
    fn add(&mut self, s: &NamedNode, p: impl Into<NamedNode>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p.into(), o.into(), self.graph.clone()));
    }
    fn text(&mut self, s: &NamedNode, p: impl Into<NamedNode>, v: &str) {
        self.add(s, p, Literal::new_simple_literal(v));
    }
    /// Words for people (titles, descriptions): in English, tagged so.
    fn words(&mut self, s: &NamedNode, p: impl Into<NamedNode>, v: &str) {
        self.add(s, p, vocab::english(v));
    }
    fn count(&mut self, s: &NamedNode, p: impl Into<NamedNode>, n: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(n.to_string(), xsd::INTEGER),
        );
    }
    fn time(&mut self, s: &NamedNode, p: impl Into<NamedNode>, t: &str) {
        self.add(s, p, Literal::new_typed_literal(t, xsd::DATE_TIME));
    }
}

/// The time now, as an xsd:dateTime in UTC to the second (jiff: the
/// calendar arithmetic is a well-kept crate's, not ours).
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// The export formats a portal can harvest, with their media types.
const DISTRIBUTIONS: [(&str, &str); 4] = [
    ("nquads", "application/n-quads"),
    ("trig", "application/trig"),
    ("turtle", "text/turtle"),
    ("jsonld", "application/ld+json"),
];

fn publisher(sink: &mut Sink, dataset: &NamedNode, publisher: &str) {
    let node = match NamedNode::new(publisher) {
        Ok(iri) if publisher.contains(':') => iri,
        _ => NamedNode::new_unchecked(vocab::id("dataset/publisher")),
    };
    // DCAT-AP: the publisher is a foaf:Agent with a name (an IRI given alone
    // is its own name, the only one poakg knows)
    sink.add(&node, rdf::TYPE, term(FOAF, "Agent"));
    sink.text(&node, term(FOAF, "name"), publisher);
    sink.add(dataset, term(DCT, "publisher"), node);
}

/// Writes the description of the store being built (times as xsd:dateTime).
pub fn store_description(
    writer: &Writer,
    publication: &Publication,
    started: &str,
) -> Result<(), Error> {
    let store = writer.store();
    let before = remembered(store)?;
    let graph = NamedNode::new_unchecked(DATASET_GRAPH);
    let mut sink = Sink {
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
    };
    let dataset = NamedNode::new_unchecked(vocab::id("dataset"));
    let d = &dataset;
    sink.add(d, rdf::TYPE, term(VOID, "Dataset"));
    sink.add(d, rdf::TYPE, term(DCAT, "Dataset"));
    sink.words(
        d,
        term(DCT, "title"),
        "Plans of Action of ASEAN and its partners: a knowledge graph",
    );
    sink.words(d, term(DCT, "description"), "The clauses, pillars and sections of intergovernmental Plans of Action and the programmes that carry them out, the ASEAN bodies, mechanisms, instruments and partner agencies each clause names, what each clause commits to (level, means, goals, AOIP areas, with evidence), and how plans change from period to period; built by poakg from the source documents listed.");
    let name = publication
        .publisher
        .clone()
        .or(before.publisher)
        .unwrap_or_else(|| "poakg".to_owned());
    publisher(&mut sink, d, &name);
    let license = publication
        .license
        .clone()
        .or(before.license)
        .unwrap_or_else(|| DEFAULT_LICENSE.to_owned());
    let license = NamedNode::new(license.clone()).map_err(|_| Error::BadLicense(license))?;
    sink.add(d, term(DCT, "license"), license);
    sink.words(d, term(DCT, "rights"), "The plans are public documents of ASEAN and its partners; the graph derived from them is published under the licence given (CC BY 4.0 unless the publisher set another).");
    let ended = now();
    sink.time(d, term(DCT, "modified"), &ended);
    sink.add(
        d,
        term(VOID, "uriSpace"),
        Literal::new_simple_literal(store.base().data_namespace()),
    );
    sink.add(
        d,
        term(VOID, "vocabulary"),
        NamedNode::new_unchecked(vocab::POA),
    );
    let landing = NamedNode::new_unchecked(vocab::id(""));
    sink.add(&landing, rdf::TYPE, term(FOAF, "Document"));
    sink.add(d, term(DCAT, "landingPage"), landing);
    sources(store, &mut sink, d, started, &ended)?;
    service(&mut sink, d, store.base());
    let census = current_census(store)?;
    counts(&census, &mut sink, d);
    subsets(store, &mut sink, d)?;
    linksets(&census, &mut sink, d);
    digests(&census, &mut sink, d, store.base());
    store.replace_graphs(&[(&graph, &sink.quads)], false)?;
    Ok(())
}

/// The source documents (each a `dcterms:source`, with its digest in its
/// own graph) and the build as a PROV activity that used them.
fn sources(
    store: &KgStore,
    sink: &mut Sink,
    d: &NamedNode,
    started: &str,
    ended: &str,
) -> Result<(), Error> {
    let activity = NamedNode::new_unchecked(vocab::id("dataset/build"));
    let software = NamedNode::new_unchecked(vocab::id("dataset/software"));
    sink.add(d, term(PROV, "wasGeneratedBy"), activity.clone());
    sink.add(&activity, rdf::TYPE, term(PROV, "Activity"));
    sink.time(&activity, term(PROV, "startedAtTime"), started);
    sink.time(&activity, term(PROV, "endedAtTime"), ended);
    sink.add(&activity, term(PROV, "wasAssociatedWith"), software.clone());
    sink.add(&software, rdf::TYPE, term(PROV, "SoftwareAgent"));
    sink.text(
        &software,
        ext::RDFS_LABEL.into_owned(),
        &format!("poakg {}", env!("CARGO_PKG_VERSION")),
    );
    for row in sparql::select(
        store,
        "sources",
        "SELECT ?s ?name WHERE { ?s a poa:SourceDocument OPTIONAL { ?s dcterms:identifier ?name } }",
    )? {
        if let Some(s) = row_text(&row, "s").and_then(|s| NamedNode::new(s).ok()) {
            sink.add(d, term(DCT, "source"), s.clone());
            sink.add(&activity, term(PROV, "used"), s.clone());
            // DCAT-AP: a dataset's dcterms:source is a dcat:Dataset, with a
            // title and a description
            let name = row_text(&row, "name").unwrap_or_else(|| s.as_str().to_owned());
            sink.add(&s, rdf::TYPE, term(DCAT, "Dataset"));
            sink.text(&s, term(DCT, "title"), &name);
            sink.words(&s, term(DCT, "description"), &format!("The source document {name}, as poakg read it (its digest and text in its own graph)."));
        }
    }
    Ok(())
}

/// `poakg serve` as the SPARQL endpoint and DCAT data service, and one
/// distribution (and VoID data dump) per export format.
fn service(sink: &mut Sink, d: &NamedNode, base: &crate::base::Base) {
    let endpoint = NamedNode::new_unchecked(format!("{}sparql", base.as_str()));
    sink.add(d, term(VOID, "sparqlEndpoint"), endpoint.clone());
    let service = NamedNode::new_unchecked(vocab::id("dataset/service"));
    sink.add(&service, rdf::TYPE, term(DCAT, "DataService"));
    sink.words(
        &service,
        term(DCT, "title"),
        "poakg serve: SPARQL 1.1 endpoint",
    );
    // the types DCAT-AP's shapes ask of these values (sh:class), stated
    sink.add(&endpoint, rdf::TYPE, ext::RDFS_RESOURCE.into_owned());
    sink.add(&service, term(DCAT, "endpointURL"), endpoint);
    sink.add(&service, term(DCAT, "servesDataset"), d.clone());
    let protocol = NamedNode::new_unchecked("https://www.w3.org/TR/sparql11-protocol/");
    sink.add(&protocol, rdf::TYPE, term(DCT, "Standard"));
    sink.add(&service, term(DCT, "conformsTo"), protocol);
    for (format, media) in DISTRIBUTIONS {
        let dist = NamedNode::new_unchecked(vocab::id(&format!("dataset/distribution/{format}")));
        sink.add(d, term(DCAT, "distribution"), dist.clone());
        sink.add(&dist, rdf::TYPE, term(DCAT, "Distribution"));
        sink.words(
            &dist,
            term(DCT, "title"),
            &format!("poakg export --format {format}"),
        );
        let media = NamedNode::new_unchecked(format!(
            "https://www.iana.org/assignments/media-types/{media}"
        ));
        sink.add(&media, rdf::TYPE, term(DCT, "MediaType"));
        sink.add(&dist, term(DCAT, "mediaType"), media);
        let url = NamedNode::new_unchecked(vocab::id(&format!("dataset/dump.{format}")));
        sink.add(&url, rdf::TYPE, ext::RDFS_RESOURCE.into_owned());
        sink.add(&dist, term(DCAT, "accessURL"), url.clone());
        sink.add(d, term(VOID, "dataDump"), url);
    }
}

/// The census of every graph but the description's: brought up to date
/// from the graphs this build wrote when the store held a description with
/// per-graph digests before (a build that adds to a store), else counted
/// anew in one pass.
fn current_census(store: &KgStore) -> Result<Census, Error> {
    let left_out = store.base().iri(DATASET_GRAPH).into_owned();
    if let Some(changes) = store.take_changes() {
        if let Some(previous) = super::census_read::previous(store, &left_out)? {
            return super::census::updated(store, &left_out, previous, &changes);
        }
    }
    super::census::census(store, &left_out)
}

/// Each graph as an `sd:NamedGraph` with the SHA-256 of its own RDFC-1.0
/// canonical N-Quads, and the dataset's `poa:canonicalSha256`: the SHA-256
/// of the lines `<graph> digest` (one per graph, sorted by code point), so
/// that a build that adds a plan digests that plan, not the store.
fn digests(census: &Census, sink: &mut Sink, d: &NamedNode, base: &crate::base::Base) {
    let mut manifest = String::new();
    for (graph, digest) in &census.digests {
        let name = graph
            .strip_prefix(base.data_namespace())
            .map_or_else(|| partition_name(graph), partition_name);
        let node = NamedNode::new_unchecked(vocab::id(&format!("dataset/graph/{name}")));
        sink.add(&node, rdf::TYPE, term(SD, "NamedGraph"));
        sink.add(&node, term(SD, "name"), NamedNode::new_unchecked(graph));
        sink.text(&node, poa::CANONICAL_SHA256, digest);
        sink.add(d, poa::GRAPH_DIGEST.into_owned(), node);
        manifest.push_str(&format!("<{graph}> {digest}\n"));
    }
    let hash = crate::export::sha256_hex(std::iter::once(manifest.as_bytes()));
    sink.text(d, poa::CANONICAL_SHA256, &hash);
}

/// Triples, entities, and the class and property partitions, of every
/// graph but the description's.
fn counts(census: &Census, sink: &mut Sink, d: &NamedNode) {
    sink.count(d, term(VOID, "triples"), census.triples);
    sink.count(d, term(VOID, "entities"), census.entities);
    for (class, n) in &census.classes {
        let part = NamedNode::new_unchecked(vocab::id(&format!(
            "dataset/class/{}",
            partition_name(class)
        )));
        sink.add(d, term(VOID, "classPartition"), part.clone());
        sink.add(&part, term(VOID, "class"), NamedNode::new_unchecked(class));
        sink.count(&part, term(VOID, "entities"), *n);
    }
    for (property, n) in &census.properties {
        let part = NamedNode::new_unchecked(vocab::id(&format!(
            "dataset/property/{}",
            partition_name(property)
        )));
        sink.add(d, term(VOID, "propertyPartition"), part.clone());
        sink.add(
            &part,
            term(VOID, "property"),
            NamedNode::new_unchecked(property),
        );
        sink.count(&part, term(VOID, "triples"), *n);
    }
}

/// The links out to Wikidata, one `void:Linkset` per link property
/// (`skos:exactMatch` for entities and member states, `owl:sameAs` for the
/// partners), each with its count; none when there is no such link.
fn linksets(census: &Census, sink: &mut Sink, d: &NamedNode) {
    let wikidata_ns = crate::entities::rdf::WIKIDATA_ENTITY;
    let found = &census.links;
    if found.is_empty() {
        return;
    }
    let wikidata = NamedNode::new_unchecked("https://www.wikidata.org/");
    sink.add(&wikidata, rdf::TYPE, term(VOID, "Dataset"));
    sink.words(&wikidata, term(DCT, "title"), "Wikidata");
    sink.text(&wikidata, term(VOID, "uriSpace"), wikidata_ns);
    for (property, n) in found {
        let set = NamedNode::new_unchecked(vocab::id(&format!(
            "dataset/linkset/wikidata-{}",
            partition_name(property)
        )));
        sink.add(&set, rdf::TYPE, term(VOID, "Linkset"));
        sink.add(&set, term(VOID, "subjectsTarget"), d.clone());
        sink.add(&set, term(VOID, "objectsTarget"), wikidata.clone());
        sink.add(
            &set,
            term(VOID, "linkPredicate"),
            NamedNode::new_unchecked(property),
        );
        sink.count(&set, term(VOID, "triples"), *n);
    }
}

/// A partition's name from its class or property, the same in every build:
/// the prefixed name (`poa-Clause`), else the IRI's letters and digits.
fn partition_name(iri: &str) -> String {
    vocab::compact(iri)
        .unwrap_or_else(|| iri.to_owned())
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The clauses of each plan, by plan IRI: one query (the listing's
/// `plan_counts` also counts pillars, sections and mentions, which took
/// most of the description's time).
fn clause_counts(store: &KgStore) -> Result<std::collections::HashMap<String, usize>, Error> {
    Ok(sparql::select(
        store,
        "clause counts",
        "SELECT ?plan (COUNT(?c) AS ?n) WHERE { ?c a poa:Clause ; dcterms:isPartOf ?plan } GROUP BY ?plan",
    )?
    .iter()
    .filter_map(|r| Some((row_text(r, "plan")?, row_text(r, "n")?.parse().ok()?)))
    .collect())
}

/// One subset per plan: its partner, period, kind and clause count.
fn subsets(store: &KgStore, sink: &mut Sink, d: &NamedNode) -> Result<(), Error> {
    let counts = clause_counts(store)?;
    for plan in plans(store)? {
        let subset = NamedNode::new_unchecked(vocab::id(&format!("dataset/plan/{}", plan.slug)));
        let s = &subset;
        sink.add(d, term(VOID, "subset"), s.clone());
        sink.add(s, rdf::TYPE, term(VOID, "Dataset"));
        sink.words(s, term(DCT, "title"), &plan.title);
        sink.add(
            s,
            term(VOID, "exampleResource"),
            NamedNode::new_unchecked(&plan.iri),
        );
        sink.add(
            d,
            term(VOID, "exampleResource"),
            NamedNode::new_unchecked(&plan.iri),
        );
        if let Some(code) = &plan.partner_code {
            sink.add(
                s,
                poa::PARTNER.into_owned(),
                crate::entities::rdf::partner_iri(code),
            );
        }
        if let Some(period) = plan.period {
            sink.add(
                s,
                poa::START_YEAR.into_owned(),
                Literal::new_typed_literal(period.first.to_string(), xsd::G_YEAR),
            );
            sink.add(
                s,
                poa::END_YEAR.into_owned(),
                Literal::new_typed_literal(period.last.to_string(), xsd::G_YEAR),
            );
        }
        sink.add(
            s,
            ext::DCT_TYPE.into_owned(),
            crate::corpus::KindConcept::of(&plan.kind).iri,
        );
        sink.count(
            s,
            poa::CLAUSE_COUNT.into_owned(),
            counts.get(&plan.iri).copied().unwrap_or(0),
        );
    }
    Ok(())
}
