//! The plan-of-action ingester: text converted from a PDF in, a [`Plan`] out.
//!
//! `lines` classifies each line by shape, `repair` cleans passage text, and
//! `structure` (this module's parser) fits numbered lines into the plan's
//! pillar / section / clause hierarchy using the numbering sequence as context.

mod lines;
mod repair;
mod structure;

pub use lines::{classify, split_lines, Line, LineKind, Numbering};
pub use repair::{collapse_spaces_with_offsets, Repair};
pub use structure::parse;

/// A span of the source in characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A plan of action recovered from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The title as printed, wrapped lines joined.
    pub title: String,
    /// First and last year of the plan's period, when the title gives one.
    pub period: Option<(u16, u16)>,
    /// The text before the first pillar, if any.
    pub preamble: Option<Passage>,
    pub pillars: Vec<Pillar>,
    /// Lines the parser could not place, and other doubts, for the build report.
    pub warnings: Vec<String>,
    /// Conversion damage repaired in the cleaned text.
    pub repairs: Vec<Repair>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pillar {
    pub number: u32,
    /// Title in title case.
    pub title: String,
    /// Title as printed (often upper case).
    pub printed_title: String,
    pub span: Span,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: [u32; 2],
    pub title: String,
    /// True when the text gives no heading and the title was taken from the pillar.
    pub heading_inferred: bool,
    pub span: Span,
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub number: [u32; 3],
    pub passage: Passage,
}

impl Section {
    pub fn notation(&self) -> String {
        format!("{}.{}", self.number[0], self.number[1])
    }
}

impl Clause {
    pub fn notation(&self) -> String {
        format!("{}.{}.{}", self.number[0], self.number[1], self.number[2])
    }
}

impl Plan {
    /// All clauses in document order.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.pillars
            .iter()
            .flat_map(|p| &p.sections)
            .flat_map(|s| &s.clauses)
    }
}

/// Why a text is not taken as a plan.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("the text is empty")]
    Empty,
    #[error("no numbered pillar with numbered clauses was found: this does not look like a plan of action")]
    NoStructure,
    #[error("the plan looks truncated: {0}")]
    Truncated(String),
}
