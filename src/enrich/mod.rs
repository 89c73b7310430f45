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

/// A cue file's text and the name its errors give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueFile {
    /// The file's name, for errors.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Cue files to use instead of the bundled ones; `None` keeps the bundled
/// file.
#[derive(Debug, Clone, Default)]
pub struct CueTexts {
    /// In the format of `ontology/commitment-cues.tsv`.
    pub commitment: Option<CueFile>,
    /// In the format of `ontology/modality-cues.tsv`.
    pub modalities: Option<CueFile>,
    /// In the format of `ontology/sdg-cues.tsv`.
    pub sdgs: Option<CueFile>,
    /// In the format of `ontology/aoip-cues.tsv`.
    pub aoip: Option<CueFile>,
}

impl CueTexts {
    /// The file names a folder of cue files may hold, as the bundled ones are named.
    pub const FILE_NAMES: [&'static str; 4] = [
        "commitment-cues.tsv",
        "modality-cues.tsv",
        "sdg-cues.tsv",
        "aoip-cues.tsv",
    ];

    /// Sets the file called `name` (one of [`CueTexts::FILE_NAMES`]); false
    /// for another name.
    pub fn set(&mut self, name: &str, file: String, text: String) -> bool {
        let slot = match name {
            "commitment-cues.tsv" => &mut self.commitment,
            "modality-cues.tsv" => &mut self.modalities,
            "sdg-cues.tsv" => &mut self.sdgs,
            "aoip-cues.tsv" => &mut self.aoip,
            _ => return false,
        };
        *slot = Some(CueFile { name: file, text });
        true
    }
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
        Labeller::with_cues(&CueTexts::default())
    }

    /// The labeller of the given cue files, the bundled ones where none is given.
    pub fn with_cues(texts: &CueTexts) -> Result<Labeller, CueError> {
        let pick = |given: &Option<CueFile>, name: &'static str, bundled: &'static str| {
            given.as_ref().map_or_else(
                || (format!("ontology/{name}"), bundled.to_owned()),
                |f| (f.name.clone(), f.text.clone()),
            )
        };
        let (file, text) = pick(
            &texts.commitment,
            "commitment-cues.tsv",
            lexicon::COMMITMENT_CUES,
        );
        let commitment = CommitmentCues::parse(&file, &text)?;
        let (file, text) = pick(
            &texts.modalities,
            "modality-cues.tsv",
            lexicon::MODALITY_CUES,
        );
        let modalities = parse_cues(&file, &text, &["code", "cue"], false)?;
        let (file, text) = pick(&texts.sdgs, "sdg-cues.tsv", lexicon::SDG_CUES);
        let sdgs = parse_cues(&file, &text, &["code", "target", "weight", "cue"], true)?;
        let (file, text) = pick(&texts.aoip, "aoip-cues.tsv", lexicon::AOIP_CUES);
        let aoip = parse_cues(&file, &text, &["code", "weight", "cue"], true)?;
        let instrument_heads = crate::entities::lexicon::Lexicon::bundled()
            .map_err(|e| CueError {
                file: e.file,
                line: e.line,
                message: e.message,
            })?
            .instrument_heads();
        Ok(Labeller {
            commitment,
            modalities,
            sdgs,
            aoip,
            instrument_heads,
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
