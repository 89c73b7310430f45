//! HTML pages, from compile-checked askama templates (`templates/`) that
//! escape every value by default: the comparison page of `poakg compare`,
//! and the pages `poakg serve` shows people.

pub mod compare;

/// A template failed to render (a bug, not bad input: templates are checked
/// at compile time and values are escaped).
#[derive(Debug, thiserror::Error)]
#[error("rendering a page: {0}")]
pub struct PageError(#[from] askama::Error);
