//! Writing the store out in the standard RDF formats.
//!
//! Triple formats carry the union of all graphs; quad formats carry every graph
//! under its name. Output is sorted (subject, predicate, object) so that two
//! exports of the same graph diff cleanly, and Turtle groups triples by subject.

use crate::sparql::write_triples;
use crate::store::KgStore;
use crate::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, Triple};
use oxigraph::store::StorageError;
use std::io::Write;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle, with prefixes, grouped by subject (triples: union of all graphs).
    Turtle,
    /// N-Triples (triples: union of all graphs).
    Ntriples,
    /// N-Quads (every graph under its name).
    Nquads,
    /// TriG (every graph under its name).
    Trig,
    /// JSON-LD 1.1 compacted against ontology/context.jsonld (triples: union of all graphs).
    Jsonld,
    /// RDF/XML (triples: union of all graphs).
    Rdfxml,
}

impl crate::output::choice::Choice for ExportFormat {
    const CHOICES: &'static [(&'static str, &'static str, Self)] = &[
        (
            "turtle",
            "Turtle, with prefixes, grouped by subject (triples: union of all graphs)",
            ExportFormat::Turtle,
        ),
        (
            "ntriples",
            "N-Triples (triples: union of all graphs)",
            ExportFormat::Ntriples,
        ),
        (
            "nquads",
            "N-Quads (every graph under its name)",
            ExportFormat::Nquads,
        ),
        (
            "trig",
            "TriG (every graph under its name)",
            ExportFormat::Trig,
        ),
        (
            "jsonld",
            "JSON-LD 1.1 compacted against ontology/context.jsonld (triples: union of all graphs)",
            ExportFormat::Jsonld,
        ),
        (
            "rdfxml",
            "RDF/XML (triples: union of all graphs)",
            ExportFormat::Rdfxml,
        ),
    ];
}

impl ExportFormat {
    /// The matching oxigraph format (plain JSON-LD for `Jsonld`; [`export()`]
    /// compacts JSON-LD itself rather than with oxigraph's writer).
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The graph name asked for (carried, without angle brackets) is not a
    /// valid IRI.
    #[error("graph {0}: not an IRI")]
    BadGraph(String),
    /// The graph IRI asked for names no graph in the store.
    #[error("no graph <{graph}> in the store (graphs: {known})")]
    NoSuchGraph {
        /// The graph IRI asked for.
        graph: String,
        /// The store's named graphs, comma-separated, to choose from.
        known: String,
    },
    /// Reading the store failed.
    #[error("store: {0}")]
    Storage(#[from] StorageError),
    /// Compacting the JSON-LD output failed.
    #[error(transparent)]
    JsonLd(#[from] crate::jsonld::JsonLdError),
    /// Writing the output failed (a closed pipe included).
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
}

impl ExportError {
    /// Whether the user can fix it (a bad or unknown `--graph`) rather than a
    /// storage or output failure.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            ExportError::BadGraph(_) | ExportError::NoSuchGraph { .. }
        )
    }
}

/// Writes the store (or one graph of it) to `out`.
pub fn export(
    store: &KgStore,
    format: ExportFormat,
    graph: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let graph = graph
        .map(|g| {
            let g = g.trim_start_matches('<').trim_end_matches('>');
            NamedNode::new(g).map_err(|_| ExportError::BadGraph(g.to_owned()))
        })
        .transpose()?;
    let db = store.inner();
    if let Some(g) = &graph {
        if !db.contains_named_graph(g)? {
            let known: Vec<String> = db
                .named_graphs()
                .filter_map(Result::ok)
                .map(|n| n.to_string())
                .collect();
            return Err(ExportError::NoSuchGraph {
                graph: g.as_str().to_owned(),
                known: known.join(", "),
            });
        }
    }
    let graph_ref = graph
        .as_ref()
        .map(|g| GraphNameRef::NamedNode(NamedNodeRef::from(g)));
    let mut quads: Vec<Quad> = db
        .quads_for_pattern(None, None, None, graph_ref)
        .collect::<Result<_, _>>()?;
    let rdf = format.rdf_format();
    // JSON-LD can carry named graphs, but portals expect one graph: it is a
    // triple format here, like Turtle.
    if matches!(rdf, RdfFormat::NQuads | RdfFormat::TriG) {
        quads.sort_by_cached_key(|q| {
            (
                q.graph_name.to_string(),
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        let mut writer = vocab::serializer(rdf)?.for_writer(out);
        for q in &quads {
            writer.serialize_quad(q)?;
        }
        writer.finish()?;
    } else {
        let mut triples: Vec<Triple> = quads.into_iter().map(Triple::from).collect();
        triples.sort_by_cached_key(|t| {
            (
                t.subject.to_string(),
                t.predicate.to_string(),
                t.object.to_string(),
            )
        });
        triples.dedup();
        if format == ExportFormat::Jsonld {
            crate::jsonld::write_compacted(out, &triples)?;
        } else {
            write_triples(out, rdf, &triples)?;
        }
    }
    Ok(())
}

/// The graph a build describes its dataset in (under the store's base):
/// left out of the canonical export, since it carries the build's times and
/// the export's own hash.
pub const UNHASHED_GRAPH: &str = "https://w3id.org/poakg/id/graph/dataset";

/// Writes the store's data as RDFC-1.0 canonical N-Quads (every graph but
/// [`UNHASHED_GRAPH`]): blank nodes relabelled by the W3C RDF Dataset
/// Canonicalization algorithm (SHA-256, through oxrdf), one quad per line in
/// canonical N-Quads, lines sorted by code point. Returns the SHA-256 of what
/// it wrote, in hex: two builds of the same sources give the same bytes and
/// the same hash.
pub fn canonical_nquads(store: &KgStore, out: &mut dyn Write) -> Result<String, ExportError> {
    let unhashed = store.base().iri(UNHASHED_GRAPH);
    let hashed = |quad: &oxigraph::model::Quad| !matches!(&quad.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_str() == unhashed);
    // Without blank nodes, RDFC-1.0 relabels nothing: the canonical form is
    // each quad's canonical N-Quads line, sorted. poakg's own graphs have
    // none, so the common case skips building an indexed dataset (which
    // took most of the time and memory); a blank node anywhere falls back
    // to the full algorithm.
    let mut lines = Vec::new();
    let mut blank = false;
    for quad in store.inner().iter() {
        let quad = quad?;
        if !hashed(&quad) {
            continue;
        }
        if quad.subject.is_blank_node()
            || quad.object.is_blank_node()
            || quad.graph_name.is_blank_node()
        {
            blank = true;
            break;
        }
        // oxrdf writes terms as canonical N-Quads does: ECHAR for \b \t \n
        // \f \r " \, UCHAR (upper-case hex) for other control characters,
        // no datatype on a simple literal
        lines.push(format!("{quad} .\n"));
    }
    if blank {
        lines = canonical_lines(store, &hashed)?;
    }
    lines.sort_unstable();
    for line in &lines {
        out.write_all(line.as_bytes())?;
    }
    Ok(sha256_hex(lines.iter().map(String::as_bytes)))
}

/// The canonical N-Quads lines (unsorted) of the quads `hashed` keeps, blank
/// nodes relabelled by RDFC-1.0 (SHA-256, through oxrdf).
fn canonical_lines(
    store: &KgStore,
    hashed: &dyn Fn(&oxigraph::model::Quad) -> bool,
) -> Result<Vec<String>, ExportError> {
    let quads = store
        .inner()
        .iter()
        .filter(|q| q.as_ref().map_or(true, hashed))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rdfc_lines(quads))
}

/// The canonical N-Quads lines (unsorted) of `quads` by RDFC-1.0.
fn rdfc_lines(quads: Vec<oxigraph::model::Quad>) -> Vec<String> {
    use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
    let mut dataset = oxrdf::Dataset::new();
    for quad in &quads {
        dataset.insert(quad);
    }
    dataset.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
    });
    dataset.iter().map(|q| format!("{q} .\n")).collect()
}

/// The SHA-256, in hex, of the RDFC-1.0 canonical N-Quads of `quads` taken
/// as a dataset of their own (one graph's, for the description's per-graph
/// digests): each quad's line, sorted, when none has a blank node; else
/// relabelled by the full algorithm first.
pub fn canonical_digest(quads: Vec<oxigraph::model::Quad>) -> String {
    let blank = quads.iter().any(|q| {
        q.subject.is_blank_node() || q.object.is_blank_node() || q.graph_name.is_blank_node()
    });
    let mut lines = if blank {
        rdfc_lines(quads)
    } else {
        quads.iter().map(|q| format!("{q} .\n")).collect()
    };
    lines.sort_unstable();
    sha256_hex(lines.iter().map(String::as_bytes))
}

/// The SHA-256, in hex, of the given bytes one after another.
pub fn sha256_hex<'a>(parts: impl Iterator<Item = &'a [u8]>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
