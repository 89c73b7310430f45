//! Queries against another SPARQL endpoint (`poakg query --endpoint URL`), by
//! the SPARQL 1.1 Protocol: the query is POSTed as an HTML form
//! (`application/x-www-form-urlencoded`, the form every endpoint takes:
//! Virtuoso 7 does not read `application/sparql-query` bodies), the answer
//! read back (SPARQL JSON results,
//! N-Triples for CONSTRUCT and DESCRIBE) and written with the same writers
//! as a local query's, so a researcher's queries and formats work unchanged
//! against a portal's store.

use crate::sparql::{self, QueryError, QueryText, ResultOptions};
use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Method, Request};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryResults, QueryTripleIter};
use std::io::Write;
use std::time::Duration;

fn failed(endpoint: &str, message: impl std::fmt::Display) -> QueryError {
    QueryError::Remote {
        endpoint: endpoint.to_owned(),
        message: message.to_string(),
    }
}

/// Whether `query` gives a graph (CONSTRUCT, DESCRIBE) rather than solutions.
fn returns_graph(query: &QueryText) -> Result<bool, QueryError> {
    let parsed = spargebra::SparqlParser::new()
        .parse_query(&query.text)
        .map_err(|e| QueryError::Syntax {
            origin: query.origin.clone(),
            message: e.to_string().replace('\n', " "),
        })?;
    Ok(matches!(
        parsed,
        spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. }
    ))
}

/// Sends `query` to `endpoint` and writes its results as a local query's
/// would be written.
pub fn run(
    endpoint: &str,
    query: &QueryText,
    options: &ResultOptions,
    timeout: Duration,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    // the prefixes `poakg query` predeclares are sent with the query: the
    // endpoint does not know them (a later PREFIX in the query overrides)
    let declared: String = crate::vocab::PREFIXES
        .iter()
        .map(|(prefix, ns)| format!("PREFIX {prefix}: <{ns}>\n"))
        .collect();
    let query = &QueryText {
        text: format!("{declared}{}", query.text),
        origin: query.origin.clone(),
    };
    let graph = returns_graph(query)?;
    let accept = if graph {
        "application/n-triples"
    } else {
        "application/sparql-results+json"
    };
    let client = oxhttp::Client::new()
        .with_global_timeout(timeout)
        .with_user_agent(concat!("poakg/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| failed(endpoint, e))?;
    let request = Request::builder()
        .method(Method::POST)
        .uri(endpoint)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, accept)
        .body(oxhttp::model::Body::from(
            form_urlencoded::Serializer::new(String::new())
                .append_pair("query", &query.text)
                .finish(),
        ))
        .map_err(|e| failed(endpoint, e))?;
    let response = client.request(request).map_err(|e| failed(endpoint, e))?;
    let status = response.status();
    let body = response
        .into_body()
        .to_vec()
        .map_err(|e| failed(endpoint, e))?;
    if !status.is_success() {
        let text = String::from_utf8_lossy(&body);
        let short: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(300)
            .collect();
        return Err(failed(
            endpoint,
            format!("HTTP {}: {short}", status.as_u16()),
        ));
    }
    let results: QueryResults<'static> = if graph {
        let triples: Vec<_> = RdfParser::from_format(RdfFormat::NTriples)
            .for_reader(std::io::Cursor::new(body))
            .map(|q| {
                q.map(oxigraph::model::Triple::from)
                    .map_err(|e| failed(endpoint, e))
            })
            .collect::<Result<_, _>>()?;
        QueryResults::Graph(QueryTripleIter::new(triples.into_iter().map(Ok)))
    } else {
        QueryResultsParser::from_format(QueryResultsFormat::Json)
            .for_reader(std::io::Cursor::new(body))
            .map_err(|e| failed(endpoint, e))?
            .into()
    };
    sparql::write_results(query, results, options, out)
}
