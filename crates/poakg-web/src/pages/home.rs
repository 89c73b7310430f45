//! The home page of `poakg serve`: the plans in the store, each linked to
//! its page, with partner, period, kind and counts.

use super::PageError;
use askama::Template;

/// One plan as the home page lists it.
#[derive(Debug, Clone)]
pub struct PlanRow {
    /// Its title.
    pub title: String,
    /// Its page, when its IRI may be a link.
    pub href: Option<String>,
    /// Its partner's name, or `-`.
    pub partner: String,
    /// `2021-2025`, or `-`.
    pub period: String,
    /// `Plan of Action`, `Work Plan`, ...
    pub kind: String,
    /// Pillars, sections, clauses, mentions.
    pub counts: [usize; 4],
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    plans: &'a [PlanRow],
}

/// Renders the home page.
pub fn render(plans: &[PlanRow]) -> Result<String, PageError> {
    Ok(HomePage { plans }.render()?)
}
