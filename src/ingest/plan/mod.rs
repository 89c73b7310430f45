//! The plan-of-action ingester: text converted from a PDF in, a [`Plan`] out.
//!
//! `lines` classifies each line by shape (reading its label with `labels`),
//! `outline` decides where a labelled line fits, `structure` builds the
//! plan's pillar / section / clause hierarchy with their text, and `repair`
//! cleans passage text.

pub mod labels;
mod lines;
mod outline;
mod repair;
mod structure;

pub use lines::{classify, split_lines, Line, LineKind};
pub use repair::{collapse_spaces_with_offsets, Repair};
pub use structure::{parse, parse_with, ParseOptions};

/// A span of the source in characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First character of the span.
    pub start: usize,
    /// The character after the last one.
    pub end: usize,
}

/// A plan of action recovered from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The title as printed, wrapped lines joined.
    pub title: String,
    /// First and last year of the plan's period, when the title gives one.
    pub period: Option<crate::corpus::Period>,
    /// The text before the first pillar, if any.
    pub preamble: Option<Passage>,
    /// The pillars in document order.
    pub pillars: Vec<Pillar>,
    /// Lines the parser could not place, and other doubts, for the build report.
    pub warnings: Vec<String>,
    /// Conversion damage repaired in the cleaned text.
    pub repairs: Vec<Repair>,
    /// The notation of the clause the text ends inside (an excerpt): that
    /// clause is left out and the plan is incomplete. None for a whole text.
    pub cut: Option<String>,
}

/// A passage of text: its cleaned and raw forms and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Passage {
    /// Cleaned: one line, single spaces, furniture removed, damage repaired.
    pub text: String,
    /// For each character of `text`, its offset in the source.
    pub offsets: Vec<usize>,
    /// The passage's own source lines, joined with newlines, unrepaired.
    pub raw: String,
    /// From the first to the last character of the passage in the source.
    pub span: Span,
}

/// A pillar (or part): the top level of a plan's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pillar {
    /// Its place among the pillars, from 1.
    pub number: u32,
    /// Its label as printed (`1`, `IV`, `A`), or the next label of the
    /// sequence for a part the text did not number.
    pub notation: String,
    /// Whether the text numbered it.
    pub numbered: bool,
    /// Title in title case.
    pub title: String,
    /// Title as printed (often upper case).
    pub printed_title: String,
    /// True when the text prints no heading for it and its number and
    /// title were inferred from its sections' numbers.
    pub heading_inferred: bool,
    /// Where it stands in the source: from its heading to the end of its text.
    pub span: Span,
    /// Its sections in document order.
    pub sections: Vec<Section>,
    /// Clauses directly under the pillar (a pillar without sections).
    pub clauses: Vec<Clause>,
}

/// A section of a pillar: a heading and the clauses under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its place in its pillar, from 1.
    pub number: u32,
    /// The numbering as a path (`1.2`, `A.b`, `1.A`).
    pub notation: String,
    /// The heading's title, or the pillar's when `heading_inferred`.
    pub title: String,
    /// True when the text gives no heading and the title was taken from the pillar.
    pub heading_inferred: bool,
    /// Where it stands in the source: from its heading to the end of its text.
    pub span: Span,
    /// Its clauses in document order.
    pub clauses: Vec<Clause>,
}

/// A numbered clause: the unit of text that mentions and provenance point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The numbering as a path (`1.2.16`, `I.3`, `1.1(a)`).
    pub notation: String,
    /// Its text: the cleaned text leaves the number out, `raw` and `span`
    /// keep the whole lines.
    pub passage: Passage,
}

impl Section {
    /// The section's numbering path (`1.2`).
    pub fn notation(&self) -> String {
        self.notation.clone()
    }
}

impl Clause {
    /// The clause's numbering path (`1.2.16`), as used in its IRI.
    pub fn notation(&self) -> String {
        self.notation.clone()
    }
}

impl Pillar {
    /// The pillar's clauses in document order, with the section of each.
    pub fn clauses(&self) -> impl Iterator<Item = (Option<&Section>, &Clause)> {
        let mut all: Vec<(Option<&Section>, &Clause)> = self
            .clauses
            .iter()
            .map(|c| (None, c))
            .chain(
                self.sections
                    .iter()
                    .flat_map(|s| s.clauses.iter().map(move |c| (Some(s), c))),
            )
            .collect();
        all.sort_by_key(|(_, c)| c.passage.span.start);
        all.into_iter()
    }
}

impl Plan {
    /// All clauses in document order.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.pillars
            .iter()
            .flat_map(|p| p.clauses().map(|(_, c)| c).collect::<Vec<_>>())
    }
}

/// Why a text is not taken as a plan.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    /// The text is empty or white space only.
    #[error("the text is empty")]
    Empty,
    /// No numbered pillar holding numbered clauses was found.
    #[error("no numbered pillar with numbered clauses was found: this does not look like a plan of action")]
    NoStructure,
    /// The last clause ends mid-sentence: the text was cut short (says
    /// which clause and how it ends).
    #[error("the plan looks truncated: {0}")]
    Truncated(String),
}
