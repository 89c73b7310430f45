//! The errors of reading and ingesting a source document: each names the
//! file (and line or byte) at fault.

use super::{formats, plan, programme};
use crate::store::StoreError;
use std::path::PathBuf;

/// Errors of reading and ingesting a source document.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A row of the labeller's cue lexicons cannot be read.
    #[error(transparent)]
    Cues(#[from] crate::enrich::CueError),
    /// A file (a document, or its `.meta` sidecar) could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A PDF gives no text: the reader cannot open it, or it has no text layer.
    #[error("{name}: {source}")]
    Pdf {
        /// The document's file name.
        name: String,
        /// Why the PDF gives no text.
        #[source]
        source: formats::pdf::PdfError,
    },
    /// The document holds a NUL byte: binary data, not text (nor a PDF).
    #[error("{name}: binary data (a NUL byte at byte {offset}); expected a plan (text, PDF or web page), a Markdown programme page or RDF")]
    Binary {
        /// The document's file name.
        name: String,
        /// The byte offset of the first NUL.
        offset: usize,
    },
    /// The document is no text in an encoding poakg reads: not UTF-8, and
    /// control bytes where Windows-1252 would have letters.
    #[error("{name}: not text in UTF-8, UTF-16 or Windows-1252 (an invalid byte at line {line})")]
    NotUtf8 {
        /// The document's file name.
        name: String,
        /// The line of the first byte that is not UTF-8, counting from 1.
        line: usize,
    },
    /// The document is UTF-16 (by its byte-order mark or its zero bytes)
    /// that does not decode.
    #[error("{name}: UTF-16 text that does not decode (at byte {offset})")]
    BadUtf16 {
        /// The document's file name.
        name: String,
        /// The byte offset of the first unit that does not decode.
        offset: usize,
    },
    /// No numbered pillar with numbered clauses was found in any reading
    /// of the text; says what the text holds instead.
    #[error("{name}: no numbered pillar with numbered clauses was found ({found}): this does not look like a plan of action (a plan's clauses carry numbers; the layouts poakg reads are listed in docs/reading-plans.md)")]
    NotAPlan {
        /// The document's file name.
        name: String,
        /// What the text holds ("2 paragraphs of text, no numbered line").
        found: String,
    },
    /// The text is not taken as a plan of action.
    #[error("{name}: {source}")]
    Plan {
        /// The document's file name.
        name: String,
        /// Why the text is not taken as a plan.
        #[source]
        source: plan::PlanError,
    },
    /// A programme page cannot be read.
    #[error("{name}: {source}")]
    Programme {
        /// The document's file name.
        name: String,
        /// What is wrong with the page.
        #[source]
        source: programme::ProgrammeError,
    },
    /// An RDF document does not parse.
    #[error("{name}: {message}")]
    Rdf {
        /// The document's file name.
        name: String,
        /// The RDF parser's message.
        message: String,
    },
    /// The file's name gives a slug that poakg keeps for its own graphs and
    /// IRIs (see [`crate::vocab::RESERVED_SLUGS`]).
    #[error("{name}: its name gives the graph <{graph}>, which poakg keeps for its own data; rename the file")]
    ReservedName {
        /// The document's file name.
        name: String,
        /// The IRI of the reserved graph the name gives.
        graph: String,
    },
    /// Two inputs would be stored in one named graph (two files of one plan,
    /// or two files of one name); merging them would lose the first one's triples.
    #[error("{first} and {second} {what}: both would be stored as <{graph}>; build one of them")]
    SameGraph {
        /// Where the earlier input (in input order) was read from.
        first: String,
        /// Where the later input was read from.
        second: String,
        /// Why they share a graph, as words that follow both names: "are the
        /// same plan (...)" or "have one name".
        what: String,
        /// The IRI of the graph both would be stored as.
        graph: String,
    },
    /// A line of a `.meta` sidecar cannot be read.
    #[error("{name}, line {line}: {message}")]
    Sidecar {
        /// The sidecar's path.
        name: String,
        /// The line at fault, counting from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The bundled ontology does not parse (the Turtle parser's message).
    #[error("ontology: {0}")]
    Ontology(String),
    /// The store cannot be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}
