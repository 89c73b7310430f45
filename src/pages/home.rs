//! The home page of `poakg serve`: the plans in the store, each linked to
//! its page, with partner, period, kind and counts.

use super::PageError;
use askama::Template;

/// One plan as the home page lists it.
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub title: String,
    pub href: Option<String>,
    pub partner: String,
    pub period: String,
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
