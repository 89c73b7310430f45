//! HTML pages, from compile-checked askama templates (`templates/`) that
//! escape every value by default: the comparison page of `poakg compare`,
//! and the pages `poakg serve` shows people: the home page, a page for
//! every data IRI (with more for plans, pillars, sections, passages and
//! entities), the network and the query page.

pub mod compare;
pub mod entity;
pub mod home;
pub mod labels;
pub mod links;
pub mod network;
pub mod part;
pub mod passage;
pub mod plan;
pub mod profile;
pub mod query;
pub mod resource;

/// A page could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// A template failed to render (a bug, not bad input: templates are
    /// checked at compile time and values are escaped).
    #[error("rendering a page: {0}")]
    Render(#[from] askama::Error),
    /// The page's data could not be read.
    #[error("reading a page's data: {0}")]
    Query(#[from] poakg::sparql::QueryError),
}
