//! Facts about a plan read beyond its title line, and where each fact came
//! from: the adoption date a preamble states, a title composed for a text
//! that prints none, and the origin of title, partner, period and kind.

use super::partners::Partner;
use super::Period;
use regex::Regex;
use std::sync::LazyLock;

/// Where a fact about a plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// The title line (or lines) of the text.
    #[default]
    TitleLine,
    /// The preamble: the plan's words about itself.
    Preamble,
    /// The file's name.
    FileName,
    /// Composed from the other facts (a title from partner, kind and period).
    Composed,
    /// The user: a build flag or a sidecar file.
    User,
    /// Nowhere: the fact is unknown, or a default.
    Nowhere,
}

impl Origin {
    /// The origin in words, for the build report and the graph.
    pub fn name(self) -> &'static str {
        match self {
            Origin::TitleLine => "title line",
            Origin::Preamble => "preamble",
            Origin::FileName => "file name",
            Origin::Composed => "composed",
            Origin::User => "user",
            Origin::Nowhere => "default",
        }
    }
}

/// Where each of a plan's facts came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MetaSources {
    /// Of the title.
    pub title: Origin,
    /// Of the partner.
    pub partner: Origin,
    /// Of the period.
    pub period: Origin,
    /// Of the kind.
    pub kind: Origin,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date, "13 December 2005" or "December 13, 2005", as the last part of
/// the patterns below.
const DATE: &str = r"\bon\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)|([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+((?:19|20)\d\d)\b";

/// The dates a plan says it was adopted on, most telling first: "adopted
/// this Plan of Action ... on 13 December 2005"; then "adopted", "endorsed"
/// or a summit or meeting "... on ..."; then "signed ... on" (often the
/// declaration the plan implements, named first).
static ADOPTED_ON: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        r"(?i)\b(?:adopted|adopt|endorsed|approved)\s+(?:this|the present)\b[^.;]{0,200}?",
        r"(?i)\b(?:adopted|adopt|endorsed|approved|Summit|Meeting|Conference)\b[^.;]{0,160}?",
        r"(?i)\b(?:signed)\b[^.;]{0,160}?",
    ]
    .map(|lead| crate::text::regex(&format!("{lead}{DATE}")))
});

/// The adoption date a preamble states (see [`ADOPTED_ON`]).
pub(super) fn adoption_date(preamble: &str) -> Option<super::AdoptionDate> {
    ADOPTED_ON.iter().find_map(|re| {
        re.captures_iter(preamble).find_map(|c| {
            let (day, month) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
                _ => return None,
            };
            let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u8 + 1;
            let day: u8 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(super::AdoptionDate {
                year: c[5].parse().ok()?,
                month,
                day,
            })
        })
    })
}

/// A title for a plan whose text prints none: "ASEAN-Australia Plan of
/// Action (2008-2013)".
pub(super) fn compose_title(
    partner: Option<&Partner>,
    kind: &str,
    period: Option<Period>,
) -> String {
    let partner = partner.map_or("ASEAN", |p| p.label.as_str());
    let lead = if partner == "ASEAN" {
        "ASEAN".to_owned()
    } else {
        format!("ASEAN-{partner}")
    };
    match period {
        Some(p) => format!("{lead} {kind} ({p})"),
        None => format!("{lead} {kind}"),
    }
}
