//! HTML pages, from compile-checked askama templates (`templates/`) that
//! escape every value by default: the comparison page of `poakg compare`,
//! and the pages `poakg serve` shows people for data IRIs.

pub mod compare;
pub mod home;
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
    Query(#[from] crate::sparql::QueryError),
}
