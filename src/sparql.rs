//! Running SPARQL queries on the store and writing their results.
//!
//! The default graph of every query is the union of all named graphs, so users
//! need no GRAPH clause; a query with its own FROM / FROM NAMED keeps them. The
//! usual prefixes (poa:, skos:, dcterms:, ...) are predeclared.

use crate::output::choice::Choice;
use crate::store::KgStore;
use crate::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    QueryEvaluationError, QueryResults, SparqlEvaluator, UpdateEvaluationError,
};
use std::io::Write;

/// Output formats of `poakg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned columns for a terminal (SELECT, ASK).
    Table,
    /// W3C SPARQL 1.1 CSV results (SELECT, ASK).
    Csv,
    /// W3C SPARQL 1.1 TSV results (SELECT, ASK).
    Tsv,
    /// W3C SPARQL 1.1 JSON results (SELECT, ASK).
    Json,
    /// W3C SPARQL XML results (SELECT, ASK).
    Xml,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Ntriples,
    /// JSON-LD (CONSTRUCT, DESCRIBE).
    Jsonld,
    /// RDF/XML (CONSTRUCT, DESCRIBE).
    Rdfxml,
}

impl crate::output::choice::Choice for ResultFormat {
    const CHOICES: &'static [(&'static str, &'static str, Self)] = &[
        (
            "table",
            "Aligned columns for a terminal (SELECT, ASK)",
            ResultFormat::Table,
        ),
        (
            "csv",
            "W3C SPARQL 1.1 CSV results (SELECT, ASK)",
            ResultFormat::Csv,
        ),
        (
            "tsv",
            "W3C SPARQL 1.1 TSV results (SELECT, ASK)",
            ResultFormat::Tsv,
        ),
        (
            "json",
            "W3C SPARQL 1.1 JSON results (SELECT, ASK)",
            ResultFormat::Json,
        ),
        (
            "xml",
            "W3C SPARQL XML results (SELECT, ASK)",
            ResultFormat::Xml,
        ),
        (
            "turtle",
            "Turtle (CONSTRUCT, DESCRIBE)",
            ResultFormat::Turtle,
        ),
        (
            "ntriples",
            "N-Triples (CONSTRUCT, DESCRIBE)",
            ResultFormat::Ntriples,
        ),
        (
            "jsonld",
            "JSON-LD (CONSTRUCT, DESCRIBE)",
            ResultFormat::Jsonld,
        ),
        (
            "rdfxml",
            "RDF/XML (CONSTRUCT, DESCRIBE)",
            ResultFormat::Rdfxml,
        ),
    ];
}

/// A query and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct QueryText {
    /// The SPARQL text, which may use poakg's predeclared prefixes.
    pub text: String,
    /// File path, shipped query name, or `--query`.
    pub origin: String,
}

/// Why a query could not be run or its results written.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query does not parse.
    #[error("{origin}: SPARQL syntax {message}")]
    Syntax {
        /// Where the query came from ([`QueryText::origin`]).
        origin: String,
        /// The parser's message, on one line.
        message: String,
    },
    /// The query parsed but failed while running or reading its solutions
    /// (a refused SERVICE call, a storage error).
    #[error("{origin}: query failed: {message}")]
    Evaluation {
        /// Where the query came from ([`QueryText::origin`]).
        origin: String,
        /// The evaluator's message.
        message: String,
    },
    /// The format asked for does not suit the kind of result the query
    /// gives (e.g. `turtle` for a SELECT); found only after the query ran.
    #[error("{origin}: the format {format} does not apply to {kind} results; use {allowed}")]
    Format {
        /// Where the query came from ([`QueryText::origin`]).
        origin: String,
        /// The name of the format asked for (`csv`, `turtle`, ...).
        format: String,
        /// The kind of result: `SELECT`, `ASK` or `CONSTRUCT/DESCRIBE`.
        kind: &'static str,
        /// The format names that do suit it, for the message.
        allowed: &'static str,
    },
    /// A remote endpoint could not be reached or refused the query.
    #[error("{endpoint}: {message}")]
    Remote {
        /// The endpoint's URL.
        endpoint: String,
        /// What went wrong.
        message: String,
    },
    /// The query was cancelled (its time ran out) before it finished.
    #[error("{origin}: the query was cancelled before it finished")]
    Cancelled {
        /// Where the query came from ([`QueryText::origin`]).
        origin: String,
    },
    /// A name typed by the user (a clause notation, say) holds a line break
    /// or another control character, so it is not put into a query.
    #[error("a name to look up: {0}")]
    BadName(#[from] crate::output::escape::ControlCharacter),
    /// A value to put into a query as an IRI is not one; carries it.
    #[error("not an IRI: {0:?}")]
    BadIri(String),
    /// Writing the results failed (a closed pipe included).
    #[error("writing results: {0}")]
    Io(#[from] std::io::Error),
}

impl QueryError {
    /// An evaluation error of the query from `origin`; a cancellation stays
    /// [`QueryError::Cancelled`].
    pub fn evaluation(origin: &str, error: QueryEvaluationError) -> QueryError {
        match error {
            QueryEvaluationError::Cancelled => QueryError::Cancelled {
                origin: origin.to_owned(),
            },
            e => QueryError::Evaluation {
                origin: origin.to_owned(),
                message: e.to_string(),
            },
        }
    }

    /// An error of the update from `origin`; a cancellation (which Oxigraph
    /// carries inside its update error) stays [`QueryError::Cancelled`].
    pub fn update(origin: &str, error: UpdateEvaluationError) -> QueryError {
        let cancelled = match &error {
            UpdateEvaluationError::Unexpected(inner) => matches!(
                inner.downcast_ref::<QueryEvaluationError>(),
                Some(QueryEvaluationError::Cancelled)
            ),
            _ => false,
        };
        if cancelled {
            return QueryError::Cancelled {
                origin: origin.to_owned(),
            };
        }
        QueryError::Evaluation {
            origin: origin.to_owned(),
            message: error.to_string(),
        }
    }

    /// True when the user's query or flags are at fault (exit code 1).
    pub fn is_user_error(&self) -> bool {
        !matches!(self, QueryError::Io(_))
    }
}

/// Answers every SERVICE call with an error: a query, whoever sends it to
/// the endpoint, never makes poakg fetch from the network.
struct NoRemoteService;

impl oxigraph::sparql::DefaultServiceHandler for NoRemoteService {
    type Error = std::io::Error;

    fn handle(
        &self,
        service_name: &oxigraph::model::NamedNode,
        _pattern: &spargebra::algebra::GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<oxigraph::sparql::QuerySolutionIter<'static>, Self::Error> {
        Err(std::io::Error::other(format!(
            "SERVICE {service_name}: poakg does not call remote endpoints"
        )))
    }
}

/// An evaluator with poakg's prefixes predeclared and no remote SERVICE calls.
#[expect(
    clippy::expect_used,
    reason = "the namespaces are the vocabulary's constants, read by every test query"
)]
pub fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new().with_default_service_handler(NoRemoteService);
    for (prefix, ns) in vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *ns)
            .expect("valid namespace IRI");
    }
    evaluator
}

/// Parses `query` only, to report syntax errors early.
pub fn check(query: &QueryText) -> Result<(), QueryError> {
    evaluator()
        .parse_query(&query.text)
        .map(|_| ())
        .map_err(|e| QueryError::Syntax {
            origin: query.origin.clone(),
            message: e.to_string().replace('\n', " "),
        })
}

/// Parses and evaluates `query` with the union of all graphs as default graph.
pub fn evaluate(store: &KgStore, query: &QueryText) -> Result<QueryResults<'static>, QueryError> {
    let mut prepared = evaluator()
        .parse_query(&query.text)
        .map_err(|e| QueryError::Syntax {
            origin: query.origin.clone(),
            message: e.to_string().replace('\n', " "),
        })?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    store
        .execute(prepared)
        .map_err(|e| QueryError::evaluation(&query.origin, e))
}

/// `iri` as a typed term for a query: Oxigraph validates it and writes it
/// as `<...>`, so no text of a caller's is ever spliced into a query.
pub fn iri(iri: &str) -> Result<oxigraph::model::NamedNode, QueryError> {
    oxigraph::model::NamedNode::new(iri).map_err(|_| QueryError::BadIri(iri.to_owned()))
}

/// One solution as variable name -> term.
pub type Row = std::collections::BTreeMap<String, Term>;

/// Evaluates a SELECT written by poakg itself and collects its solutions.
pub fn select(
    store: &KgStore,
    origin: &str,
    text: impl Into<String>,
) -> Result<Vec<Row>, QueryError> {
    let query = QueryText {
        text: text.into(),
        origin: origin.to_owned(),
    };
    let mut rows = Vec::new();
    if let QueryResults::Solutions(solutions) = evaluate(store, &query)? {
        for row in solutions {
            let row = row.map_err(|e| QueryError::evaluation(origin, e))?;
            rows.push(
                row.iter()
                    .map(|(v, t)| (v.as_str().to_owned(), t.clone()))
                    .collect(),
            );
        }
    }
    Ok(rows)
}

/// A bound variable's value read as a number (or anything else parsed from
/// its text); none when unbound or not of that form.
pub fn row_number<T: std::str::FromStr>(row: &Row, var: &str) -> Option<T> {
    row_text(row, var)?.parse().ok()
}

/// A bound variable as plain text: an IRI's string, a literal's value.
pub fn row_text(row: &Row, var: &str) -> Option<String> {
    row.get(var).map(|t| match t {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    })
}

/// How [`run`] writes a query's results.
#[derive(Debug, Clone, Copy)]
pub struct ResultOptions {
    /// The format asked for; None for the kind's default.
    pub format: Option<ResultFormat>,
    /// The default for SELECT and ASK results (a caller writing to a
    /// terminal picks tables, one writing to a file or a pipe CSV).
    pub tabular_default: ResultFormat,
    /// What tables are laid out in.
    pub width: usize,
}

/// Runs `query` and writes its results as `options` say.
pub fn run(
    store: &KgStore,
    query: &QueryText,
    options: &ResultOptions,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    write_results(query, evaluate(store, query)?, options, out)
}

/// Writes results (of a local or a remote query) in the options' format.
pub fn write_results(
    query: &QueryText,
    results: QueryResults<'static>,
    options: &ResultOptions,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    match results {
        QueryResults::Solutions(solutions) => write_solutions(query, solutions, options, out),
        QueryResults::Boolean(value) => {
            match options.format.unwrap_or(options.tabular_default) {
                ResultFormat::Table => writeln!(out, "{value}")?,
                f => {
                    let format = tabular(f).ok_or_else(|| {
                        bad_format(query, options, "ASK", "table, csv, tsv, json or xml")
                    })?;
                    QueryResultsSerializer::from_format(format)
                        .serialize_boolean_to_writer(&mut *out, value)?;
                }
            }
            Ok(())
        }
        QueryResults::Graph(triples) => write_graph(query, triples, options, out),
    }
}

/// The error of a format that does not suit the kind of result.
fn bad_format(
    query: &QueryText,
    options: &ResultOptions,
    kind: &'static str,
    allowed: &'static str,
) -> QueryError {
    QueryError::Format {
        origin: query.origin.clone(),
        format: options
            .format
            .map(Choice::name)
            .unwrap_or_default()
            .to_owned(),
        kind,
        allowed,
    }
}

/// SELECT results as a table or W3C results.
fn write_solutions(
    query: &QueryText,
    solutions: oxigraph::sparql::QuerySolutionIter<'static>,
    options: &ResultOptions,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let variables = solutions.variables().to_vec();
    let rows = solutions
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| QueryError::evaluation(&query.origin, e))?;
    match options.format.unwrap_or(options.tabular_default) {
        ResultFormat::Table => {
            let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    variables
                        .iter()
                        .map(|v| row.get(v).map(display_term).unwrap_or_default())
                        .collect()
                })
                .collect();
            crate::output::write_table(out, &header, &cells, options.width)?;
            let s = if rows.len() == 1 { "" } else { "s" };
            writeln!(out, "({} row{s})", rows.len())?;
        }
        f => {
            let format = tabular(f).ok_or_else(|| {
                bad_format(query, options, "SELECT", "table, csv, tsv, json or xml")
            })?;
            let mut serializer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut *out, variables)?;
            for row in &rows {
                serializer.serialize(row)?;
            }
            serializer.finish()?;
        }
    }
    Ok(())
}

/// CONSTRUCT and DESCRIBE results, sorted and without duplicates.
fn write_graph(
    query: &QueryText,
    triples: oxigraph::sparql::QueryTripleIter<'static>,
    options: &ResultOptions,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let mut triples = triples
        .collect::<Result<Vec<Triple>, _>>()
        .map_err(|e| QueryError::evaluation(&query.origin, e))?;
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    let format = match options.format.unwrap_or(ResultFormat::Turtle) {
        ResultFormat::Turtle => RdfFormat::Turtle,
        ResultFormat::Ntriples => RdfFormat::NTriples,
        ResultFormat::Jsonld => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        ResultFormat::Rdfxml => RdfFormat::RdfXml,
        _ => {
            return Err(bad_format(
                query,
                options,
                "CONSTRUCT/DESCRIBE",
                "turtle, ntriples, jsonld or rdfxml",
            ))
        }
    };
    write_triples(out, format, &triples)?;
    Ok(())
}

/// Serialises triples with poakg's prefixes where the format has prefixes.
pub fn write_triples(
    out: &mut dyn Write,
    format: RdfFormat,
    triples: &[Triple],
) -> std::io::Result<()> {
    let mut writer = vocab::serializer(format)?.for_writer(out);
    for t in triples {
        writer.serialize_triple(t)?;
    }
    writer.finish()?;
    Ok(())
}

fn tabular(format: ResultFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}

/// A term as a person reads it: prefixed IRIs, bare literal values. A
/// language tag is shown only where it is not the default language, so a
/// table of English labels reads as words, and a French title says so.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => vocab::display_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) if lang != vocab::DEFAULT_LANGUAGE => format!("{}@{lang}", l.value()),
            _ => l.value().to_owned(),
        },
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}
