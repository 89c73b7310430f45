//! Small questions put to the store and the shipped queries: counts per
//! class, whether a passage exists, which query a name means.

use super::{read_text, Error};
use crate::output::escape;
use crate::queries;
use crate::sparql::{self, QueryText};
use crate::store::KgStore;
use crate::vocab;
use oxigraph::sparql::QueryResults;
use std::path::Path;

/// How many instances a class has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClassCount {
    /// The class, prefixed (`poa:Clause`).
    pub class: String,
    /// Its instances in the document graphs.
    pub count: usize,
}

/// Instances per class in the document graphs, by class.
pub fn class_counts(store: &KgStore) -> Result<Vec<ClassCount>, Error> {
    let rows = sparql::select(
        store,
        "class counts",
        format!(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?class }} FILTER(?g != <{}>) }} GROUP BY ?class ORDER BY ?class",
            vocab::ONTOLOGY_GRAPH
        ),
    )?;
    Ok(rows
        .iter()
        .map(|row| {
            let class = row
                .get("class")
                .map(sparql::display_term)
                .unwrap_or_default();
            let n = sparql::row_text(row, "n")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            ClassCount { class, count: n }
        })
        .collect())
}

/// Whether any passage has this notation.
pub fn passage_exists(store: &KgStore, notation: &str) -> Result<bool, Error> {
    let literal = escape::sparql_string(notation).map_err(sparql::QueryError::from)?;
    let query = QueryText {
        text: format!("ASK {{ ?p skos:notation {literal} }}"),
        origin: "passage look-up".into(),
    };
    Ok(matches!(
        sparql::evaluate(store, &query)?,
        QueryResults::Boolean(true)
    ))
}

/// A query given as a file path or as the name of a shipped query.
pub fn load_query(target: &str) -> Result<QueryText, Error> {
    let path = Path::new(target);
    if path.is_file() {
        return Ok(QueryText {
            text: read_text(path)?,
            origin: target.to_owned(),
        });
    }
    queries::find(target)
        .map(|q| QueryText {
            text: q.text.to_owned(),
            origin: format!("queries/{}.rq", q.name),
        })
        .ok_or_else(|| Error::UnknownQuery(target.to_owned()))
}
