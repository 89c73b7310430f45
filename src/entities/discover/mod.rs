//! Discovery rules: finding entities no registry knows, so that poakg works on
//! plans it has never seen.
//!
//! - **Acronym definitions** (`acronyms`): "Full Name (ACRONYM)", where the
//!   acronym's letters are the initials of the name's words, read from the end
//!   of the name.
//! - **Head nouns** (`heads`): a run of capitalised words (with "of", "on",
//!   "for", years, roman numerals, "U.S.") that contains a head such as *Work
//!   Plan*, *Summit*, *Committee* or *Initiative*; the head and the name's other
//!   words decide the class (`classify`).
//!
//! `tokens` splits passages into words and runs of name words. The word lists
//! all of them use are data (`ontology/lexicon.tsv`, see `lexicon`). Nothing
//! here touches the registry, RDF or the store.

mod acronyms;
mod classify;
mod heads;
mod tokens;

pub use acronyms::acronym_definitions;
pub use classify::{analyse, classify, has_distinctive_word};
pub use heads::head_noun_names;

use super::EntityClass;

/// A name found by a rule, in char positions of the passage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name as it stands in the text.
    pub name: String,
    /// Start of the name's char range.
    pub start: usize,
    /// End of the name's char range (exclusive).
    pub end: usize,
    /// The class the rule gives the name.
    pub class: EntityClass,
    /// The acronym defined with the name.
    pub acronym: Option<Acronym>,
}

/// An acronym defined with a name ("Full Name (ACRONYM)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    /// The acronym as it stands in the text.
    pub text: String,
    /// Start of its char range.
    pub start: usize,
    /// End of its char range (exclusive).
    pub end: usize,
}

#[cfg(test)]
mod tests;
