//! Ingesters: source documents in, RDF quads out, and the one place that writes
//! document graphs into the store.
//!
//! `plan` and `programme` parse the two kinds of document into plain Rust
//! structures; `triples` turns those into quads under the poakg vocabulary;
//! `load` streams documents into the store ([`build`], [`build_from`]).

mod decode;
mod document;
mod error;
pub mod formats;
mod found;
mod load;
pub mod plan;
pub mod programme;
mod source;
mod triples;

pub use decode::Encoding;
pub use error::IngestError;
pub use load::{build, build_from, Built, Input, Loaded, Refused};
pub use source::{read_sidecar, slug, DocumentKind, Format, Source};

use crate::seeds;
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};

pub use triples::{
    block_iri, clause_iri, partner_quads, plan_quads, preamble_iri, programme_quads,
};

use crate::corpus::PlanMeta;
use crate::entities::{Extraction, Extractor};

/// A document turned into quads, with what the build report says of it.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The file name, as recorded in provenance.
    pub source_name: String,
    /// The document's name in IRIs (a plan's identity: partner, kind, period).
    pub slug: String,
    /// What a plan is (partner, kind, period, predecessor).
    pub meta: Option<PlanMeta>,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// The named graph its quads go in (from the slug).
    pub graph: NamedNode,
    /// The document's own quads, all in `graph`: its structure, text,
    /// provenance and entity mentions.
    pub quads: Vec<Quad>,
    /// Doubts for the build report: lines not placed, numbering gaps, what
    /// the metadata could not read (plans only).
    pub warnings: Vec<String>,
    /// How many repairs of conversion damage the cleaned text needed (plans only).
    pub repairs: usize,
    /// The encoding the file's text was read in.
    pub encoding: Encoding,
    /// The clause a cut text ends inside (left out): the plan is
    /// incomplete. None for a whole text.
    pub cut: Option<String>,
    /// Numbered clauses (plans) or activities (programme pages).
    pub clauses: usize,
    /// Entities and mentions found in the document's passages.
    pub entities: Extraction,
    /// The descriptions of the entities named (types, labels, relations), in
    /// the shared entities graph.
    pub entity_quads: Vec<Quad>,
}

/// Parses a plan source (text, PDF or web page) into its structure.
pub fn parse_plan(source: &Source) -> Result<plan::Plan, IngestError> {
    let options = plan::ParseOptions {
        standalone: source.standalone.clone(),
        no_line_geometry: matches!(source.format, Format::Html | Format::Markdown),
    };
    plan::parse_with(&source.text, &options).map_err(|e| match e {
        plan::PlanError::NoStructure => IngestError::NotAPlan {
            name: source.name.clone(),
            found: found::what_is_there(&source.text),
        },
        e => IngestError::Plan {
            name: source.name.clone(),
            source: e,
        },
    })
}

/// Parses one source and produces its quads (no store involved).
pub fn ingest(source: &Source, extractor: &Extractor) -> Result<Ingested, IngestError> {
    let document::Parsed {
        slug,
        graph,
        meta,
        mut quads,
        partner_quads,
        warnings,
        repairs,
        cut,
        clauses,
        entities,
    } = match source.kind {
        DocumentKind::Plan => document::plan(source, extractor)?,
        DocumentKind::Programme => document::programme(source, extractor)?,
        DocumentKind::Rdf(format) => document::rdf(source, format)?,
    };
    quads.dedup();
    let entity_quads = document::shared_entity_quads(&entities, partner_quads);
    Ok(Ingested {
        entity_quads,
        slug,
        meta,
        source_name: source.name.clone(),
        kind: source.kind,
        graph,
        quads,
        warnings,
        repairs,
        encoding: source.encoding,
        cut,
        clauses,
        entities,
    })
}

/// The ontology's quads, the label schemes' and ASEAN's members', in the
/// ontology's named graph.
pub fn ontology_quads() -> Result<Vec<Quad>, IngestError> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH));
    [seeds::ONTOLOGY, seeds::SCHEMES, seeds::MEMBERS]
        .iter()
        .flat_map(|text| RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()))
        .map(|r| {
            r.map(|q| Quad::new(q.subject, q.predicate, q.object, graph.clone()))
                .map_err(|e| IngestError::Ontology(e.to_string()))
        })
        .collect()
}

/// The bundled seed documents.
#[expect(
    clippy::expect_used,
    reason = "the seeds are the program's data, compiled in as UTF-8 text"
)]
pub fn bundled_sources() -> Vec<Source> {
    seeds::SEEDS
        .iter()
        .map(|(name, text)| {
            Source::from_bytes(name, text.as_bytes().to_vec())
                .expect("bundled seeds are UTF-8 text")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_iri_safe() {
        assert_eq!(
            slug("seeds/ASEAN US POA (2021-2025).txt"),
            "asean-us-poa-2021-2025"
        );
        assert_eq!(slug("???.txt"), "document");
    }

    #[test]
    fn binary_and_non_utf8_input_is_refused() {
        assert!(matches!(
            Source::from_bytes("x.bin", b"ab\0\x01".to_vec()),
            Err(IngestError::Binary { offset: 2, .. })
        ));
        // a damaged PDF is refused as a PDF, not read as text
        assert!(matches!(
            Source::from_bytes("x.pdf", b"%PDF-1.7\0\x01 broken".to_vec()),
            Err(IngestError::Pdf { .. })
        ));
        assert!(matches!(
            Source::from_bytes("x.txt", b"ok\nok\n\x81\x02".to_vec()),
            Err(IngestError::NotUtf8 { line: 3, .. })
        ));
    }

    #[test]
    fn kind_is_guessed_from_content_and_name() -> Result<(), IngestError> {
        assert_eq!(
            Source::from_bytes("a.txt", b"---\ntitle: x\n---\n".to_vec())?.kind,
            DocumentKind::Programme
        );
        assert_eq!(
            Source::from_bytes("a.md", b"---\ntitle: x\n---\n# x".to_vec())?.kind,
            DocumentKind::Programme
        );
        // Markdown without front matter: a web page of a plan
        let page = Source::from_bytes("a.md", b"# Plan\n\n## 1. Pillar\n\n1. Do it;\n".to_vec())?;
        assert_eq!(
            (page.kind, page.format),
            (DocumentKind::Plan, Format::Markdown)
        );
        assert_eq!(
            Source::from_bytes("a.html", b"<h1>Plan</h1>".to_vec())?.format,
            Format::Html
        );
        assert_eq!(
            Source::from_bytes("a.txt", b"Plan".to_vec())?.kind,
            DocumentKind::Plan
        );
        Ok(())
    }

    #[test]
    fn a_plan_opening_with_a_rule_is_no_programme() -> Result<(), IngestError> {
        let page = Source::from_bytes("a.md", b"----\n# Plan\n\n1. Do it;\n".to_vec())?;
        assert_eq!(page.kind, DocumentKind::Plan);
        Ok(())
    }

    #[test]
    fn a_triple_stated_twice_in_rdf_counts_once() -> Result<(), Box<dyn std::error::Error>> {
        let turtle = "<http://e.org/a> <http://e.org/p> <http://e.org/b> .\n\
                      <http://e.org/a> <http://e.org/q> <http://e.org/c> .\n\
                      <http://e.org/a> <http://e.org/p> <http://e.org/b> .\n";
        let source = Source::from_bytes("twice.ttl", turtle.as_bytes().to_vec())?;
        let ingested = ingest(&source, &crate::entities::Extractor::bundled()?)?;
        let stated: Vec<_> = ingested
            .quads
            .iter()
            .filter(|q| q.subject.to_string() == "<http://e.org/a>")
            .collect();
        assert_eq!(stated.len(), 2, "{stated:?}");
        Ok(())
    }
}
