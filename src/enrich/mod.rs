//! The semantic layer: what each clause commits to. A rule-based labeller
//! (no model) gives a passage its lead verb, its commitment level (1-5, the
//! enrichment guidelines' scale), its hedges, whether it names a quantity,
//! the means of cooperation it names (nine modality codes), the Sustainable
//! Development Goals it addresses (at most three, ranked) and the areas of
//! the ASEAN Outlook on the Indo-Pacific it falls in. Every label carries
//! its evidence: the words that decided it, their character offsets in the
//! passage text, and the cue or rule that matched. The cues are data
//! (`ontology/*-cues.tsv`, see `lexicon`); the build and `poakg classify`
//! run the same code (`Labeller::label`).

mod commitment;
pub mod lexicon;
pub mod passages;
mod phrases;
pub mod rdf;
mod topics;

pub use lexicon::CueError;
pub use passages::{read_passages, Classified, Passage, PassagesError};

use crate::text::{self, Token};
use lexicon::{parse_cues, CommitmentCues};
use phrases::PhraseSet;
use serde::Serialize;

/// The nine modality codes of the guidelines, in their order.
pub const MODALITIES: [&str; 9] = [
    "dialogue",
    "capacity_building",
    "technical_assistance",
    "information_sharing",
    "people_exchange",
    "joint_activity",
    "funding",
    "instrument_implementation",
    "research",
];

/// The four AOIP areas, in the Outlook's order.
pub const AOIP_AREAS: [&str; 4] = ["maritime", "connectivity", "sdgs", "economic"];

/// The words that decided a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Offset of the first character in the passage text (Unicode
    /// characters from 0).
    pub start: usize,
    /// Offset just past the last character (exclusive).
    pub end: usize,
    /// The passage text between the offsets.
    pub surface: String,
    /// The cue or rule that matched (`sdg-cues:14.4 illegal unreported
    /// unregulated fishing`, `commitment-cues:support (3)`).
    pub found_by: String,
}

impl Evidence {
    /// The evidence spanning `span` (tokens of `text`, in order).
    pub(crate) fn of(text: &str, span: &[Token], found_by: String) -> Evidence {
        let start = span.first().map_or(0, |t| t.start);
        let end = span.last().map_or(start, |t| t.end);
        Evidence {
            start,
            end,
            surface: text::slice(text, start, end),
            found_by,
        }
    }
}

/// The verb phrase carrying a clause's main commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeadVerb {
    /// Lower case, as written, with its auxiliaries ("continue to support").
    pub phrase: String,
    /// Where it is.
    pub evidence: Evidence,
}

/// A commitment level, 1-5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level {
    /// 1 exploratory ... 5 concrete executable action.
    pub value: u8,
    /// The lead verb that gives it, or the hedge that lowered it.
    pub evidence: Evidence,
}

/// A hedge or condition phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hedge {
    /// Lower case, as written ("where feasible", "subject to national laws").
    pub phrase: String,
    /// Whether it may lower a clause it governs to level 1.
    pub lowers: bool,
    /// Where it is.
    pub evidence: Evidence,
}

/// A label of a scheme: a modality code, a goal number, an AOIP area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The concept's notation (`capacity_building`, `14`, `maritime`).
    pub code: String,
    /// The decisive words.
    pub evidence: Evidence,
}

/// Everything the labeller says of one passage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// The lead verb, if the passage has one of the lists'.
    pub lead_verb: Option<LeadVerb>,
    /// The commitment level, if there is a lead verb.
    pub level: Option<Level>,
    /// Every hedge, in text order.
    pub hedges: Vec<Hedge>,
    /// The quantity named, if any (an amount, a share, a count, a year to reach).
    pub quantified: Option<Evidence>,
    /// The modalities, in the order of [`MODALITIES`].
    pub modalities: Vec<Label>,
    /// The goals, most central first (at most three).
    pub sdgs: Vec<Label>,
    /// The AOIP areas, in the order of [`AOIP_AREAS`].
    pub aoip: Vec<Label>,
}

/// The labeller: the cue lexicons, parsed once.
#[derive(Debug, Clone)]
pub struct Labeller {
    commitment: CommitmentCues,
    modalities: PhraseSet,
    sdgs: PhraseSet,
    aoip: PhraseSet,
    instrument_heads: Vec<Vec<String>>,
}

impl Labeller {
    /// The labeller of the bundled lexicons.
    pub fn bundled() -> Result<Labeller, CueError> {
        let heads = crate::entities::lexicon::Lexicon::bundled()
            .map_err(|e| CueError {
                file: e.file,
                line: e.line,
                message: e.message,
            })?
            .instrument_heads();
        Ok(Labeller {
            commitment: CommitmentCues::parse(
                "ontology/commitment-cues.tsv",
                lexicon::COMMITMENT_CUES,
            )?,
            modalities: parse_cues(
                "ontology/modality-cues.tsv",
                lexicon::MODALITY_CUES,
                &["code", "cue"],
                false,
            )?,
            sdgs: parse_cues(
                "ontology/sdg-cues.tsv",
                lexicon::SDG_CUES,
                &["code", "target", "weight", "cue"],
                true,
            )?,
            aoip: parse_cues(
                "ontology/aoip-cues.tsv",
                lexicon::AOIP_CUES,
                &["code", "weight", "cue"],
                true,
            )?,
            instrument_heads: heads,
        })
    }

    /// The labeller of the bundled lexicons, parsed once per process.
    pub fn shared() -> Result<&'static Labeller, CueError> {
        static SHARED: std::sync::LazyLock<Result<Labeller, CueError>> =
            std::sync::LazyLock::new(Labeller::bundled);
        SHARED.as_ref().map_err(Clone::clone)
    }

    /// Labels what a passage is about and by what means (goals, areas,
    /// modalities), not what it commits to: for a preamble, which states
    /// rather than commits.
    pub fn label_topics(&self, text: &str) -> Labels {
        Labels {
            lead_verb: None,
            level: None,
            hedges: Vec::new(),
            quantified: None,
            ..self.label(text)
        }
    }

    /// Labels one passage.
    pub fn label(&self, text: &str) -> Labels {
        let tokens = text::tokens(text);
        let (lead_verb, level, hedges) = self.commitment.label(text, &tokens);
        let sdgs = topics::goals(&self.sdgs, text, &tokens);
        let aoip = topics::areas(&self.aoip, text, &tokens, &sdgs);
        let modalities = topics::modalities(self, text, &tokens, lead_verb.as_ref());
        Labels {
            quantified: self.commitment.quantity(text, &tokens),
            lead_verb,
            level,
            hedges,
            modalities,
            sdgs,
            aoip,
        }
    }
}

#[cfg(test)]
mod tests;
