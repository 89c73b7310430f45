//! The query page of the endpoint: a form, the shipped queries to pick
//! from, and a script (`assets/web/query.js`) that shows results as a table
//! of linked labels and offers them in each format.

use super::PageError;
use askama::Template;
use poakg::queries::SHIPPED;

/// A shipped query as the picker lists it.
struct Shipped {
    name: &'static str,
    description: String,
    text: &'static str,
}

#[derive(Template)]
#[template(path = "query.html")]
struct QueryPage {
    shipped: Vec<Shipped>,
    initial: &'static str,
}

/// The query shown when the page opens.
const INITIAL: &str = "SELECT ?section ?notation ?title WHERE {\n  ?section a poa:Section ; skos:notation ?notation ; skos:prefLabel ?title\n} ORDER BY ?notation";

/// Renders the query page.
pub fn render() -> Result<String, PageError> {
    Ok(QueryPage {
        shipped: SHIPPED
            .iter()
            .map(|q| Shipped {
                name: q.name,
                description: q.description().to_owned(),
                text: q.text,
            })
            .collect(),
        initial: INITIAL,
    }
    .render()?)
}
