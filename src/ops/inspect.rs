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

/// Instances per class in the document graphs, as (prefixed class, count).
pub fn class_counts(store: &KgStore) -> Result<Vec<(String, usize)>, Error> {
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
            (class, n)
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
